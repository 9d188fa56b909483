import CGEOS

/// Measurement and validity. Units are those of the coordinates: metres and square metres in RD New.
extension Geometry {
    /// Area in square units (m² in RD New). GEOSArea_r returns 0 on exception.
    public var area: Double {
        var value = 0.0
        guard GEOSArea_r(handle, pointer, &value) == 1 else { return 0 }
        return value
    }

    /// Length (perimeter for polygons) in units (m in RD New). GEOSLength_r returns 0 on exception.
    public var length: Double {
        var value = 0.0
        guard GEOSLength_r(handle, pointer, &value) == 1 else { return 0 }
        return value
    }

    /// Minimum distance to `other`, in units (m in RD New).
    public func distance(to other: Geometry) throws(SpatialError) -> Double {
        var value = 0.0
        // Returns 0 on exception.
        guard GEOSDistance_r(handle, pointer, other.pointer, &value) == 1 else {
            throw context.failure("measuring a distance")
        }
        return value
    }

    /// The bounding rectangle; `nil` for an empty geometry.
    public var envelope: Envelope? {
        guard !isEmpty else { return nil }
        var minX = 0.0, minY = 0.0, maxX = 0.0, maxY = 0.0
        // Returns 0 on exception.
        guard GEOSGeom_getXMin_r(handle, pointer, &minX) == 1, GEOSGeom_getYMin_r(handle, pointer, &minY) == 1,
              GEOSGeom_getXMax_r(handle, pointer, &maxX) == 1, GEOSGeom_getYMax_r(handle, pointer, &maxY) == 1
        else { return nil }
        return Envelope(minX: minX, minY: minY, maxX: maxX, maxY: maxY)
    }

    /// Whether the geometry is valid in the OGC sense.
    public var isValid: Bool { GEOSisValid_r(handle, pointer) == 1 }

    /// Why the geometry is invalid ("Self-intersection[x y]"), or "Valid Geometry".
    public var validityReason: String {
        // The string belongs to the caller: free it with GEOSFree_r.
        guard let cString = GEOSisValidReason_r(handle, pointer) else { return "unknown" }
        defer { GEOSFree_r(handle, cString) }
        return String(cString: cString)
    }

    /// A valid version of this geometry (GEOSMakeValid_r, "linework" method), NULL on exception.
    public func makeValid() throws(SpatialError) -> Geometry {
        try context.own(GEOSMakeValid_r(handle, pointer), "repairing an invalid geometry")
    }

    /// This geometry with every coordinate snapped to a grid of `gridSize` (in the geometry's units), kept
    /// valid: GEOS's precision reducer (GEOSGeom_setPrecision_r) re-nodes what snapping makes cross and
    /// drops what collapses. Use it before writing coordinates rounded to a number of decimals.
    public func snappedToGrid(_ gridSize: Double) throws(SpatialError) -> Geometry {
        try context.own(GEOSGeom_setPrecision_r(handle, pointer, gridSize, 0), "snapping a geometry to a grid of \(gridSize)")
    }

    /// The centroid (may lie outside a concave polygon).
    public func centroid() throws(SpatialError) -> Point {
        let c = try context.own(GEOSGetCentroid_r(handle, pointer), "computing a centroid")
        return c.coordinates.first ?? Point(x: .nan, y: .nan)
    }

    /// A point guaranteed to lie inside the geometry (for labels).
    public func pointOnSurface() throws(SpatialError) -> Point {
        let p = try context.own(GEOSPointOnSurface_r(handle, pointer), "computing an interior point")
        return p.coordinates.first ?? Point(x: .nan, y: .nan)
    }
}
