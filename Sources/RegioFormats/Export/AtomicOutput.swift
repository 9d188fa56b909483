import Foundation

/// Writes an output file or folder atomically: everything is written into a temporary sibling of the
/// target (same folder, so the same file system) and renamed into place only when complete, so a reader
/// never sees a half-written export and a failed run leaves the old output untouched.
///
/// A file replaces an existing file with one `rename(2)`, which is atomic. A folder cannot be renamed over a
/// non-empty folder: the old one is first renamed aside, the new one into place, then the old one removed
/// (restored when the second rename fails).
public enum AtomicOutput {
    /// Makes the output at `path` by calling `make` with a temporary path (a fresh empty folder when
    /// `directory`, else a path where nothing exists yet), then renames it to `path`.
    /// - Parameter force: replace an existing output; without it an existing `path` is an error and is left
    ///   untouched, and `make` is not called.
    /// - Throws: ``InputError`` of kind `outputExists` (exists, no force), `unwritable` (folder missing, rename
    ///   failed), or whatever `make` throws, wrapped as `unwritable` unless it is an ``InputError``.
    public static func write(_ path: String, directory: Bool, force: Bool,
                             make: (String) throws -> Void) throws(InputError) {
        let fm = FileManager.default
        let target = URL(fileURLWithPath: path).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard fm.fileExists(atPath: parent.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw InputError(.unwritable, file: path, message: "the folder \(parent.path) does not exist: create it first")
        }
        try checkReplaceable(path, force: force)

        let token = "\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        let temporary = parent.appendingPathComponent(".\(target.lastPathComponent).tmp-\(token)")
        defer { try? fm.removeItem(at: temporary) }
        do {
            if directory { try fm.createDirectory(at: temporary, withIntermediateDirectories: false) }
            try make(temporary.path)
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError(.unwritable, file: path, message: "cannot write the output: \(error)")
        }

        // Checked again: the output may have appeared while the export ran.
        try checkReplaceable(path, force: force)
        let existing = fm.fileExists(atPath: target.path, isDirectory: &isFolder)
        if !existing || (!directory && !isFolder.boolValue) {
            // rename(2) replaces a file atomically; returns -1 and sets errno on failure.
            guard rename(temporary.path, target.path) == 0 else {
                throw InputError(.unwritable, file: path, message: "cannot move the output into place: \(String(cString: strerror(errno)))")
            }
            return
        }
        let aside = parent.appendingPathComponent(".\(target.lastPathComponent).old-\(token)")
        guard rename(target.path, aside.path) == 0 else {
            throw InputError(.unwritable, file: path, message: "cannot replace the existing output: \(String(cString: strerror(errno)))")
        }
        guard rename(temporary.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = rename(aside.path, target.path)
            throw InputError(.unwritable, file: path, message: "cannot move the output into place: \(reason)")
        }
        try? fm.removeItem(at: aside)
    }

    /// Throws ``InputError`` `outputExists` when `path` exists and `force` is off (commands call it before
    /// their work, to fail fast; ``write(_:directory:force:make:)`` checks again).
    public static func checkReplaceable(_ path: String, force: Bool) throws(InputError) {
        guard !force else { return }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            let what = isFolder.boolValue ? "folder" : "file"
            throw InputError(.outputExists, file: path, message: "the output \(what) already exists: pass --force to replace it")
        }
    }
}
