import Foundation
import Testing

/// The national totals (each school counted once) are the same in the JSON, the text and Markdown reports
/// and the map, on the demo data (where one school is listed by two regions).
@Suite struct TotalsAcrossFormatsTests {
    let scratch = Scratch()

    @Test func everyFormatAndTheMapStateTheSameTotals() throws {
        let json = try RegioProcess.run(["audit", "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let totals = try #require(report["totals"] as? [String: Any])
        let regions = try #require(report["regions"] as? [[String: Any]])
        #expect(totals["regions"] as? Int == regions.count)
        // One school listed by two regions: the regions' own sums count it twice, the totals once.
        let listed = regions.flatMap { $0["schools"] as? [String] ?? [] }
        #expect(listed.count > Set(listed).count, "the demo lists a school twice")
        #expect(totals["schools"] as? Int ?? 0 <= Set(listed).count)
        let summed = regions.reduce(0) { $0 + ($1["countedStudents"] as? Int ?? 0) }
        #expect(totals["countedStudents"] as? Int ?? .max < summed)

        let text = try RegioProcess.run(["audit"]).stdout
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("Totals: ") }).dropFirst("Totals: ".count)
        #expect(line.contains("\(totals["regions"] as? Int ?? -1) regions"))
        let markdown = try RegioProcess.run(["audit", "--format", "markdown"]).stdout
        #expect(markdown.contains("Totals: \(line)."))
        let map = scratch.path("map.html")
        #expect(try RegioProcess.run(["map", "--output", map]).status == 0)
        #expect(try MapCommandTests().dataBlob(map)["totals"] as? String == String(line))
    }
}
