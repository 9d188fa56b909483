import Foundation
import Testing

@Suite struct InspectCommandTests {
    @Test func inspectJSONOnSmallInputsCountsAndPlaces() throws {
        let scratch = Scratch()
        let map = scratch.write("g.geojson", #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"statcode":"GM9001","statnaam":"A"},"geometry":{"type":"Polygon","coordinates":[[[5.0,52.0],[5.2,52.0],[5.2,52.2],[5.0,52.2],[5.0,52.0]]]}}]}"#)
        let schools = scratch.write("s.csv", "brin6,lat,lon,postcode\n00AB01,52.1,5.1,\n00AB02,,,3511 AB\n00AB03,53.3,6.9,\n")
        let out = try RegioProcess.run(["inspect", "--format", "json", "--schools", schools, "--municipalities", map])
        #expect(out.status == 0, "\(out.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        #expect(json["schools"] as? Int == 3)
        #expect(json["placedSchools"] as? Int == 2)
        #expect(json["unplaced"] as? [String] == ["00AB02"])
        #expect(json["outsideMunicipalities"] as? [String] == ["00AB03"])
        let problems = try #require(json["problems"] as? [[String: Any]])
        let outside = try #require(problems.first { $0["kind"] as? String == "school-outside-municipalities" })
        #expect((outside["message"] as? String)?.contains("nearest: GM9001") == true)
    }

    @Test func helpListsTheCommands() throws {
        let out = try RegioProcess.run(["--help"])
        #expect(out.status == 0)
        for command in ["audit", "inspect", "config"] { #expect(out.stdout.contains(command)) }
    }

    @Test func configPrintsEverySettingWithItsExplanation() throws {
        let out = try RegioProcess.run(["config"])
        #expect(out.status == 0)
        #expect(out.stdout.contains("closeByDistanceMeters = 5000"))
        #expect(out.stdout.contains("techniekarmShareBelow = 0.1"))
        let json = try RegioProcess.run(["config", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["closeByDistanceMeters"] as? Double == 5000)
    }
}
