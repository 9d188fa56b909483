import Foundation
@testable import RegioInputs
import RegioSpatial
import RegioTestSupport
import Testing

/// Every bad municipality input gives an ``InputError`` of the right kind whose description names the file,
/// the feature and the offending value.
@Suite struct PolygonLayerReaderErrorTests {
    /// A fixture in Fixtures/municipalities, read with an optional `--crs`.
    struct BadInput: Sendable, CustomTestStringConvertible {
        let file: String
        var crs: CoordinateReferenceSystem? = nil
        let kind: InputError.Kind
        /// Fragments the error's description must contain (besides the file name).
        let mentions: [String]
        var testDescription: String { file + (crs.map { " --crs \($0)" } ?? "") }
    }

    static let cases: [BadInput] = [
        BadInput(file: "empty.geojson", kind: .emptyFile, mentions: ["the file is empty"]),
        BadInput(file: "whitespace.geojson", kind: .emptyFile, mentions: ["only white space"]),
        BadInput(file: "not-json.geojson", kind: .badFormat, mentions: ["not JSON", "line 3", "\"GM0001\"},,"]),
        BadInput(file: "single-feature.geojson", kind: .badFormat, mentions: ["'Feature'", "expected 'FeatureCollection'"]),
        BadInput(file: "topology.topojson", kind: .badFormat, mentions: ["'Topology'", "TopoJSON"]),
        BadInput(file: "no-geometry.geojson", kind: .badGeometry, mentions: ["feature 1 (GM0002)", "no geometry"]),
        BadInput(file: "line-geometry.geojson", kind: .badGeometry,
                 mentions: ["feature 0 (GM0007)", "'LineString'", "expected Polygon or MultiPolygon"]),
        BadInput(file: "missing-id.geojson", kind: .missingColumn,
                 mentions: ["feature 1:", "statcode, gemcode, code, GM_CODE", "inwoners, naam"]),
        BadInput(file: "string-coordinates.geojson", kind: .badValue,
                 mentions: ["feature 0 (GM0005)", "[\"5.14\", 52.07]", "not a pair of numbers"]),
        BadInput(file: "duplicate-code.geojson", kind: .duplicateCode,
                 mentions: ["feature 2 (GM0001)", "feature 0 and feature 2"]),
        BadInput(file: "unknown-crs.geojson", kind: .unknownCRS, mentions: ["EPSG:999999", "crs member", "crs not found"]),
        BadInput(file: "unreadable-crs.geojson", kind: .unknownCRS, mentions: ["'Rijksdriehoeksmeting'", "not an EPSG code"]),
        BadInput(file: "projected-without-crs.geojson", kind: .unknownCRS,
                 mentions: ["feature 1 (GM0003)", "(255010.7, 591194.6)", "look projected", "--crs EPSG:28992"]),
        BadInput(file: "short-ring.geojson", kind: .badGeometry,
                 mentions: ["feature 1 (GM0363): polygon ring has 2 points, expected at least 4 (a closed ring)"]),
        BadInput(file: "collapsed-ring.geojson", kind: .badGeometry,
                 mentions: ["feature 0 (GM0004)", "invalid (", "left no polygon", "expected a polygon"]),
        BadInput(file: "swapped.geojson", kind: .swappedCoordinates,
                 mentions: ["feature 0 (GM0344)", "(52.07, 5.1)", "[longitude, latitude]"]),
        BadInput(file: "small-rd.geojson", crs: CoordinateReferenceSystem(epsg: 0), kind: .unknownCRS,
                 mentions: ["EPSG:0", "given with --crs", "crs not found"]),
        BadInput(file: "small-rd.geojson", crs: .wgs84, kind: .unknownCRS,
                 mentions: ["feature 0 (GM0001)", "(100000.0, 450000.0)", "is not longitude/latitude", "EPSG:4326 (given with --crs)",
                            "contradicts the coordinates"]),
        BadInput(file: "not-sqlite.gpkg", kind: .badFormat, mentions: ["not a SQLite file", "'statcode;statnaa"]),
        BadInput(file: "no-such-file.geojson", kind: .fileNotFound, mentions: ["no such file"]),
    ]

    @Test(arguments: cases)
    func badInputIsReportedWithFileFeatureAndValue(_ input: BadInput) throws {
        let context = GeometryContext()
        let path = Fixtures.path("municipalities/\(input.file)")
        let error = try #require(#expect(throws: InputError.self) {
            _ = try PolygonLayerReader.read(path: path, crs: input.crs, in: context)
        })
        #expect(error.kind == input.kind, "\(error)")
        #expect(error.description.contains(input.file), "\(error)")
        for fragment in input.mentions {
            #expect(error.description.contains(fragment), "'\(fragment)' missing from: \(error)")
        }
    }

    @Test func customIDFieldHasNoFallbacks() throws {
        let context = GeometryContext()
        let path = Fixtures.path("municipalities/small-rd.geojson")
        let error = try #require(#expect(throws: InputError.self) {
            _ = try PolygonLayerReader.read(path: path, crs: nil, idField: "CODE_2020", in: context)
        })
        #expect(error.kind == .missingColumn)
        #expect(error.description.contains("small-rd.geojson: feature 0: no id property (tried CODE_2020)"))
        #expect(error.description.contains("statcode, statnaam"))
    }
}
