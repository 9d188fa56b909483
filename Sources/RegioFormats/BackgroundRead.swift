import Dispatch

/// Reading one input on the second core while the calling thread reads the others: ``start(_:)`` begins
/// the work on a global queue, ``value()`` waits for it and returns its result or rethrows its error.
/// The work must not touch GEOS or PROJ handles (they belong to one thread); parsing a CSV file is the
/// intended use.
final class BackgroundRead<Value: Sendable>: @unchecked Sendable {
    private let group = DispatchGroup()
    // Written once by the work item before it leaves the group, read only after `group.wait()`.
    private var result: Result<Value, InputError>?

    private init() {}

    static func start(_ work: @escaping @Sendable () throws(InputError) -> Value) -> BackgroundRead {
        let read = BackgroundRead()
        read.group.enter()
        DispatchQueue.global(qos: .userInitiated).async {
            do throws(InputError) { read.result = .success(try work()) } catch { read.result = .failure(error) }
            read.group.leave()
        }
        return read
    }

    /// The result, once the work is done.
    func value() throws(InputError) -> Value {
        group.wait()
        return try result!.get()
    }
}
