import Foundation
import GRDB
import RegioSpatial

/// Writes export layers into a new GeoPackage (OGC GeoPackage 1.3, an SQLite file) with GRDB, every layer in
/// EPSG:28992 (RD New, metres):
///
/// - `PRAGMA application_id` 'GPKG' (0x47504B47) and `user_version` 10300;
/// - `gpkg_spatial_ref_sys` with the required rows -1 (undefined cartesian), 0 (undefined geographic) and
///   4326 (WGS 84), and 28992 with its OGC WKT definition;
/// - `gpkg_contents`, one row per layer: a map layer as data type `features` with its bounding box, an attribute
///   table (``ExportLayer/isSpatial`` false) as data type `attributes`;
/// - `gpkg_geometry_columns`, one row per map layer, declaring its one geometry type exactly (`POINT`,
///   `LINESTRING`, `MULTIPOLYGON`: ``ExportGeometryType``);
/// - one feature table per map layer: `fid INTEGER PRIMARY KEY AUTOINCREMENT`, `geom` (a GeoPackage geometry
///   blob: header with envelope, then WKB from GEOS; never null), then the layer's fields; one table per
///   attribute table: `fid`, then the fields;
/// - an R-tree spatial index per map layer (`rtree_<table>_geom`, registered in `gpkg_extensions` as
///   `gpkg_rtree_index`), filled directly from the envelopes. The file is made here, so no triggers are needed
///   to keep it in step; tools that edit the file later (GDAL) add their own;
/// - `layer_styles` (the QGIS convention, an attribute table itself), one default style per styled layer
///   (``LayerStyle``), so QGIS opens the layers styled.
public enum GeoPackageWriter {
    /// The srs_id every layer uses: EPSG:28992.
    public static let srsID: Int32 = 28992

    /// OGC WKT 1 of EPSG:28992, as PROJ gives it (`projinfo EPSG:28992 -o WKT1_GDAL`).
    static let rdNewWKT = #"PROJCS["Amersfoort / RD New",GEOGCS["Amersfoort",DATUM["Amersfoort",SPHEROID["Bessel 1841",6377397.155,299.1528128,AUTHORITY["EPSG","7004"]],AUTHORITY["EPSG","6289"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4289"]],PROJECTION["Oblique_Stereographic"],PARAMETER["latitude_of_origin",52.1561605555556],PARAMETER["central_meridian",5.38763888888889],PARAMETER["scale_factor",0.9999079],PARAMETER["false_easting",155000],PARAMETER["false_northing",463000],UNIT["metre",1,AUTHORITY["EPSG","9001"]],AXIS["Easting",EAST],AXIS["Northing",NORTH],AUTHORITY["EPSG","28992"]]"#

    /// OGC WKT 1 of EPSG:4326.
    static let wgs84WKT = #"GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4326"]]"#

    /// Writes `layers` into a new GeoPackage at `path`, which must not exist yet (write into a temporary
    /// path and rename, see ``AtomicOutput``).
    /// - Throws: GRDB's `DatabaseError` when SQLite fails, ``SpatialError`` when GEOS cannot write a WKB.
    public static func write(_ layers: [ExportLayer], to path: String) throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        // The file is new and is renamed into place only when complete: no journal, no fsync per commit.
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: """
                PRAGMA journal_mode = OFF;
                PRAGMA synchronous = OFF;
                PRAGMA application_id = 1196444487;
                PRAGMA user_version = 10300;
                """)
        }
        try queue.write { db in
            try createMetadataTables(db)
            for layer in layers {
                if layer.isSpatial { try write(layer, db) } else { try writeAttributes(layer, db) }
            }
            try writeStyles(layers, db)
        }
        try queue.close()
    }

    static func createMetadataTables(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE gpkg_spatial_ref_sys (
              srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
              organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
            CREATE TABLE gpkg_contents (
              table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
              description TEXT DEFAULT '',
              last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
              min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
              CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
            CREATE TABLE gpkg_geometry_columns (
              table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
              srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
              CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
              CONSTRAINT uk_gc_table_name UNIQUE (table_name),
              CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
              CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
            CREATE TABLE gpkg_extensions (
              table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, definition TEXT NOT NULL,
              scope TEXT NOT NULL,
              CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name));
            """)
        let systems: [(String, Int, String, Int, String, String)] = [
            ("Undefined cartesian SRS", -1, "NONE", -1, "undefined", "undefined cartesian coordinate reference system"),
            ("Undefined geographic SRS", 0, "NONE", 0, "undefined", "undefined geographic coordinate reference system"),
            ("WGS 84 geodetic", 4326, "EPSG", 4326, wgs84WKT, "longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid"),
            ("Amersfoort / RD New", Int(srsID), "EPSG", Int(srsID), rdNewWKT, "Dutch national grid (Rijksdriehoeksstelsel), metres"),
        ]
        for s in systems {
            try db.execute(sql: "INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [s.0, s.1, s.2, s.3, s.4, s.5])
        }
    }

    /// The column definitions of `layer`'s fields, each preceded by ", ".
    static func fieldColumns(_ layer: ExportLayer) -> String {
        layer.fields.map { ", \($0.name.quotedDatabaseIdentifier) \($0.kind.rawValue)" }.joined()
    }

    /// A map layer: its feature table, R-tree and metadata rows.
    static func write(_ layer: ExportLayer, _ db: Database) throws {
        guard let geometryType = layer.geometryType?.geoPackageName else { return try writeAttributes(layer, db) }
        let table = layer.name.quotedDatabaseIdentifier
        let rtree = "rtree_\(layer.name)_geom".quotedDatabaseIdentifier
        try db.execute(sql: """
            CREATE TABLE \(table) (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom \(geometryType) NOT NULL\(fieldColumns(layer)))
            """)
        try db.execute(sql: "CREATE VIRTUAL TABLE \(rtree) USING rtree(id, minx, maxx, miny, maxy)")

        let placeholders = Array(repeating: "?", count: layer.fields.count + 2).joined(separator: ", ")
        let insert = try db.makeStatement(sql: "INSERT INTO \(table) VALUES (\(placeholders))")
        let index = try db.makeStatement(sql: "INSERT INTO \(rtree) VALUES (?, ?, ?, ?, ?)")
        var bounds: Envelope?
        for (i, feature) in layer.features.enumerated() {
            let fid = Int64(i + 1)
            var blob: DatabaseValue = .null
            if let geometry = feature.geometry, !geometry.isEmpty, let envelope = geometry.envelope {
                let bytes = GeoPackageBlob.encode(wkb: try geometry.wkb(), envelope: envelope, srsID: srsID)
                blob = Data(bytes).databaseValue
                bounds = bounds?.union(envelope) ?? envelope
                try index.execute(arguments: [fid, envelope.minX, envelope.maxX, envelope.minY, envelope.maxY])
            }
            var arguments: [DatabaseValue] = [fid.databaseValue, blob]
            arguments.reserveCapacity(layer.fields.count + 2)
            for value in feature.values { arguments.append(databaseValue(value)) }
            try insert.execute(arguments: StatementArguments(arguments))
        }

        try db.execute(sql: """
            INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id)
            VALUES (?, 'features', ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [layer.name, layer.name, layer.description, bounds?.minX, bounds?.minY, bounds?.maxX,
                             bounds?.maxY, srsID])
        try db.execute(sql: "INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', ?, ?, 0, 0)",
                       arguments: [layer.name, geometryType, srsID])
        try db.execute(sql: """
            INSERT INTO gpkg_extensions VALUES (?, 'geom', 'gpkg_rtree_index',
              'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')
            """, arguments: [layer.name])
    }

    /// An attribute table: its table (no geometry column) and its `gpkg_contents` row (data type `attributes`).
    static func writeAttributes(_ layer: ExportLayer, _ db: Database) throws {
        let table = layer.name.quotedDatabaseIdentifier
        try db.execute(sql: "CREATE TABLE \(table) (fid INTEGER PRIMARY KEY AUTOINCREMENT\(fieldColumns(layer)))")
        let placeholders = Array(repeating: "?", count: layer.fields.count + 1).joined(separator: ", ")
        let insert = try db.makeStatement(sql: "INSERT INTO \(table) VALUES (\(placeholders))")
        for (i, feature) in layer.features.enumerated() {
            try insert.execute(arguments: StatementArguments([Int64(i + 1).databaseValue] + feature.values.map(databaseValue)))
        }
        try db.execute(sql: "INSERT INTO gpkg_contents (table_name, data_type, identifier, description) VALUES (?, 'attributes', ?, ?)",
                       arguments: [layer.name, layer.name, layer.description])
    }

    /// The `layer_styles` table as QGIS creates it, with one default style per styled map layer, registered as an
    /// attribute table (as QGIS does through GDAL).
    static func writeStyles(_ layers: [ExportLayer], _ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE layer_styles (
              id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, f_table_catalog TEXT(256), f_table_schema TEXT(256),
              f_table_name TEXT(256), f_geometry_column TEXT(256), styleName TEXT(30), styleQML TEXT, styleSLD TEXT,
              useAsDefault BOOLEAN, description TEXT, owner TEXT(30), ui TEXT(30),
              update_time DATETIME DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')))
            """)
        for layer in layers where layer.isSpatial {
            guard let style = layer.style else { continue }
            try db.execute(sql: """
                INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, styleName,
                  styleQML, styleSLD, useAsDefault, description, owner, ui)
                VALUES ('', '', ?, 'geom', ?, ?, ?, 1, ?, 'regio', NULL)
                """, arguments: [layer.name, style.name, style.qml, style.sld(layer: layer.name), style.description])
        }
        try db.execute(sql: "INSERT INTO gpkg_contents (table_name, data_type, identifier, description) VALUES ('layer_styles', 'attributes', 'layer_styles', ?)",
                       arguments: ["QGIS layer styles: how QGIS draws the layers when it opens them"])
    }

    static func databaseValue(_ value: ExportValue) -> DatabaseValue {
        switch value {
        case .text(let s): s.databaseValue
        case .integer(let i): i.databaseValue
        case .real(let d): d.isFinite ? d.databaseValue : .null
        case .boolean(let b): (b ? 1 : 0).databaseValue
        case .null: .null
        }
    }
}
