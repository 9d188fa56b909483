import Foundation
import Testing

/// `regio compare` on the demo data.
@Suite struct CompareCommandTests {
    let scratch = Scratch()

    @Test func mergingTheCarvedOutRegionResolvesItsFindings() throws {
        // STO19012 is planted as carved out of STO19011 (geodata/demo/PLANTED.md).
        let scenario = scratch.write("merge.json", #"{"name": "Merge 12 into 11", "edits": [{"merge": ["STO19012", "STO19011"], "into": "STO19011"}]}"#)
        let out = try RegioProcess.run(["compare", "--scenario", scenario, "--format", "json"])
        #expect(out.status == 0, "\(out.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        let scenarios = try #require(report["scenarios"] as? [[String: Any]])
        #expect(scenarios.first?["name"] as? String == "Merge 12 into 11")
        let resolved = try #require(scenarios.first?["resolved"] as? [[String: Any]])
        #expect(resolved.contains { $0["rule"] as? String == "part-of-larger-area" && ($0["regions"] as? [String])?.contains("STO19012") == true })
        let audit = try #require(scenarios.first?["audit"] as? [String: Any])
        let regions = try #require(audit["regions"] as? [[String: Any]])
        #expect(!regions.contains { $0["id"] as? String == "STO19012" })
        #expect(report["base"] is [String: Any])
        let text = try RegioProcess.run(["compare", "--scenario", scenario])
        #expect(text.stdout.contains("== Merge 12 into 11 =="))
        #expect(text.stdout.contains("STO19011"))
    }

    @Test func anEditThatCannotApplyIsAnInputError() throws {
        let scenario = scratch.write("bad.json", #"{"name": "x", "edits": [{"lead": "99ZZ99", "of": "STO19001"}]}"#)
        let out = try RegioProcess.run(["compare", "--scenario", scenario])
        #expect(out.status == 2)
        #expect(out.stderr.contains("bad.json: edit 1 (make 99ZZ99 the lead of STO19001): 99ZZ99 is not a member of STO19001; nothing was applied"))
        let malformed = scratch.write("malformed.json", #"{"name": "x", "edits": [{"move": "00AB1", "to": "STO19001"}]}"#)
        let bad = try RegioProcess.run(["compare", "--scenario", malformed])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("malformed.json: edit 1"))
    }
}
