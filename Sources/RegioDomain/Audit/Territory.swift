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
        var pieces: [Geometry] = []
        for group in groups where !group.isEmpty {
            let members = try group.map { i throws(SpatialError) in try context.point(points[i]) }
            let hull = try context.collection(.multiPoint, of: members).convexHull()
                .buffer(settings.territoryBufferMeters, segments: 6)
            guard let envelope = hull.envelope else { continue }
            let prepared = try PreparedGeometry(hull)
            for candidate in index.query(envelope) {
                let municipality = map.municipalities[candidate].geometry
                guard try prepared.intersects(municipality) else { continue }
                if try prepared.contains(municipality) { pieces.append(municipality) } else {
                    let clipped = try hull.intersection(municipality)
                    if clipped.area > 0 { pieces.append(clipped) }
                }
            }
        }
        guard !pieces.isEmpty else { return try context.emptyPolygon() }
        return try context.collection(.geometryCollection, of: pieces).unaryUnion()
    }
}
