import Foundation
import GRDB
import RegioDomain
@testable import RegioInputs
@testable import RegioReports
import RegioSpatial
import Testing

/// The map layers of `regio export` and their writers: GeoJSON per RFC 7946 (WGS 84 lon/lat, closed rings,
/// counter-clockwise exteriors, clockwise holes, 6 decimals), the GeoPackage (metadata tables, srs, GP header,
/// R-tree, WKB that decodes to the same geometry), and atomic output. On the demo data, and on the real data
/// in ../shared/geodata when it is there.
@Suite struct ExportTests {
    /// An audited dataset and its layers.
    final class Exported {
        let dataset: Dataset
        let catchments: CatchmentPartition
        let result: AuditResult
        let territories: [RegionID: Geometry]
        let layers: [ExportLayer]

        init(_ paths: InputPaths) throws {
            dataset = try Dataset(loading: paths)
            catchments = try dataset.catchments()
            let input = try MapExportInput(dataset: dataset, catchments: catchments,
                                           auditor: try dataset.auditor(catchments: catchments))
            (result, territories) = (input.result, input.territories)
            layers = try MapExport.layers(input)
        }

        func layer(_ name: String) -> ExportLayer { layers.first { $0.name == name }! }
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let demo = InputPaths.demo(in: packageRoot.appendingPathComponent("geodata/demo").path)
    static let real: InputPaths? = Fixtures.sharedGeodata.map { g in
        InputPaths(schools: g.appendingPathComponent("duo_vestigingen_vo_2020-12_geocoded.csv").path,
                   students: g.appendingPathComponent("duo_leerlingen_vo_per_vestiging_naar_onderwijstype_2019.csv").path,
                   municipalities: g.appendingPathComponent("gemeenten_2020_wgs84.geojson").path,
                   registrations: packageRoot.appendingPathComponent("Tests/oracle/real/registration.csv").path)
    }
    static var datasets: [String] { real == nil ? ["demo"] : ["demo", "real"] }
    static func paths(_ name: String) -> InputPaths { name == "real" ? real! : demo }

    // MARK: layers

    @Test(arguments: datasets) func layersHoldEverySchoolRegionFindingAndSuggestion(_ name: String) throws {
        let e = try Exported(Self.paths(name))
        #expect(e.layers.map(\.name) == MapExport.layerNames)
        #expect(e.layer("schools").features.count == e.dataset.register.schools.filter { $0.location != nil }.count)
        #expect(e.layer("suggestions").features.count + e.layer("suggestions_without_location").features.count
                == e.result.suggestions.count)
        #expect(e.layer("catchments").features.count > 0)

        // One geometry type per map layer and no null geometry; attribute tables have none.
        for layer in e.layers {
            let kinds = Set(layer.features.map { $0.geometry?.kind })
            if let type = layer.geometryType {
                #expect(kinds.isSubset(of: [type.kind]), "\(layer.name): \(kinds)")
                #expect(layer.features.allSatisfy { $0.geometry.map { !$0.isEmpty } ?? false }, "\(layer.name)")
            } else {
                #expect(kinds.isSubset(of: [nil]), "\(layer.name)")
            }
        }

        // Regions: those with a territory are drawn, the rest listed apart, in registration order.
        let withoutTerritory = e.result.regions.filter { ($0.territoryAreaSquareKilometers) == 0 }.map(\.id)
        #expect(e.layer("regions_without_territory").features.indices.map { e.layer("regions_without_territory").value("id", of: $0) }
                == withoutTerritory.map { .text($0.rawValue) })
        #expect(e.layer("regions").features.count + withoutTerritory.count == e.result.regions.count)
        #expect(!withoutTerritory.isEmpty, "the demo and the real pre-registration each have an empty region")

        // Findings: every one of the audit in at least one layer, numbered in audit order, drawn as its rule says.
        var seen = Set<Int>()
        for layerName in FindingsLayer.names {
            let layer = e.layer(layerName)
            for i in layer.features.indices {
                guard case .integer(let number) = layer.value("finding", of: i) else { Issue.record("no number"); continue }
                seen.insert(number)
                let finding = e.result.findings[number - 1]
                #expect(layer.value("rule", of: i) == .text(finding.rule.rawValue))
                let geometry = layer.features[i].geometry
                switch (layerName, finding.rule) {
                case ("findings_lines", let rule):
                    #expect(rule == .splitCloseSchools)
                    #expect(abs((geometry?.length ?? 0) - (finding.value ?? -1)) < 0.01, "line length is the pair's distance")
                case ("findings_areas", let rule):
                    #expect(rule == .overlappingRegions)
                    // The overlap measured by the audit (km², rounded to 0.1 in the message, exact in value).
                    #expect(abs((geometry?.area ?? 0) / 1e6 - (finding.value ?? -1)) < 1e-6)
                case ("findings_points", _):
                    guard case .text(let school) = layer.value("school", of: i) else { Issue.record("no school"); continue }
                    #expect(finding.schools.contains(school))
                    #expect(geometry.flatMap { $0.coordinates.first } == SchoolCode(school).flatMap { e.dataset.schoolsByCode[$0]?.location })
                case ("findings_without_location", let rule):
                    #expect(FindingsLayer.regionRules.contains(rule)
                            || finding.schools.allSatisfy { SchoolCode($0).flatMap { e.dataset.schoolsByCode[$0]?.location } == nil }
                            || rule == .overlappingRegions, "\(finding.message)")
                default:
                    Issue.record("unexpected layer \(layerName)")
                }
            }
        }
        #expect(seen == Set(1...e.result.findings.count))
        // A finding about schools has one point per placed school; an enclave is one point.
        let points = e.layer("findings_points")
        for (index, finding) in e.result.findings.enumerated() where finding.rule == .enclave || finding.rule == .fragmentedRegion {
            let placed = finding.schools.filter { SchoolCode($0).flatMap { e.dataset.schoolsByCode[$0]?.location } != nil }
            #expect(points.features.indices.filter { points.value("finding", of: $0) == .integer(index + 1) }.count == placed.count)
        }
        // A school's row names its regions and counts the findings that name it.
        let schools = e.layer("schools")
        let listed = Dictionary(grouping: e.result.regions.flatMap { r in r.schools.map { ($0, r.id) } }, by: \.0)
        for i in schools.features.indices {
            guard case .text(let code) = schools.value("code", of: i) else { Issue.record("no code"); continue }
            let regions = (listed[code] ?? []).map(\.1)
            #expect(schools.value("regionCount", of: i) == .integer(Set(regions).count))
            #expect(schools.value("findingCount", of: i) == .integer(e.result.findings.filter { $0.schools.contains(code) }.count))
        }
        // A region's row carries its figures and territory.
        let regions = e.layer("regions")
        for (i, figures) in e.result.regions.filter({ !withoutTerritory.contains($0.id) }).enumerated() {
            #expect(regions.value("id", of: i) == .text(figures.id.rawValue))
            #expect(regions.value("technicalStudents", of: i) == .integer(figures.technicalStudents))
            #expect(regions.value("errorCount", of: i) == .integer(e.result.findings(of: figures.id).filter { $0.severity == .error }.count))
            let area = regions.features[i].geometry?.area ?? 0
            #expect(abs(area / 1e6 - figures.territoryAreaSquareKilometers) < 0.01)
            #expect(regions.features[i].geometry?.kind == .multiPolygon)
        }
        // Catchment areas cover the map: their dissolved areas add up to the map's area.
        let catchmentArea = e.layer("catchments").features.reduce(0) { $0 + ($1.geometry?.area ?? 0) } / 1e6
        #expect(abs(catchmentArea - e.dataset.map.areaSquareKilometers) / e.dataset.map.areaSquareKilometers < 1e-3)
    }

    // MARK: GeoJSON

    @Test(arguments: datasets) func geoJSONFollowsRFC7946(_ name: String) throws {
        let e = try Exported(Self.paths(name))
        for layer in e.layers where layer.isSpatial {
            let bytes = try GeoJSONWriter.featureCollection(layer)
            let root = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
            #expect(root["type"] as? String == "FeatureCollection")
            #expect(root["crs"] == nil, "RFC 7946 has no crs member")
            let features = try #require(root["features"] as? [[String: Any]])
            #expect(features.count == layer.features.count, "\(layer.name)")
            for feature in features {
                #expect(feature["type"] as? String == "Feature")
                let properties = try #require(feature["properties"] as? [String: Any])
                #expect(Set(properties.keys) == Set(layer.fields.map(\.name)), "\(layer.name) property names")
                let geometry = try #require(feature["geometry"] as? [String: Any], "\(layer.name): no null geometry")
                #expect(geometry["type"] as? String == layer.geometryType?.geoJSONName, "\(layer.name): one geometry type")
                try Self.checkRFC7946(geometry, layer: layer.name)
            }
        }
        // No coordinate has more than 6 decimals.
        let text = String(decoding: try GeoJSONWriter.featureCollection(e.layer("regions")), as: UTF8.self)
        #expect(text.range(of: #"\[-?\d+\.\d{7,}"#, options: .regularExpression) == nil)
    }

    /// Positions are [lon, lat] inside the Netherlands, rings closed with ≥ 4 positions, exterior rings
    /// counter-clockwise and holes clockwise (RFC 7946 §3.1.6).
    static func checkRFC7946(_ geometry: [String: Any], layer: String) throws {
        func position(_ value: Any) throws -> (Double, Double) {
            let p = try #require(value as? [Double])
            #expect(p.count == 2)
            #expect((3...8).contains(p[0]) && (50...54).contains(p[1]), "\(layer): \(p) is not [lon, lat] in NL")
            return (p[0], p[1])
        }
        func ring(_ value: Any, exterior: Bool) throws {
            let points = try #require(value as? [Any]).map(position)
            #expect(points.count >= 4)
            #expect(points.first! == points.last!, "\(layer): ring not closed")
            var twiceArea = 0.0
            for (a, b) in zip(points, points.dropFirst()) { twiceArea += a.0 * b.1 - b.0 * a.1 }
            #expect(exterior ? twiceArea > 0 : twiceArea < 0, "\(layer): \(exterior ? "exterior" : "hole") has the wrong orientation")
        }
        func polygon(_ value: Any) throws {
            let rings = try #require(value as? [Any])
            for (i, r) in rings.enumerated() { try ring(r, exterior: i == 0) }
        }
        let coordinates = geometry["coordinates"] as Any
        switch geometry["type"] as? String {
        case "Point": _ = try position(coordinates)
        case "MultiPoint", "LineString":
            let points = try #require(coordinates as? [Any])
            for p in points { _ = try position(p) }
            if geometry["type"] as? String == "LineString" { #expect(points.count >= 2) }
        case "Polygon": try polygon(coordinates)
        case "MultiPolygon": for p in try #require(coordinates as? [Any]) { try polygon(p) }
        case let other: Issue.record("\(layer): unexpected geometry type \(other ?? "none")")
        }
    }

    @Test func holesAreClockwiseAndExteriorsCounterClockwise() throws {
        // A square with a square hole, both given the wrong way round.
        let context = GeometryContext()
        let outer = [(150_000.0, 450_000.0), (150_000, 451_000), (151_000, 451_000), (151_000, 450_000)]
            .map { Point(x: $0.0, y: $0.1) }
        let hole = [(150_200.0, 450_200.0), (150_800, 450_200), (150_800, 450_800), (150_200, 450_800)]
            .map { Point(x: $0.0, y: $0.1) }
        let polygon = try context.collection(.multiPolygon, of: [try context.polygon(exterior: outer, holes: [hole])])
        let layer = ExportLayer(name: "t", geometryType: .multiPolygon, description: "", fields: [ExportField("n", .text, "")],
                                features: [ExportFeature(geometry: polygon, values: [.text("a\"b\\c\n")])])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(try GeoJSONWriter.featureCollection(layer))) as? [String: Any])
        let feature = try #require((root["features"] as? [[String: Any]])?.first)
        #expect((feature["properties"] as? [String: Any])?["n"] as? String == "a\"b\\c\n")
        let geometry = try #require(feature["geometry"] as? [String: Any])
        #expect(((geometry["coordinates"] as? [Any])?.first as? [Any])?.count == 2, "exterior and hole")
        try Self.checkRFC7946(geometry, layer: "t")
    }

    @Test func coordinatesAreRoundedToSixDecimals() {
        func text(_ v: Double) -> String {
            var out: [UInt8] = []
            JSONText.appendFixed(v, decimals: 6, to: &out)
            return String(decoding: out, as: UTF8.self)
        }
        #expect(text(5.123_456_7) == "5.123457")
        #expect(text(52) == "52")
        #expect(text(-0.000_000_4) == "0")
        #expect(text(-3.5) == "-3.5")
        #expect(text(0.000_001) == "0.000001")
        #expect(text(.nan) == "null")
        var out: [UInt8] = []
        JSONText.appendReal(3000, to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "3000.0", "a real stays real for readers that infer types")
    }

    @Test func embeddableJSONCannotCloseTheScriptOrOpenAComment() throws {
        let text = "a</script><!-- <b> <<!x"
        var string = Array("[".utf8)
        JSONText.appendString(text, to: &string, embeddable: true)
        string.append(UInt8(ascii: "]"))
        let whole = JSONText.embeddable(try JSONSerialization.data(withJSONObject: [text], options: .withoutEscapingSlashes))
        for json in [String(decoding: string, as: UTF8.self), whole] {
            #expect(!json.contains("</") && !json.contains("<!"), "\(json)")
            #expect(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String] == [text], "\(json)")
        }
    }

    // MARK: GeoPackage

    @Test(arguments: datasets) func geoPackageHasTheMetadataTheSRSAndAnRTreePerLayer(_ name: String) throws {
        let e = try Exported(Self.paths(name))
        let files = TemporaryFiles()
        let path = files.directory.appendingPathComponent("export.gpkg").path
        try MapExport.write(e.layers, format: .gpkg, to: path, force: false)
        let queue = try DatabaseQueue(path: path)
        try queue.read { db in
            #expect(try Int.fetchOne(db, sql: "PRAGMA application_id") == 0x4750_4B47)
            #expect(try Int.fetchOne(db, sql: "PRAGMA user_version") == 10300)
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
            let srs = try Row.fetchAll(db, sql: "SELECT srs_id, organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys")
            #expect(Set(srs.map { $0["srs_id"] as Int }) == [-1, 0, 4326, 28992])
            let rd = try #require(srs.first { $0["srs_id"] as Int == 28992 })
            #expect(rd["organization"] as String == "EPSG" && rd["organization_coordsys_id"] as Int == 28992)
            #expect((rd["definition"] as String).hasPrefix("PROJCS[\"Amersfoort / RD New\""))

            for layer in e.layers {
                let contents = try #require(try Row.fetchOne(db, sql: "SELECT * FROM gpkg_contents WHERE table_name = ?", arguments: [layer.name]))
                #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM \(layer.name.quotedDatabaseIdentifier)") == layer.features.count)
                guard let type = layer.geometryType else {
                    // An attribute table: no geometry column, no index.
                    #expect(contents["data_type"] as String == "attributes", "\(layer.name)")
                    #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM gpkg_geometry_columns WHERE table_name = ?", arguments: [layer.name]) == 0)
                    let columns = try db.columns(in: layer.name).map(\.name)
                    #expect(columns == ["fid"] + layer.fields.map(\.name))
                    continue
                }
                #expect(contents["data_type"] as String == "features" && contents["srs_id"] as Int == 28992)
                let column = try #require(try Row.fetchOne(db, sql: "SELECT * FROM gpkg_geometry_columns WHERE table_name = ?", arguments: [layer.name]))
                #expect(column["column_name"] as String == "geom" && column["geometry_type_name"] as String == type.geoPackageName)
                #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM \(layer.name.quotedDatabaseIdentifier) WHERE geom IS NULL") == 0)
                #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM gpkg_extensions WHERE table_name = ? AND column_name = 'geom' AND extension_name = 'gpkg_rtree_index'", arguments: [layer.name]) == 1)
                #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM \"rtree_\(layer.name)_geom\"") == layer.features.count)

                // Every blob: GP header with envelope, srs 28992, the R-tree row equal to the envelope, and WKB that
                // decodes back to the feature's geometry.
                let rows = try Row.fetchAll(db, sql: """
                    SELECT t.fid, t.geom, r.minx, r.maxx, r.miny, r.maxy FROM \(layer.name.quotedDatabaseIdentifier) t
                    LEFT JOIN "rtree_\(layer.name)_geom" r ON r.id = t.fid ORDER BY t.fid
                    """)
                let context = GeometryContext()
                for row in rows {
                    let feature = layer.features[(row["fid"] as Int) - 1]
                    guard let data = row["geom"] as Data? else {
                        #expect(feature.geometry == nil)
                        continue
                    }
                    let blob = [UInt8](data)
                    let header = try GeoPackageGeometryHeader(blob)
                    #expect(header.version == 0 && header.littleEndian && header.envelopeCode == 1 && !header.isEmpty)
                    #expect(header.srsID == 28992)
                    let envelope = try #require(header.envelope)
                    // The R-tree stores 32-bit floats rounded outwards: within a metre of the envelope.
                    #expect(abs((row["minx"] as Double) - envelope.minX) < 1 && abs((row["maxy"] as Double) - envelope.maxY) < 1)
                    let decoded = try context.geometry(wkb: blob[header.wkbOffset...])
                    let original = try #require(feature.geometry)
                    #expect(decoded.kind == original.kind && decoded.kind == type.kind)
                    #expect(abs(decoded.area - original.area) <= 1e-6 * max(1, original.area))
                    #expect(decoded.envelope == envelope)
                }
            }
        }
        // The R-tree answers a window query: the regions around Utrecht (RD 136783, 455860).
        let hits = try queue.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM rtree_schools_geom WHERE minx <= 160000 AND maxx >= 110000 AND miny <= 480000 AND maxy >= 430000") ?? 0
        }
        let inWindow = e.dataset.register.schools.compactMap(\.location).filter { (110_000...160_000).contains($0.x) && (430_000...480_000).contains($0.y) }.count
        #expect(hits >= inWindow)
    }

    // MARK: atomic output

    @Test func anExistingOutputIsReplacedOnlyWithForce() throws {
        let files = TemporaryFiles()
        let path = files.write("out.gpkg", "old")
        #expect(throws: InputError.self) {
            try AtomicOutput.write(path, force: false) { temp in
                try Data("new".utf8).write(to: URL(fileURLWithPath: temp))
            }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        try AtomicOutput.write(path, force: true) { temp in
            try Data("new".utf8).write(to: URL(fileURLWithPath: temp))
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")

        // A folder regio did not write is never replaced, even with force; nothing in it changes.
        let folder = files.directory.appendingPathComponent("layers")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        FileManager.default.createFile(atPath: folder.appendingPathComponent("stale.txt").path, contents: Data())
        func export(_ names: [String]) throws(InputError) {
            try AtomicOutput.writeFolder(folder.path, files: names.map { ($0, Array("{}".utf8)) }, force: true)
        }
        do {
            try export(["schools.geojson"])
            Issue.record("expected a refusal")
        } catch {
            #expect(error.kind == .protectedOutput)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["stale.txt"])
        // An empty folder is written into; a later export replaces the files its manifest lists, and only those.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("stale.txt"))
        try export(["schools.geojson", "regions.geojson"])
        FileManager.default.createFile(atPath: folder.appendingPathComponent("mine.txt").path, contents: Data("mine".utf8))
        try export(["schools.geojson"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [".regio-export", "mine.txt", "schools.geojson"])
        // Nothing temporary is left beside the target.
        #expect(try FileManager.default.contentsOfDirectory(atPath: files.directory.path).sorted() == ["layers", "out.gpkg"])
    }

    @Test func aFailedWriteLeavesTheOldOutputAndNoTemporaryFile() throws {
        let files = TemporaryFiles()
        let path = files.write("out.gpkg", "old")
        struct Boom: Error {}
        do {
            try AtomicOutput.write(path, force: true) { temp in
                try Data("half".utf8).write(to: URL(fileURLWithPath: temp))
                throw Boom()
            }
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .unwritable)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: files.directory.path) == ["out.gpkg"])

        do {
            try AtomicOutput.write(files.directory.appendingPathComponent("missing/out.gpkg").path, force: false) { _ in }
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .unwritable)
            #expect(error.description.contains("does not exist"))
        }
    }
}
