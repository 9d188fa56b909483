import Foundation
import GRDB

/// A GeoPackage with one municipality whose geometry blob is the fuzzed input: the three required metadata
/// tables (OGC 12-128r18, clause 1.1), RD New as its system, and a features table `gemeenten` with one row.
/// The file is made once per process; each input only replaces the blob.
public final class FuzzedGeoPackage: @unchecked Sendable {
    /// The GeoPackage file.
    public let path: String
    private let queue: DatabaseQueue

    /// Creates the GeoPackage in ``ScratchFile/folder``.
    public init() {
        path = "\(ScratchFile.folder)/municipalities.gpkg"
        try? FileManager.default.removeItem(atPath: path)
        do {
            queue = try DatabaseQueue(path: path)
            try queue.write { db in
                try db.execute(sql: """
                    PRAGMA application_id = 1196444487;
                    PRAGMA user_version = 10300;
                    CREATE TABLE gpkg_spatial_ref_sys (
                      srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
                      organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
                    INSERT INTO gpkg_spatial_ref_sys VALUES ('Amersfoort / RD New', 28992, 'EPSG', 28992, 'undefined', NULL);
                    INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84 geodetic', 4326, 'EPSG', 4326, 'undefined', NULL);
                    CREATE TABLE gpkg_contents (
                      table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
                      description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
                      min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER);
                    INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES ('gemeenten', 'features', 'gemeenten', 28992);
                    CREATE TABLE gpkg_geometry_columns (
                      table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
                      srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
                      CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name));
                    INSERT INTO gpkg_geometry_columns VALUES ('gemeenten', 'geom', 'MULTIPOLYGON', 28992, 0, 0);
                    CREATE TABLE gemeenten (fid INTEGER PRIMARY KEY, geom MULTIPOLYGON, statcode TEXT, statnaam TEXT);
                    INSERT INTO gemeenten VALUES (1, NULL, 'GM0363', 'Amsterdam');
                    """)
            }
        } catch {
            fatalError("cannot make the fuzzing GeoPackage \(path): \(error)")
        }
    }

    /// Stores `size` bytes at `data` as the municipality's geometry blob.
    public func store(_ data: UnsafePointer<UInt8>?, _ size: Int) {
        do {
            try queue.write { db in
                try db.execute(sql: "UPDATE gemeenten SET geom = ? WHERE fid = 1", arguments: [ScratchFile.bytes(data, size)])
            }
        } catch {
            fatalError("cannot store the fuzzed blob in \(path): \(error)")
        }
    }
}
