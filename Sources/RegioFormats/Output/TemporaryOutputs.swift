import Dispatch
import Foundation

/// The temporary files and folders of outputs being written, removed when the process is interrupted (SIGINT,
/// Ctrl-C) or terminated (SIGTERM), so that a stopped run leaves nothing half-written beside its target.
///
/// The first registration installs a handler for both signals: the signals are then delivered to a dispatch
/// source (not as asynchronous interrupts, so the clean-up may use the file manager), which removes every
/// registered path, restores the default action and raises the signal again, so the process still ends as
/// interrupted (exit status 128 + signal for the shell). When the main thread, finding its temporary file gone,
/// ends first, an exit handler raises the signal instead, so the run never ends as if it had merely failed.
enum TemporaryOutputs {
    private static let lock = NSLock()
    /// The signal received, 0 before one (written under the lock, read at exit).
    nonisolated(unsafe) private static var received: Int32 = 0
    nonisolated(unsafe) private static var paths: Set<String> = []
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    /// Removes `path` (file or folder) if the process is interrupted before ``unregister(_:)``.
    static func register(_ path: String) {
        lock.withLock {
            if sources.isEmpty {
                installHandlers()
                atexit {
                    let signalNumber = TemporaryOutputs.lock.withLock { TemporaryOutputs.received }
                    if signalNumber != 0 { TemporaryOutputs.reraise(signalNumber) }
                }
            }
            paths.insert(path)
        }
    }

    /// `path` is gone or in place: no longer removed on a signal.
    static func unregister(_ path: String) {
        lock.withLock { _ = paths.remove(path) }
    }

    /// Ends the process by `signalNumber` with its default action. libdispatch on Linux receives signals through
    /// a signalfd with the signal blocked, so it is unblocked in this thread before it is raised.
    private static func reraise(_ signalNumber: Int32) {
        signal(signalNumber, SIG_DFL)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, signalNumber)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        raise(signalNumber)
    }

    /// Called with the lock held.
    private static func installHandlers() {
        for signalNumber in [SIGINT, SIGTERM] {
            // Ignored as an interrupt: the dispatch source receives it instead.
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                lock.withLock {
                    received = signalNumber
                    for path in paths { try? FileManager.default.removeItem(atPath: path) }
                    paths.removeAll()
                }
                reraise(signalNumber)
            }
            source.resume()
            sources.append(source)
        }
    }
}
