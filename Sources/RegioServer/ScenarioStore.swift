import Foundation
import GRDB
import RegioDomain
import RegioInputs

/// The saved scenarios of `regio serve`: an embedded SQLite database (GRDB) with the table
/// `scenarios(id, name, created_at, edits, owner_id)`, `edits` holding the JSON list of edits as a scenario file
/// writes it. The schema is made by a ``DatabaseMigrator``; every save is one transaction. The file is
/// regio's own, stamped with ``applicationID`` and ``schemaVersion`` (see ScenarioStore+Identity.swift).
/// In local mode the scenarios have no owner; in team mode (``TeamDatabase``) each store is one user's view
/// (``owned(by:)``): it lists, reads and counts that user's scenarios only.
public struct ScenarioStore: Sendable {
    private let queue: any DatabaseWriter
    /// The database file.
    public let path: String
    /// The most scenarios the database keeps (``ServerLimits/savedScenarios``); in team mode, per user.
    public let scenarioLimit: Int
    /// The user whose scenarios these are (team mode), or nil (local mode: the scenarios without an owner).
    public let owner: Int64?

    /// Opens (or creates) the database at `path`, checks that it is regio's own and brings its schema up to date.
    /// - Parameter scenarioLimit: the most scenarios the database keeps (`regio serve --max-scenarios`).
    /// - Throws: ``InputError`` when the path names no file (empty, `:memory:`), the file cannot be opened, or is
    ///   not a scenario database of this regio (another program's SQLite file, one of a newer regio).
    public init(path: String, scenarioLimit: Int = ServerLimits().savedScenarios) throws(InputError) {
        self.path = path
        self.scenarioLimit = scenarioLimit
        self.owner = nil
        try Self.checkPath(path)
        do {
            queue = try DatabaseQueue(path: path)
        } catch {
            throw InputError(.unreadable, file: path, message: "cannot open the scenario database: \(Self.describe(error))")
        }
        try Self.claim(queue, path: path)
    }

    /// A store over an open, claimed database (``TeamDatabase``), showing `owner`'s scenarios.
    init(writer: any DatabaseWriter, path: String, scenarioLimit: Int, owner: Int64?) {
        self.queue = writer
        self.path = path
        self.scenarioLimit = scenarioLimit
        self.owner = owner
    }

    /// The same database, showing `user`'s scenarios.
    func owned(by user: Int64) -> ScenarioStore {
        ScenarioStore(writer: queue, path: path, scenarioLimit: scenarioLimit, owner: user)
    }

    /// The rows of this store's owner (those without an owner in local mode).
    private static func rows(of owner: Int64?) -> QueryInterfaceRequest<SavedScenario> {
        owner.map { SavedScenario.filter(Column("owner_id") == $0) } ?? SavedScenario.filter(Column("owner_id") == nil)
    }

    /// The schema, one migration per change of it.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: scenarios") { db in
            try db.create(table: SavedScenario.databaseTableName) { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull()
                t.column("created_at", .datetime).notNull()
                t.column("edits", .text).notNull()
            }
        }
        migrator.registerMigration("v2: team", migrate: TeamDatabase.createTeamTables)
        return migrator
    }

    /// Saves `scenario` in one transaction; returns the stored row (with its id).
    /// - Throws: ``SessionError`` `.conflict` when the database holds ``scenarioLimit`` scenarios, `.failed`
    ///   when SQLite fails.
    public func save(_ scenario: Scenario, at date: Date = Date()) async throws(SessionError) -> SavedScenario {
        let row = SavedScenario(id: nil, name: scenario.name, createdAt: date, edits: try Self.editsJSON(scenario.edits), ownerID: owner)
        let limit = scenarioLimit, path = path, owner = owner
        do {
            // `write` wraps the closure in one transaction: the row is stored whole or not at all.
            return try await queue.write { db in
                let count = try Self.rows(of: owner).fetchCount(db)
                guard count < limit else {
                    if owner != nil {
                        throw SessionError(.conflict, "you have saved \(count) scenarios, the most one user keeps (--max-scenarios \(limit))")
                    }
                    throw SessionError(.conflict, "\(path) holds \(count) scenarios, the most it keeps (--max-scenarios \(limit)): "
                        + "save in another file with --database")
                }
                return try row.inserted(db)
            }
        } catch let error as SessionError {
            throw error
        } catch {
            throw SessionError(.failed, "cannot save the scenario in \(path): \(Self.describe(error))")
        }
    }

    /// Every saved scenario, newest first.
    public func list() async throws(SessionError) -> [SavedScenario] {
        do {
            let owner = owner
            return try await queue.read { db in
                try Self.rows(of: owner).order(Column("created_at").desc, Column("id").desc).fetchAll(db)
            }
        } catch {
            throw SessionError(.failed, "cannot read the scenarios in \(path): \(Self.describe(error))")
        }
    }

    /// The saved scenario `id`.
    /// - Throws: ``SessionError`` `.notFound` when there is none.
    public func scenario(id: Int64) async throws(SessionError) -> SavedScenario {
        let found: SavedScenario?
        do {
            let owner = owner
            found = try await queue.read { db in try Self.rows(of: owner).filter(Column("id") == id).fetchOne(db) }
        } catch {
            throw SessionError(.failed, "cannot read the scenarios in \(path): \(Self.describe(error))")
        }
        guard let found else { throw SessionError(.notFound, "there is no saved scenario \(id)") }
        return found
    }

    static func editsJSON(_ edits: [Edit]) throws(SessionError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(edits), as: UTF8.self)
        } catch {
            throw SessionError(.failed, "cannot encode the edits: \(error)")
        }
    }

    /// GRDB's message without its Swift type name.
    static func describe(_ error: any Error) -> String {
        (error as? DatabaseError).map { "\($0.message ?? "SQLite error \($0.resultCode)")" } ?? "\(error)"
    }
}

/// One row of the `scenarios` table.
public struct SavedScenario: Sendable, Codable, FetchableRecord, MutablePersistableRecord {
    /// The table's name.
    public static let databaseTableName = "scenarios"

    /// Row id, `nil` before the insert.
    public var id: Int64?
    /// The name the page gave it (1 to 120 characters).
    public var name: String
    /// When it was saved (stored by GRDB as UTC text `YYYY-MM-DD HH:MM:SS.SSS`).
    public var createdAt: Date
    /// The JSON list of edits, e.g. `[{"move":"00AB01","to":"STO19007"}]`.
    public var edits: String
    /// The user who saved it (team mode), or nil (local mode).
    public var ownerID: Int64?

    enum CodingKeys: String, CodingKey {
        case id, name, createdAt = "created_at", edits, ownerID = "owner_id"
    }

    /// The scenario this row holds.
    /// - Throws: ``SessionError`` `.failed` when the stored edits are not a list of edits.
    public func scenario() throws(SessionError) -> Scenario {
        do {
            return Scenario(name: name, edits: try JSONDecoder().decode([Edit].self, from: Data(edits.utf8)))
        } catch {
            throw SessionError(.failed, "saved scenario \(id ?? 0) holds edits that cannot be read: \(error)")
        }
    }

    /// The row with its id once inserted.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
