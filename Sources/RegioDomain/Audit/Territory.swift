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
    /// All municipalities as one polygon (EPSG:28992), and prepared for the containment test.
    private let land: Geometry
    private let preparedLand: PreparedGeometry

    public init(map: MunicipalityMap, settings: AuditSettings) throws(SpatialError) {
        self.map = map
        self.settings = settings
        let all = try map.context.collection(.geometryCollection, of: map.municipalities.map(\.geometry).filter { !$0.isEmpty })
        // A municipality map is a coverage (shared edges, no overlaps): its coverage union takes a few
        // milliseconds. A map that is not one (overlaps, gaps) falls back to the full union.
        var land: Geometry
        do { land = try all.coverageUnion() } catch { land = try all.unaryUnion() }
        if !land.isValid { land = try all.unaryUnion() }
        self.land = land
        preparedLand = try PreparedGeometry(land)
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

    /// `shape` clipped to the municipality map, or `nil` when nothing of it lies on the map. A shape that
    /// lies wholly on the map (the prepared containment test answers that in microseconds) is returned as
    /// it is; only a shape that reaches the sea or the border pays for an overlay with the land.
    func clippedToMap(_ shape: Geometry) throws(SpatialError) -> Geometry? {
        if try preparedLand.contains(shape) { return shape }
        guard try preparedLand.intersects(shape), let envelope = shape.envelope else { return nil }
        // The land near the shape first (a cut by a rectangle 100 m larger than the shape, a linear scan),
        // so that the overlay nodes only the coastline or border that matters.
        let margin = 100.0
        let near = try land.clipped(to: Envelope(minX: envelope.minX - margin, minY: envelope.minY - margin,
                                                 maxX: envelope.maxX + margin, maxY: envelope.maxY + margin))
        let clipped = try shape.intersection(near.isValid ? near : land)
        return clipped.area > 0 ? clipped : nil
    }
}
