import Foundation
import GRDB

/// The audit log of team mode: who signed in (or failed to), out, submitted and reviewed a proposal, when and
/// from where; rows are only ever added. `regio users log` prints it.
public struct AuditLog: Sendable {
    let database: TeamDatabase

    public init(_ database: TeamDatabase) {
        self.database = database
    }

    /// What happened.
    public enum Action: String, Sendable, Codable {
        case loginOK = "login", loginFailed = "login-failed", loginThrottled = "login-throttled", logout
        case proposal, review
    }

    /// One entry.
    public struct Entry: Sendable, Codable, Equatable, FetchableRecord, PersistableRecord {
        public static let databaseTableName = "audit_log"
        /// When (UTC).
        public var at: Date
        /// The user name (as typed, for a failed sign-in).
        public var actor: String
        public var action: Action
        /// E.g. "proposal 3 'Merge north'", "proposal 3 accepted".
        public var detail: String
        /// The client's address, as the server saw it (the proxy's, behind one).
        public var address: String?
    }

    /// Adds an entry.
    func record(_ action: Action, actor: String, detail: String = "", address: String?) async throws(SessionError) {
        let entry = Entry(at: Date(), actor: actor, action: action, detail: detail, address: address)
        try await database.write("write the audit log") { db in try entry.insert(db) }
    }

    /// The entries, oldest first (the last `limit` when given).
    public func entries(limit: Int? = nil) async throws(SessionError) -> [Entry] {
        try await database.read("read the audit log") { db in
            let rows = try Entry.order(Column("id").desc).limit(limit ?? Int.max).fetchAll(db)
            return rows.reversed()
        }
    }
}
