import Foundation
import Testing

/// Every JSON output of regio validates against its published schema (`docs/schema`, draft 2020-12, checked by
/// Python's `jsonschema`): `audit`, `catchments` and `compare --format json`, the data of the `regio map` page,
/// the answers of `regio serve` and its scenario file, and the README's scenario example; on the demo data and,
/// where `../shared/geodata` exists, on the real data. The schemas are strict (closed objects, rule ids and
/// severities as enums), so a member added, renamed or left out in a writer fails here.
@Suite(.enabled(if: SchemaValidation.available, SchemaValidation.reason))
struct OutputSchemaTests {
    let scratch = Scratch()

    var realInputs: [String]? {
        guard let g = RegioProcess.sharedGeodata?.path else { return nil }
        return ["--schools", "\(g)/duo_vestigingen_vo_2020-12_geocoded.csv",
                "--students", "\(g)/duo_leerlingen_vo_per_vestiging_naar_onderwijstype_2019.csv",
                "--municipalities", "\(g)/gemeenten_2020_wgs84.geojson",
                "--registrations", RegioProcess.packageRoot.appendingPathComponent("Tests/oracle/real/registration.csv").path]
    }

    /// Runs `regio arguments` and writes its standard output to `name` in the scratch folder.
    func output(_ name: String, _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let run = try RegioProcess.run(arguments)
        // The audit exits 1 when it finds errors; 2 is a refusal.
        #expect(run.status == 0 || run.status == 1, "regio \(arguments): \(run.stderr)", sourceLocation: sourceLocation)
        return scratch.write(name, run.stdout)
    }

    /// A scenario of the audit's first suggestions, and a split of the first region's first school into a new
    /// region, so that the comparison has removed, changed and new regions.
    func scenario(from auditPath: String) throws -> String {
        let audit = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: auditPath))) as? [String: Any])
        let suggestions = try #require(audit["suggestions"] as? [[String: Any]])
        let first = try #require((audit["regions"] as? [[String: Any]])?.first { ($0["schools"] as? [String])?.count ?? 0 >= 2 })
        let split: [String: Any] = ["split": first["id"] ?? "", "new": "STO19950",
                                    "schools": [(first["schools"] as? [String])?.last ?? ""]]
        let edits: [Any] = suggestions.prefix(2).compactMap { $0["edit"] } + [split]
        let json = try JSONSerialization.data(withJSONObject: ["name": "Schema check", "edits": edits])
        return scratch.write("scenario.json", String(decoding: json, as: UTF8.self))
    }

    /// audit, catchments, compare (with a scenario of the audit's suggestions) and the map data on `inputs`.
    func expectOutputsValid(_ inputs: [String]) throws {
        let audit = try output("audit.json", ["audit", "--format", "json"] + inputs)
        try SchemaValidation.expectValid("audit.schema.json", [audit])
        let scenario = try scenario(from: audit)
        try SchemaValidation.expectValid("scenario.schema.json", [scenario])
        let compare = try output("compare.json", ["compare", "--scenario", scenario, "--format", "json"] + inputs)
        try SchemaValidation.expectValid("compare.schema.json", [compare])
        let catchments = try output("catchments.json", ["catchments", "--format", "json"] + inputs)
        try SchemaValidation.expectValid("catchments.schema.json", [catchments])
        let map = scratch.path("map.html")
        #expect(try RegioProcess.run(["map", "--output", map] + inputs).status == 0)
        try SchemaValidation.expectValid("serve-state.schema.json#/$defs/mapData", [map], ["--embedded", "regio-map-data"])
    }

    @Test func auditCatchmentsCompareAndMapOnTheDemoData() throws {
        try expectOutputsValid([])
    }

    @Test(.enabled(if: RegioProcess.sharedGeodata != nil, "needs ../shared/geodata"))
    func auditCatchmentsCompareAndMapOnTheRealData() throws {
        try expectOutputsValid(try #require(realInputs))
    }

    /// The state after loading, a move, an undo, a redo and loading a saved scenario; the page's background, the
    /// saved scenario and the list, a portrait and an error; and the saved scenario's file.
    @Test func serveStateAndItsScenarioFile() throws {
        let server = try ServeProcess(["serve", "--port", "0", "--database", scratch.path("scenarios.sqlite")])
        defer { server.stop() }
        let url = try server.waitForURL()
        try SchemaValidation.expectValid("serve-state.schema.json", [], ["--serve", url, "--save", scratch.directory.path])
        try SchemaValidation.expectValid("scenario.schema.json", [scratch.path("scenario-file.json")])
    }

    /// The example of README "Scenarios" is a valid scenario file.
    @Test func theReadmeScenarioExample() throws {
        let readme = try String(contentsOf: RegioProcess.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "### Scenarios"))
        let open = try #require(readme.range(of: "```json\n", range: section.upperBound..<readme.endIndex))
        let close = try #require(readme.range(of: "```", range: open.upperBound..<readme.endIndex))
        let example = scratch.write("readme-scenario.json", String(readme[open.upperBound..<close.lowerBound]))
        try SchemaValidation.expectValid("scenario.schema.json", [example])
    }

    /// The schemas reject what a drifting writer would write: an unknown member, `null` for an absent optional,
    /// a severity that is not the rule's, an unknown rule, a missing total, a budget of the wrong kind for a
    /// techniekarm region, an edit that is not one of the six, a scenario without a name.
    @Test func theSchemasRejectDrift() throws {
        let audit = try output("audit.json", ["audit", "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: audit))) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        let regions = try #require(report["regions"] as? [[String: Any]])
        let poorIndex = try #require(regions.firstIndex { $0["techniekarm"] as? Bool == true }, "the demo has a techniekarm region")
        func changed(_ name: String, _ change: (inout [String: Any]) -> Void) throws -> String {
            var copy = report
            change(&copy)
            return scratch.write("drift-\(name).json", String(decoding: try JSONSerialization.data(withJSONObject: copy), as: UTF8.self))
        }
        func finding(_ change: @escaping (inout [String: Any]) -> Void) -> (inout [String: Any]) -> Void {
            { report in var f = findings; change(&f[0]); report["findings"] = f }
        }
        let drifted = [
            try changed("member", finding { $0["detail"] = "x" }),
            try changed("null", finding { $0["subjectRegion"] = NSNull() }),
            try changed("severity", finding { $0["severity"] = $0["severity"] as? String == "info" ? "error" : "info" }),
            try changed("rule", finding { $0["rule"] = "no-such-rule" }),
            try changed("totals") { r in var t = r["totals"] as? [String: Any] ?? [:]; t["schools"] = nil; r["totals"] = t },
            try changed("budget") { r in var rs = regions; rs[poorIndex]["budgetEUR"] = 1_000; r["regions"] = rs },
            try changed("edit") { r in
                var s = r["suggestions"] as? [[String: Any]] ?? []
                if !s.isEmpty { s[0]["edit"] = ["move": "00AB01", "into": "STO19001"] }
                r["suggestions"] = s
            },
        ]
        #expect((report["suggestions"] as? [Any])?.isEmpty == false, "the demo audit suggests something")
        for document in drifted {
            let out = try SchemaValidation.run("audit.schema.json", [document])
            #expect(out.status == 1 && out.stdout.contains("FAIL"), "\(document) passed: \(out.combined)")
        }
        let nameless = scratch.write("nameless.json", #"{"edits": [{"move": "00AB01", "to": "STO19001"}]}"#)
        #expect(try SchemaValidation.run("scenario.schema.json", [nameless]).status == 1)
    }
}
