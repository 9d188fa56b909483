import Foundation
import RegioMap
@testable import RegioServer
import Testing

/// The page of `regio serve` from its template: the background goes in as embeddable JSON, and a background
/// that cannot be written as JSON stops the server with the cause instead of shipping an empty map.
struct ServePageTests {
    /// A frame decoded from JSON that names its coordinates as strings (the only way to make one that is
    /// not finite: ``MapFrame/init(around:marginMeters:unitMeters:)`` traps on an envelope that is not).
    /// - Parameter originX: the JSON of the value: a number, or `"nan"` in quotes.
    static func frame(originX: String) throws -> MapFrame {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let json = #"{"unitMeters": 10, "originX": \#(originX), "originY": 620000, "width": 100, "height": 50}"#
        return try decoder.decode(MapFrame.self, from: Data(json.utf8))
    }

    static func background(_ frame: MapFrame, title: String = "Sterk Techniekonderwijs: a.csv",
                           language: String = "en") -> MapBackground {
        MapBackground(title: title, language: language, frame: frame, land: "M0 0h100v50z", borders: "", methods: ["territories: convex hulls"])
    }

    @Test func theBackgroundGoesIntoThePageAsEmbeddableJSON() throws {
        let page = try ServePage.html(Self.background(try Self.frame(originX: "10000"), title: "</script><b>x</b>"),
                                      municipalities: "gemeenten.geojson")
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("<title>&lt;/script&gt;&lt;b&gt;x&lt;/b&gt; · scenarios</title>"))
        let open = try #require(page.range(of: #"<script type="application/json" id="regio-background">"#))
        let close = try #require(page.range(of: "</script>", range: open.upperBound..<page.endIndex))
        let blob = String(page[open.upperBound..<close.lowerBound])
        let decoded = try JSONDecoder().decode(MapBackground.self, from: Data(blob.utf8))
        #expect(decoded.title == "</script><b>x</b>")
        #expect(decoded.frame.originX == 10_000 && decoded.frame.width == 100)
        #expect(decoded.land == "M0 0h100v50z")
        #expect(decoded.language == "en")
        #expect(page.contains("<html lang=\"en\">"))
    }

    @Test func theLanguageGoesIntoThePageAndItsData() throws {
        let page = try ServePage.html(Self.background(try Self.frame(originX: "10000"), language: "nl"),
                                      municipalities: "gemeenten.geojson")
        #expect(page.contains("<html lang=\"nl\">"))
        #expect(page.contains(#""language":"nl""#))
    }

    @Test func aBackgroundThatCannotBeWrittenIsAnErrorNamingTheFile() throws {
        let frame = try Self.frame(originX: #""nan""#)
        #expect(frame.originX.isNaN)
        do {
            let page = try ServePage.html(Self.background(frame), municipalities: "gemeenten.geojson")
            Issue.record("a page with \(page.utf8.count) bytes instead of an error")
        } catch {
            #expect(error.kind == .badGeometry)
            #expect(error.file == "gemeenten.geojson")
            #expect(error.description.contains("cannot be written for the page"), "\(error.description)")
        }
    }
}
