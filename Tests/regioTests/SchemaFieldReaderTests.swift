import Foundation
import Testing

/// The Python that reads regio's outputs (the oracle, `Tests/oracle/*.py`, and the notebooks) reads only
/// fields the published schemas or the export layers name (`Tests/oracle/check_schema_fields.py`), so a field
/// renamed in a writer cannot leave a reader silently finding nothing.
@Suite(.enabled(if: SchemaValidation.available, SchemaValidation.reason))
struct SchemaFieldReaderTests {
    let scratch = Scratch()

    /// The GeoJSON layers of the demo export, whose property names the notebooks read.
    func demoLayers() throws -> String {
        let folder = scratch.path("layers")
        let run = try RegioProcess.run(["export", "--format", "geojson", "--output", folder])
        #expect(run.status == 0, "\(run.stderr)")
        return folder
    }

    @Test func theOracleAndTheNotebooksReadOnlyNamedFields() throws {
        let out = try Oracle.run("check_schema_fields.py", ["--export", try demoLayers()])
        #expect(out.status == 0, "\(out.combined)")
        #expect(out.stdout.contains("0 unknown names"), "\(out.combined)")
    }

    @Test func aRenamedFieldIsReported() throws {
        let reader = scratch.write("reader.py", """
            import json
            report = json.load(open("audit.json"))
            print(report["regions"][0]["technicalShares"], report["totals"].get("schools"))
            """)
        let out = try Oracle.run("check_schema_fields.py", ["--export", try demoLayers(), "--also", reader])
        #expect(out.status == 1, "\(out.combined)")
        #expect(out.stdout.contains("'technicalShares' is read by \(reader)"), "\(out.combined)")
        #expect(!out.stdout.contains("'schools'"), "\(out.combined)")
    }
}
