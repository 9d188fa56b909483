import CPROJ

/// A coordinate transformation between two CRSs, through PROJ. Owns its PROJ context and
/// transformation object and frees them when released.
///
/// Axis order is normalized for visualization: x is longitude or easting, y latitude or northing.
/// Network access (grid downloads) is switched off. Not thread-safe: one projection per task.
public final class Projection {
    public let source: CoordinateReferenceSystem
    public let target: CoordinateReferenceSystem
    private let context: OpaquePointer
    private let transformation: OpaquePointer
    private let log: LogBox

    /// Collects PROJ's log messages: error code 4096 says little, the useful text arrives here.
    final class LogBox { var messages: [String] = [] }

    /// Creates the transformation from `source` to `target`; throws ``SpatialError`` of kind
    /// `.unknownCRS` with PROJ's message when either is not known.
    public init(from source: CoordinateReferenceSystem, to target: CoordinateReferenceSystem) throws(SpatialError) {
        self.source = source
        self.target = target
        // proj_context_create returns NULL only when out of memory.
        guard let context = proj_context_create() else {
            throw SpatialError(.projection, operation: "creating a PROJ context")
        }
        let log = LogBox()
        proj_log_func(context, Unmanaged.passUnretained(log).toOpaque()) { userdata, _, message in
            guard let userdata, let message else { return }
            Unmanaged<LogBox>.fromOpaque(userdata).takeUnretainedValue().messages.append(String(cString: message))
        }
        proj_log_level(context, PJ_LOG_ERROR)
        proj_context_set_enable_network(context, 0)

        func fail(_ kind: SpatialError.Kind, _ operation: String) -> SpatialError {
            // Copy PROJ's message before the context is destroyed (reading it afterwards crashes).
            let errno = proj_context_errno(context)
            var message = log.messages.last ?? ""
            if message.isEmpty, errno != 0, let text = proj_context_errno_string(context, errno) {
                message = String(cString: text)
            }
            proj_context_destroy(context)
            return SpatialError(kind, operation: operation, libraryMessage: message)
        }

        // NULL when a CRS is unknown.
        guard let raw = proj_create_crs_to_crs(context, source.identifier, target.identifier, nil) else {
            throw fail(.unknownCRS, "finding a transformation from \(source) to \(target)")
        }
        guard let normalized = proj_normalize_for_visualization(context, raw) else {
            proj_destroy(raw)
            throw fail(.projection, "normalizing the axis order of \(source) to \(target)")
        }
        proj_destroy(raw)
        self.context = context
        self.transformation = normalized
        self.log = log
    }

    deinit {
        proj_destroy(transformation)
        proj_context_destroy(context)
    }

    /// Whether `crs` is known to PROJ's database.
    public static func isKnown(_ crs: CoordinateReferenceSystem) -> Bool {
        guard let context = proj_context_create() else { return false }
        defer { proj_context_destroy(context) }
        proj_log_level(context, PJ_LOG_NONE)
        proj_context_set_enable_network(context, 0)
        guard let object = proj_create(context, crs.identifier) else { return false }
        proj_destroy(object)
        return true
    }

    /// Transforms `points` in place, all at once (proj_trans_generic). Points PROJ cannot transform
    /// become (inf, inf); the function throws when PROJ reports an error for the whole batch.
    public func transform(_ points: inout [Point]) throws(SpatialError) {
        guard !points.isEmpty, source != target else { return }
        let count = points.count
        let stride = MemoryLayout<Point>.stride
        let transformed = points.withUnsafeMutableBytes { raw -> Int in
            let base = raw.baseAddress!
            let xs = base.assumingMemoryBound(to: Double.self)
            let ys = (base + MemoryLayout<Double>.size).assumingMemoryBound(to: Double.self)
            // Returns the number of transformed points.
            return proj_trans_generic(transformation, PJ_FWD, xs, stride, count, ys, stride, count,
                                      nil, 0, 0, nil, 0, 0)
        }
        if transformed != count {
            let errno = proj_errno(transformation)
            let message = errno != 0 ? proj_context_errno_string(context, errno).map { String(cString: $0) } : nil
            proj_errno_reset(transformation)
            throw SpatialError(.projection, operation: "transforming \(count) points from \(source) to \(target)",
                               libraryMessage: message ?? log.messages.last)
        }
    }

    /// Transforms one point.
    public func transform(_ point: Point) throws(SpatialError) -> Point {
        var points = [point]
        try transform(&points)
        return points[0]
    }
}

import Foundation

extension Projection {
    /// A transformation from `source` to `target`, made once per thread and reused: creating one costs about
    /// 15 ms (PROJ searches its database for the best operation), transforming costs microseconds.
    /// Per thread, because a PROJ context must not be used by two threads at once.
    public static func cached(from source: CoordinateReferenceSystem, to target: CoordinateReferenceSystem) throws(SpatialError) -> Projection {
        let key = "regio.projection.\(source.epsg)->\(target.epsg)"
        let storage = Thread.current.threadDictionary
        if let projection = storage[key] as? Projection { return projection }
        // One made ahead by `prepare` is taken over by the first thread that asks (it owns its PROJ context,
        // so it may change threads as long as one thread uses it at a time).
        let projection: Projection
        if let prepared = try Prepared.take(key) { projection = prepared } else { projection = try Projection(from: source, to: target) }
        storage[key] = projection
        return projection
    }

    /// Starts making the transformation from `source` to `target` on another thread, so that the first
    /// ``cached(from:to:)`` call for it (on any thread) finds it made or nearly so. Call it when a run will
    /// probably need the transformation but has other work to do first; unused, it costs only the other
    /// core's time.
    public static func prepare(from source: CoordinateReferenceSystem, to target: CoordinateReferenceSystem) {
        Prepared.start("regio.projection.\(source.epsg)->\(target.epsg)") { () throws(SpatialError) in
            try Projection(from: source, to: target)
        }
    }

    /// Waits until no transformation is being made ahead (at most the ~25 ms PROJ takes to make one). Call it
    /// before a run ends early, as on an input error: `exit` runs PROJ's static destructors, and a thread still
    /// making a transformation then reads freed memory (a SIGSEGV seen under load).
    public static func finishPreparing() { Prepared.finishPending() }

    /// Transformations being made ahead, by cache key; each is handed to one taker.
    private enum Prepared {
        private static let lock = NSLock()
        nonisolated(unsafe) private static var pending: [String: BackgroundResult<Projection, SpatialError>] = [:]

        static func start(_ key: String, _ make: @escaping @Sendable () throws(SpatialError) -> Projection) {
            lock.withLock {
                guard pending[key] == nil else { return }
                pending[key] = BackgroundResult.start(make)
            }
        }

        /// Waits for every transformation still being made (at most the ~25 ms PROJ takes to make one).
        static func finishPending() {
            for prepared in lock.withLock({ Array(pending.values) }) { _ = try? prepared.value() }
        }

        /// The projection made ahead under `key` (waiting for it), or `nil` when none was started.
        static func take(_ key: String) throws(SpatialError) -> Projection? {
            guard let prepared = lock.withLock({ pending.removeValue(forKey: key) }) else { return nil }
            return try prepared.value()
        }
    }
}
