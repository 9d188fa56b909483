import Foundation
import Testing

/// Every kind of bad input gets one line naming the file, the line or feature, the value and what was
/// expected, exit code 2, and no stack trace.
@Suite struct BadInputTests {
    let scratch = Scratch()
    let square = #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"statcode":"GM9001","statnaam":"A"},"geometry":{"type":"Polygon","coordinates":[[[5.0,52.0],[5.2,52.0],[5.2,52.2],[5.0,52.2],[5.0,52.0]]]}}]}"#

    func inspect(schools: String, municipalities: String? = nil, extra: [String] = []) throws -> RegioProcess.Output {
        let map = municipalities ?? scratch.write("gemeenten.geojson", square)
        return try RegioProcess.run(["inspect", "--schools", schools, "--municipalities", map] + extra)
    }

    func expectInputError(_ output: RegioProcess.Output, mentions fragments: [String],
                          sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(output.status == 2, "exit status", sourceLocation: sourceLocation)
        let lines = output.stderr.split(separator: "\n")
        #expect(lines.count == 1, "one line on stderr, got: \(output.stderr)", sourceLocation: sourceLocation)
        #expect(output.stderr.hasPrefix("regio: error: "), sourceLocation: sourceLocation)
        for fragment in fragments {
            #expect(output.stderr.contains(fragment), "'\(fragment)' in: \(output.stderr)", sourceLocation: sourceLocation)
        }
        #expect(!output.stderr.contains("Fatal error"), sourceLocation: sourceLocation)
        #expect(output.stdout.isEmpty, sourceLocation: sourceLocation)
    }

    @Test func wrongDelimiter() throws {
        let path = scratch.write("tabs.csv", "brin6\tlat\tlon\n00AB01\t52.1\t5.1\n")
        expectInputError(try inspect(schools: path), mentions: ["tabs.csv:1", "tab", "expected ';' or ','"])
    }

    @Test func missingColumn() throws {
        let path = scratch.write("nocode.csv", "code;lat;lon\n00AB01;52.1;5.1\n")
        expectInputError(try inspect(schools: path), mentions: ["nocode.csv:1", "'brin6'", "code, lat, lon"])
    }

    @Test func nonNumericCoordinate() throws {
        let path = scratch.write("nan.csv", "brin6;lat;lon\n00AB01;52.1;5,1,2\n")
        expectInputError(try inspect(schools: path), mentions: ["nan.csv:2", "longitude '5,1,2' is not a number"])
    }

    @Test func swappedLatitudeLongitude() throws {
        let path = scratch.write("swapped.csv", "brin6;lat;lon\n00AB01;5.1;52.1\n")
        expectInputError(try inspect(schools: path), mentions: ["swapped.csv:2", "5.1", "52.1", "swapped"])
    }

    @Test func undecodableText() throws {
        let path = scratch.write("binary.csv", bytes: Array("brin6;naam\n00AB01;".utf8) + [0x93, 0x94, 0x0A])
        expectInputError(try inspect(schools: path), mentions: ["binary.csv:2", "0x93", "UTF-8 or ISO-8859-1"])
    }

    @Test func malformedCode() throws {
        let path = scratch.write("code.csv", "brin6;lat;lon\n00AB1;52.1;5.1\n")
        expectInputError(try inspect(schools: path), mentions: ["code.csv:2", "'00AB1'", "like 00AB01"])
    }

    @Test func codeTwiceInTheRegister() throws {
        let path = scratch.write("twice.csv", "brin6;lat;lon\n00AB01;52.1;5.1\n00AB01;52.1;5.1\n")
        expectInputError(try inspect(schools: path), mentions: ["twice.csv:3", "00AB01", "lines 2 and 3"])
    }

    @Test func polygonThatCannotBeRepaired() throws {
        let schools = scratch.write("ok.csv", "brin6;lat;lon\n00AB01;52.1;5.1\n")
        let broken = scratch.write("broken.geojson", #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"statcode":"GM9001"},"geometry":{"type":"Polygon","coordinates":[[[5.0,52.0],[5.2,52.0],[5.0,52.0]]]}}]}"#)
        expectInputError(try inspect(schools: schools, municipalities: broken), mentions: ["broken.geojson", "GM9001"])
    }

    @Test func emptyFile() throws {
        expectInputError(try inspect(schools: scratch.write("empty.csv", "")), mentions: ["empty.csv", "empty"])
    }

    @Test func unknownCRS() throws {
        let schools = scratch.write("ok.csv", "brin6;lat;lon\n00AB01;52.1;5.1\n")
        let crs = scratch.write("crs.geojson", square.replacingOccurrences(of: #"{"type":"FeatureCollection","#,
            with: #"{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::999999"}},"#))
        expectInputError(try inspect(schools: schools, municipalities: crs), mentions: ["crs.geojson", "999999"])
        expectInputError(try inspect(schools: schools, extra: ["--crs", "EPSG:0"]), mentions: ["--crs", "EPSG:0"])
    }

    @Test func fileThatDoesNotExist() throws {
        expectInputError(try inspect(schools: "/nonexistent/scholen.csv"), mentions: ["/nonexistent/scholen.csv", "no such file"])
    }

    @Test func unknownSettingInConfig() throws {
        let schools = scratch.write("ok.csv", "brin6;lat;lon\n00AB01;52.1;5.1\n")
        let config = scratch.write("config.yaml", "closeByDistanceMetres: 4000\n")
        expectInputError(try inspect(schools: schools, extra: ["--config", config]),
                         mentions: ["config.yaml", "closeByDistanceMetres", "closeByDistanceMeters"])
    }
}
