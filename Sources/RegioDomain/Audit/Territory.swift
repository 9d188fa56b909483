import RegioSpatial

/// A region's territory: the buffered convex hull of each group of its schools, clipped to the
/// municipalities it covers (so to land and inland water), united. Groups are schools linked by less than
/// the fragment gap, so a region whose schools fall apart gets a territory in several parts.
/// EPSG:28992 metres. Not thread-safe (holds GEOS geometries and a cache): keep it in one task, as the
/// ``Auditor`` does.
public final class TerritoryBuilder {
    /// The method as stated in reports.
    public static func method(_ settings: AuditSettings) -> LocalizedText {
        let (gap, buffer) = (Int(settings.fragmentGapMeters / 1000), Int(settings.territoryBufferMeters))
        return LocalizedText(
            en: "territory = convex hull of each group of member schools (schools linked within \(gap) km), buffered by \(buffer) m, clipped to the municipality map (EPSG:28992)",
            nl: "gebied = convex omhulsel van elke groep scholen van de regio (scholen onderling binnen \(gap) km), met een buffer van \(buffer) m, bijgesneden tot de gemeentekaart (EPSG:28992)")
    }

    let map: MunicipalityMap
    let settings: AuditSettings
    /// All municipalities as one polygon (EPSG:28992), and prepared for the containment test.
    private let land: Geometry
    private let preparedLand: PreparedGeometry
    /// The land cut by rectangles on a 5 km grid (see ``landNear(_:)``), by rectangle.
    private var landCuts: [Envelope: Geometry] = [:]

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

    /// A territory, and the buffered hull it was cut from when its schools form one group.
    public struct Territory {
        public let geometry: Geometry
        /// The buffered hull of a territory of one group (the territory is this, clipped to the map).
        public let buffer: ConvexPolygon?
        /// Whether the map cut the buffer (it reaches the sea or the border); `false` means the territory is
        /// ``buffer`` itself.
        public let isClipped: Bool
    }

    /// The territory of schools at `points`, grouped in `groups` (indices into points). Empty polygon
    /// when there are no points.
    public func territory(points: [Point], groups: [[Int]]) throws(SpatialError) -> Territory {
        let context = map.context
        var parts: [Geometry] = []
        var buffer: ConvexPolygon?, isClipped = true
        for group in groups where !group.isEmpty {
            let members = try group.map { i throws(SpatialError) in try context.point(points[i]) }
            let hull = try context.collection(.multiPoint, of: members).convexHull()
                .buffer(settings.territoryBufferMeters, segments: 6)
            guard let clipped = try clippedToMap(hull) else { continue }
            parts.append(clipped)
            if groups.count == 1, hull.kind == .polygon, let ring = hull.polygonRings.first {
                buffer = ConvexPolygon(ring: ring)
                isClipped = clipped !== hull
            }
        }
        switch parts.count {
        case 0: return Territory(geometry: try context.emptyPolygon(), buffer: nil, isClipped: true)
        case 1: return Territory(geometry: parts[0], buffer: buffer, isClipped: isClipped)
        default: return Territory(geometry: try context.collection(.geometryCollection, of: parts).unaryUnion(),
                                  buffer: nil, isClipped: true)
        }
    }

    /// The area of land (of the municipality map) within `polygon`, m²: the area two territories cut from the
    /// buffers of one group each share is this for the intersection of their buffers.
    public func landArea(within polygon: ConvexPolygon) throws(SpatialError) -> Double {
        let shape = try map.context.polygon(exterior: polygon.vertices)
        if try preparedLand.contains(shape) { return polygon.area }
        guard try preparedLand.intersects(shape) else { return 0 }
        return try shape.intersection(landNear(polygon.envelope)).area
    }

    /// `shape` clipped to the municipality map, or `nil` when nothing of it lies on the map. A shape that
    /// lies wholly on the map (the prepared containment test answers that in microseconds) is returned as
    /// it is; only a shape that reaches the sea or the border pays for an overlay with the land.
    func clippedToMap(_ shape: Geometry) throws(SpatialError) -> Geometry? {
        if try preparedLand.contains(shape) { return shape }
        guard try preparedLand.intersects(shape), let envelope = shape.envelope else { return nil }
        let clipped = try shape.intersection(landNear(envelope))
        return clipped.area > 0 ? clipped : nil
    }

    /// The land near `envelope`, so that an overlay nodes only the coastline or border that matters: the
    /// land cut by the rectangle of 5 km grid cells that covers the envelope with 100 m to spare. The cut is a
    /// linear scan over the whole coastline; it is kept per rectangle, and the territories of a region
    /// before and after a small edit mostly fall in the same one. The whole land when a cut is invalid.
    private func landNear(_ envelope: Envelope) throws(SpatialError) -> Geometry {
        let (cell, margin) = (5_000.0, 100.0)
        func down(_ v: Double) -> Double { ((v - margin) / cell).rounded(.down) * cell }
        func up(_ v: Double) -> Double { ((v + margin) / cell).rounded(.up) * cell }
        let box = Envelope(minX: down(envelope.minX), minY: down(envelope.minY), maxX: up(envelope.maxX), maxY: up(envelope.maxY))
        if let known = landCuts[box] { return known }
        let cut = try land.clipped(to: box)
        let near = cut.isValid ? cut : land
        // A long session meets many rectangles; the cuts are cheap to make again.
        if landCuts.count >= 512 { landCuts.removeAll() }
        landCuts[box] = near
        return near
    }
}
