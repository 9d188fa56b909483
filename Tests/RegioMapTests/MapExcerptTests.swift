import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import RegioDomain
import RegioInputs
import RegioMap
import RegioSpatial
import RegioTestSupport
import Testing

/// The still picture of part of the map (``MapExcerpt``, the letters' maps): cropped to its view, the focus
/// region outlined with its schools, only the focus region's close-by pairs, and well-formed SVG.
@Suite(.enabled(if: Fixtures.demoAvailable, "needs geodata/demo"))
struct MapExcerptTests {
    @Test func demoExcerptShowsTheFocusRegionItsSchoolsAndItsPairsOnly() throws {
        let rendered = try MapRendererTests.render(Fixtures.demoInputs)
        let data = rendered.data
        // A region with a close-by pair, so the excerpt has something to mark.
        let focus = try #require(data.pairs.first?.regions.first)
        let schools = data.schools.filter { $0.regions.contains(focus) }
        let envelope = try #require(rendered.territories[focus]?.envelope).expanded(by: 5_000)
        let svg = MapExcerpt(data: data, view: envelope, focus: focus, title: "Map of \(focus) & co").svg()

        let parser = XMLParser(data: Data(svg.utf8))
        #expect(parser.parse(), "not well-formed: \(String(describing: parser.parserError))")
        let topLeft = data.frame.position(Point(x: envelope.minX, y: envelope.maxY))
        let bottomRight = data.frame.position(Point(x: envelope.maxX, y: envelope.minY))
        #expect(svg.contains("viewBox=\"\(topLeft.x) \(topLeft.y) \(bottomRight.x - topLeft.x) \(bottomRight.y - topLeft.y)\""))
        #expect(svg.contains("<title>Map of \(focus) &amp; co</title>"))
        // The focus territory drawn once, outlined, in front of the others.
        let path = try #require(data.regions.first { $0.id == focus }?.path)
        #expect(svg.components(separatedBy: "<path d=\"\(path)\"").count == 2)
        #expect(svg.components(separatedBy: "stroke=\"#111\"").count == 2)
        // Every school of the focus region as a black dot, and only its close-by pairs as lines.
        #expect(svg.components(separatedBy: "fill=\"#111\"").count - 1 == schools.count)
        #expect(svg.components(separatedBy: "<line ").count - 1 == data.pairs.filter { $0.regions.contains(focus) }.count)
    }
}
