import Foundation
import GRDB
import RegioSpatial

/// Writes small GeoPackages for tests with GRDB (no GDAL needed): the three required metadata tables and
/// one or more feature tables whose geometry blobs are a GeoPackage header plus WKB.
struct TestGeoPackage {
    /// One row of a feature table; `blob` nil stores NULL.
    struct Feature {
        var code: String
        var name: String
        var blob: [UInt8]?
    }

    /// A feature table and how gpkg_contents / gpkg_geometry_columns describe it.
    struct Layer {
        var table = "gemeenten"
        var geometryColumn = "geom"
        var srsID: Int64 = 28992
        var features: [Feature]
    }

    /// A row of gpkg_spatial_ref_sys.
    struct ReferenceSystem {
        var srsID: Int64
        var name: String
        var organization = "EPSG"
        var code: Int64
    }

    /// The systems every GeoPackage defines (-1, 0, 4326) plus RD New.
    static let standardSystems = [
        ReferenceSystem(srsID: -1, name: "Undefined cartesian SRS", organization: "NONE", code: -1),
        ReferenceSystem(srsID: 0, name: "Undefined geographic SRS", organization: "NONE", code: 0),
        ReferenceSystem(srsID: 4326, name: "WGS 84 geodetic", code: 4326),
        ReferenceSystem(srsID: 28992, name: "Amersfoort / RD New", code: 28992),
    ]

    /// Creates the GeoPackage at `path` (replacing it). `otherContents` adds gpkg_contents rows of other data
    /// types (e.g. `("kaart", "tiles")`) without tables.
    static func write(_ path: String, layers: [Layer], systems: [ReferenceSystem] = standardSystems,
                      otherContents: [(String, String)] = []) throws {
        try? FileManager.default.removeItem(atPath: path)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: """
                PRAGMA application_id = 1196444487;
                PRAGMA user_version = 10300;
                CREATE TABLE gpkg_spatial_ref_sys (
                  srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
                  organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
                CREATE TABLE gpkg_contents (
                  table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
                  description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
                  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER);
                CREATE TABLE gpkg_geometry_columns (
                  table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
                  srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
                  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name));
                """)
            for s in systems {
                try db.execute(sql: "INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, 'undefined', NULL)",
                               arguments: [s.name, s.srsID, s.organization, s.code])
            }
            for (table, type) in otherContents {
                try db.execute(sql: "INSERT INTO gpkg_contents (table_name, data_type, identifier) VALUES (?, ?, ?)",
                               arguments: [table, type, table])
            }
            for layer in layers {
                let table = layer.table.quotedDatabaseIdentifier, column = layer.geometryColumn.quotedDatabaseIdentifier
                try db.execute(sql: """
                    CREATE TABLE \(table) (fid INTEGER PRIMARY KEY AUTOINCREMENT, \(column) MULTIPOLYGON,
                      statcode TEXT, statnaam TEXT)
                    """)
                try db.execute(sql: """
                    INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES (?, 'features', ?, ?)
                    """, arguments: [layer.table, layer.table, layer.srsID])
                try db.execute(sql: "INSERT INTO gpkg_geometry_columns VALUES (?, ?, 'MULTIPOLYGON', ?, 0, 0)",
                               arguments: [layer.table, layer.geometryColumn, layer.srsID])
                for feature in layer.features {
                    try db.execute(sql: "INSERT INTO \(table) (\(column), statcode, statnaam) VALUES (?, ?, ?)",
                                   arguments: [feature.blob.map { Data($0) }, feature.code, feature.name])
                }
            }
        }
    }

    /// A GeoPackage geometry blob: header (magic, version 0, flags, srs_id, envelope) then `wkb`.
    /// `envelopeCode` 0...4 selects the envelope (filled from `envelope`, padded with zeros for z/m).
    static func blob(wkb: [UInt8], srsID: Int32, envelopeCode: UInt8 = 0, envelope: Envelope? = nil,
                     littleEndian: Bool = true, empty: Bool = false, extended: Bool = false) -> [UInt8] {
        let flags = (littleEndian ? 1 : 0) | envelopeCode << 1 | (empty ? 0x10 : 0) | (extended ? 0x20 : 0)
        var bytes: [UInt8] = [0x47, 0x50, 0, flags]
        func append(_ value: UInt32) {
            let le = [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 24)]
            bytes += littleEndian ? le : le.reversed()
        }
        func append(_ value: Double) {
            let bits = value.bitPattern
            let le = (0..<8).map { UInt8(bits >> (8 * UInt64($0)) & 0xFF) }
            bytes += littleEndian ? le : le.reversed()
        }
        append(UInt32(bitPattern: srsID))
        let sizes = [0, 4, 6, 6, 8]
        if envelopeCode > 0 {
            let e = envelope ?? Envelope(minX: 0, minY: 0, maxX: 0, maxY: 0)
            let values = [e.minX, e.maxX, e.minY, e.maxY] + Array(repeating: 0.0, count: sizes[Int(envelopeCode)] - 4)
            for v in values { append(v) }
        }
        return bytes + wkb
    }
}
