import RegioDomain
import RegioMap
import RegioSpatial

/// The small map of a letter: the region and its neighbours, drawn by the map's own builder
/// (``MapDataBuilder``: territories, borders, schools, close-by pairs, overlaps) on the municipalities and
/// schools around the region only, and pictured by ``MapExcerpt``. Geometries are EPSG:28992 (RD New) metres.
struct NeighbourhoodMap {
    let result: AuditResult
    /// Region id → territory (EPSG:28992), as the audit made them.
    let territories: [RegionID: Geometry]
    let municipalities: [Municipality]
    let schools: [School]
    let counts: [SchoolCode: StudentCounts]

    /// Space around the region: at least this many metres (the close-by distance's partners stay in view)…
    static let minimumMarginMeters = 6_000.0
    /// … or this share of the region's larger side.
    static let marginShare = 0.15
    /// Height ÷ width of the view: kept within these bounds, so the map fits a printed page's width and height.
    static let aspectRange = 0.55...0.9

    /// The `<svg>` of `region` and its neighbours; `nil` when the region has no territory and no placed school.
    func svg(for region: RegionFigures, names: LetterNames, title: String) throws(SpatialError) -> String? {
        guard let view = view(of: region, names: names) else { return nil }
        let local = municipalities.filter { $0.geometry.envelope?.intersects(view) == true }
        let nearby = schools.filter { $0.location.map(view.contains) == true }
        let shown = territories.filter { $0.value.envelope?.intersects(view) == true }
        // Detail to the view's scale: about a thousandth of its width.
        let builder = try MapDataBuilder(municipalities: local, schools: nearby, counts: counts,
                                         toleranceMeters: max(25, view.width / 1_000))
        let data = try builder.data(result, territories: shown)
        return MapExcerpt(data: data, view: view, focus: region.id, title: title).svg()
    }

    /// The part of the map shown (RD metres): the region's territory and placed schools, with a margin, widened
    /// or heightened to a printable shape.
    func view(of region: RegionFigures, names: LetterNames) -> Envelope? {
        var envelope = territories[region.id]?.envelope
        for code in region.schools {
            guard let p = names.school(code: code)?.location else { continue }
            if envelope == nil { envelope = Envelope(minX: p.x, minY: p.y, maxX: p.x, maxY: p.y) } else { envelope!.extend(to: p) }
        }
        guard let found = envelope else { return nil }
        var e = found.expanded(by: max(Self.minimumMarginMeters, Self.marginShare * max(found.width, found.height)))
        let (cx, cy) = ((e.minX + e.maxX) / 2, (e.minY + e.maxY) / 2)
        var (w, h) = (e.width, e.height)
        if h > w * Self.aspectRange.upperBound { w = h / Self.aspectRange.upperBound }
        if h < w * Self.aspectRange.lowerBound { h = w * Self.aspectRange.lowerBound }
        e = Envelope(minX: cx - w / 2, minY: cy - h / 2, maxX: cx + w / 2, maxY: cy + h / 2)
        return e
    }
}
