import RegioSpatial

/// Building the geometries of exported features, in EPSG:28992 (RD New, metres).
extension GeometryContext {
    /// The polygonal parts of `geometry` as one multi-polygon (a polygon becomes a multi-polygon of one;
    /// points and lines of a collection, e.g. of an intersection, are dropped). `nil` when nothing polygonal
    /// with an area remains.
    func exportMultiPolygon(_ geometry: Geometry) throws(SpatialError) -> Geometry? {
        guard !geometry.isEmpty else { return nil }
        switch geometry.kind {
        case .multiPolygon:
            return geometry.area > 0 ? geometry : nil
        case .polygon:
            return geometry.area > 0 ? try collection(.multiPolygon, of: [geometry]) : nil
        case .geometryCollection:
            let polygons = geometry.parts.flatMap { part -> [Geometry] in
                switch part.kind {
                case .polygon: return part.area > 0 ? [part] : []
                case .multiPolygon: return part.parts.filter { $0.area > 0 }
                default: return []
                }
            }
            return polygons.isEmpty ? nil : try collection(.multiPolygon, of: polygons)
        default:
            return nil
        }
    }

    /// A straight line from `a` to `b`; `nil` when they coincide (a line needs two distinct points).
    func exportLine(from a: Point, to b: Point) throws(SpatialError) -> Geometry? {
        guard a != b else { return nil }
        return try lineString([a, b])
    }
}
