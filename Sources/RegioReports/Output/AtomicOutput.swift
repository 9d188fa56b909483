import Foundation
import RegioInputs

/// The one output rule of every command that writes a file or folder:
///
/// - Everything is written into a temporary sibling of the target (same folder, so the same file system),
///   flushed to disk (`fsync`) and renamed into place only when complete: a reader never sees a half-written
///   output and a failed run leaves the old output untouched. The temporary file or folder is removed when the
///   run fails or is interrupted (SIGINT, SIGTERM: ``TemporaryOutputs``).
/// - An output that exists is replaced only with `force`.
/// - regio never replaces or deletes what it did not write: an output that is one of the run's inputs (the same
///   file, also through a link) is refused, force or not; a file output never replaces a folder or a device; a
///   folder output replaces only the files listed in the folder's ``ExportManifest``, and a folder without one is
///   never touched.
public enum AtomicOutput {
    /// Makes the file at `path` by calling `make` with a temporary path where nothing exists yet, then renames it
    /// into place.
    /// - Parameters:
    ///   - force: replace an existing file (never a folder, never one of `inputs`); without it an existing `path`
    ///     is an error, and `make` is not called.
    ///   - inputs: the run's input files, which the output may never be.
    /// - Throws: ``InputError`` of kind `outputExists` (exists, no force), `protectedOutput` (an input, a folder,
    ///   a device), `unwritable` (folder missing, rename failed), or whatever `make` throws, wrapped as
    ///   `unwritable` unless it is an ``InputError``.
    public static func write(_ path: String, force: Bool, inputs: OutputInputs = .none,
                             make: (String) throws -> Void) throws(InputError) {
        try withTemporary(for: path, directory: false, force: force, inputs: inputs) { temporary, register in
            // SQLite (a GeoPackage) keeps its journal beside the database while it writes.
            for suffix in ["-journal", "-wal", "-shm"] { register(temporary + suffix) }
            try make(temporary)
            try DiskSync.file(temporary)
        } commit: { temporary, target throws(InputError) in
            // rename(2) replaces a file atomically; returns -1 and sets errno on failure.
            guard rename(temporary, target) == 0 else {
                throw InputError(.unwritable, file: path, message: "cannot move the output into place: \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Writes `files` (plain names and their bytes) as the folder at `path`, with an ``ExportManifest``: a new
    /// folder is renamed into place whole; into an existing folder of an earlier export only the listed files are
    /// moved (``replaceFiles(in:from:files:inputs:shownAs:)``).
    /// - Throws: as ``write(_:force:inputs:make:)``; `protectedOutput` also for a folder regio did not write.
    public static func writeFolder(_ path: String, files: [(name: String, bytes: [UInt8])], force: Bool,
                                   inputs: OutputInputs = .none) throws(InputError) {
        let names = files.map(\.name)
        guard names.allSatisfy(ExportManifest.isPlainName), Set(names).count == names.count else {
            throw InputError(.unwritable, file: path, message: "the export's file names are not plain and distinct: \(names)")
        }
        try withTemporary(for: path, directory: true, force: force, inputs: inputs) { temporary, register in
            try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: false)
            let manifest = (ExportManifest.fileName, [UInt8](ExportManifest(files: names).json))
            for (name, bytes) in files + [manifest] {
                let file = (temporary as NSString).appendingPathComponent(name)
                register(file)
                try Data(bytes).write(to: URL(fileURLWithPath: file))
                try DiskSync.file(file)
            }
            try DiskSync.file(temporary)
        } commit: { temporary, target throws(InputError) in
            if FileIdentity(at: target) != nil {
                try replaceFiles(in: target, from: temporary, files: names.sorted(), inputs: inputs, shownAs: path)
            } else {
                guard rename(temporary, target) == 0 else {
                    throw InputError(.unwritable, file: path, message: "cannot move the output into place: \(String(cString: strerror(errno)))")
                }
            }
        }
    }

    /// The common part of both forms: the parent folder must exist, the output must be replaceable (checked
    /// before and again after the work), the temporary path beside the target is registered for removal on a
    /// signal (with whatever `make` registers) and removed when done, and the parent folder is flushed after
    /// `commit` moved the output into place.
    private static func withTemporary(for path: String, directory: Bool, force: Bool, inputs: OutputInputs,
                                      make: (_ temporary: String, _ register: (String) -> Void) throws -> Void,
                                      commit: (_ temporary: String, _ target: String) throws(InputError) -> Void) throws(InputError) {
        let target = URL(fileURLWithPath: path).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        guard FileIdentity(following: parent.path)?.kind == .folder else {
            throw InputError(.unwritable, file: path, message: "the folder \(parent.path) does not exist: create it first")
        }
        try checkReplaceable(path, directory: directory, force: force, inputs: inputs)

        let token = "\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        let temporary = parent.appendingPathComponent(".\(target.lastPathComponent).tmp-\(token)").path
        var registered: [String] = []
        func register(_ leftover: String) {
            registered.append(leftover)
            TemporaryOutputs.register(leftover)
        }
        register(temporary)
        defer {
            for leftover in registered.reversed() {
                try? FileManager.default.removeItem(atPath: leftover)
                TemporaryOutputs.unregister(leftover)
            }
        }
        do {
            try make(temporary, register)
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError(.unwritable, file: path, message: "cannot write the output: \(error)")
        }
        // Checked again: the output may have appeared while the output was made.
        try checkReplaceable(path, directory: directory, force: force, inputs: inputs)
        try commit(temporary, target.path)
        try? DiskSync.file(parent.path)
    }

    /// Throws when the output at `path` may not be written: `protectedOutput` when it is one of `inputs` or
    /// something regio did not write (with or without `force`), else `outputExists` when it exists and `force` is
    /// off. Commands call it before their work, to fail fast; ``write(_:force:inputs:make:)`` and
    /// ``writeFolder(_:files:force:inputs:)`` check again.
    public static func checkReplaceable(_ path: String, directory: Bool = false, force: Bool,
                                        inputs: OutputInputs = .none) throws(InputError) {
        if let input = inputs.input(sameAs: path) {
            let through = input.path == path ? "" : " (\(input.path))"
            throw InputError(.protectedOutput, file: path,
                             message: "the output is the input file of \(input.option)\(through): regio never writes over its inputs; choose another output")
        }
        guard let existing = FileIdentity(at: path) else { return }
        let followed = FileIdentity(following: path) ?? existing
        let what = followed.kind == .folder ? "folder" : "file"
        // What regio may never replace is refused first: --force would not help.
        switch (directory, followed.kind) {
        case (false, .regular):
            break
        case (false, .folder):
            throw InputError(.protectedOutput, file: path,
                             message: "is a folder, and the output is a file: regio never replaces a folder with a file; choose a file name")
        case (true, .folder) where existing.kind == .folder:
            guard ExportManifest.read(in: path) != nil else {
                let empty = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? ["?"]).isEmpty
                if empty { break }
                throw InputError(.protectedOutput, file: path,
                                 message: "is a folder that regio did not write (it has no \(ExportManifest.fileName) list of regio's files): "
                                     + "regio never replaces it, even with --force; choose a new or empty folder")
            }
        case (true, _):
            throw InputError(.protectedOutput, file: path,
                             message: "is not a folder regio wrote (it is a \(what)\(existing.kind == followed.kind ? "" : " through a link")): "
                                 + "the output is a folder; choose a new or empty folder")
        case (false, .other):
            throw InputError(.protectedOutput, file: path,
                             message: "is not a regular file (a device, pipe or socket): regio writes its output only to files; choose a file name")
        }
        guard force else {
            throw InputError(.outputExists, file: path, message: "the output \(what) already exists: pass --force to replace it")
        }
    }

    /// Moves the files of `temporary` into the existing output folder `folder`: each listed file of the old
    /// manifest is replaced or removed, the new manifest goes in last, and nothing the manifest does not list is
    /// touched. Throws `protectedOutput`, before anything moved, when a new file's name is taken by a file regio
    /// did not write.
    private static func replaceFiles(in folder: String, from temporary: String, files: [String], inputs: OutputInputs,
                                     shownAs path: String) throws(InputError) {
        let old = ExportManifest.read(in: folder)?.files ?? []
        let fm = FileManager.default
        func inFolder(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
        if let input = files.lazy.compactMap({ inputs.input(sameAs: inFolder($0)) }).first {
            throw InputError(.protectedOutput, file: path,
                             message: "holds the input file of \(input.option) (\(input.path)): regio never writes over its inputs; choose another folder")
        }
        if let taken = files.first(where: { !old.contains($0) && FileIdentity(at: inFolder($0)) != nil }) {
            throw InputError(.protectedOutput, file: path,
                             message: "holds \(taken), which regio did not write: regio never replaces it; move it away or choose another folder")
        }
        for name in files + [ExportManifest.fileName] {
            let from = (temporary as NSString).appendingPathComponent(name)
            guard rename(from, inFolder(name)) == 0 else {
                throw InputError(.unwritable, file: path,
                                 message: "cannot move \(name) into place: \(String(cString: strerror(errno)))")
            }
        }
        // Files of the previous export that this one no longer writes; only regular files, never a folder.
        for name in old where !files.contains(name) && FileIdentity(at: inFolder(name))?.kind == .regular
            && inputs.input(sameAs: inFolder(name)) == nil {
            try? fm.removeItem(atPath: inFolder(name))
        }
        try? DiskSync.file(folder)
    }
}
