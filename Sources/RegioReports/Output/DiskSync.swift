import Foundation

/// Flushing written data to the disk before it is renamed into place, so that a crash or power cut right after
/// the rename cannot leave an output that has its name but not its content.
enum DiskSync {
    /// Flushes the file or folder at `path` (`fsync(2)`; a folder's entries are flushed by syncing the folder).
    /// - Throws: the error of `open(2)` or `fsync(2)` as an `NSError` in the POSIX domain.
    static func file(_ path: String) throws {
        // open returns -1 and sets errno on failure; O_RDONLY is enough for fsync on Linux.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw POSIXFailure(operation: "open", path: path, code: errno) }
        defer { close(descriptor) }
        // fsync returns -1 and sets errno on failure (EIO, ENOSPC, …).
        guard fsync(descriptor) == 0 else { throw POSIXFailure(operation: "fsync", path: path, code: errno) }
    }

    /// A failed system call, in words.
    struct POSIXFailure: Error, CustomStringConvertible {
        let operation: String
        let path: String
        let code: Int32
        var description: String { "\(operation) \(path): \(String(cString: strerror(code)))" }
    }
}
