import Foundation
@testable import RegioDomain
@testable import RegioInputs
import Testing

/// Merger and move suggestions on the real data, with the planted cases of Tests/oracle/real.
@Suite(.enabled(if: Fixtures.sharedGeodata != nil, "needs ../shared/geodata"))
struct SuggestionRealDataTests {
    @Test func carvedOutRegionMergesBackAndFarAwaySchoolMovesBack() throws {
        let dataset = try Fixtures.realDataset()
        let (result, _) = try dataset.audit(catchments: try dataset.catchments())
        // STO19042 is two schools carved out of the middle of STO19023 (Amsterdam).
        let carved = result.suggestions.filter { $0.kind == .merge && $0.regions.first == "STO19042" }
        #expect(carved.first?.regions == ["STO19042", "STO19023"], "first choice: \(carved.map(\.regions))")
        #expect(carved.first.map { $0.resolvedFindings.contains { $0.rule == .partOfLargerArea && $0.regions.contains("STO19042") } } == true)
        #expect(carved.first?.resultingFigures?.schools.contains("21ET02") == true)
        // 02XQ00 (Schiermonnikoog) was moved from STO19004 into the far-away STO19039.
        let back = result.suggestions.filter { $0.kind == .move && $0.schools == ["02XQ00"] }
        #expect(back.first?.regions == ["STO19039", "STO19004"], "\(back.map(\.regions))")
        #expect(back.first.map { $0.resolvedFindings.contains { $0.rule == .fragmentedRegion } } == true)
        // But Heerlen (STO19039) and Leeuwarden (STO19004) are no neighbours: that school is no bridge.
        #expect(!result.suggestions.contains { $0.kind == .merge && Set($0.regions) == ["STO19039", "STO19004"] })
        // Suggestions are best first and carry a reason with numbers and the terms of their score.
        #expect(result.suggestions.map(\.score) == result.suggestions.map(\.score).sorted(by: >))
        #expect(result.suggestions.allSatisfy { $0.score >= 0 && $0.score <= 1 && $0.score == $0.scoreTerms.value })
        #expect(result.suggestions.allSatisfy { $0.reason.contains("score \(String(format: "%.2f", $0.score))") })
    }

    /// Every listed suggestion, carried out and audited afresh, introduces no error and resolves more errors
    /// and warnings than it introduces (findings compared by rule, regions and schools, a merged-away region
    /// counting as the one it joined), and the findings it reports as resolved and introduced are exactly
    /// those of the fresh audit. Merges join neighbours only.
    @Test func noListedSuggestionMakesTheAuditWorse() throws {
        let dataset = try Fixtures.realDataset()
        let catchments = try dataset.catchments()
        let input = try dataset.auditInput(catchments: catchments)
        let auditor = try Auditor(input)
        let base = auditor.result
        let suggestions = try SuggestionEngine(auditor: auditor).suggestions()
        #expect(suggestions.count >= 5, "the real pre-registration has flagged regions with remedies")
        let known = Set(dataset.register.schools.map(\.code))
        let locations = Dictionary(uniqueKeysWithValues: input.schools.compactMap { s in s.location.map { (s.code, $0) } })
        let municipalityOf = input.placement.municipalityOf
        for suggestion in suggestions {
            let edited = try input.registration.applying([suggestion.edit], knownSchools: known)
            let fresh = try Auditor(AuditInput(schools: input.schools, counts: input.counts, map: input.map,
                                               placement: input.placement, registration: edited,
                                               settings: input.settings, catchments: catchments)).result
            // A merge renames the regions it absorbs to the one that remains.
            var renaming: [RegionID: RegionID] = [:]
            if case let .merge(ids, into) = suggestion.edit { for id in ids where id != into { renaming[id] = into } }
            let renamed = { (f: Finding) in
                Finding.identity(rule: f.rule, regions: f.regions.map { renaming[$0] ?? $0 }.sorted(), schools: f.schools)
            }
            let baseIDs = Set(base.findings.map(renamed)), freshIDs = Set(fresh.findings.map(\.identity))
            let introduced = fresh.findings.filter { !baseIDs.contains($0.identity) }
            let resolved = base.findings.filter { !freshIDs.contains(renamed($0)) }
            let problems = { (fs: [Finding]) in fs.filter { $0.severity != .info }.count }
            #expect(!introduced.contains { $0.severity == .error }, "\(suggestion.headline) introduces an error")
            #expect(problems(resolved) > problems(introduced),
                    "\(suggestion.headline): resolves \(problems(resolved)), introduces \(problems(introduced))")
            #expect(suggestion.resolvedFindings.map(\.identity).sorted() == resolved.map(\.identity).sorted(), "\(suggestion.headline)")
            #expect(suggestion.introducedFindings.map(\.identity).sorted() == introduced.map(\.identity).sorted(), "\(suggestion.headline)")
            // The surviving region is named the same in the headline and in the edited registration.
            let survivor = try #require(edited[suggestion.survivingRegion], "\(suggestion.headline)")
            #expect(suggestion.headline.hasSuffix("\(survivor.id) (\(survivor.name))"), "\(suggestion.headline)")
            #expect(suggestion.resultingFigures?.name == survivor.name)
            guard suggestion.kind == .merge, let a = input.registration[suggestion.regions[0]],
                  let b = input.registration[suggestion.regions[1]] else { continue }
            // Neighbours: a municipality in common, or nearest schools within the fragment gap (a shared
            // border also counts, and shows as sharedBorderMeters).
            let sharesMunicipality = !Set(a.schools.compactMap { municipalityOf[$0] })
                .isDisjoint(with: b.schools.compactMap { municipalityOf[$0] })
            let nearest = a.schools.compactMap { locations[$0] }.flatMap { p in b.schools.compactMap { locations[$0]?.distance(to: p) } }.min()
            #expect(sharesMunicipality || suggestion.sharedBorderMeters > 0 || (nearest ?? .infinity) <= input.settings.fragmentGapMeters,
                    "\(suggestion.headline): nearest schools \(nearest ?? -1) m apart")
        }
    }
}
