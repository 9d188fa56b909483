import Foundation

/// Reading a whole input file, with the errors a user can act on.
enum InputFile {
    /// The bytes of `path`; `fileNotFound` / `unreadable` / `emptyFile` errors name the file.
    static func bytes(_ path: String) throws(InputError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(.fileNotFound, file: path, message: "no such file")
        }
        guard !isDirectory.boolValue else {
            throw InputError(.unreadable, file: path, message: "is a directory, expected a file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(.unreadable, file: path, message: "cannot be read (check its permissions)")
        }
        guard !data.isEmpty else { throw InputError(.emptyFile, file: path, message: "the file is empty") }
        return [UInt8](data)
    }
}
