import CGEOS

/// A geometry prepared for many repeated predicate tests (point-in-polygon loops). Build it once per
/// polygon and reuse it. It keeps its base geometry alive, as GEOS requires.
public final class PreparedGeometry {
    public let base: Geometry
    private let prepared: OpaquePointer

    public init(_ base: Geometry) throws(SpatialError) {
        self.base = base
        // GEOSPrepare_r returns NULL on exception.
        guard let prepared = GEOSPrepare_r(base.handle, base.pointer) else {
            throw base.context.failure("preparing a geometry")
        }
        self.prepared = prepared
    }

    deinit { GEOSPreparedGeom_destroy_r(base.handle, prepared) }

    /// Whether the point lies inside or on the boundary (covers). Returns false on GEOS exception.
    public func covers(_ point: Point) -> Bool {
        // GEOSPreparedContainsXY_r / CoversXY are 3.12+; build a point in the same context.
        guard let p = GEOSGeom_createPointFromXY_r(base.handle, point.x, point.y) else { return false }
        defer { GEOSGeom_destroy_r(base.handle, p) }
        return GEOSPreparedCovers_r(base.handle, prepared, p) == 1
    }

    public func intersects(_ other: Geometry) throws(SpatialError) -> Bool {
        try base.context.predicate(GEOSPreparedIntersects_r(base.handle, prepared, other.pointer),
                                   "testing intersection against a prepared geometry")
    }

    public func contains(_ other: Geometry) throws(SpatialError) -> Bool {
        try base.context.predicate(GEOSPreparedContains_r(base.handle, prepared, other.pointer),
                                   "testing containment against a prepared geometry")
    }

    /// Minimum distance to `other`, in units (m in RD New).
    public func distance(to other: Geometry) throws(SpatialError) -> Double {
        var value = 0.0
        // Returns 0 on exception.
        guard GEOSPreparedDistance_r(base.handle, prepared, other.pointer, &value) == 1 else {
            throw base.context.failure("measuring a distance to a prepared geometry")
        }
        return value
    }
}
