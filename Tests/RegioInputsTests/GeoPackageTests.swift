import Foundation
import GRDB
import RegioDomain
@testable import RegioInputs
import RegioSpatial
import RegioTestSupport
import Testing

/// Reading municipalities from GeoPackages written by the test itself with GRDB (``TestGeoPackage``), so
/// GDAL's ogr2ogr is neither needed nor used.
@Suite struct GeoPackageTests {
    let context = GeometryContext()
    let files = TemporaryFiles()

    /// A square of `size` metres at (x, y) in RD New, or the same square in WGS84 degrees when `lonLat`.
    func square(_ x: Double, _ y: Double, _ size: Double) throws -> Geometry {
        try context.polygon(exterior: [Point(x: x, y: y), Point(x: x + size, y: y), Point(x: x + size, y: y + size),
                                       Point(x: x, y: y + size), Point(x: x, y: y)])
    }

    func blob(_ geometry: Geometry, srsID: Int32 = 28992, envelopeCode: UInt8 = 0,
              littleEndian: Bool = true) throws -> [UInt8] {
        TestGeoPackage.blob(wkb: try geometry.wkb(), srsID: srsID, envelopeCode: envelopeCode,
                            envelope: geometry.envelope, littleEndian: littleEndian)
    }

    func rdLayer() throws -> TestGeoPackage.Layer {
        let two = try context.collection(.multiPolygon, of: [try square(102_000, 450_000, 1_000),
                                                             try square(104_000, 450_000, 500)])
        return TestGeoPackage.Layer(features: [
            .init(code: "GM0001", name: "Vierkant", blob: try blob(try square(100_000, 450_000, 1_000))),
            .init(code: "GM0002", name: "Twee Eilanden", blob: try blob(two, envelopeCode: 1)),
            .init(code: "GM0003", name: "Groot", blob: try blob(try square(100_000, 452_000, 2_000), envelopeCode: 4,
                                                               littleEndian: false)),
        ])
    }

    @Test func readsAnRDNewGeoPackageWithAndWithoutEnvelopes() throws {
        let path = files.write("gemeenten.gpkg", bytes: [])
        try TestGeoPackage.write(path, layers: [try rdLayer()])
        let layer = try PolygonLayerReader.read(path: path, crs: nil, in: context)
        #expect(layer.sourceCRS == .rdNew)
        #expect(layer.crsSource == "GeoPackage srs_id 28992")
        #expect(layer.problems.isEmpty)
        #expect(layer.municipalities.map(\.code) == ["GM0001", "GM0002", "GM0003"])
        #expect(layer.municipalities.map(\.name) == ["Vierkant", "Twee Eilanden", "Groot"])
        let areas = layer.municipalities.map(\.areaSquareKilometers)
        #expect(zip(areas, [1.0, 1.25, 4.0]).allSatisfy { abs($0 - $1) < 1e-9 })
        #expect(layer.municipalities[1].geometry.kind == .multiPolygon)
    }

    @Test func readsAWGS84GeoPackageAndProjectsIt() throws {
        // Around the Dom in Utrecht (52.0907 N, 5.1214 E → x 136783.726, y 455860.139).
        let box = try square(5.1114, 52.0807, 0.02)
        let path = files.write("wgs84.gpkg", bytes: [])
        try TestGeoPackage.write(path, layers: [.init(srsID: 4326, features: [
            .init(code: "GM0344", name: "Utrecht", blob: try blob(box, srsID: 4326, envelopeCode: 1)),
        ])])
        let layer = try PolygonLayerReader.read(path: path, crs: nil, in: context)
        #expect(layer.sourceCRS == .wgs84)
        #expect(layer.crsSource == "GeoPackage srs_id 4326")
        let envelope = try #require(layer.municipalities.first?.geometry.envelope)
        #expect(envelope.contains(Point(x: 136_783.726, y: 455_860.139)))
        #expect(envelope.minX > 100_000 && envelope.maxY < 500_000)
    }

    @Test func readsTheNamedLayerAndTheCRSOverride() throws {
        let path = files.write("two-layers.gpkg", bytes: [])
        var second = try rdLayer()
        second.table = "gemeenten_2021"
        second.features.removeLast()
        try TestGeoPackage.write(path, layers: [try rdLayer(), second], otherContents: [("achtergrond", "tiles")])
        let layer = try PolygonLayerReader.read(path: path, crs: .rdNew, layer: "gemeenten_2021", in: context)
        #expect(layer.municipalities.count == 2)
        #expect(layer.crsSource == "given with --crs")
    }

    @Test func aGeoPackageWithoutTheGpkgExtensionIsRecognised() throws {
        let path = files.write("gemeenten.sqlite", bytes: [])
        try TestGeoPackage.write(path, layers: [try rdLayer()])
        #expect(try PolygonLayerReader.read(path: path, crs: nil, in: context).municipalities.count == 3)
    }

    @Test func anInvalidPolygonIsRepaired() throws {
        let bowtie = try context.geometry(wkt: "POLYGON ((150000 450000, 151000 451000, 151000 450000, 150000 451000, 150000 450000))")
        let path = files.write("bowtie.gpkg", bytes: [])
        try TestGeoPackage.write(path, layers: [.init(features: [.init(code: "GM0010", name: "Strik",
                                                                         blob: try blob(bowtie))])])
        let layer = try PolygonLayerReader.read(path: path, crs: nil, in: context)
        #expect(layer.municipalities.first?.geometry.isValid == true)
        #expect(layer.problems.map(\.kind) == ["repaired-polygon"])
        #expect(layer.problems.first?.description.contains("bowtie.gpkg: feature 0 (GM0010)") == true)
    }

    @Test func aBlobWhoseSRSDiffersFromItsColumnIsReported() throws {
        let path = files.write("mixed.gpkg", bytes: [])
        try TestGeoPackage.write(path, layers: [.init(features: [
            .init(code: "GM0001", name: "A", blob: try blob(try square(100_000, 450_000, 1_000))),
            .init(code: "GM0002", name: "B", blob: try blob(try square(102_000, 450_000, 1_000), srsID: 4326)),
        ])])
        let layer = try PolygonLayerReader.read(path: path, crs: nil, in: context)
        #expect(layer.municipalities.count == 2)
        #expect(layer.problems.map(\.kind) == ["geometry-srs-mismatch"])
        #expect(layer.problems.first?.description.contains("mixed.gpkg: feature 1: geometry blob has srs_id 4326") == true)
    }

    // MARK: header

    @Test func headerWithEnvelopeIsParsed() throws {
        let square = try square(100_000, 450_000, 1_000)
        for (code, offset) in [(0, 8), (1, 40), (2, 56), (3, 56), (4, 72)] {
            for littleEndian in [true, false] {
                let bytes = try blob(square, envelopeCode: UInt8(code), littleEndian: littleEndian)
                let header = try GeoPackageGeometryHeader(bytes)
                #expect(header.envelopeCode == code && header.wkbOffset == offset)
                #expect(header.littleEndian == littleEndian && header.srsID == 28992 && !header.isEmpty)
                #expect(header.envelope == (code == 0 ? nil : square.envelope))
            }
        }
    }

    @Test func headerRejectsWhatIsNotAStandardGeoPackageBinary() throws {
        let wkb = try square(0, 0, 1).wkb()
        let cases: [([UInt8], String)] = [
            (Array("GP".utf8), "has 2 bytes"),
            (wkb, "expected 0x4750"),
            (TestGeoPackage.blob(wkb: wkb, srsID: 1, extended: true), "ExtendedGeoPackageBinary"),
            ([0x47, 0x50, 0, 0b0000_1011, 0, 0, 0, 0], "envelope indicator 5"),
            ([0x47, 0x50, 0, 0b0000_0011, 0, 0, 0, 0, 1, 2], "expected at least 40"),
        ]
        for (bytes, message) in cases {
            let error = #expect(throws: GeoPackageGeometryHeader.Failure.self) { try GeoPackageGeometryHeader(bytes) }
            #expect(error?.message.contains(message) == true, "\(String(describing: error))")
        }
    }

    // MARK: bad GeoPackages

    /// Writes a GeoPackage with `prepare`, reads it and returns the error.
    func failure(_ name: String, layer: String? = nil,
                 _ prepare: (String) throws -> Void) throws -> InputError {
        let path = files.write(name, bytes: [])
        try prepare(path)
        let context = self.context
        return try #require(#expect(throws: InputError.self) {
            _ = try PolygonLayerReader.read(path: path, crs: nil, layer: layer, in: context)
        })
    }

    @Test func sqliteWithoutGeoPackageTables() throws {
        let error = try failure("plain.gpkg") { path in
            try TestGeoPackage.write(path, layers: [])
            let queue = try DatabaseQueue(path: path)
            try queue.write { try $0.execute(sql: "DROP TABLE gpkg_contents") }
        }
        #expect(error.kind == .badFormat)
        #expect(error.description.contains("plain.gpkg: is an SQLite database but not a GeoPackage: it has no gpkg_contents"))
    }

    @Test func noFeaturesTable() throws {
        let error = try failure("tiles-only.gpkg") { try TestGeoPackage.write($0, layers: [], otherContents: [("kaart", "tiles")]) }
        #expect(error.kind == .badFormat)
        #expect(error.description.contains("tiles-only.gpkg: has no features table in gpkg_contents (it lists only kaart (tiles))"))
    }

    @Test func unknownLayer() throws {
        let layer = try rdLayer()
        let error = try failure("layers.gpkg", layer: "wijken") { try TestGeoPackage.write($0, layers: [layer]) }
        #expect(error.kind == .badFormat)
        #expect(error.description.contains("layers.gpkg: has no features layer 'wijken'; its features layers are: 'gemeenten'"))
    }

    @Test func srsIDMissingFromSpatialRefSys() throws {
        var layer = try rdLayer()
        layer.srsID = 7415
        let error = try failure("srs.gpkg") { try TestGeoPackage.write($0, layers: [layer]) }
        #expect(error.kind == .unknownCRS)
        #expect(error.description.contains("srs.gpkg: layer 'gemeenten' has srs_id 7415, which is not in gpkg_spatial_ref_sys"))
    }

    @Test func srsIDThatIsNotEPSG() throws {
        var layer = try rdLayer()
        layer.srsID = 0
        let error = try failure("undefined.gpkg") { try TestGeoPackage.write($0, layers: [layer]) }
        #expect(error.kind == .unknownCRS)
        #expect(error.description.contains("undefined.gpkg: layer 'gemeenten' has srs_id 0 (Undefined geographic SRS"))
        #expect(error.description.contains("--crs"))
    }

    @Test func epsgCodeUnknownToPROJ() throws {
        var layer = try rdLayer()
        layer.srsID = 100
        let systems = TestGeoPackage.standardSystems + [.init(srsID: 100, name: "Nergens", code: 999_999)]
        let error = try failure("proj.gpkg") { try TestGeoPackage.write($0, layers: [layer], systems: systems) }
        #expect(error.kind == .unknownCRS)
        #expect(error.description.contains("proj.gpkg: CRS EPSG:999999 (GeoPackage srs_id 100) cannot be used"))
        #expect(error.description.contains("crs not found"))
    }

    @Test func badBlobs() throws {
        let line = try context.geometry(wkt: "LINESTRING (0 0, 1000 1000)")
        let empty = TestGeoPackage.blob(wkb: try square(0, 0, 1).wkb(), srsID: 28992, empty: true)
        let cases: [(TestGeoPackage.Feature, InputError.Kind, String)] = [
            (.init(code: "GM0100", name: "Lijn", blob: try blob(line)), .badGeometry,
             "feature 1 (GM0100): geometry type is line string, expected Polygon or MultiPolygon"),
            (.init(code: "GM0101", name: "Leeg", blob: nil), .badGeometry,
             "feature 1 (GM0101): geometry column geom is null"),
            (.init(code: "GM0102", name: "Leeg", blob: empty), .badGeometry,
             "feature 1 (GM0102): geometry is empty (GeoPackage empty flag set)"),
            (.init(code: "GM0103", name: "WKB", blob: try square(0, 0, 1).wkb()), .badGeometry,
             "feature 1 (GM0103): geometry blob starts with 0x0103, expected 0x4750"),
            (.init(code: "GM0104", name: "Kapot", blob: TestGeoPackage.blob(wkb: [1, 3, 0, 0, 0, 9], srsID: 28992)),
             .badGeometry, "feature 1 (GM0104): geometry WKB cannot be read"),
            (.init(code: "GM0001", name: "Dubbel", blob: try blob(try square(0, 0, 1))), .duplicateCode,
             "feature 1 (GM0001): municipality code GM0001 appears twice: in feature 0 and feature 1"),
        ]
        for (feature, kind, message) in cases {
            let good = TestGeoPackage.Feature(code: "GM0001", name: "Goed", blob: try blob(try square(0, 0, 1)))
            let error = try failure("blobs.gpkg") {
                try TestGeoPackage.write($0, layers: [.init(features: [good, feature])])
            }
            #expect(error.kind == kind, "\(error)")
            #expect(error.description.contains("blobs.gpkg: " + message), "\(error)")
        }
    }
}
