import Foundation

/// A file as the file system knows it: device and inode, after following symbolic links. Two paths with the same
/// identity are the same file, whether named twice, through a symbolic link or through a hard link.
struct FileIdentity: Equatable {
    let device: UInt64
    let inode: UInt64
    /// Whether the path (followed) is a regular file, a folder or something else (device, pipe, socket).
    let kind: Kind

    enum Kind { case regular, folder, other }

    /// The identity of what `path` names, following links; `nil` when nothing exists there.
    init?(following path: String) {
        var info = stat()
        // stat(2) returns -1 when the path does not exist (or cannot be reached).
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    /// The identity of `path` itself, not following a final symbolic link; `nil` when nothing exists there.
    init?(at path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    private init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        switch info.st_mode & S_IFMT {
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .folder
        default: kind = .other
        }
    }

    /// Whether `self` and `other` are the same file (kind aside).
    func isSameFile(as other: FileIdentity) -> Bool { device == other.device && inode == other.inode }
}
