import Foundation
import RegioDomain
@testable import RegioInputs
@testable import RegioMap
import RegioSpatial
import Testing

/// The HTML map (`regio map`): one self-contained file that references nothing on the network, whose
/// embedded JSON has one entry per region and per placed school, and that stays under 3 MB for the whole
/// country. The demo data is read from `geodata/demo`, the real data from `../shared/geodata` (skipped
/// with a message where absent).
@Suite struct MapRendererTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let demo = packageRoot.appendingPathComponent("geodata/demo").path
    static let demoAvailable = FileManager.default.fileExists(atPath: demo + "/schools.csv")
    static let realRegistration = packageRoot.appendingPathComponent("Tests/oracle/real/registration.csv").path

    /// The page, its parsed data blob and what it was made from.
    struct Rendered {
        let html: String
        let json: [String: Any]
        let data: MapData
        let result: AuditResult
        let dataset: Dataset
        let territories: [RegionID: Geometry]
    }

    static func render(_ paths: InputPaths, catchments: Bool = true, colorBy: MapColorMode = .region) throws -> Rendered {
        let dataset = try Dataset(loading: paths)
        let (result, territories) = try dataset.audit(catchments: catchments ? try dataset.catchments() : nil)
        let html = try dataset.mapHTML(result: result, territories: territories, colorBy: colorBy)
        let blob = try #require(Self.dataBlob(html), "the page embeds its data in <script type=\"application/json\">")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(blob.utf8)) as? [String: Any])
        let data = try JSONDecoder().decode(MapData.self, from: Data(blob.utf8))
        return Rendered(html: html, json: json, data: data, result: result, dataset: dataset, territories: territories)
    }

    /// The text of the `<script type="application/json" id="regio-map-data">` element.
    static func dataBlob(_ html: String) -> String? {
        guard let open = html.range(of: "<script type=\"application/json\" id=\"regio-map-data\">"),
              let close = html.range(of: "</script>", range: open.upperBound..<html.endIndex) else { return nil }
        return String(html[open.upperBound..<close.lowerBound])
    }

    /// Every attribute or CSS reference to an http(s) resource: `src=`, `href=`, `url(...)`, `@import`.
    static func networkReferences(_ html: String) -> [String] {
        let pattern = #"(?i)((src|href|xlink:href|action|poster|data)\s*=\s*["']?\s*(https?:)?//)|url\(\s*["']?\s*(https?:)?//|@import|<link\b|<iframe\b|<img\b"#
        let regex = try! NSRegularExpression(pattern: pattern)
        let range = NSRange(html.startIndex..., in: html)
        return regex.matches(in: html, range: range).map { String(html[Range($0.range, in: html)!]) }
    }

    // MARK: demo data

    @Test(.enabled(if: demoAvailable, "needs geodata/demo"))
    func demoMapReferencesNothingOnTheNetwork() throws {
        let page = try Self.render(.demo(in: Self.demo))
        #expect(Self.networkReferences(page.html) == [])
        // Outside the data (where names and messages are text), no URL at all: not even the SVG namespace
        // name, which the script assembles.
        let blob = try #require(Self.dataBlob(page.html))
        let code = page.html.replacingOccurrences(of: blob, with: "")
        #expect(!code.contains("http://") && !code.contains("https://"))
        #expect(page.html.hasPrefix("<!DOCTYPE html>"))
        // Five scripts, all inline: the data, the words (strings.js), the shared pure functions, the shared page
        // code, the map's own.
        #expect(page.html.components(separatedBy: "<script").count - 1 == 5)
        #expect(!page.html.contains("<script src"))
    }

    @Test(.enabled(if: demoAvailable, "needs geodata/demo"))
    func demoDataHasOneEntryPerRegionAndPlacedSchool() throws {
        let page = try Self.render(.demo(in: Self.demo), colorBy: .status)
        let regions = try #require(page.json["regions"] as? [[String: Any]])
        let schools = try #require(page.json["schools"] as? [[String: Any]])
        #expect(regions.compactMap { $0["id"] as? String } == page.result.regions.map(\.id.rawValue))
        let placed = page.dataset.register.schools.filter { $0.location != nil }
        #expect(schools.count == placed.count)
        #expect(Set(schools.compactMap { $0["code"] as? String }) == Set(placed.map(\.code.rawValue)))
        #expect(page.json["colorBy"] as? String == "status")

        // A region has a shape exactly when its territory is not empty, and a label inside the frame.
        for region in page.data.regions {
            let territory = try #require(page.territories[region.id])
            #expect(region.path.isEmpty == territory.isEmpty, "\(region.id) shape")
            if let label = region.label {
                #expect((0...page.data.frame.width).contains(label[0]) && (0...page.data.frame.height).contains(label[1]))
            }
            #expect(region.portrait.contains("regio-portrait") && region.portrait.contains(region.id.rawValue), "\(region.id) portrait")
            let errors = page.result.findings(of: region.id).filter { $0.severity == .error }.count
            #expect(region.errors == errors)
            #expect(region.status == (errors > 0 ? "error" : region.warnings > 0 ? "warning" : "ok"))
        }
        // School dots carry their regions; a school listed twice has two.
        let listedTwice = page.result.findings.filter { $0.rule == .schoolInMultipleRegions }.flatMap(\.schools)
        for code in listedTwice {
            let dot = try #require(page.data.schools.first { $0.code == code })
            #expect(dot.regions.count >= 2, "\(code) is listed by several regions")
        }
        // Findings drawn: every close-by pair of placed schools as a line, rings for the multiple-region
        // schools and enclaves, the overlaps hatched.
        let pairs = page.result.findings.filter { $0.rule == .splitCloseSchools }
        #expect(page.data.pairs.count == pairs.count)
        let ringed = Set(page.data.rings.map(\.school))
        for f in page.result.findings where f.rule == .schoolInMultipleRegions || f.rule == .enclave {
            for code in f.schools where page.data.schools.contains(where: { $0.code == code }) {
                #expect(ringed.contains(code), "\(f.rule.rawValue) \(code) ringed")
            }
        }
        #expect(page.data.overlaps.count == page.result.findings.filter { $0.rule == .overlappingRegions }.count)
        #expect(!page.data.borders.isEmpty && !page.data.land.isEmpty)
    }

    @Test(.enabled(if: demoAvailable, "needs geodata/demo"))
    func neighbouringRegionsGetDifferentColours() throws {
        let page = try Self.render(.demo(in: Self.demo), catchments: false)
        let ids = page.result.regions.map(\.id)
        let shapes = ids.map { id in page.territories[id].flatMap { $0.isEmpty ? nil : $0 } }
        let neighbours = try RegionPalette.neighbours(shapes)
        let colour = Dictionary(uniqueKeysWithValues: page.data.regions.map { ($0.id, $0.color) })
        var pairs = 0
        for (i, list) in neighbours.enumerated() {
            for j in list where j > i {
                pairs += 1
                #expect(colour[ids[i]] != colour[ids[j]], "\(ids[i]) and \(ids[j]) are neighbours")
            }
        }
        #expect(pairs > 0, "the demo has neighbouring regions")
    }

    // MARK: hand-made

    @Test func namesThatLookLikeMarkupStayText() throws {
        let files = TemporaryFiles()
        let hostile = "</script><img src=x onerror=alert(1)> & <!--"
        let schools = files.write("schools.csv", """
            brin6;naam;plaatsnaam;onderwijsstructuur;rd_x;rd_y
            00AA00;\(hostile);TOWN;VMBO;150000;450000
            00BB00;Tweede school;TOWN;VMBO;152000;451000
            """)
        let map = files.write("gemeenten.geojson", #"""
            {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::28992"}},
             "features":[{"type":"Feature","properties":{"statcode":"GM9001","statnaam":"A"},
             "geometry":{"type":"Polygon","coordinates":[[[140000,440000],[160000,440000],[160000,460000],[140000,460000],[140000,440000]]]}}]}
            """#)
        let registrations = files.write("registrations.csv", """
            regio_id;regio_naam;brin6;rol
            STO19001;\(hostile);00AA00;penvoerder
            STO19001;\(hostile);00BB00;deelnemer
            """)
        let page = try Self.render(InputPaths(schools: schools, municipalities: map, registrations: registrations), catchments: false)
        // Exactly the five scripts end: the data blob cannot close its element early.
        #expect(page.html.components(separatedBy: "</script>").count - 1 == 5)
        // In the data the name is JSON text ("<\/script>" cannot end the element); outside it, no markup of it.
        let blob = try #require(Self.dataBlob(page.html))
        #expect(blob.contains(#"<\/script><img"#))
        #expect(!page.html.replacingOccurrences(of: blob, with: "").contains("<img"))
        #expect(page.data.regions.first?.name == hostile)
        #expect(page.data.schools.first { $0.code == "00AA00" }?.name == hostile)
        #expect(page.data.regions.first?.portrait.contains("&lt;img") == true)
        #expect(page.data.regions.first?.path.isEmpty == false)
    }

    @Test func pathsAreRelativeWholeUnitsWithRepeatsDropped() {
        let frame = MapFrame(around: Envelope(minX: 1_000, minY: 2_000, maxX: 1_100, maxY: 2_100), marginMeters: 0)
        #expect(frame.originX == 1_000 && frame.originY == 2_100 && frame.width == 10 && frame.height == 10)
        let encoder = SVGPathEncoder(frame: frame)
        // y is flipped; 1,001 and 1,003 m round to the same 10 m unit and the repeat is dropped.
        let ring = [Point(x: 1_000, y: 2_100), Point(x: 1_001, y: 2_100), Point(x: 1_003, y: 2_099),
                    Point(x: 1_100, y: 2_100), Point(x: 1_100, y: 2_000), Point(x: 1_000, y: 2_100)]
        #expect(encoder.polygons([[ring]]) == "M0 0l10 0 0 10z")
        #expect(encoder.lines([[Point(x: 1_050, y: 2_050), Point(x: 1_000, y: 2_100)]]) == "M5 5l-5-5")
        // A ring that collapses to a line at 10 m is left out.
        #expect(encoder.polygons([[[Point(x: 1_000, y: 2_000), Point(x: 1_002, y: 2_001), Point(x: 1_001, y: 2_003)]]]) == "")
    }

    // MARK: real data

    @Test(.enabled(if: Fixtures.sharedGeodata != nil, "needs ../shared/geodata"))
    func wholeCountryMapStaysUnderThreeMegabytes() throws {
        let paths = InputPaths(
            schools: Fixtures.sharedGeodata("duo_vestigingen_vo_2020-12_geocoded.csv"),
            students: Fixtures.sharedGeodata("duo_leerlingen_vo_per_vestiging_naar_onderwijstype_2019.csv"),
            municipalities: Fixtures.sharedGeodata("gemeenten_2020_wgs84.geojson"),
            registrations: Self.realRegistration)
        let page = try Self.render(paths)
        let bytes = page.html.utf8.count
        print("real-data map: \(bytes) bytes, \(page.data.regions.count) regions, \(page.data.schools.count) schools")
        #expect(bytes < 3_000_000, "the whole-country map is \(bytes) bytes")
        #expect(page.data.regions.count == page.result.regions.count && page.data.regions.count > 40)
        #expect(page.data.schools.count == page.dataset.register.schools.filter { $0.location != nil }.count)
        #expect(page.data.schools.count > 1_500)
        #expect(Self.networkReferences(page.html) == [])
        // Every region with schools has a shape; the country spans about 280 × 330 km = 28,000 × 33,000 units.
        #expect(page.data.regions.filter { !$0.path.isEmpty }.count >= page.data.regions.count - 2)
        #expect((25_000...32_000).contains(page.data.frame.width) && (30_000...37_000).contains(page.data.frame.height))
    }
}
