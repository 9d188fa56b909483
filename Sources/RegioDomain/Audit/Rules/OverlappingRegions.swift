import RegioSpatial

/// `overlapping-regions` (warning).
///
/// Definition: one finding per pair of regions whose territories (see ``TerritoryBuilder``: the convex hull of
/// each group of member schools, buffered by ``AuditSettings/territoryBufferMeters``, clipped to the
/// municipality map, united; EPSG:28992) share more than ``AuditSettings/overlapToleranceSquareKilometers``
/// (1 km²): at the edges some overlap cannot be avoided. The value is the shared area in km², measured
/// with the two regions in id order.
enum OverlappingRegions {
    static func finding(_ a: RegionID, _ b: RegionID, in facts: some AuditFacts) throws(SpatialError) -> Finding? {
        let (first, second) = a < b ? (a, b) : (b, a)
        let tolerance = facts.settings.overlapToleranceSquareKilometers
        guard let overlap = try facts.sharedTerritory(first, second), overlap > tolerance else { return nil }
        return Finding(.overlappingRegions, regions: [first, second],
            message: "the territories of \(first) and \(second) overlap by \(oneDecimal(overlap)) km² (edge tolerance \(oneDecimal(tolerance)) km²): agree who serves the shared area, or merge",
            value: overlap)
    }
}
