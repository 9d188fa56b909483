import RegioSpatial

/// A region's territory: the buffered convex hull of each group of its schools, clipped to the
/// municipalities it covers (so to land and inland water), united. Groups are schools linked by less than
/// the fragment gap, so a region whose schools fall apart gets a territory in several parts.
/// EPSG:28992 metres.
public struct TerritoryBuilder {
    /// The method as stated in reports.
    public static func method(_ settings: AuditSettings) -> String {
        "territory = convex hull of each group of member schools (schools linked within \(Int(settings.fragmentGapMeters / 1000)) km), buffered by \(Int(settings.territoryBufferMeters)) m, clipped to the municipality map (EPSG:28992)"
    }

    let map: MunicipalityMap
    let settings: AuditSettings
    private let index: SpatialIndex

    public init(map: MunicipalityMap, settings: AuditSettings) throws(SpatialError) {
        self.map = map
        self.settings = settings
        index = try SpatialIndex(map.municipalities.map(\.geometry), in: map.context)
    }

    /// The territory of schools at `points`, grouped in `groups` (indices into points). Empty polygon
    /// when there are no points.
    public func territory(points: [Point], groups: [[Int]]) throws(SpatialError) -> Geometry {
        let context = map.context
        var parts: [Geometry] = []
        for group in groups where !group.isEmpty {
            let members = try group.map { i throws(SpatialError) in try context.point(points[i]) }
            let hull = try context.collection(.multiPoint, of: members).convexHull()
                .buffer(settings.territoryBufferMeters, segments: 6)
            if let clipped = try clippedToMap(hull) { parts.append(clipped) }
        }
        switch parts.count {
        case 0: return try context.emptyPolygon()
        case 1: return parts[0]
        default: return try context.collection(.geometryCollection, of: parts).unaryUnion()
        }
    }

    /// `shape` clipped to the municipality map, or `nil` when nothing of it lies on the map.
    /// Municipalities tile the map without overlap, so when the pieces of `shape` inside them add up to its
    /// whole area the shape lies entirely on the map and is returned as it is; only a shape that reaches
    /// the sea or the border pays for uniting its pieces (GEOS noding is the costly step).
    func clippedToMap(_ shape: Geometry) throws(SpatialError) -> Geometry? {
        guard let envelope = shape.envelope else { return nil }
        let prepared = try PreparedGeometry(shape)
        var pieces: [Geometry] = []
        var coveredArea = 0.0
        for candidate in index.query(envelope) {
            let municipality = map.municipalities[candidate].geometry
            guard try prepared.intersects(municipality) else { continue }
            let piece = try prepared.contains(municipality) ? municipality : try shape.intersection(municipality)
            let area = piece.area
            if area > 0 { pieces.append(piece); coveredArea += area }
        }
        if pieces.isEmpty { return nil }
        // 1e-6 of the area: rounding in the intersections, not a visible strip of sea.
        if coveredArea >= shape.area * (1 - 1e-6) { return shape }
        return try map.context.collection(.geometryCollection, of: pieces).unaryUnion()
    }
}