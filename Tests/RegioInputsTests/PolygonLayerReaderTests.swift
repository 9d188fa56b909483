import Foundation
import RegioDomain
@testable import RegioInputs
import RegioSpatial
import RegioTestSupport
import Testing

/// Reading municipality polygons from GeoJSON: small hand-made fixtures and the real CBS-derived layers.
@Suite struct PolygonLayerReaderTests {
    let context = GeometryContext()

    // MARK: hand-made fixtures

    @Test func rdFileWithCRSMemberKeepsCoordinatesAndAreas() throws {
        let layer = try PolygonLayerReader.read(path: Fixtures.path("municipalities/small-rd.geojson"), crs: nil,
                                                in: context)
        #expect(layer.sourceCRS == .rdNew)
        #expect(layer.crsSource == "crs member")
        #expect(layer.problems.isEmpty)
        #expect(layer.municipalities.map(\.code) == ["GM0001", "GM0002", "GM0003"])
        #expect(layer.municipalities.map(\.name) == ["Vierkant", "Twee Eilanden", "Met Gat"])
        #expect(layer.municipalities.map { $0.geometry.kind } == [.polygon, .multiPolygon, .polygon])
        // 1 km², 1 + 0.25 km², 4 - 1 km² (a hole).
        let areas = layer.municipalities.map(\.areaSquareKilometers)
        #expect(zip(areas, [1.0, 1.25, 3.0]).allSatisfy { abs($0 - $1) < 1e-9 })
        #expect(layer.municipalities[0].geometry.envelope
                == Envelope(minX: 100_000, minY: 450_000, maxX: 101_000, maxY: 451_000))
    }

    @Test func crsOverrideWinsOverTheCRSMember() throws {
        let layer = try PolygonLayerReader.read(path: Fixtures.path("municipalities/small-rd.geojson"),
                                                crs: .rdNew, in: context)
        #expect(layer.crsSource == "given with --crs")
        #expect(layer.problems.isEmpty)  // the override agrees with the crs member
    }

    @Test func aDifferentCRSOverrideIsUsedAndReported() throws {
        // EPSG:28991 (RD Old) is RD New with the false origin at (0, 0): RD Old (-55000, -13000) is RD New
        // (100000, 450000). The file says 28992, wrongly; --crs corrects it.
        let path = TemporaryFiles().write("rd-old.geojson", """
            {"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::28992"}},
             "features": [{"type": "Feature", "properties": {"statcode": "GM0001", "statnaam": "Vierkant"},
               "geometry": {"type": "Polygon", "coordinates": [[[-55000, -13000], [-54000, -13000], [-54000, -12000], [-55000, -13000]]]}}]}
            """)
        let layer = try PolygonLayerReader.read(path: path, crs: CoordinateReferenceSystem(epsg: 28991), in: context)
        #expect(layer.sourceCRS.epsg == 28991 && layer.crsSource == "given with --crs")
        #expect(layer.problems.map(\.kind) == ["crs-overridden"])
        #expect(layer.problems.first?.message.contains("urn:ogc:def:crs:EPSG::28992") == true)
        let box = try #require(layer.municipalities.first?.geometry.envelope)
        #expect(abs(box.minX - 100_000) < 0.01 && abs(box.minY - 450_000) < 0.01)
        // Without --crs the same numbers are refused: they lie outside the area where RD New is defined.
        #expect(throws: InputError.self) { try PolygonLayerReader.read(path: path, in: context) }
    }

    @Test func lonLatWithoutCRSMemberIsRFC7946AndFallbackIDsGetGM() throws {
        let layer = try PolygonLayerReader.read(path: Fixtures.path("municipalities/small-wgs84-fallback-ids.geojson"),
                                                crs: nil, in: context)
        #expect(layer.sourceCRS == .wgs84)
        #expect(layer.crsSource == "RFC 7946 default (coordinates within lon/lat range)")
        #expect(layer.municipalities.map(\.code) == ["GM0344", "GM0363", "GM0599"])
        #expect(layer.municipalities.map(\.name) == ["Utrecht", "Amsterdam", "GM0599"])
        #expect(layer.problems.map(\.kind) == ["missing-municipality-name"])
        // Projected to RD New: the Utrecht box lies around the Dom (x 136784, y 455860).
        let box = try #require(layer.municipalities[0].geometry.envelope)
        #expect(box.contains(Point(x: 136_783.726, y: 455_860.139)))
        #expect(box.width > 2_700 && box.width < 2_800)  // 0.04° of longitude at 52° N ≈ 2.74 km
        // The unclosed ring of GM0363 was closed.
        #expect(layer.municipalities[1].geometry.isValid)
    }

    @Test func emptyGeometriesAreKeptAndMeasuresRead() throws {
        let path = Fixtures.path("municipalities/empty-geometry-and-measure.geojson")
        let layer = try PolygonLayerReader.read(path: path, crs: nil, idField: "pc4", nameField: "pc4",
                                                measureField: "inwoners", in: context)
        #expect(layer.municipalities.map(\.code) == ["1011", "5028", "1012"])
        #expect(layer.municipalities[1].geometry.isEmpty)
        #expect(layer.measures == ["1011": 9630, "1012": 4000.5])  // null is absent
        let problem = try #require(layer.problems.first { $0.kind == "empty-geometry" })
        #expect(problem.message.contains("1 of 3") && problem.message.contains("5028"), "\(problem.message)")
        // The map indexes it and places nothing in it.
        let map = try MunicipalityMap(layer.municipalities, in: context)
        #expect(map.municipalityPosition(covering: Point(x: 120_500, y: 480_500)) == 0)
        #expect(map.municipalityPosition(covering: Point(x: 121_500, y: 480_500)) == 2)
        // A measure field that no feature has is an error.
        #expect(throws: InputError.self) {
            _ = try PolygonLayerReader.read(path: path, crs: nil, idField: "pc4", measureField: "pc4x", in: context)
        }
    }

    @Test func selfIntersectingPolygonIsRepairedAndReported() throws {
        let path = Fixtures.path("municipalities/bowtie.geojson")
        let layer = try PolygonLayerReader.read(path: path, crs: nil, in: context)
        let bowtie = try #require(layer.municipalities.first)
        #expect(bowtie.geometry.isValid)
        #expect(bowtie.geometry.kind == .multiPolygon && bowtie.geometry.partCount == 2)
        #expect(abs(bowtie.areaSquareKilometers - 0.5) < 1e-9)  // two triangles of 0.25 km²
        let problem = try #require(layer.problems.first)
        #expect(problem.kind == "repaired-polygon" && problem.severity == .warning)
        #expect(problem.feature == "0 (GM0010)")
        #expect(problem.description.contains("bowtie.geojson: feature 0 (GM0010)"))
        #expect(problem.message.contains("Self-intersection"))
    }

    @Test func repairKeepsOnlyThePolygonalParts() throws {
        let layer = try PolygonLayerReader.read(path: Fixtures.path("municipalities/spike.geojson"), crs: nil,
                                                in: context)
        let spiky = try #require(layer.municipalities.first)
        #expect(spiky.geometry.kind == .polygon && spiky.geometry.isValid)
        #expect(abs(spiky.areaSquareKilometers - 1) < 1e-9)
        #expect(layer.problems.map(\.kind) == ["repaired-polygon"])
        #expect(layer.problems.first?.message.contains("dropped 1 non-polygonal part") == true)
    }

    // MARK: real data (../shared/geodata, see its README.md)

    /// Loads a file of the shared real-data folder (the tests using it are disabled when it is absent).
    private func real(_ name: String) throws -> PolygonLayer {
        let path = try #require(Fixtures.sharedGeodata(name))
        return try PolygonLayerReader.read(path: path, crs: nil, in: context)
    }

    // Skipped, not failed, when ../shared/geodata is absent (e.g. a fresh clone without the shared data).
    @Test(.enabled(if: Fixtures.sharedGeodata != nil, "needs ../shared/geodata"))
    func realWGS84MunicipalitiesOf2020() throws {
        let layer = try real("gemeenten_2020_wgs84.geojson")
        #expect(layer.municipalities.count == 355)
        #expect(layer.sourceCRS == .wgs84)
        #expect(layer.crsSource == "RFC 7946 default (coordinates within lon/lat range)")
        #expect(Set(layer.municipalities.map(\.code)).count == 355)
        #expect(layer.municipalities.allSatisfy { $0.geometry.isValid })
        #expect(abs(layer.areaSquareKilometers - 35_075) < 35_075 * 0.005)
        #expect(layer.municipalities.first { $0.code == "GM0363" }?.name == "Amsterdam")
    }

    @Test(.enabled(if: Fixtures.sharedGeodata != nil, "needs ../shared/geodata"))
    func realRDMunicipalitiesOf2020MatchTheWGS84Ones() throws {
        let rd = try real("gemeenten_2020_rd.geojson")
        let wgs84 = try real("gemeenten_2020_wgs84.geojson")
        #expect(rd.municipalities.count == 355)
        #expect(rd.sourceCRS == .rdNew && rd.crsSource == "crs member")
        #expect(rd.municipalities.map(\.code) == wgs84.municipalities.map(\.code))
        #expect(abs(rd.areaSquareKilometers - wgs84.areaSquareKilometers) < wgs84.areaSquareKilometers * 0.005)
        let box = try #require(MunicipalityMap(rd.municipalities, in: context).envelope)
        #expect(abs(box.minX - 13_565) < 1 && abs(box.maxY - 619_340) < 1)
    }

    /// The RD file was made with pyproj from the same polygons and rounded to 0.1 m: our PROJ transform of
    /// the WGS84 file must put every vertex of a sample municipality within about a metre of it.
    @Test(.enabled(if: Fixtures.sharedGeodata != nil, "needs ../shared/geodata"),
          arguments: ["GM0363", "GM0344", "GM0003", "GM1970"])
    func projectedVerticesMatchTheRDFile(code: String) throws {
        let rd = try #require(try real("gemeenten_2020_rd.geojson").municipalities.first { $0.code == code })
        let ours = try #require(try real("gemeenten_2020_wgs84.geojson").municipalities.first { $0.code == code })
        let theirs = rd.geometry.polygons, mine = ours.geometry.polygons
        #expect(theirs.map { $0.map(\.count) } == mine.map { $0.map(\.count) })
        let pairs = zip(theirs.joined().joined(), mine.joined().joined())
        let worst = pairs.map { $0.distance(to: $1) }.max() ?? .infinity
        #expect(worst < 1.2, "largest vertex difference \(worst) m in \(code)")
    }

    @Test(.enabled(if: Fixtures.sharedGeodata != nil, "needs ../shared/geodata"))
    func realWGS84MunicipalitiesOf2018UseStatcode() throws {
        let layer = try real("gemeenten_2018_wgs84.geojson")
        #expect(layer.municipalities.count == 380)
        #expect(layer.municipalities.contains { $0.code == "GM1949" })
        #expect(layer.municipalities.allSatisfy { FeatureIdentity.isCBSCode($0.code) })
    }

    @Test(.enabled(if: Fixtures.sharedGeodata != nil, "needs ../shared/geodata"))
    func the2018FileReadByItsFourDigitCodeGetsTheSameCodes() throws {
        let path = try #require(Fixtures.sharedGeodata("gemeenten_2018_wgs84.geojson"))
        // `code` holds the 4-digit number ("0584"): it gets the GM prefix.
        let byCode = try PolygonLayerReader.read(path: path, crs: nil, idField: "code", in: context)
        let byStatcode = try real("gemeenten_2018_wgs84.geojson")
        #expect(byCode.municipalities.map(\.code) == byStatcode.municipalities.map(\.code))
        #expect(byCode.problems.isEmpty)
    }
}
