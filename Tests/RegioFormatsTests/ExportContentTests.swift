import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GRDB
import RegioDomain
@testable import RegioInputs
@testable import RegioReports
import RegioSpatial
import Testing

/// What the export's layers say: the suggestions' edits and figures (those of a fresh audit of the edited
/// registration), the schools' municipality and town, the QGIS styles, and the CSV of an attribute table. On the
/// demo data, and on the real data in ../shared/geodata when it is there.
@Suite struct ExportContentTests {
    typealias Exported = ExportTests.Exported

    // MARK: suggestions

    @Test(arguments: ExportTests.datasets) func suggestionFiguresAreThoseOfTheAuditAfterTheEdit(_ name: String) throws {
        let e = try Exported(ExportTests.paths(name))
        let input = try e.dataset.auditInput(catchments: e.catchments)
        let known = Set(e.dataset.register.schools.map(\.code))
        #expect(e.result.suggestions.contains { $0.kind == .move } && e.result.suggestions.contains { $0.kind == .merge })
        let drawn = e.layer("suggestions"), apart = e.layer("suggestions_without_location")
        let rows = drawn.features.indices.map { (drawn, $0) } + apart.features.indices.map { (apart, $0) }
        #expect(rows.count == e.result.suggestions.count)
        for (layer, i) in rows {
            let suggestion = try #require(e.result.suggestions.first { .text($0.headline) == layer.value("headline", of: i) })
            let value = { (field: String) in layer.value(field, of: i) }
            // The edit: kind, regions, the school moved, and the edit as a scenario holds it.
            #expect(value("kind") == .text(suggestion.kind.rawValue))
            #expect(value("region") == .text(suggestion.regions[0].rawValue) && value("otherRegion") == .text(suggestion.regions[1].rawValue))
            #expect(value("survivingRegion") == .text(suggestion.survivingRegion.rawValue))
            guard case .text(let editJSON) = value("edit") else { Issue.record("no edit"); continue }
            #expect(try JSONDecoder().decode(Edit.self, from: Data(editJSON.utf8)) == suggestion.edit)
            if case .move(let school, let to) = suggestion.edit {
                #expect(value("school") == .text(school.rawValue) && to == suggestion.survivingRegion)
                #expect(value("schoolName") == .text(e.dataset.schoolsByCode[school]?.name ?? "?"))
            } else {
                #expect(value("school") == .null)
            }

            // The figures: a fresh audit of the edited registration.
            let edited = try input.registration.applying([suggestion.edit], knownSchools: known)
            let fresh = try Auditor(AuditInput(schools: input.schools, counts: input.counts, map: input.map,
                                               placement: input.placement, registration: edited,
                                               settings: input.settings, catchments: e.catchments)).result
            let surviving = try #require(fresh.regions.first { $0.id == suggestion.survivingRegion })
            try expectFigures(surviving, prefix: "surviving", in: layer, row: i, suggestion.headline)
            if suggestion.kind == .move {
                let source = try #require(fresh.regions.first { $0.id == suggestion.regions[0] })
                try expectFigures(source, prefix: "source", in: layer, row: i, suggestion.headline)
                // Never the two regions added together (notebook 03 used to do that).
                let before = { (id: RegionID) in e.result.regions.first { $0.id == id }?.schools.count ?? 0 }
                #expect(value("survivingSchoolCount") != .integer(before(suggestion.regions[0]) + before(suggestion.regions[1])))
            } else {
                #expect(value("sourceSchoolCount") == .null && value("sourceTechnicalStudents") == .null)
            }
        }
    }

    /// The figure columns `prefix…` of `row` equal `figures`.
    func expectFigures(_ figures: RegionFigures, prefix: String, in layer: ExportLayer, row: Int, _ headline: String) throws {
        let value = { (field: String) in layer.value(prefix + field, of: row) }
        #expect(value("SchoolCount") == .integer(figures.schools.count), "\(headline)")
        #expect(value("CountedStudents") == .integer(figures.countedStudents), "\(headline)")
        #expect(value("TechnicalStudents") == .integer(figures.technicalStudents), "\(headline)")
        #expect(value("TechnicalShare") == .real(figures.technicalShare), "\(headline)")
        #expect(value("Techniekarm") == .boolean(figures.techniekarm), "\(headline)")
        #expect(value("BudgetEUR") == .real(figures.budgetEUR), "\(headline)")
        #expect(value("BudgetRangeMinimumEUR") == .real(figures.budgetRangeEUR?.first), "\(headline)")
    }

    // MARK: schools

    @Test(arguments: ExportTests.datasets) func schoolsCarryTheirMunicipalityAndTheTownAsWritten(_ name: String) throws {
        let e = try Exported(ExportTests.paths(name))
        let schools = e.layer("schools")
        var named = 0
        for i in schools.features.indices {
            guard case .text(let raw) = schools.value("code", of: i), let code = SchoolCode(raw),
                  let school = e.dataset.schoolsByCode[code] else { Issue.record("unknown school"); continue }
            #expect(schools.value("town", of: i) == .text(DutchPlaceName.display(school.town)))
            let municipality = e.dataset.placement.municipalityOf[code]
            #expect(schools.value("municipality", of: i) == .text(municipality ?? ""))
            #expect(schools.value("municipalityName", of: i) == .text(municipality.flatMap { e.dataset.map[$0]?.name } ?? ""))
            if municipality != nil { named += 1 }
            // No town in capitals: DUO's "ENSCHEDE" is written "Enschede".
            if case .text(let town) = schools.value("town", of: i), town.count > 3 {
                #expect(town != town.uppercased(), "\(town)")
            }
        }
        #expect(named > schools.features.count * 9 / 10, "almost every school lies in a municipality of the map")
    }

    // MARK: styles

    @Test func theGeoPackageCarriesQGISStylesForRegionsAndFindings() throws {
        let e = try Exported(ExportTests.demo)
        let files = TemporaryFiles()
        let path = files.directory.appendingPathComponent("styled.gpkg").path
        try MapExport.write(e.layers, format: .gpkg, to: path, force: false)
        let rows = try DatabaseQueue(path: path).read { db in
            #expect(try String.fetchOne(db, sql: "SELECT data_type FROM gpkg_contents WHERE table_name = 'layer_styles'") == "attributes")
            let columns = try db.columns(in: "layer_styles").map(\.name)
            #expect(columns == ["id", "f_table_catalog", "f_table_schema", "f_table_name", "f_geometry_column", "styleName",
                                "styleQML", "styleSLD", "useAsDefault", "description", "owner", "ui", "update_time"])
            return try Row.fetchAll(db, sql: "SELECT * FROM layer_styles ORDER BY id")
        }
        let styled = Dictionary(uniqueKeysWithValues: rows.map { ($0["f_table_name"] as String, $0) })
        #expect(Set(styled.keys) == ["regions", "findings_points", "findings_lines", "findings_areas"])
        for (table, row) in styled {
            let layer = e.layer(table)
            #expect(row["f_geometry_column"] as String == "geom" && row["useAsDefault"] as Int == 1)
            let qml = try XMLDocument(xmlString: row["styleQML"] as String)
            let renderer = try #require(try qml.nodes(forXPath: "/qgis/renderer-v2").first as? XMLElement)
            let field = try #require(renderer.attribute(forName: "attr")?.stringValue)
            #expect(layer.fields.map(\.name).contains(field), "\(table): the style reads \(field)")
            let geometryType = try qml.nodes(forXPath: "/qgis/layerGeometryType").first?.stringValue
            #expect(geometryType == ["POINT": "0", "LINESTRING": "1", "MULTIPOLYGON": "2"][layer.geometryType?.rawValue ?? ""])
            let sld = try XMLDocument(xmlString: row["styleSLD"] as String)
            #expect(sld.rootElement()?.name == "StyledLayerDescriptor")
            if table == "regions" {
                #expect(renderer.attribute(forName: "type")?.stringValue == "graduatedSymbol" && field == "technicalShare")
                let ranges = try qml.nodes(forXPath: "//ranges/range").compactMap { $0 as? XMLElement }
                let lowers = ranges.compactMap { $0.attribute(forName: "lower")?.stringValue.flatMap(Double.init) }
                #expect(lowers.first == 0 && lowers.contains(e.result.settings.techniekarmShareBelow), "a class boundary at the techniekarm threshold")
            } else {
                #expect(renderer.attribute(forName: "type")?.stringValue == "categorizedSymbol" && field == "severity")
                let categories = try qml.nodes(forXPath: "//categories/category").compactMap { ($0 as? XMLElement)?.attribute(forName: "value")?.stringValue }
                #expect(categories == ["error", "warning", "info"])
                // error red, warning orange, info blue.
                let colors = try qml.nodes(forXPath: "//symbols/symbol/layer/Option/Option[@name='color' or @name='line_color']")
                    .compactMap { ($0 as? XMLElement)?.attribute(forName: "value")?.stringValue }
                #expect(colors == ["215,25,28,255", "253,141,60,255", "44,123,182,255"], "\(table)")
            }
        }
    }

    // MARK: CSV

    @Test func anAttributeTableIsWrittenAsCSV() throws {
        let layer = ExportLayer(name: "t", geometryType: nil, description: "", fields: [
            ExportField("id", .text, ""), ExportField("n", .integer, ""), ExportField("share", .real, ""),
            ExportField("flag", .boolean, ""),
        ], features: [
            ExportFeature(geometry: nil, values: [.text("a,b \"c\""), .integer(3), .real(0.25), .boolean(true)]),
            ExportFeature(geometry: nil, values: [.text("plain"), .null, .real(.nan), .boolean(false)]),
        ])
        let text = String(decoding: ExportCSV.table(layer), as: UTF8.self)
        #expect(text == "id,n,share,flag\n\"a,b \"\"c\"\"\",3,0.25,true\nplain,,,false\n")
    }
}
