import Foundation
@testable import RegioDomain
import RegioMap
import RegioReports
import RegioServer
import Testing

/// The hand-written fast writers (``AuditJSON`` for findings and region figures, ``MapData/appendJSON(to:)``
/// (MapJSONWriter) for the map layers, ``SessionState/json()`` for the serve state) and `JSONEncoder` write
/// JSON that the same published schema accepts, and the same JSON value. Their input is what regio wrote
/// on the demo data, read back with `JSONDecoder`: so the values are those of a real audit.
@Suite(.enabled(if: SchemaValidation.available, SchemaValidation.reason))
struct HandWrittenJSONSchemaTests {
    let scratch = Scratch()

    /// Writes `bytes` to `name` in the scratch folder.
    func file(_ name: String, _ bytes: [UInt8]) -> String { scratch.write(name, bytes: bytes) }

    /// A test issue unless the two texts parse to the same JSON value.
    func expectSameValue(_ ours: [UInt8], _ theirs: Data, _ what: String) throws {
        let a = try JSONSerialization.jsonObject(with: Data(ours)) as? NSObject
        let b = try JSONSerialization.jsonObject(with: theirs) as? NSObject
        #expect(a != nil && a == b, "\(what): the hand-written JSON is not the encoder's value")
    }

    @Test func auditJSONFindingsAndFiguresMatchTheSchemaAndTheEncoder() throws {
        let run = try RegioProcess.run(["audit", "--format", "json"])
        let result = try JSONDecoder().decode(AuditResult.self, from: Data(run.stdout.utf8))
        let suggested = result.suggestions.flatMap { $0.resolvedFindings + $0.introducedFindings }
        #expect(!result.findings.isEmpty && !suggested.isEmpty, "the demo audit has findings and suggestions")
        var documents: [(schema: String, path: String)] = []
        for (name, findings) in [("findings", result.findings), ("suggested", suggested)] {
            var ours: [UInt8] = []
            AuditJSON.append(findings, to: &ours)
            let theirs = try JSONEncoder().encode(findings)
            try expectSameValue(ours, theirs, name)
            documents += [("audit.schema.json#/$defs/findings", file("\(name)-hand.json", ours)),
                          ("audit.schema.json#/$defs/findings", file("\(name)-encoder.json", Array(theirs)))]
        }
        // Techniekarm regions (a budget range) and the others (a budget), with and without a lead.
        #expect(Set(result.regions.map(\.techniekarm)) == [true, false])
        var ours: [UInt8] = []
        AuditJSON.array(result.regions, to: &ours) { AuditJSON.append($0, to: &$1) }
        let theirs = try JSONEncoder().encode(result.regions)
        try expectSameValue(ours, theirs, "regions")
        documents += [("audit.schema.json#/properties/regions", file("regions-hand.json", ours)),
                      ("audit.schema.json#/properties/regions", file("regions-encoder.json", Array(theirs)))]
        for (schema, paths) in Dictionary(grouping: documents, by: { $0.schema }) {
            try SchemaValidation.expectValid(schema, paths.map { $0.path })
        }
    }

    /// Hand-made edge cases: quotes, backslashes, control characters and "</script>" in messages, a malformed
    /// school code, an enclave's subject region, a value of 3000 (integral), and a region without a lead, counted
    /// students, students or territory.
    @Test func edgeCasesMatchTheSchemaAndTheEncoder() throws {
        let findings = [
            Finding(.unknownSchool, regions: ["STO19003"], rawSchools: ["x\\y"], message: "lists 'x\\y'\n\ttab é </script> \u{1}"),
            Finding(.enclave, regions: ["STO19001", "STO19004"], schools: [SchoolCode("00AB03")!], message: "enclave \"q\"",
                    subject: "STO19004"),
            Finding(.overlappingRegions, regions: ["STO19001", "STO19002"], message: "overlap", value: 3000),
        ]
        let bare = RegionFigures(id: "STO19002", name: "Leeg", lead: nil, schools: [], technicalSchools: [], countedStudents: 0,
                                 technicalStudents: 0, technicalShare: nil, techniekarm: true, budgetEUR: nil,
                                 budgetRangeEUR: TechniekarmBudget.rangeEUR, studentsPerProfile: [:], studentsPerTrack: [:],
                                 territoryAreaSquareKilometers: 0, municipalities: [])
        var ours: [UInt8] = [], figures: [UInt8] = []
        AuditJSON.append(findings, to: &ours)
        AuditJSON.array([bare], to: &figures) { AuditJSON.append($0, to: &$1) }
        try expectSameValue(ours, try JSONEncoder().encode(findings), "edge-case findings")
        try expectSameValue(figures, try JSONEncoder().encode([bare]), "a bare region")
        try SchemaValidation.expectValid("audit.schema.json#/$defs/findings", [file("edge-findings.json", ours)])
        try SchemaValidation.expectValid("audit.schema.json#/properties/regions", [file("edge-regions.json", figures)])
    }

    @Test func mapJSONWriterMatchesTheSchemaAndTheEncoder() throws {
        let page = scratch.path("map.html")
        #expect(try RegioProcess.run(["map", "--output", page]).status == 0)
        let html = try String(contentsOfFile: page, encoding: .utf8)
        let open = try #require(html.range(of: #"<script type="application/json" id="regio-map-data">"#))
        let close = try #require(html.range(of: "</script>", range: open.upperBound..<html.endIndex))
        let data = try JSONDecoder().decode(MapData.self, from: Data(html[open.upperBound..<close.lowerBound].utf8))
        #expect(!data.regions.isEmpty && !data.schools.isEmpty && !data.pairs.isEmpty && !data.rings.isEmpty)
        var ours: [UInt8] = []
        data.appendJSON(to: &ours)
        let theirs = try JSONEncoder().encode(data)
        try expectSameValue(ours, theirs, "map data")
        try SchemaValidation.expectValid("serve-state.schema.json#/$defs/mapData",
                                         [file("map-hand.json", ours), file("map-encoder.json", Array(theirs))])
    }

    /// The states `regio serve` answered (after an edit, an undo, a redo and a load), read back, written again
    /// by ``SessionState/json()`` and by `JSONEncoder`.
    @Test func sessionStateJSONMatchesTheSchemaAndTheEncoder() throws {
        let server = try ServeProcess(["serve", "--port", "0", "--database", scratch.path("scenarios.sqlite")])
        defer { server.stop() }
        let answers = scratch.directory.appendingPathComponent("answers")
        try FileManager.default.createDirectory(at: answers, withIntermediateDirectories: true)
        try SchemaValidation.expectValid("serve-state.schema.json", [], ["--serve", try server.waitForURL(), "--save", answers.path])
        var written: [String] = []
        for i in 1...SchemaValidation.servedStates {
            let served = try Data(contentsOf: answers.appendingPathComponent("state-\(i).json"))
            let state = try JSONDecoder().decode(SessionState.self, from: served)
            let ours = Array(try state.json()), theirs = try JSONEncoder().encode(state)
            try expectSameValue(ours, theirs, "state \(i)")
            written += [file("state-\(i)-hand.json", ours), file("state-\(i)-encoder.json", Array(theirs))]
        }
        try SchemaValidation.expectValid("serve-state.schema.json", written)
    }
}
