import Foundation
import GRDB
import RegioInputs

/// The SQLite file of `regio serve --team`: the accounts, their sessions, each user's workspace journal and saved
/// scenarios, the proposals with their reviews, and the audit log. Opened as a GRDB ``DatabasePool`` (WAL mode:
/// readers never wait for the writer, and a commit is durable once it returns); its schema is the scenario
/// database's (``ScenarioStore/migrator``, stamped and checked the same way), so one file holds a team's work.
public struct TeamDatabase: Sendable {
    let pool: DatabasePool
    /// The database file.
    public let path: String

    /// Opens (or creates) the team database at `path`, checks that it is regio's own and brings its schema up to date.
    /// - Throws: ``InputError`` when the path names no file, the file cannot be opened, or is not regio's.
    public init(path: String) throws(InputError) {
        self.path = path
        try ScenarioStore.checkPath(path)
        var configuration = Configuration()
        // A change is acknowledged once its transaction commits: in WAL mode with synchronous=FULL the commit is
        // on disk then, so a crash of the machine loses nothing acknowledged (NORMAL would risk the last ones).
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        configuration.busyMode = .timeout(5)
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw InputError(.unreadable, file: path, message: "cannot open the team database: \(ScenarioStore.describe(error))")
        }
        try ScenarioStore.claim(pool, path: path)
    }

    /// The tables of team mode (migration "v2: team"). Names are unique without regard to case; a user's
    /// sessions, workspace journal and saved scenarios go with the user; proposals and reviews stay (with the
    /// author's and reviewer's names) when an account is removed.
    static func createTeamTables(_ db: Database) throws {
        try db.create(table: "users") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("name", .text).notNull().unique().collate(.nocase)
            t.column("role", .text).notNull()
            t.column("region", .text)
            t.column("password_hash", .text).notNull()
            t.column("created_at", .datetime).notNull()
        }
        try db.create(table: "sessions") { t in
            t.primaryKey("token_hash", .text)
            t.column("user_id", .integer).notNull().indexed().references("users", onDelete: .cascade)
            t.column("csrf_token", .text).notNull()
            t.column("created_at", .datetime).notNull()
            t.column("expires_at", .datetime).notNull()
        }
        try db.create(table: "workspace_events") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("user_id", .integer).notNull().indexed().references("users", onDelete: .cascade)
            t.column("at", .datetime).notNull()
            t.column("change", .text).notNull()
        }
        try db.alter(table: "scenarios") { t in
            t.add(column: "owner_id", .integer).references("users", onDelete: .cascade)
        }
        try db.create(table: "proposals") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("author_id", .integer).indexed().references("users", onDelete: .setNull)
            t.column("author", .text).notNull()
            t.column("region", .text)
            t.column("name", .text).notNull()
            t.column("note", .text).notNull()
            t.column("edits", .text).notNull()
            t.column("comparison", .text).notNull()
            t.column("summary", .text).notNull()
            t.column("status", .text).notNull()
            t.column("created_at", .datetime).notNull()
        }
        try db.create(table: "reviews") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("proposal_id", .integer).notNull().indexed().references("proposals", onDelete: .cascade)
            t.column("reviewer", .text).notNull()
            t.column("decision", .text).notNull()
            t.column("comment", .text).notNull()
            t.column("created_at", .datetime).notNull()
        }
        try db.create(table: "audit_log") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("at", .datetime).notNull()
            t.column("actor", .text).notNull()
            t.column("action", .text).notNull()
            t.column("detail", .text).notNull()
            t.column("address", .text)
        }
    }

    /// Runs `body` in one write transaction, turning a database failure into ``SessionError`` `.failed`.
    func write<T: Sendable>(_ what: String, _ body: @escaping @Sendable (Database) throws -> T) async throws(SessionError) -> T {
        do {
            return try await pool.write(body)
        } catch let error as SessionError {
            throw error
        } catch {
            throw SessionError(.failed, "cannot \(what) in \(path): \(ScenarioStore.describe(error))")
        }
    }

    /// Runs `body` reading a snapshot, turning a database failure into ``SessionError`` `.failed`.
    func read<T: Sendable>(_ what: String, _ body: @escaping @Sendable (Database) throws -> T) async throws(SessionError) -> T {
        do {
            return try await pool.read(body)
        } catch let error as SessionError {
            throw error
        } catch {
            throw SessionError(.failed, "cannot \(what) in \(path): \(ScenarioStore.describe(error))")
        }
    }
}
