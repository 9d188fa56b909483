import Testing
@testable import RegioDomain

/// What makes a suggestion trustworthy: findings matched by identity, one score with named terms, only
/// improvements listed, merges between neighbours only.
@Suite struct SuggestionTests {
    let a = SchoolCode("10AA00")!, b = SchoolCode("10AA01")!, c = SchoolCode("10BB00")!

    @Test func aFindingWhoseNumbersAndMembersChangeIsNeitherResolvedNorIntroduced() {
        let before = [Finding(.techniekarm, regions: ["STO19001"], schools: [a], message: "STO19001 is techniekarm: 8.0 %", value: 0.08),
                      Finding(.splitCloseSchools, regions: ["STO19001", "STO19002"], schools: [a, c], message: "1.2 km")]
        let after = [Finding(.techniekarm, regions: ["STO19001"], schools: [a, b], message: "STO19001 is techniekarm: 9.1 %", value: 0.091),
                     Finding(.splitCloseSchools, regions: ["STO19001", "STO19002"], schools: [b, c], message: "2.0 km")]
        let changes = FindingChanges(from: before, to: after)
        // The techniekarm finding of STO19001 stays; the close-by pair is another pair.
        #expect(changes.resolved.map(\.rule) == [.splitCloseSchools])
        #expect(changes.resolved.map(\.schools) == [["10AA00", "10BB00"]])
        #expect(changes.introduced.map(\.schools) == [["10AA01", "10BB00"]])
        #expect(changes.resolvedProblems == 1 && changes.introducedProblems == 1)
        #expect(!changes.improvesAudit, "resolving one warning and introducing one is no improvement")
    }

    @Test func aRegionMergedAwayCountsAsTheRegionItJoined() {
        let merge = Edit.merge(regions: ["STO19004", "STO19039"], into: "STO19039")
        let before = [Finding(.fragmentedRegion, regions: ["STO19004"], schools: [a], message: "Vlieland 25.2 km"),
                      Finding(.fragmentedRegion, regions: ["STO19039"], schools: [b], message: "Schiermonnikoog"),
                      Finding(.splitCloseSchools, regions: ["STO19004", "STO19010"], schools: [a, c], message: "1.2 km"),
                      Finding(.undersizedRegion, regions: ["STO19004"], schools: [a], message: "1 technical school")]
        let after = [Finding(.fragmentedRegion, regions: ["STO19039"], schools: [a, b], message: "Heerlen and Leeuwarden"),
                     Finding(.splitCloseSchools, regions: ["STO19010", "STO19039"], schools: [a, c], message: "1.2 km")]
        let changes = FindingChanges(from: before, to: after, edits: [merge])
        // The merged region is still fragmented and the pair still split; only the undersized region is gone.
        #expect(changes.resolved.map(\.rule) == [.undersizedRegion])
        #expect(changes.introduced.isEmpty)
        // Without the edit, the ids alone would call the fragment and the pair resolved and introduced.
        let naive = FindingChanges(from: before, to: after)
        #expect(naive.resolved.count == 3 && naive.introduced.count == 1)
        // A later merge carries the earlier one along.
        #expect(FindingChanges.renaming(by: [merge, .merge(regions: ["STO19039", "STO19040"], into: "STO19040")])
                == ["STO19004": "STO19040", "STO19039": "STO19040"])
    }

    @Test func anImprovementIntroducesNoErrorAndResolvesMoreThanItIntroduces() {
        let undersized = Finding(.undersizedRegion, regions: ["STO19001"], schools: [a], message: "1 technical school")
        let pair = Finding(.splitCloseSchools, regions: ["STO19001", "STO19002"], schools: [a, c], message: "1.2 km")
        let error = Finding(.emptyRegion, regions: ["STO19003"], message: "STO19003 lists no school")
        let note = Finding(.techniekarm, regions: ["STO19002"], schools: [c], message: "techniekarm")
        #expect(FindingChanges(from: [undersized, pair], to: [note]).improvesAudit, "2 warnings resolved, an info introduced")
        #expect(!FindingChanges(from: [undersized, pair], to: [error]).improvesAudit, "an error introduced")
        #expect(!FindingChanges(from: [note], to: []).improvesAudit, "an info resolved is no improvement")
    }

    @Test func theScoreIsTheWeightedSumOfItsTermsAndTheExplanationNamesThem() {
        let score = SuggestionScore(netProblemsResolved: 2, problemsOfRegion: 4, nearestShare: 0.5, sameCatchmentShare: 1,
                                    closePairsResolved: 1, neighbouring: true)
        // 0.35 × 0.5 + 0.20 × 0.5 + 0.15 × 1 + 0.15 × 1/3 + 0.15 × 1 = 0.625
        #expect(score.value == 0.63)
        let text = score.explanation(moving: "STO19001's schools", from: "STO19001", to: "STO19002")
        #expect(text.hasPrefix("score 0.63: "))
        for term in ["net 2 of the 4 errors and warnings of STO19001 resolved (0.35 × 0.50)", "50 % of STO19001's schools",
                     "(0.20 × 0.50)", "(0.15 × 1.00)", "1 close-by pair resolved (0.15 × 0.33)", "next to a municipality of STO19002"] {
            #expect(text.contains(term), "\(term) in \(text)")
        }
        let nothing = SuggestionScore(netProblemsResolved: -1, problemsOfRegion: 0, nearestShare: 0, sameCatchmentShare: 0,
                                      closePairsResolved: 0, neighbouring: false)
        #expect(nothing.value == 0 && nothing.explanation(moving: "x", from: "A", to: "B") == "score 0.00")
    }

    @Test func undersizedRegionNextToAnotherIsMergedIntoTheLargerWithItsName() throws {
        var f = AuditFixture()
        f.school("10AA00", at: 0, 0); f.school("10AA01", at: 2, 0, technical: 0)
        f.school("10BB00", at: 19.9, 0); f.school("10BB01", at: 22, 0); f.school("10BB02", at: 23, 0)
        f.region("STO19001", ["10AA00", "10AA01"])
        f.region("STO19002", ["10BB00", "10BB01", "10BB02"])
        let result = try f.audit()
        let merge = try #require(result.suggestions.first { $0.kind == .merge })
        #expect(merge.headline == "merge STO19001 (Regio STO19001) into STO19002 (Regio STO19002)")
        #expect(merge.survivingRegion == "STO19002" && merge.resultingFigures?.name == "Regio STO19002")
        #expect(merge.resolvedFindings.map(\.rule) == [.undersizedRegion])
        #expect(merge.introducedFindings.allSatisfy { $0.severity == .info })
        #expect(merge.reason.contains("score \(String(format: "%.2f", merge.score))"))
    }

    @Test func regionsWhoseNearestSchoolsLieBeyondTheFragmentGapAreNotMerged() throws {
        var f = AuditFixture()
        f.settings.isolationDistanceMeters = 60_000
        f.school("10AA00", at: 0, 0); f.school("10AA01", at: 2, 0, technical: 0)
        f.school("10BB00", at: 27.5, 0); f.school("10BB01", at: 29, 0)
        f.region("STO19001", ["10AA00", "10AA01"])
        f.region("STO19002", ["10BB00", "10BB01"])
        let result = try f.audit()
        #expect(result.rules(.undersizedRegion).map(\.regions) == [["STO19001"]], "the near miss needs a flagged region")
        #expect(result.suggestions.isEmpty, "25.5 km apart, more than the 25 km gap: \(result.suggestions.map(\.headline))")
    }
}
