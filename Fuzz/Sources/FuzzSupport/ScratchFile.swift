import Foundation

/// The readers take a path, as the commands give them: a harness writes each input to a file of its own
/// process in the temporary folder (`/dev/shm` when there is one, so no disk is touched) and reads that.
public enum ScratchFile {
    /// This process's scratch folder, made on first use.
    public static let folder: String = {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let path = "\(base)/regio-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    /// Writes the `size` bytes at `data` to the file `name` (e.g. `schools.csv`: readers choose by extension)
    /// in ``folder``, replacing it, and returns its path.
    public static func write(_ data: UnsafePointer<UInt8>?, _ size: Int, named name: String) -> String {
        let path = "\(folder)/\(name)"
        do {
            // In place, not atomically: a reader never sees the file while it is written, and this is 2 system calls.
            try bytes(data, size).write(to: URL(fileURLWithPath: path))
        } catch {
            fatalError("cannot write the scratch file \(path): \(error)")
        }
        return path
    }

    /// The `size` bytes at `data` (none when `size` is 0, whatever `data` is).
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Data {
        guard let data, size > 0 else { return Data() }
        return Data(bytes: data, count: size)
    }
}
