import Foundation
import RegioDomain
import RegioInputs
import RegioReports
import RegioTestSupport
import Testing

/// The real pre-registration's text report as the support team reads it: the close-by pairs between two
/// regions (hundreds in Rotterdam) take at most two lines per region pair, the group printed once.
@Suite(.enabled(if: Fixtures.sharedGeodata != nil, "needs ../shared/geodata"))
struct ClosePairGroupRealDataTests {
    @Test func closeByPairsTakeAtMostTwoLinesPerRegionPair() throws {
        let dataset = try Fixtures.realDataset()
        let result = try dataset.audit(catchments: nil).result
        let groups = ClosePairGroup.groups(result.findings)
        let pairs = result.findings.filter { $0.rule == .splitCloseSchools }
        #expect(groups.count > 10 && pairs.count > 3 * groups.count, "the real data has many close-by pairs per region pair")
        for language in Language.allCases {
            let text = AuditReport(result, language: language, schools: SchoolDirectory(dataset.schoolsByCode)).text()
            // The findings' lines (suggestions name the rule too, in their counts of resolved findings).
            let lines = text.split(separator: "\n").filter { $0.hasPrefix("  \(language.word(.warning)) split-close-schools: ") }
            #expect(lines.count <= 2 * groups.count, "\(language): \(lines.count) lines for \(groups.count) region pairs")
            for group in groups {
                let (a, b) = (group.regions.first.rawValue, group.regions.second.rawValue)
                let mentioning = lines.filter { $0.contains(a) && $0.contains(b) }
                #expect(mentioning.count >= 1 && mentioning.count <= 2, "\(language) \(a) ↔ \(b): \(mentioning.count) lines")
                // The group in full once, with its count and closest pair, when it has more than one pair.
                if group.findings.count > 1 {
                    let full = mentioning.filter { $0.contains("\(a) ↔ \(b): \(language.integer(group.findings.count)) ") }
                    #expect(full.count == 1, "\(language) \(a) ↔ \(b)")
                    #expect(full.first?.contains(language.distance(group.closest.value ?? -1)) == true)
                }
            }
        }
        // The largest group is the closest pair's too: every pair of it is at least as far apart.
        let largest = try #require(groups.max { $0.findings.count < $1.findings.count })
        #expect(largest.findings.allSatisfy { ($0.value ?? 0) >= (largest.closest.value ?? .infinity) })
    }
}
