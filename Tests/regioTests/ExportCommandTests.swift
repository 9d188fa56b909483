import Foundation
import Testing

/// `regio export` and `regio portrait` as a user runs them, on the demo data (no input options) and, where
/// ../shared/geodata exists, on the real data; GDAL (geopandas/pyogrio in .venv) reads what they write.
@Suite struct ExportCommandTests {
    let scratch = Scratch()
    var geodata: String? { RegioProcess.sharedGeodata?.path }
    var realInputs: [String] {
        guard let g = geodata else { return [] }
        return ["--schools", "\(g)/duo_vestigingen_vo_2020-12_geocoded.csv",
                "--students", "\(g)/duo_leerlingen_vo_per_vestiging_naar_onderwijstype_2019.csv",
                "--municipalities", "\(g)/gemeenten_2020_wgs84.geojson",
                "--registrations", RegioProcess.packageRoot.appendingPathComponent("Tests/oracle/real/registration.csv").path]
    }

    func path(_ name: String) -> String { scratch.path(name) }

    /// Feature counts the audit itself reports: regions, findings and suggestions from `regio audit --format
    /// json`, placed schools from `regio inspect --format json`.
    func expectedCounts(_ inputs: [String]) throws -> [String: Int] {
        let audit = try RegioProcess.run(["audit", "--format", "json"] + inputs)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(audit.stdout.utf8)) as? [String: Any], "\(audit.stderr)")
        let inspect = try RegioProcess.run(["inspect", "--format", "json"] + inputs)
        let loaded = try #require(try JSONSerialization.jsonObject(with: Data(inspect.stdout.utf8)) as? [String: Any], "\(inspect.stderr)")
        return ["schools": try #require(loaded["placedSchools"] as? Int),
                "regions": (report["regions"] as? [Any])?.count ?? -1,
                "findings": (report["findings"] as? [Any])?.count ?? -1,
                "suggestions": (report["suggestions"] as? [Any])?.count ?? -1]
    }

    /// The features of `layer`.geojson in `folder`, or the rows of `layer`.csv (an attribute table).
    func featureCount(_ folder: String, _ layer: String) throws -> Int {
        let csv = "\(folder)/\(layer).csv"
        if FileManager.default.fileExists(atPath: csv) {
            return try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n").count - 1
        }
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(layer).geojson"))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return (root["features"] as? [Any])?.count ?? -1
    }

    @Test func exportsTheDemoDataAsGeoJSONWithTheAuditsCounts() throws {
        let folder = path("layers")
        let out = try RegioProcess.run(["export", "--output", folder])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("wrote \(folder) (geojson)"))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(files == [".regio-export", "catchments.geojson", "findings_areas.geojson", "findings_lines.geojson",
                          "findings_points.geojson", "findings_without_location.csv", "regions.geojson",
                          "regions_without_territory.csv", "schools.geojson", "suggestions.geojson",
                          "suggestions_without_location.csv"])
        // The manifest lists every file, so a later --force replaces exactly these.
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(folder)/.regio-export"))) as? [String: Any]
        #expect(manifest?["files"] as? [String] == files.filter { $0 != ".regio-export" })
        let expected = try expectedCounts([])
        #expect(try featureCount(folder, "schools") == expected["schools"])
        #expect(try featureCount(folder, "regions") + featureCount(folder, "regions_without_territory") == expected["regions"])
        #expect(try featureCount(folder, "suggestions") + featureCount(folder, "suggestions_without_location") == expected["suggestions"])
        // No null geometry in any GeoJSON file.
        for file in files where file.hasSuffix(".geojson") {
            #expect(try !String(contentsOfFile: "\(folder)/\(file)", encoding: .utf8).contains(#""geometry":null"#), "\(file)")
        }
        // Nothing temporary is left beside the output.
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.directory.path) == ["layers"])
    }

    @Test func anExistingOutputIsLeftUntouchedWithoutForceAndReplacedWithIt() throws {
        // GeoPackage: a file.
        let file = scratch.write("export.gpkg", "keep me")
        let refused = try RegioProcess.run(["export", "--format", "gpkg", "--output", file])
        #expect(refused.status == 2)
        #expect(refused.stderr == "regio: error: \(file): the output file already exists: pass --force to replace it\n")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "keep me")
        let forced = try RegioProcess.run(["export", "--format", "gpkg", "--output", file, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        let header = try FileHandle(forReadingFrom: URL(fileURLWithPath: file)).read(upToCount: 16) ?? Data()
        #expect(header == Data("SQLite format 3\0".utf8))

        // GeoJSON: a folder regio did not write stays untouched, even with --force.
        let folder = path("layers")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        _ = scratch.write("layers/stale.geojson", "{}")
        let refusedFolder = try RegioProcess.run(["export", "--output", folder])
        #expect(refusedFolder.status == 2)
        #expect(refusedFolder.stderr.contains(folder) && refusedFolder.stderr.contains("--force"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["stale.geojson"])
        let forcedFolder = try RegioProcess.run(["export", "--output", folder, "--force"])
        #expect(forcedFolder.status == 2 && forcedFolder.stderr.contains("did not write"), "\(forcedFolder.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["stale.geojson"])
        // An empty folder is written into with --force, and a folder of an earlier export replaced.
        try FileManager.default.removeItem(atPath: "\(folder)/stale.geojson")
        #expect(try RegioProcess.run(["export", "--output", folder, "--force"]).status == 0)
        let replaced = try RegioProcess.run(["export", "--output", folder, "--force"])
        #expect(replaced.status == 0, "\(replaced.stderr)")
        #expect(FileManager.default.fileExists(atPath: "\(folder)/regions.geojson"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.directory.path).sorted() == ["export.gpkg", "layers"])
    }

    @Test func badInputOrAnUnwritablePlaceGivesOneLineAndExitCode2() throws {
        let missing = try RegioProcess.run(["export", "--output", path("x"), "--schools", path("nope.csv"),
                                            "--municipalities", path("nope.geojson")])
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("regio: error: ") && missing.stderr.filter { $0 == "\n" }.count == 1, "\(missing.stderr)")
        let noFolder = try RegioProcess.run(["export", "--format", "gpkg", "--output", path("no/such/folder.gpkg")])
        #expect(noFolder.status == 2)
        #expect(noFolder.stderr.contains("does not exist"), "\(noFolder.stderr)")
        let format = try RegioProcess.run(["export", "--format", "shapefile", "--output", path("x")])
        #expect(format.status != 0)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: Oracle.python), "needs .venv (bash Tests/oracle/setup-venv.sh)"))
    func geopandasReadsEveryLayerOfBothFormatsOnTheDemoData() throws {
        try checkBothFormatsWithGeopandas("demo", inputs: [])
    }

    @Test(.enabled(if: Oracle.available, "needs ../shared/geodata and .venv (bash Tests/oracle/setup-venv.sh)"))
    func geopandasReadsEveryLayerOfBothFormatsOnTheRealData() throws {
        try checkBothFormatsWithGeopandas("real", inputs: realInputs)
    }

    /// Exports `inputs` as GeoJSON and as GeoPackage and has `check_exports.py` read both with the audit's counts.
    func checkBothFormatsWithGeopandas(_ data: String, inputs: [String]) throws {
        let folder = path("\(data)-layers"), file = path("\(data).gpkg")
        for arguments in [["--output", folder], ["--format", "gpkg", "--output", file]] {
            let out = try RegioProcess.run(["export"] + arguments + inputs)
            #expect(out.status == 0, "\(out.stderr)")
        }
        let expected = String(decoding: try JSONSerialization.data(withJSONObject: try expectedCounts(inputs)), as: UTF8.self)
        let out = try Oracle.run("check_exports.py", ["--geojson", folder, "--gpkg", file, "--expect", expected])
        #expect(out.status == 0, "check_exports.py: \(out.stderr)")
        #expect(out.stdout.contains("regions:") && out.stdout.contains("findings_lines:"))
        // Each GeoJSON layer is valid against its published definition (docs/schema/export.schema.json): its
        // one geometry type, never null, and exactly the documented properties.
        let layers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".geojson") }.sorted()
        #expect(layers.count == 7)
        for layer in layers {
            let name = String(layer.dropLast(".geojson".count))
            try SchemaValidation.expectValid("export.schema.json#/$defs/\(name)", ["\(folder)/\(layer)"])
        }
    }

    // MARK: portrait

    @Test func portraitOfADemoRegionInMarkdownAndHTML() throws {
        let audit = try RegioProcess.run(["audit", "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(audit.stdout.utf8)) as? [String: Any])
        let regions = try #require(report["regions"] as? [[String: Any]])
        // A region with members and findings.
        let region = try #require(regions.first { ($0["schools"] as? [String])?.count ?? 0 >= 2 })
        let id = try #require(region["id"] as? String)
        let members = try #require(region["schools"] as? [String])

        let markdown = try RegioProcess.run(["portrait", id])
        #expect(markdown.status == 0, "\(markdown.stderr)")
        #expect(markdown.stdout.hasPrefix("## \(id) "))
        for code in members { #expect(markdown.stdout.contains("| \(code)")) }
        for heading in ["### Member schools", "### Pupils per profile", "### Pupils per track", "### Municipalities",
                        "### Findings", "### Suggestions"] {
            #expect(markdown.stdout.contains(heading))
        }
        #expect(markdown.stdout.contains("**Technical share**"))
        #expect(markdown.stdout.contains("**Budget**: €"))

        let file = path("portrait.html")
        let html = try RegioProcess.run(["portrait", id, "--format", "html", "--output", file])
        #expect(html.status == 0, "\(html.stderr)")
        let page = try String(contentsOfFile: file, encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("<section class=\"regio-portrait\" id=\"portrait-\(id)\">"))
        #expect(page.contains("@media print"))
        #expect(!page.contains("<script") && !page.contains("src=") && !page.contains("href="), "self-contained")
        for code in members { #expect(page.contains(code)) }
    }

    @Test func portraitOfAnUnknownRegionListsTheKnownIds() throws {
        let out = try RegioProcess.run(["portrait", "STO00000"])
        #expect(out.status == 2)
        #expect(out.stderr.hasPrefix("regio: error: "))
        #expect(out.stderr.contains("no region 'STO00000': the known ids are STO19"), "\(out.stderr)")
        #expect(out.stderr.filter { $0 == "\n" }.count == 1)
    }
}
