import CGEOS

/// Predicates, set operations and constructive operations. Every function returning a new geometry
/// throws with GEOS's message when GEOS returns NULL (its exception sentinel).
extension Geometry {
    // MARK: predicates (GEOS returns 2 on exception)

    public func intersects(_ other: Geometry) throws(SpatialError) -> Bool {
        try context.predicate(GEOSIntersects_r(handle, pointer, other.pointer), "testing intersection")
    }

    public func contains(_ other: Geometry) throws(SpatialError) -> Bool {
        try context.predicate(GEOSContains_r(handle, pointer, other.pointer), "testing containment")
    }

    public func touches(_ other: Geometry) throws(SpatialError) -> Bool {
        try context.predicate(GEOSTouches_r(handle, pointer, other.pointer), "testing touch")
    }

    // MARK: set operations

    public func intersection(_ other: Geometry) throws(SpatialError) -> Geometry {
        try context.own(GEOSIntersection_r(handle, pointer, other.pointer), "intersecting two geometries")
    }

    public func union(_ other: Geometry) throws(SpatialError) -> Geometry {
        try context.own(GEOSUnion_r(handle, pointer, other.pointer), "uniting two geometries")
    }

    public func difference(_ other: Geometry) throws(SpatialError) -> Geometry {
        try context.own(GEOSDifference_r(handle, pointer, other.pointer), "subtracting a geometry")
    }

    /// The union of all parts of this collection (dissolve).
    public func unaryUnion() throws(SpatialError) -> Geometry {
        try context.own(GEOSUnaryUnion_r(handle, pointer), "dissolving a collection")
    }

    /// The union of the polygons of this collection when they form a coverage (they share edges but do
    /// not overlap, like a municipality map): GEOSCoverageUnion_r, much faster than ``unaryUnion()``
    /// because it only drops the shared edges. The result is undefined for polygons that overlap.
    public func coverageUnion() throws(SpatialError) -> Geometry {
        try context.own(GEOSCoverageUnion_r(handle, pointer), "uniting a polygon coverage")
    }

    /// The part of this geometry inside the rectangle `envelope` (GEOSClipByRect_r: fast, but the result
    /// may be invalid where the rectangle cuts along an edge; use it to shrink an input, not as an answer).
    public func clipped(to envelope: Envelope) throws(SpatialError) -> Geometry {
        try context.own(GEOSClipByRect_r(handle, pointer, envelope.minX, envelope.minY, envelope.maxX, envelope.maxY),
                        "clipping to a rectangle")
    }

    // MARK: constructive

    /// A buffer of `distance` units (metres in RD New) with `segments` per quarter circle.
    public func buffer(_ distance: Double, segments: Int = 8) throws(SpatialError) -> Geometry {
        try context.own(GEOSBuffer_r(handle, pointer, distance, Int32(segments)), "buffering by \(distance)")
    }

    public func convexHull() throws(SpatialError) -> Geometry {
        try context.own(GEOSConvexHull_r(handle, pointer), "computing a convex hull")
    }

    /// A concave hull; `ratio` 1 gives the convex hull, 0 the tightest hull (GEOS 3.11).
    public func concaveHull(ratio: Double, allowHoles: Bool = false) throws(SpatialError) -> Geometry {
        try context.own(GEOSConcaveHull_r(handle, pointer, ratio, allowHoles ? 1 : 0), "computing a concave hull")
    }

    /// A simplified copy that keeps the topology (Douglas–Peucker), tolerance in units.
    public func simplified(tolerance: Double) throws(SpatialError) -> Geometry {
        try context.own(GEOSTopologyPreserveSimplify_r(handle, pointer, tolerance), "simplifying by \(tolerance)")
    }

    /// The shared boundary of two polygonal geometries, as lines (boundary ∩ boundary).
    public func sharedBoundary(with other: Geometry) throws(SpatialError) -> Geometry {
        let a = try context.own(GEOSBoundary_r(handle, pointer), "computing a boundary")
        let b = try context.own(GEOSBoundary_r(handle, other.pointer), "computing a boundary")
        return try a.intersection(b)
    }

    /// The geometry with polygon rings oriented as RFC 7946 wants (exterior counter-clockwise, holes
    /// clockwise). Uses GEOSNormalize_r then reverses, since normalize orients shells clockwise.
    public func orientedForGeoJSON() throws(SpatialError) -> Geometry {
        let copy = try clone()
        // GEOSNormalize_r returns -1 on exception; it orients exterior rings clockwise, holes counter-clockwise.
        guard GEOSNormalize_r(handle, copy.pointer) == 0 else { throw context.failure("normalizing a geometry") }
        return try context.own(GEOSReverse_r(handle, copy.pointer), "reversing ring orientation")
    }
}
