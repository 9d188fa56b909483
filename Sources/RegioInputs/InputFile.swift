import Foundation
import RegioDomain

/// Reading a whole input file, with the errors a user can act on, and never more than a limit: a regular file
/// larger than it is refused before it is read, and a device or pipe (`/dev/zero`, a process substitution) is
/// read only up to it.
public enum InputFile {
    /// The limit in bytes when no setting gives one: the default of ``AuditSettings/maximumInputMegabytes``.
    public static let defaultMaximumBytes = AuditSettings().maximumInputBytes

    /// The bytes of `path`; `fileNotFound` / `unreadable` / `emptyFile` / `tooLarge` errors name the file.
    static func bytes(_ path: String, maximumBytes: Int = defaultMaximumBytes) throws(InputError) -> [UInt8] {
        let size = try checkedSize(path, maximumBytes: maximumBytes)
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError(.unreadable, file: path, message: "cannot be read (check its permissions)")
        }
        defer { try? handle.close() }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(size ?? 1 << 20, maximumBytes) + 1)
        while bytes.count <= maximumBytes {
            let chunk: Data?
            do { chunk = try handle.read(upToCount: min(1 << 20, maximumBytes + 1 - bytes.count)) } catch {
                throw InputError(.unreadable, file: path, message: "cannot be read: \(error.localizedDescription)")
            }
            guard let chunk, !chunk.isEmpty else { break }
            bytes.append(contentsOf: chunk)
        }
        if bytes.count > maximumBytes {
            throw tooLarge(path, maximumBytes: maximumBytes, size: size, regular: size != nil)
        }
        guard !bytes.isEmpty else { throw InputError(.emptyFile, file: path, message: "the file is empty") }
        return bytes
    }

    /// Checks that `path` exists, is not a folder and, when a regular file, is not larger than `maximumBytes`;
    /// returns its size in bytes, `nil` for a device or pipe (whose size is unknown until read).
    static func checkedSize(_ path: String, maximumBytes: Int) throws(InputError) -> Int? {
        var info = stat()
        // stat(2) follows links; returns -1 and sets errno when the path cannot be reached.
        guard stat(path, &info) == 0 else {
            if errno == EACCES { throw InputError(.unreadable, file: path, message: "cannot be read (check its permissions)") }
            throw InputError(.fileNotFound, file: path, message: "no such file")
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            throw InputError(.unreadable, file: path, message: "is a directory, expected a file")
        case S_IFREG:
            let size = Int(info.st_size)
            if size > maximumBytes { throw tooLarge(path, maximumBytes: maximumBytes, size: size, regular: true) }
            return size
        default:
            return nil
        }
    }

    private static func tooLarge(_ path: String, maximumBytes: Int, size: Int?, regular: Bool) -> InputError {
        let limit = megabytes(maximumBytes)
        let what = regular && size != nil
            ? "is \(megabytes(size!)), larger than the limit of \(limit)"
            : "is not a regular file (a device or pipe) and holds more than the limit of \(limit)"
        return InputError(.tooLarge, file: path,
                          message: "\(what); raise the setting maximumInputMegabytes (regio config) if the file is right")
    }

    /// "200 MB", "1.5 MB", "1000 bytes".
    private static func megabytes(_ bytes: Int) -> String {
        guard bytes >= 1_000_000 else { return "\(bytes) bytes" }
        let value = Double(bytes) / 1e6
        return value == value.rounded() ? "\(Int(value)) MB" : String(format: "%.1f MB", value)
    }
}
