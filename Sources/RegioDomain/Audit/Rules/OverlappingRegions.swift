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
            message: Message(first: first, second: second, overlapSquareKilometers: overlap, toleranceSquareKilometers: tolerance),
            value: overlap)
    }
}

extension OverlappingRegions {
    struct Message: FindingMessage {
        let first: RegionID, second: RegionID
        /// km².
        let overlapSquareKilometers: Double, toleranceSquareKilometers: Double

        func text(in language: Language) -> String {
            let (overlap, tolerance) = (language.squareKilometres(overlapSquareKilometers), language.squareKilometres(toleranceSquareKilometers))
            return switch language {
            case .en: "the territories of \(first) and \(second) overlap by \(overlap) (edge tolerance \(tolerance)): agree who serves the shared area, or merge"
            case .nl: "de gebieden van \(first) en \(second) overlappen \(overlap) (randtolerantie \(tolerance)): spreek af wie het gedeelde gebied bedient, of voeg samen"
            }
        }
    }
}
