import Foundation
import Testing

/// `regio catchments` as a user runs it: the demo data, the real municipalities, the real postcode areas
/// with a bound on inhabitants (checked by the independent oracle `Tests/oracle/check_catchments.py`),
/// and bad arguments.
@Suite struct CatchmentsCommandTests {
    let scratch = Scratch()
    var geodata: String? { RegioProcess.sharedGeodata?.path }

    func path(_ name: String) -> String { scratch.path(name) }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func demoInJSONFollowsTheContract() throws {
        let out = try RegioProcess.run(["catchments", "--format", "json"])
        #expect(out.status == 0, "\(out.stderr)")
        let report = try json(out.stdout)
        let areas = try #require(report["areas"] as? [[String: Any]])
        #expect(!areas.isEmpty)
        #expect(report["p"] as? Int == areas.count)
        for area in areas {
            #expect(area["id"] is String)
            #expect((area["units"] as? [String])?.isEmpty == false)
            #expect(area["schools"] is [String])
            let technical = try #require(area["technicalSchools"] as? Int)
            #expect(technical == (area["technicalSchoolCodes"] as? [String])?.count)
            #expect(area["technicalStudents"] is Int)
        }
        #expect((report["method"] as? String)?.contains("max-p") == true)
    }

    @Test func demoAsGeoJSONHasOneDissolvedPolygonPerArea() throws {
        let areas = try json(try RegioProcess.run(["catchments", "--format", "json"]).stdout)["areas"] as? [[String: Any]]
        let file = path("areas.geojson")
        let out = try RegioProcess.run(["catchments", "--format", "geojson", "--output", file])
        #expect(out.status == 0, "\(out.stderr)")
        let collection = try json(String(decoding: try Data(contentsOf: URL(fileURLWithPath: file)), as: UTF8.self))
        let features = try #require(collection["features"] as? [[String: Any]])
        #expect(features.count == areas?.count)
        for feature in features {
            let geometry = try #require(feature["geometry"] as? [String: Any])
            #expect(geometry["type"] as? String == "MultiPolygon")
            let properties = try #require(feature["properties"] as? [String: Any])
            #expect(properties["id"] is String)
            #expect(properties["technicalSchoolCount"] is Int)
        }
    }

    @Test(.enabled(if: RegioProcess.sharedGeodata != nil, "needs ../shared/geodata"))
    func sameSeedSameAreasAndTheSeedMatters() throws {
        let g = try #require(geodata)
        let inputs = ["--schools", "\(g)/duo_vestigingen_vo_2020-12_geocoded.csv",
                      "--students", "\(g)/duo_leerlingen_vo_per_vestiging_naar_onderwijstype_2019.csv",
                      "--municipalities", "\(g)/gemeenten_2020_wgs84.geojson", "--format", "json"]
        let first = try RegioProcess.run(["catchments", "--seed", "7"] + inputs)
        let second = try RegioProcess.run(["catchments", "--seed", "7"] + inputs)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == second.stdout)
        let other = try RegioProcess.run(["catchments", "--seed", "8"] + inputs)
        #expect(other.status == 0, "\(other.stderr)")
        #expect(other.stdout != first.stdout, "a different seed orders the constructions differently")
    }

    @Test(.enabled(if: Oracle.available, "needs ../shared/geodata and .venv (bash Tests/oracle/setup-venv.sh)"))
    func postcodeAreasWithABoundOnInhabitantsPassTheOracle() throws {
        let g = try #require(geodata)
        let units = "\(g)/pc4_2020_rd.geojson"
        // The benchmark's bound: total inhabitants / 350.
        let bound = "49922"
        let arguments = ["catchments", "--units", units, "--unit-id", "pc4", "--bound-field", "inwoners", "--bound", bound]
        let areas = path("pc4.json"), dissolved = path("pc4.geojson")
        let asJSON = try RegioProcess.run(arguments + ["--format", "json", "--output", areas])
        #expect(asJSON.status == 0, "\(asJSON.stderr)")
        let report = try json(String(decoding: try Data(contentsOf: URL(fileURLWithPath: areas)), as: UTF8.self))
        // With a bound: boundField and each area's measureTotal, as the schema has them.
        #expect(report["boundField"] as? String == "inwoners")
        if SchemaValidation.available { try SchemaValidation.expectValid("catchments.schema.json", [areas]) }
        let p = try #require(report["p"] as? Int)
        // pygeoda's maxp_greedy finds p = 277 on the mainland postcode areas alone with this bound.
        #expect(p >= 277, "p = \(p)")
        let notes = try #require(report["notes"] as? [String])
        #expect(notes.contains { $0.contains("5028") && $0.contains("empty geometry") }, "\(notes)")
        let asGeoJSON = try RegioProcess.run(arguments + ["--format", "geojson", "--output", dissolved])
        #expect(asGeoJSON.status == 0, "\(asGeoJSON.stderr)")

        let check = try Oracle.run("check_catchments.py", ["--units", units, "--id", "pc4", "--areas", areas,
                                                           "--bound-field", "inwoners", "--bound", bound,
                                                           "--geojson", dissolved])
        #expect(check.status == 0, "check_catchments.py: \(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("0 failures"))
    }

    @Test func badArgumentsAreClearErrors() throws {
        let noID = try RegioProcess.run(["catchments", "--units", "x.geojson"])
        #expect(noID.status != 0)
        #expect(noID.stderr.contains("--unit-id"), "\(noID.stderr)")
        let halfBound = try RegioProcess.run(["catchments", "--bound-field", "inwoners"])
        #expect(halfBound.status != 0)
        #expect(halfBound.stderr.contains("go together"), "\(halfBound.stderr)")
        let negative = try RegioProcess.run(["catchments", "--bound-field", "inwoners", "--bound", "-3"])
        #expect(negative.status != 0)
        let missing = try RegioProcess.run(["catchments", "--units", path("absent.geojson"), "--unit-id", "pc4",
                                            "--bound-field", "inwoners", "--bound", "10"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("absent.geojson"), "\(missing.stderr)")
        // A unit layer without the bound property names the feature and the properties it has.
        let layer = scratch.write("units.geojson", """
            {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::28992"}},
             "features":[{"type":"Feature","properties":{"pc4":"1011"},
               "geometry":{"type":"Polygon","coordinates":[[[0,0],[1000,0],[1000,1000],[0,1000],[0,0]]]}}]}
            """)
        let noField = try RegioProcess.run(["catchments", "--units", layer, "--unit-id", "pc4",
                                            "--bound-field", "inwoners", "--bound", "10"])
        #expect(noField.status == 2)
        #expect(noField.stderr.contains("feature 0") && noField.stderr.contains("inwoners") && noField.stderr.contains("pc4"),
                "\(noField.stderr)")
        let both = try RegioProcess.run(["catchments", "--units", layer, "--unit-id", "pc4", "--municipalities", layer])
        #expect(both.status != 0)
        #expect(both.stderr.contains("either --units or --municipalities"), "\(both.stderr)")
    }
}
