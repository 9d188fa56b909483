import Dispatch

/// Work started on another core whose result the caller collects later: ``start(_:)`` runs the work on a
/// global queue, ``value()`` waits for it and returns its result or rethrows its error. The work must not
/// touch a GEOS context or PROJ object that another thread uses meanwhile (parsing a file, or making a
/// projection that owns its own PROJ context, are the intended uses).
public final class BackgroundResult<Value, Failure: Error>: @unchecked Sendable {
    private let group = DispatchGroup()
    // Written once by the work item before it leaves the group, read only after `group.wait()`.
    private var result: Result<Value, Failure>?

    private init() {}

    /// Starts `work` on another thread.
    public static func start(_ work: @escaping @Sendable () throws(Failure) -> Value) -> BackgroundResult {
        let background = BackgroundResult()
        background.group.enter()
        DispatchQueue.global(qos: .userInitiated).async {
            do throws(Failure) { background.result = .success(try work()) } catch { background.result = .failure(error) }
            background.group.leave()
        }
        return background
    }

    /// The result, once the work is done.
    public func value() throws(Failure) -> Value {
        group.wait()
        guard let result else { preconditionFailure("the background work left its group without a result") }
        return try result.get()
    }
}
