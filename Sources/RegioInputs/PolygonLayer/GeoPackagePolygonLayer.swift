import Foundation
import GRDB
import RegioDomain
import RegioSpatial

/// Reads a polygon layer (municipalities, postcode areas) from a GeoPackage (`.gpkg`, an SQLite database),
/// opened read-only.
///
/// The layer is `layer` or else the first `features` table in `gpkg_contents`; its geometry column and
/// srs_id come from `gpkg_geometry_columns`, and the srs_id is resolved to an EPSG code through
/// `gpkg_spatial_ref_sys` (organization / organization_coordsys_id) unless `--crs` overrides it.
/// Each geometry blob is a GeoPackage header (``GeoPackageGeometryHeader``) followed by WKB, read by GEOS.
enum GeoPackagePolygonLayer {
    static func read(path: String, crs override: CoordinateReferenceSystem?, idField: String, nameField: String,
                     layer: String?, measureField: String?, in context: GeometryContext) throws(InputError) -> PolygonLayer {
        try checkSQLiteHeader(path)
        let contents = try load(path: path, layer: layer)

        var problems: [InputProblem] = []
        let source: CoordinateReferenceSystem
        let crsSource: String
        if let override {
            source = override
            crsSource = "given with --crs"
        } else {
            source = try contents.referenceSystem(file: path)
            crsSource = "GeoPackage srs_id \(contents.srsID)"
        }

        var raw = RawPolygonLayer(file: path)
        var otherSRS: (index: Int, srsID: Int32)?
        for (index, row) in contents.rows.enumerated() {
            var pairs: [(String, FeatureValue)] = []
            var blob: DatabaseValue = .null
            for (column, value) in row {
                if column.lowercased() == contents.geometryColumn.lowercased() { blob = value } else {
                    pairs.append((column, featureValue(value)))
                }
            }
            let properties = FeatureProperties(pairs)
            let code = try FeatureIdentity.code(in: properties, idField: idField, file: path, index: index)
            let name = FeatureIdentity.name(in: properties, nameField: nameField)
            let label = "\(index) (\(code))"
            let measure = try measureField.flatMap { field throws(InputError) in
                try FeatureIdentity.measure(in: properties, field: field, file: path, feature: label)
            }
            let (polygons, blobSRS) = try decode(blob, column: contents.geometryColumn, file: path, feature: label,
                                                 in: context)
            if otherSRS == nil, blobSRS != 0, Int64(blobSRS) != contents.srsID { otherSRS = (index, blobSRS) }
            try raw.append(index: index, code: code, name: name, measure: measure, polygons: polygons)
        }
        guard !raw.features.isEmpty else {
            throw InputError(.badFormat, file: path,
                             message: "layer '\(contents.table)' has no rows, expected municipality polygons")
        }
        if let otherSRS {
            problems.append(InputProblem(
                kind: "geometry-srs-mismatch", severity: .warning, file: path, feature: String(otherSRS.index),
                message: "geometry blob has srs_id \(otherSRS.srsID) but column \(contents.geometryColumn) of layer "
                    + "'\(contents.table)' declares \(contents.srsID); the column's CRS is used"))
        }
        return try PolygonLayerAssembler.assemble(raw, from: source, crsSource: crsSource, problems: problems,
                                                  in: context)
    }

    // MARK: file

    /// "SQLite format 3" and a NUL: the first 16 bytes of every SQLite database file.
    static let sqliteMagic: [UInt8] = Array("SQLite format 3".utf8) + [0]

    /// Throws `fileNotFound`, `unreadable`, `emptyFile` or `badFormat` (not SQLite) naming the file.
    private static func checkSQLiteHeader(_ path: String) throws(InputError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(.fileNotFound, file: path, message: "no such file")
        }
        guard !isDirectory.boolValue else {
            throw InputError(.unreadable, file: path, message: "is a directory, expected a GeoPackage file")
        }
        // SQLite reads a database by seeking in it: a device or pipe cannot be one (and could be read without end).
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw InputError(.unreadable, file: path, message: "is not a regular file (a device or pipe?), expected a GeoPackage file")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError(.unreadable, file: path, message: "cannot be read (check its permissions)")
        }
        defer { try? handle.close() }
        let header = [UInt8]((try? handle.read(upToCount: 16)) ?? Data())
        guard !header.isEmpty else { throw InputError(.emptyFile, file: path, message: "the file is empty") }
        guard header == sqliteMagic else {
            let start = String(decoding: header.map { (0x20..<0x7F).contains($0) ? $0 : UInt8(ascii: ".") }, as: UTF8.self)
            throw InputError(.badFormat, file: path,
                             message: "not a SQLite file (it starts with '\(start)'), expected a GeoPackage")
        }
    }

    // MARK: database

    /// What the reader needs from the database: the layer, its geometry column and CRS, and its rows.
    struct Contents {
        let table: String
        let geometryColumn: String
        let srsID: Int64
        /// The gpkg_spatial_ref_sys row of `srsID`, if there is one.
        /// As stored, shown as text (a file may store any type in any column).
        let organization: DatabaseValue?
        let organizationCode: DatabaseValue?
        let srsName: String?
        let rows: [Row]

        /// The EPSG CRS of `srsID`; throws `unknownCRS` when it is missing or not an EPSG code.
        func referenceSystem(file: String) throws(InputError) -> CoordinateReferenceSystem {
            guard let organization, let organizationCode else {
                throw InputError(.unknownCRS, file: file,
                                 message: "layer '\(table)' has srs_id \(srsID), which is not in gpkg_spatial_ref_sys; "
                                     + "expected a defined CRS (or pass --crs, e.g. --crs EPSG:28992)")
            }
            guard organization.textValue?.lowercased() == "epsg", let code = organizationCode.wholeNumber, code > 0,
                  code <= Int64(Int32.max) else {
                throw InputError(.unknownCRS, file: file,
                                 message: "layer '\(table)' has srs_id \(srsID) (\(srsName ?? "unnamed"), organization "
                                     + "\(organization.shown) id \(organizationCode.shown)), which is not an EPSG CRS; "
                                     + "pass --crs, e.g. --crs EPSG:28992")
            }
            return CoordinateReferenceSystem(epsg: Int(code))
        }
    }

    private static func load(path: String, layer: String?) throws(InputError) -> Contents {
        var configuration = Configuration()
        configuration.readonly = true
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            return try queue.read { db in try contents(db, path: path, layer: layer) }
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError(.badFormat, file: path, message: "cannot be read as a GeoPackage: \(error)")
        }
    }

    private static func contents(_ db: Database, path: String, layer: String?) throws -> Contents {
        guard try db.tableExists("gpkg_contents") else {
            throw InputError(.badFormat, file: path,
                             message: "is an SQLite database but not a GeoPackage: it has no gpkg_contents table")
        }
        // Values are read as they are stored and checked here: GRDB's typed subscripts trap on a value of another
        // type (an srs_id of 'abc'), and a file decides what it stores.
        let tables = try DatabaseValue.fetchAll(db, sql: """
            SELECT table_name FROM gpkg_contents WHERE lower(data_type) = 'features' ORDER BY rowid
            """).compactMap(\.textValue)
        let table: String
        if let layer {
            guard let match = tables.first(where: { $0 == layer }) ?? tables.first(where: { $0.lowercased() == layer.lowercased() })
            else {
                let found = tables.isEmpty ? "none" : tables.map { "'\($0)'" }.joined(separator: ", ")
                throw InputError(.badFormat, file: path,
                                 message: "has no features layer '\(layer)'; its features layers are: \(found)")
            }
            table = match
        } else {
            guard let first = tables.first else {
                let others = try DatabaseValue.fetchAll(db, sql: "SELECT table_name || ' (' || data_type || ')' FROM gpkg_contents")
                    .compactMap(\.textValue)
                let found = others.isEmpty ? "it lists no tables" : "it lists only " + others.joined(separator: ", ")
                throw InputError(.badFormat, file: path,
                                 message: "has no features table in gpkg_contents (\(found)), expected a polygon layer")
            }
            table = first
        }
        guard let column = try Row.fetchOne(db, sql: """
            SELECT column_name, srs_id FROM gpkg_geometry_columns WHERE table_name = ?
            """, arguments: [table]) else {
            throw InputError(.badFormat, file: path,
                             message: "layer '\(table)' has no entry in gpkg_geometry_columns, expected its geometry column")
        }
        guard let geometryColumn = (column["column_name"] as DatabaseValue).textValue else {
            throw InputError(.badFormat, file: path,
                             message: "layer '\(table)' has column_name \((column["column_name"] as DatabaseValue).shown) in gpkg_geometry_columns, expected the name of its geometry column")
        }
        let srsValue: DatabaseValue = column["srs_id"]
        guard let srsID = srsValue.wholeNumber else {
            throw InputError(.unknownCRS, file: path,
                             message: "layer '\(table)' has srs_id \(srsValue.shown) in gpkg_geometry_columns, expected a whole number "
                                 + "naming a row of gpkg_spatial_ref_sys (or pass --crs, e.g. --crs EPSG:28992)")
        }
        let srs = try Row.fetchOne(db, sql: """
            SELECT organization, organization_coordsys_id, srs_name FROM gpkg_spatial_ref_sys WHERE srs_id = ?
            """, arguments: [srsID])
        guard try db.tableExists(table) else {
            throw InputError(.badFormat, file: path, message: "layer '\(table)' is listed in gpkg_contents but has no table")
        }
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table.quotedDatabaseIdentifier)")
        return Contents(table: table, geometryColumn: geometryColumn, srsID: srsID,
                        organization: srs.map { $0["organization"] as DatabaseValue },
                        organizationCode: srs.map { $0["organization_coordsys_id"] as DatabaseValue },
                        srsName: srs.map { ($0["srs_name"] as DatabaseValue).textValue ?? ($0["srs_name"] as DatabaseValue).shown },
                        rows: rows)
    }

    // MARK: rows

    private static func featureValue(_ value: DatabaseValue) -> FeatureValue {
        switch value.storage {
        case .null: return .null
        case .int64(let number): return .integer(number)
        case .double(let number): return .real(number)
        case .string(let text): return .text(text)
        case .blob(let data): return .other("a blob of \(data.count) bytes")
        }
    }

    /// The polygons (rings in the layer's CRS) of one geometry blob and the srs_id its header names.
    private static func decode(_ value: DatabaseValue, column: String, file: String, feature: String,
                               in context: GeometryContext) throws(InputError) -> ([[[Point]]], Int32) {
        guard case .blob(let data) = value.storage else {
            let found = value.isNull ? "null" : "not a blob (\(value))"
            throw InputError(.badGeometry, file: file, feature: feature,
                             message: "geometry column \(column) is \(found), expected a Polygon or MultiPolygon")
        }
        let bytes = [UInt8](data)
        let header: GeoPackageGeometryHeader
        do {
            header = try GeoPackageGeometryHeader(bytes)
        } catch {
            throw InputError(.badGeometry, file: file, feature: feature, message: error.message)
        }
        guard !header.isEmpty else {
            throw InputError(.badGeometry, file: file, feature: feature,
                             message: "geometry is empty (GeoPackage empty flag set), expected a Polygon or MultiPolygon")
        }
        let geometry: Geometry
        do {
            geometry = try context.geometry(wkb: bytes[header.wkbOffset...])
        } catch {
            throw InputError(.badGeometry, file: file, feature: feature,
                             message: "geometry WKB cannot be read: \(error); expected a Polygon or MultiPolygon")
        }
        guard geometry.kind == .polygon || geometry.kind == .multiPolygon else {
            throw InputError(.badGeometry, file: file, feature: feature,
                             message: "geometry type is \(PolygonRepair.name(of: geometry.kind)), "
                                 + "expected Polygon or MultiPolygon")
        }
        let polygons = geometry.polygons
        guard !polygons.isEmpty else {
            throw InputError(.badGeometry, file: file, feature: feature,
                             message: "geometry is an empty \(PolygonRepair.name(of: geometry.kind)), "
                                 + "expected a Polygon or MultiPolygon with rings")
        }
        return (polygons, header.srsID)
    }
}

extension DatabaseValue {
    /// The text stored, or `nil` for any other type.
    var textValue: String? {
        if case .string(let text) = storage { return text }
        return nil
    }

    /// A whole number stored as an integer, or as a real with a whole value in Int64's range; `nil` otherwise
    /// (text, blob, null, 1e300, 2.5).
    var wholeNumber: Int64? {
        switch storage {
        case .int64(let number): return number
        case .double(let number):
            guard number.isFinite, number == number.rounded(), abs(number) < 9.2e18 else { return nil }
            return Int64(number)
        default: return nil
        }
    }

    /// The value for a message: 'text', 42, 1e+300, null, a blob of n bytes.
    var shown: String {
        switch storage {
        case .null: return "null"
        case .int64(let number): return "\(number)"
        case .double(let number): return "\(number)"
        case .string(let text): return "'\(text.prefix(80))'"
        case .blob(let data): return "a blob of \(data.count) bytes"
        }
    }
}
