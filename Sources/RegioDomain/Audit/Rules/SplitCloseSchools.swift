/// `split-close-schools` (warning).
///
/// Definition: one finding per pair of located schools that are each listed by exactly one region, in
/// different regions, and no more than ``AuditSettings/closeByDistanceMeters`` (5 km) apart, measured in
/// metres in EPSG:28992 (RD New). Schools listed by several regions are `school-in-multiple-regions`
/// instead. The finding names both regions and both schools; its value is the distance in metres.
enum SplitCloseSchools {
    /// The pairs that `code` forms: the other school of each, and its finding (which names the school of
    /// lower code first). Partners for which `skipping` is true are left out (their pairs were evaluated already).
    static func pairs(of code: SchoolCode, in facts: some AuditFacts,
                      skipping: (SchoolCode) -> Bool = { _ in false }) -> [(partner: SchoolCode, finding: Finding)] {
        guard let region = facts.soleRegion(of: code) else { return [] }
        let limit = facts.settings.closeByDistanceMeters
        var pairs: [(partner: SchoolCode, finding: Finding)] = []
        for (other, d) in facts.locatedSchools(within: limit, of: code) {
            guard !skipping(other), let otherRegion = facts.soleRegion(of: other), otherRegion != region else { continue }
            let (a, b, ra, rb) = code < other ? (code, other, region, otherRegion) : (other, code, otherRegion, region)
            pairs.append((other, Finding(.splitCloseSchools, regions: [ra, rb], schools: [a, b],
                message: Message(first: facts.label(a), firstRegion: ra, second: facts.label(b), secondRegion: rb,
                                distanceMeters: d, limitMeters: limit),
                value: d)))
        }
        return pairs
    }
}

extension SplitCloseSchools {
    /// The labels are made once per school (``AuditFacts/label(_:)``), so a pair's message costs no formatting
    /// until a report writes it.
    struct Message: FindingMessage {
        let first: String, firstRegion: RegionID, second: String, secondRegion: RegionID
        /// Metres (EPSG:28992): the pair's distance and the close-by setting.
        let distanceMeters: Double, limitMeters: Double

        func text(in language: Language) -> String {
            let (distance, limit) = (language.distance(distanceMeters), language.distance(limitMeters))
            return switch language {
            case .en: "\(first) in \(firstRegion) and \(second) in \(secondRegion) are \(distance) apart (close-by distance \(limit)): close-by schools belong in one region"
            case .nl: "\(first) in \(firstRegion) en \(second) in \(secondRegion) liggen \(distance) uit elkaar (nabijheidsafstand \(limit)): scholen dicht bij elkaar horen in één regio"
            }
        }
    }
}
