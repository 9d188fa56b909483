import Testing
@testable import RegioDomain

/// The auditor's findings list is edited in place as scopes change; after any sequence of replacements it
/// must equal the current findings sorted from scratch, in both of its paths (a few changes edited in, many
/// changes sorted anew).
@Suite struct SortedFindingsTests {
    /// A finding of a random rule about a random region, with a message that may differ for the same key.
    func randomFinding(_ random: inout SplitMix64) -> Finding {
        let rule = Rule.allCases[Int(random.next() % UInt64(Rule.allCases.count))]
        let region = RegionID("STO19\(100 + random.next() % 20)")
        return Finding(rule, regions: [region], message: "message \(random.next() % 3)", value: Double(random.next() % 5))
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6])
    func replacementsKeepTheReportOrder(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var sorted = SortedFindings()
        // Scopes and their current findings, as the auditor keeps them.
        var scopes: [[Finding]] = Array(repeating: [], count: 40)
        for round in 0..<60 {
            // Early rounds change many scopes (the whole-list path), later ones a few (the in-place path).
            let changes = round < 5 ? 30 : Int(random.next() % 4) + 1
            for _ in 0..<changes {
                let scope = Int(random.next() % UInt64(scopes.count))
                let new = (0..<Int(random.next() % 4)).map { _ in randomFinding(&random) }
                sorted.replace(scopes[scope], with: new)
                scopes[scope] = new
            }
            sorted.settle { scopes.flatMap { $0 } }
            let expected = SortedFindings.sorted(scopes.flatMap { $0 })
            #expect(sorted.ordered == expected, "round \(round)")
            if sorted.ordered != expected { return }
        }
    }

    @Test func errorsComeFirstThenRuleRegionsAndSchools() {
        var sorted = SortedFindings()
        let warning = Finding(.splitCloseSchools, regions: ["STO19002", "STO19001"], message: "w")
        let error = Finding(.schoolInMultipleRegions, regions: ["STO19009"], message: "e")
        let info = Finding(.splitInstitution, regions: ["STO19001"], message: "i")
        sorted.replace([], with: [info, warning, error])
        sorted.settle { [info, warning, error] }
        #expect(sorted.ordered.map(\.message) == ["e", "w", "i"])
        #expect(sorted.ordered[1].regions == ["STO19001", "STO19002"])
    }
}
