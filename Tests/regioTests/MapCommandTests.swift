import Foundation
import Testing

/// `regio map` as a user runs it: the default output name, `--color-by`, refusing to overwrite without
/// `--force`, and one-line errors with exit code 2.
@Suite struct MapCommandTests {
    let scratch = Scratch()

    func dataBlob(_ path: String) throws -> [String: Any] {
        let html = try String(contentsOfFile: path, encoding: .utf8)
        let open = try #require(html.range(of: "<script type=\"application/json\" id=\"regio-map-data\">"))
        let close = try #require(html.range(of: "</script>", range: open.upperBound..<html.endIndex))
        return try #require(try JSONSerialization.jsonObject(with: Data(html[open.upperBound..<close.lowerBound].utf8)) as? [String: Any])
    }

    @Test func writesRegioMapHtmlInTheCurrentFolderByDefault() throws {
        let out = try RegioProcess.run(["map", "--color-by", "share"], in: scratch.directory)
        #expect(out.status == 0, "\(out.stderr)")
        let path = scratch.directory.appendingPathComponent("regio-map.html").path
        #expect(try dataBlob(path)["colorBy"] as? String == "share")
        #expect(out.stderr.contains("wrote regio-map.html"))
        // Written atomically: no temporary file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.directory.path) == ["regio-map.html"])
    }

    @Test func refusesToOverwriteWithoutForce() throws {
        let path = scratch.write("existing.html", "keep me")
        let refused = try RegioProcess.run(["map", "--output", path])
        #expect(refused.status == 2)
        #expect(refused.stderr.split(separator: "\n").count == 1, "\(refused.stderr)")
        #expect(refused.stderr.hasPrefix("regio: error: \(path): ") && refused.stderr.contains("--force"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep me")

        let forced = try RegioProcess.run(["map", "--output", path, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
    }

    @Test func badInputIsOneLineAndWritesNothing() throws {
        let output = scratch.directory.appendingPathComponent("never.html").path
        let schools = scratch.write("schools.csv", "brin6;lat;lon\n00AB01;52.1;abc\n")
        let out = try RegioProcess.run(["map", "--schools", schools, "--municipalities", schools, "--output", output])
        #expect(out.status == 2)
        #expect(out.stderr.split(separator: "\n").count == 1 && out.stderr.hasPrefix("regio: error: "), "\(out.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output))

        let missingFolder = try RegioProcess.run(["map", "--output", scratch.directory.appendingPathComponent("no/such/map.html").path])
        #expect(missingFolder.status == 2 && missingFolder.stderr.contains("does not exist"), "\(missingFolder.stderr)")
    }
}
