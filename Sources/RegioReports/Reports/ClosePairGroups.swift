import RegioDomain

/// The close-by pairs (`split-close-schools`) of an audit grouped per pair of regions, so that a report
/// prints one line for 230 pairs between two regions: "STO19029 ↔ STO19041: 230 close-by pairs, closest
/// 0.4 km (…)". The full list stays in the JSON, CSV and XLSX outputs.
public struct ClosePairGroup: Sendable {
    /// The two regions, in id order.
    public let regions: RegionPair
    /// The group's findings, closest first.
    public let findings: [Finding]

    /// The closest pair.
    public var closest: Finding { findings[0] }

    /// The groups of `findings` (other rules are ignored), by region pair in id order.
    public static func groups(_ findings: [Finding]) -> [ClosePairGroup] {
        var byPair: [RegionPair: [Finding]] = [:]
        for f in findings where f.rule == .splitCloseSchools && f.regions.count == 2 {
            byPair[RegionPair(f.regions[0], f.regions[1]), default: []].append(f)
        }
        return byPair.sorted { ($0.key.first, $0.key.second) < ($1.key.first, $1.key.second) }.map { pair, findings in
            ClosePairGroup(regions: pair, findings: findings.sorted { ($0.value ?? 0, $0.key) < ($1.value ?? 0, $1.key) })
        }
    }

    /// The region of the pair that is not `id`.
    public func partner(of id: RegionID) -> RegionID { regions.partner(of: id) }

    /// One line: the pair's own message when the group has one pair, else "STO19029 ↔ STO19041: 230
    /// close-by pairs, closest 0.4 km (00AB01 (…) – 00CD02 (…))" (nl: "230 paren nabije scholen, dichtstbij
    /// 0,4 km (…)").
    public func line(in language: Language, schools: SchoolDirectory) -> String {
        if findings.count == 1 { return closest.message(in: language) }
        let pair = closest.schools.map(schools.label).joined(separator: " – ")
        let distance = language.distance(closest.value ?? 0)
        let count = language.pick(language.count(findings.count, "close-by pair", "close-by pairs"),
                                  language.count(findings.count, "paar nabije scholen", "paren nabije scholen"))
        return "\(regions.first) ↔ \(regions.second): \(count), \(language.pick("closest", "dichtstbij")) \(distance) (\(pair))"
    }

    /// The line under the second region of the pair, pointing to the first: "230 close-by pairs with STO19029:
    /// see STO19029" (nl: "230 paren nabije scholen met STO19029: zie STO19029").
    public func reference(from id: RegionID, in language: Language) -> String {
        let other = partner(of: id)
        let count = language.pick(language.count(findings.count, "close-by pair", "close-by pairs"),
                                  language.count(findings.count, "paar nabije scholen", "paren nabije scholen"))
        return language.pick("\(count) with \(other): see \(other)", "\(count) met \(other): zie \(other)")
    }
}
