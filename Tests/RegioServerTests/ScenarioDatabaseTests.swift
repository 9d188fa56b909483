import Foundation
import GRDB
import RegioDomain
@testable import RegioServer
import Testing

/// The scenario database is regio's own: stamped, migrated forward, and every other file or name refused
/// with a message, untouched.
@Suite struct ScenarioDatabaseTests {
    /// `PRAGMA application_id`, `user_version` and the tables of the SQLite file at `path`.
    func header(_ path: String) throws -> (id: Int32, version: Int, tables: [String]) {
        let queue = try DatabaseQueue(path: path)
        return try queue.read { db in
            (try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0, try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0,
             try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"))
        }
    }

    func refusal(_ path: String) -> String? {
        do {
            _ = try ScenarioStore(path: path)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func aNewDatabaseIsStampedAsRegios() throws {
        let path = ServerFixture.temporaryDatabase()
        _ = try ScenarioStore(path: path)
        let stamped = try header(path)
        #expect(stamped.id == 0x7267_696F)
        #expect(stamped.version == ScenarioStore.schemaVersion)
        #expect(ScenarioStore.schemaVersion >= 1)
        #expect(stamped.tables.contains("scenarios"))
        // Opened again: the same file, its scenarios kept.
        #expect(refusal(path) == nil)
    }

    @Test func namesThatKeepNoFileAreRefused() {
        for path in ["", "  ", ":memory:", "file::memory:?cache=shared"] {
            let message = refusal(path)
            #expect(message?.hasPrefix("--database: ") == true, "'\(path)': \(message ?? "accepted")")
            #expect(message?.contains("lose") == true, "'\(path)': \(message ?? "accepted")")
        }
        let folder = FileManager.default.temporaryDirectory.path
        #expect(refusal(folder)?.contains("is a folder") == true)
    }

    /// Another program's SQLite file: refused, and left as it was (no regio tables added to it).
    @Test func aForeignSQLiteFileIsRefusedAndLeftUntouched() throws {
        let path = ServerFixture.temporaryDatabase()
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers VALUES (1, 'Ada')")
        }
        try queue.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let message = try #require(refusal(path))
        #expect(message.hasPrefix("\(path): is an SQLite database (application_id 0, tables customers), not a scenario database of regio"),
                "\(message)")
        #expect(message.contains("name a new file with --database"))
        #expect(try header(path).tables == ["customers"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "the file is unchanged")

        // A GeoPackage (application_id 'GPKG') is named as one.
        let gpkg = ServerFixture.temporaryDatabase()
        try DatabaseQueue(path: gpkg).inDatabase { db in try db.execute(sql: "PRAGMA application_id = 1196444487") }
        #expect(refusal(gpkg)?.contains("is a GeoPackage (application_id 1196444487") == true, "\(refusal(gpkg) ?? "accepted")")
        // An SQLite file of a program that stamps its own id, even with a `scenarios` table.
        let other = ServerFixture.temporaryDatabase()
        try DatabaseQueue(path: other).inDatabase { db in
            try db.execute(sql: "PRAGMA application_id = 42; CREATE TABLE scenarios (id INTEGER)")
        }
        #expect(refusal(other)?.contains("is an SQLite database of another program (application_id 42") == true)
    }

    @Test func aDatabaseOfANewerRegioIsRefused() throws {
        let path = ServerFixture.temporaryDatabase()
        _ = try ScenarioStore(path: path)
        try DatabaseQueue(path: path).inDatabase { db in try db.execute(sql: "PRAGMA user_version = 99") }
        let message = try #require(refusal(path))
        #expect(message == "\(path): is a scenario database of a newer regio (version 99; this regio reads up to version "
                + "\(ScenarioStore.schemaVersion)): open it with that regio, or name another file with --database", "\(message)")
        #expect(try header(path).version == 99, "left as it was")
    }

    /// A database saved by regio before databases were stamped: adopted, stamped, its scenarios kept.
    @Test func anUnstampedDatabaseOfAnEarlierRegioIsMigratedForward() async throws {
        let path = ServerFixture.temporaryDatabase()
        try await DatabaseQueue(path: path).write { db in
            try db.execute(sql: """
                CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
                INSERT INTO grdb_migrations VALUES ('v1: scenarios');
                CREATE TABLE scenarios (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, created_at DATETIME NOT NULL,
                                        edits TEXT NOT NULL);
                INSERT INTO scenarios (name, created_at, edits) VALUES ('Merge north', '2026-01-02 03:04:05.000',
                                                                       '[{"move":"00AB01","to":"STO19007"}]');
                """)
        }
        let store = try ScenarioStore(path: path)
        let saved = try await store.list()
        #expect(saved.map(\.name) == ["Merge north"])
        #expect(try saved[0].scenario().edits == [.move(school: SchoolCode("00AB01")!, to: "STO19007")])
        let stamped = try header(path)
        #expect(stamped.id == ScenarioStore.applicationID && stamped.version == ScenarioStore.schemaVersion)
    }
}
