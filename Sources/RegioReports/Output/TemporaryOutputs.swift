import Foundation

/// The temporary files and folders of outputs being written, removed when the process is interrupted (SIGINT,
/// Ctrl-C) or terminated (SIGTERM), so that a stopped run leaves nothing half-written beside its target.
///
/// The first registration installs a signal handler for both signals. It does only what is safe in a signal
/// handler: `unlink(2)` and `rmdir(2)` of the registered paths (C strings made at registration; files first, then
/// the folders they were in), then it restores the default action and raises the signal again,
/// so the process still ends as interrupted (exit status 128 + signal for the shell).
enum TemporaryOutputs {
    /// Room for the paths of a few outputs at once (each output registers its file or folder, its files and
    /// SQLite's journal names).
    static let capacity = 256

    private static let lock = NSLock()
    /// The registered paths, `nil` where free. A path that is unregistered is cleared but never freed (a
    /// handler may be reading it on another thread); the few bytes per output are the price.
    nonisolated(unsafe) private static let slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let slots = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        slots.initialize(repeating: nil, count: capacity)
        return slots
    }()
    nonisolated(unsafe) private static var installed = false

    /// Removes `path` (a file, or an empty folder once its registered files are gone) if the process is
    /// interrupted before ``unregister(_:)``. Paths beyond ``capacity`` are not removed on a signal (the normal
    /// clean-up still removes them).
    static func register(_ path: String) {
        lock.withLock {
            if !installed {
                _ = slots  // made now: the handler must not be the first to touch it
                installed = true
                for signalNumber in [SIGINT, SIGTERM] { signal(signalNumber, handler) }
            }
            guard let free = (0..<capacity).first(where: { slots[$0] == nil }) else { return }
            slots[free] = strdup(path)
        }
    }

    /// `path` is gone or in place: no longer removed on a signal.
    static func unregister(_ path: String) {
        lock.withLock {
            for index in 0..<capacity {
                if let registered = slots[index], String(cString: registered) == path { slots[index] = nil }
            }
        }
    }

    /// Runs in the signal handler: only async-signal-safe calls (unlink, rmdir, signal, raise).
    private static let handler: @convention(c) (Int32) -> Void = { signalNumber in
        // Files first, then the folders they were in (rmdir removes only an empty folder).
        for index in 0..<TemporaryOutputs.capacity { if let path = TemporaryOutputs.slots[index] { unlink(path) } }
        for index in 0..<TemporaryOutputs.capacity { if let path = TemporaryOutputs.slots[index] { rmdir(path) } }
        signal(signalNumber, SIG_DFL)
        raise(signalNumber)
    }
}
