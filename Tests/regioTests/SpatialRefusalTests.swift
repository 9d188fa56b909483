import Foundation
import Testing

/// Broken spatial inputs stop every command that audits with exit code 2 and one line naming the likely
/// cause, before any report is written (domain.md, "Inputs the audit must refuse"); `regio inspect` lists
/// the same refusals. Small hand-made inputs: one municipality of about 14 × 22 km around (5.1, 52.1).
@Suite struct SpatialRefusalTests {
    let scratch = Scratch()
    static let ring = "[[5.0,52.0],[5.2,52.0],[5.2,52.2],[5.0,52.2],[5.0,52.0]]"
    static let map = #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"statcode":"GM9001","statnaam":"A"},"geometry":{"type":"Polygon","coordinates":[RING]}}]}"#
        .replacingOccurrences(of: "RING", with: ring)
    static let crsMember = #"{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::28992"}},"#
    let registration = "regio_id;regio_naam;brin6;rol\nSTO19001;Noord;00AB01;penvoerder\nSTO19001;Noord;00AB02;deelnemer\n"

    /// Two schools inside the municipality.
    var schools: String { scratch.write("schools.csv", "brin6;lat;lon;postcode\n00AB01;52.1;5.1;3511AB\n00AB02;52.15;5.12;3512AB\n") }
    var registrations: String { scratch.write("registrations.csv", registration) }

    func run(_ command: [String], schools: String? = nil, map: String? = nil, extra: [String] = []) throws -> RegioProcess.Output {
        try RegioProcess.run(command + ["--schools", schools ?? self.schools,
                                        "--municipalities", map ?? scratch.write("gemeenten.geojson", Self.map),
                                        "--registrations", registrations] + extra)
    }

    /// Exit 2, one line on standard error that holds every fragment, nothing on standard output, no output file.
    func expectRefused(_ output: RegioProcess.Output, mentions fragments: [String], noFile file: String? = nil,
                       sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(output.status == 2, "exit status; stderr: \(output.stderr)", sourceLocation: sourceLocation)
        #expect(output.stderr.hasPrefix("regio: error: ") && output.stderr.split(separator: "\n").count == 1,
                "one line: \(output.stderr)", sourceLocation: sourceLocation)
        for fragment in fragments {
            #expect(output.stderr.contains(fragment), "'\(fragment)' in: \(output.stderr)", sourceLocation: sourceLocation)
        }
        #expect(output.stdout.isEmpty, sourceLocation: sourceLocation)
        if let file { #expect(!FileManager.default.fileExists(atPath: file), "no report written", sourceLocation: sourceLocation) }
    }

    @Test func degreesUnderACRSMemberOfRDNewAreRefused() throws {
        let map = scratch.write("degrees-as-rd.geojson", Self.map.replacingOccurrences(of: #"{"type":"FeatureCollection","#, with: Self.crsMember))
        let report = scratch.path("report.json")
        let cause = ["degrees-as-rd.geojson", "feature 0 (GM9001)", "longitude/latitude degrees", "crs member", "contradicts"]
        expectRefused(try run(["audit", "--format", "json", "--output", report], map: map), mentions: cause, noFile: report)
        // inspect cannot read such a map either, and says why in the same words.
        expectRefused(try run(["inspect"], map: map), mentions: cause)
    }

    @Test func degreesUnderCRSOptionOfRDNewAreRefused() throws {
        expectRefused(try run(["audit", "--crs", "EPSG:28992"]), mentions: ["longitude/latitude degrees", "given with --crs", "contradicts"])
    }

    /// A map inside the Netherlands whose area is implausible (one 500 × 500 m "municipality": km read as
    /// metres, say) passes the reader and is refused by the area check; inspect lists the refusal and reports.
    @Test func aMapOfImplausibleAreaIsRefusedAndInspectListsIt() throws {
        let tiny = Self.crsMember + #""features":[{"type":"Feature","properties":{"statcode":"GM9001","statnaam":"A"},"geometry":{"type":"Polygon","coordinates":[[[150000,450000],[150500,450000],[150500,450500],[150000,450500],[150000,450000]]]}}]}"#
        let map = scratch.write("tiny.geojson", tiny)
        let schools = scratch.write("rd.csv", "brin6;rd_x;rd_y\n00AB01;150100;450100\n00AB02;150200;450200\n")
        let report = scratch.path("report.txt")
        expectRefused(try run(["audit", "--output", report], schools: schools, map: map),
                      mentions: ["tiny.geojson", "1 municipality covers", "km² on average", "expected at least"], noFile: report)
        let inspected = try run(["inspect"], schools: schools, map: map)
        #expect(inspected.status == 0, "\(inspected.stderr)")
        #expect(inspected.stdout.contains("refuses these inputs") && inspected.stdout.contains("km² on average"))
    }

    @Test func metresUnderCRSOptionOfWGS84AreRefused() throws {
        let rd = Self.map.replacingOccurrences(of: Self.ring, with: "[[150000,450000],[170000,450000],[170000,470000],[150000,470000],[150000,450000]]")
        let map = scratch.write("rd.geojson", rd)
        expectRefused(try run(["audit", "--crs", "EPSG:4326"], map: map),
                      mentions: ["rd.geojson", "150000", "not longitude/latitude", "contradicts the coordinates", "--crs EPSG:28992"])
    }

    @Test func tooManySchoolsOutsideTheMapAreRefusedAndTheShareIsASetting() throws {
        // Two of three schools lie near Groningen, far outside the one municipality near Utrecht.
        let far = scratch.write("far.csv", "brin6;lat;lon\n00AB01;52.1;5.1\n00AB02;53.2;6.5\n00AB03;53.21;6.55\n")
        expectRefused(try run(["audit"], schools: far),
                      mentions: ["far.csv", "2 of the 3 located schools", "66.7 %", "refuseOutsideShareAbove (10.0 %)", "likely"])
        let config = scratch.write("config.json", #"{"refuseOutsideShareAbove": 0.9}"#)
        let allowed = try run(["audit", "--no-catchments", "--config", config], schools: far)
        #expect(allowed.status == 1, "runs, with school-outside-map as an error: \(allowed.stderr)")
        #expect(allowed.stdout.contains("school-outside-map: 00AB02"))
    }

    @Test func theShareOutsideIsRefusedAboveTheSettingNotAtIt() throws {
        // Ten schools: eight inside; 00AB09 and then also 00AB10 near Groningen.
        let inside = (1...8).map { "00AB0\($0);52.1\($0);5.1\($0)" }
        let atTheLimit = scratch.write("one-far.csv", (["brin6;lat;lon"] + inside + ["00AB09;53.2;6.5", "00AB10;52.1;5.1"]).joined(separator: "\n"))
        let atLimit = try run(["audit", "--no-catchments"], schools: atTheLimit)
        #expect(atLimit.status == 0, "1 of 10 (10 %) is not more than 10 %: \(atLimit.stderr)")
        let aboveTheLimit = scratch.write("two-far.csv", (["brin6;lat;lon"] + inside + ["00AB09;53.2;6.5", "00AB10;53.21;6.55"]).joined(separator: "\n"))
        expectRefused(try run(["audit", "--no-catchments"], schools: aboveTheLimit), mentions: ["2 of the 10 located schools (20.0 %)"])
    }

    @Test func aRegisterWithoutAnyLocationIsRefusedUnlessPostcodesPlaceIt() throws {
        let bare = scratch.write("bare.csv", "brin6;naam;postcode\n00AB01;Een;3511AB\n00AB02;Twee;3512AB\n")
        expectRefused(try run(["audit"], schools: bare),
                      mentions: ["bare.csv", "none of the 2 schools has a usable location", "no coordinate columns", "--postcodes"])
        let postcodes = scratch.write("pc4.csv", "postcode,latitude,longitude\n3511,52.09,5.11\n3512,52.1,5.12\n")
        let placed = try run(["audit", "--no-catchments", "--postcodes", postcodes], schools: bare)
        #expect(placed.status == 0, "\(placed.stderr)")
        #expect(placed.stdout.contains("approximate-location: 00AB01"))
    }

    /// The two runs issue 11 saw give a normal-looking report: DUO's original register without `--postcodes`,
    /// and the WGS84 municipalities under a `crs` member of RD New.
    @Test(.enabled(if: RegioProcess.sharedGeodata != nil, "needs ../shared/geodata"))
    func theRealRunsOfTheIssueAreRefused() throws {
        let g = RegioProcess.sharedGeodata!.path
        let real = ["--students", "\(g)/duo_leerlingen_vo_per_vestiging_naar_onderwijstype_2019.csv",
                    "--registrations", RegioProcess.packageRoot.appendingPathComponent("Tests/oracle/real/registration.csv").path]
        let original = try RegioProcess.run(["audit", "--schools", "\(g)/duo_alle_vestigingen_vo_2020-12.csv",
                                             "--municipalities", "\(g)/gemeenten_2020_wgs84.geojson"] + real)
        expectRefused(original, mentions: ["duo_alle_vestigingen_vo_2020-12.csv", "has a usable location", "--postcodes"])
        let wgs84 = try String(contentsOfFile: "\(g)/gemeenten_2020_wgs84.geojson", encoding: .utf8)
        #expect(wgs84.hasPrefix(#"{"type":"FeatureCollection","#))
        let mislabelled = scratch.write("gemeenten-crs-28992.geojson", wgs84.replacingOccurrences(
            of: #"{"type":"FeatureCollection","#, with: Self.crsMember, options: .anchored))
        let degrees = try RegioProcess.run(["audit", "--schools", "\(g)/duo_vestigingen_vo_2020-12_geocoded.csv",
                                            "--municipalities", mislabelled] + real)
        expectRefused(degrees, mentions: ["gemeenten-crs-28992.geojson", "longitude/latitude degrees", "EPSG:28992 (crs member", "contradicts"])
    }

    @Test func everyCommandThatAuditsRefuses() throws {
        let bare = scratch.write("bare.csv", "brin6;naam\n00AB01;Een\n00AB02;Twee\n")
        let scenario = scratch.write("scenario.json", #"{"name": "s", "edits": []}"#)
        let commands: [[String]] = [
            ["audit"], ["suggest"], ["compare", "--scenario", scenario], ["export", "--format", "geojson", "--output", scratch.path("layers")],
            ["map", "--output", scratch.path("map.html")], ["portrait", "STO19001"],
            ["serve", "--port", "0", "--database", scratch.path("serve.sqlite")],
        ]
        for command in commands {
            expectRefused(try run(command, schools: bare), mentions: ["none of the 2 schools has a usable location"])
        }
        #expect(!FileManager.default.fileExists(atPath: scratch.path("layers")) && !FileManager.default.fileExists(atPath: scratch.path("map.html")))
    }
}
