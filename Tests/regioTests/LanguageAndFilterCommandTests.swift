import Foundation
import Testing

/// `--language` and the config's `language` key on the commands that write for people, and the filters of
/// `regio audit`, run as a user would on the demo data.
@Suite struct LanguageAndFilterCommandTests {
    let scratch = Scratch()

    @Test func dutchFromTheConfigOrTheFlagAndTheFlagWins() throws {
        let dutch = scratch.write("nl.yaml", "language: nl\n")
        let english = scratch.write("en.json", #"{"language": "en"}"#)
        let fromConfig = try RegioProcess.run(["audit", "--no-catchments", "--config", dutch])
        #expect(fromConfig.status == 1, "\(fromConfig.stderr)")
        #expect(fromConfig.stdout.hasPrefix("regio audit: 17 regio's, "))
        #expect(fromConfig.stdout.contains("Totalen: "))
        let fromFlag = try RegioProcess.run(["audit", "--no-catchments", "--language", "nl"])
        #expect(fromFlag.stdout.hasPrefix("regio audit: 17 regio's, "))
        // The flag beats the config, both ways.
        let flagWins = try RegioProcess.run(["audit", "--no-catchments", "--config", dutch, "--language", "en"])
        #expect(flagWins.stdout.hasPrefix("regio audit: 17 regions, ") && flagWins.stdout.contains("Totals: "))
        let flagWinsNL = try RegioProcess.run(["audit", "--no-catchments", "--config", english, "--language", "NL"])
        #expect(flagWinsNL.stdout.hasPrefix("regio audit: 17 regio's, "))
        // Without either: English.
        #expect(try RegioProcess.run(["audit", "--no-catchments"]).stdout.hasPrefix("regio audit: 17 regions, "))
        // The JSON's messages follow the language and say which it is.
        let json = try RegioProcess.run(["audit", "--no-catchments", "--format", "json", "--config", dutch])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((report["settings"] as? [String: Any])?["language"] as? String == "nl")
        let findings = try #require(report["findings"] as? [[String: Any]])
        #expect(findings.contains { ($0["message"] as? String)?.contains("staat bij STO19004 en STO19005") == true })
    }

    @Test func aLanguageOtherThanEnOrNlIsRefused() throws {
        let bad = scratch.write("fr.yaml", "language: fr\n")
        let out = try RegioProcess.run(["audit", "--config", bad])
        #expect(out.status == 2 && out.stderr.contains("fr.yaml:1: language must be en or nl, got 'fr'"), "\(out.stderr)")
        let flag = try RegioProcess.run(["audit", "--language", "fr"])
        #expect(flag.status != 0 && flag.stderr.contains("--language"), "\(flag.stderr)")
    }

    @Test func portraitSuggestCompareAndCatchmentsSpeakDutch() throws {
        let portrait = try RegioProcess.run(["portrait", "sto19005", "--language", "nl"])
        #expect(portrait.status == 0, "\(portrait.stderr)")
        #expect(portrait.stdout.hasPrefix("## STO19005 ") && portrait.stdout.contains("### Deelnemende scholen"))
        #expect(portrait.stdout.contains("**Budget**: € 1.773.000 (591 × € 3.000)"))
        let suggest = try RegioProcess.run(["suggest", "--language", "nl"])
        #expect(suggest.stdout.contains("voorstellen voor") && suggest.stdout.contains("voeg STO19009 (STO Heerdenbroek) samen met"))
        let scenario = scratch.write("merge.json", #"{"name": "Samen", "edits": [{"merge": ["STO19012", "STO19011"], "into": "STO19011"}]}"#)
        let compare = try RegioProcess.run(["compare", "--scenario", scenario, "--language", "nl"])
        #expect(compare.status == 0, "\(compare.stderr)")
        #expect(compare.stdout.contains("1 wijziging: voeg STO19012 (Techniekduo Elderveen) samen met STO19011 (Sterk Techniek Oldenhaarle e.o.)"))
        let catchments = try RegioProcess.run(["catchments", "--language", "nl"])
        #expect(catchments.stdout.contains("verzorgingsgebieden uit"))
    }

    @Test func compareNamesRegionsAndLeadsAndCountsPerRule() throws {
        let scenario = scratch.write("merge.json", #"{"name": "Merge", "edits": [{"merge": ["STO19012", "STO19011"], "into": "STO19011"}]}"#)
        let out = try RegioProcess.run(["compare", "--scenario", scenario])
        #expect(out.stdout.contains("1 edit: merge STO19012 (Techniekduo Elderveen) into STO19011 (Sterk Techniek Oldenhaarle e.o.)"))
        #expect(out.stdout.contains("Sterk Techniek Oldenhaarle e.o."))
        let ruleLine = try #require(out.stdout.split(separator: "\n").first { $0.hasPrefix("part-of-larger-area") })
        #expect(ruleLine.split(separator: " ").map(String.init) == ["part-of-larger-area", "1", "0"])
        #expect(!out.stdout.contains("  - part-of-larger-area:"), "findings listed only with --list-findings")
        let listed = try RegioProcess.run(["compare", "--scenario", scenario, "--list-findings"])
        #expect(listed.stdout.contains("  - part-of-larger-area: "))
    }

    @Test func auditFiltersInEveryFormat() throws {
        let args = ["audit", "--no-catchments", "--rule", "overlapping-regions,split-close-schools", "--region", "sto19001", "--severity", "warning"]
        let text = try RegioProcess.run(args)
        #expect(text.status == 1, "the exit code is the whole audit's: \(text.stderr)")
        let findingLines = text.stdout.split(separator: "\n").filter { $0.hasPrefix("  warning ") || $0.hasPrefix("  error ") || $0.hasPrefix("  note ") }
        #expect(!findingLines.isEmpty && findingLines.allSatisfy { $0.contains("overlapping-regions") || $0.contains("split-close-schools") })
        #expect(text.stdout.contains("Filter: rules overlapping-regions, split-close-schools; regions STO19001; warnings and worse."))
        let path = scratch.path("filtered.json")
        let json = try RegioProcess.run(args + ["--format", "json", "--output", path])
        #expect(json.status == 1, "\(json.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        let filter = try #require(report["filter"] as? [String: Any])
        #expect(filter["regions"] as? [String] == ["STO19001"] && filter["severity"] as? String == "warning")
        #expect((report["regions"] as? [[String: Any]])?.map { $0["id"] as? String } == ["STO19001"])
        #expect((report["totals"] as? [String: Any])?["regions"] as? Int == 17, "totals are not filtered")
        let findings = try #require(report["findings"] as? [[String: Any]])
        #expect(!findings.isEmpty && findings.allSatisfy { ($0["regions"] as? [String])?.contains("STO19001") == true })
        if SchemaValidation.available { try SchemaValidation.expectValid("audit.schema.json", [path]) }
        let csv = try RegioProcess.run(args + ["--format", "csv"])
        #expect(csv.stdout.split(separator: "\n").count == findings.count + 1)
    }

    @Test func unknownRulesAndRegionsNameTheValidOnes() throws {
        let rule = try RegioProcess.run(["audit", "--rule", "split-close-school"])
        #expect(rule.status != 0 && rule.stderr.contains("unknown rule 'split-close-school'") && rule.stderr.contains("split-close-schools"), "\(rule.stderr)")
        let region = try RegioProcess.run(["audit", "--region", "STO19099"])
        #expect(region.status == 2 && region.stderr.contains("no region 'STO19099': the known ids are STO19001, "), "\(region.stderr)")
        let portrait = try RegioProcess.run(["portrait", "sto19099"])
        #expect(portrait.status == 2 && portrait.stderr.contains("STO19017"), "\(portrait.stderr)")
    }
}
