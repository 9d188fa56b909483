import Dispatch

/// The one serial executor of every ``ScenarioSession`` made from one ``ScenarioBase``: the sessions share the
/// base's ``Dataset`` (its ``GeometryContext`` and the GEOS geometries of the map), which is not thread-safe, so
/// their isolated methods run one at a time, in the order they were asked for, on one dispatch queue. Sessions
/// of one base are still separate actors (their own edits, undo stacks and auditors); they only take turns.
final class GeometryExecutor: SerialExecutor {
    private let queue = DispatchQueue(label: "regio.geometry", qos: .userInitiated)

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedSerialExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }

    func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }
}
