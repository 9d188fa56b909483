import Foundation
import GRDB
import RegioInputs

/// Which SQLite files are regio's scenario databases. Every database regio makes is stamped in the SQLite
/// header: `PRAGMA application_id` (``applicationID``, SQLite's field for "which program's file is this") and
/// `PRAGMA user_version` (``schemaVersion``). regio opens only its own files, brings an older one forward with
/// its migrations, and refuses another program's file (it would add its tables to it), a file of a newer regio
/// (it would not know its tables), and paths where saves would be lost (an empty path, `:memory:`).
extension ScenarioStore {
    /// `PRAGMA application_id` of regio's scenario databases: the ASCII bytes "rgio".
    public static let applicationID: Int32 = 0x7267_696F

    /// `PRAGMA user_version` this regio writes: the number of its migrations.
    public static var schemaVersion: Int { migrator.migrations.count }

    /// The tables of a scenario database written before databases were stamped (application_id 0).
    static let unstampedTables: Set<String> = ["scenarios", "grdb_migrations", "sqlite_sequence"]

    /// Refuses paths that name no file: every scenario saved there would be lost when the server stops.
    static func checkPath(_ path: String) throws(InputError) {
        let trimmed = path.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else {
            throw InputError(.badValue, file: "--database", message: "the path is empty: SQLite would keep the scenarios in a "
                + "temporary file and lose them when regio serve stops; name a file such as regio-scenarios.sqlite")
        }
        guard trimmed != ":memory:", !trimmed.lowercased().hasPrefix("file:") else {
            throw InputError(.badValue, file: "--database", message: "'\(path)' is an SQLite in-memory or URI name: SQLite would "
                + "lose the scenarios when regio serve stops; name a file such as regio-scenarios.sqlite")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw InputError(.badValue, file: path, message: "is a folder: --database names the SQLite file of the saved scenarios")
        }
    }

    /// Checks that the database is empty, regio's own or an unstamped one of an earlier regio; migrates it
    /// forward and stamps it.
    static func claim(_ queue: some DatabaseWriter, path: String) throws(InputError) {
        let found: (id: Int32, version: Int, tables: [String], earlierRegio: Bool)
        do {
            found = try queue.read { db -> (Int32, Int, [String], Bool) in
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
                var earlierRegio = false
                if tables.contains("grdb_migrations") {
                    earlierRegio = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations").contains("v1: scenarios")
                }
                return (try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
                        try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0, tables, earlierRegio)
            }
        } catch {
            throw InputError(.unreadable, file: path, message: "cannot open the scenario database: \(describe(error))")
        }
        let (id, version, tables, earlierRegio) = found
        let ours = id == applicationID
            || (id == 0 && (tables.isEmpty || (earlierRegio && Set(tables).isSubset(of: unstampedTables))))
        guard ours else {
            let owner = id == 0x4750_4B47 ? "a GeoPackage" : id == 0 ? "an SQLite database" : "an SQLite database of another program"
            let listed = tables.isEmpty ? "no tables" : "tables " + tables.prefix(5).joined(separator: ", ") + (tables.count > 5 ? ", …" : "")
            throw InputError(.badFormat, file: path, message: "is \(owner) (application_id \(id), \(listed)), not a scenario "
                + "database of regio: regio keeps its scenarios in a file of its own and never adds tables to another; "
                + "name a new file with --database")
        }
        guard version <= schemaVersion else {
            throw InputError(.badFormat, file: path, message: "is a scenario database of a newer regio (version \(version); this regio "
                + "reads up to version \(schemaVersion)): open it with that regio, or name another file with --database")
        }
        do {
            try migrator.migrate(queue)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA application_id = \(applicationID); PRAGMA user_version = \(schemaVersion)")
            }
        } catch {
            throw InputError(.unwritable, file: path, message: "cannot bring the scenario database up to date: \(describe(error))")
        }
    }
}
