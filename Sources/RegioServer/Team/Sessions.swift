import Crypto
import Foundation
import GRDB

/// Sign-in sessions of team mode. A session is a random 256-bit token, given to the browser once as a cookie
/// (``cookieName``) and stored only as its SHA-256 (a copy of the database signs nobody in), with the user, an
/// expiry and the session's CSRF token (``SessionRow``).
public struct Sessions: Sendable {
    let database: TeamDatabase
    /// How long a session lasts from sign-in, seconds (12 hours: one working day).
    let lifetimeSeconds: Double

    /// The session cookie's name.
    static let cookieName = "regio_session"

    init(_ database: TeamDatabase, lifetimeSeconds: Double = 12 * 3600) {
        self.database = database
        self.lifetimeSeconds = lifetimeSeconds
    }

    /// A signed-in session: the user, the CSRF token every state-changing request must carry, and when it ends.
    struct Session: Sendable {
        let user: TeamUser
        let csrfToken: String
        let tokenHash: String
        let expires: Date
    }

    /// Starts a session for `user`; returns the cookie's token and the session.
    func start(for user: TeamUser, at now: Date = Date()) async throws(SessionError) -> (token: String, session: Session) {
        let token = Self.randomToken(), csrf = Self.randomToken()
        let row = SessionRow(tokenHash: Self.hash(token), userID: user.id, csrfToken: csrf, createdAt: now,
                             expiresAt: now.addingTimeInterval(lifetimeSeconds))
        try await database.write("start the session") { db in
            // Expired sessions go when anyone signs in: the table holds the live ones and a few more.
            try SessionRow.filter(Column("expires_at") < now).deleteAll(db)
            try row.insert(db)
        }
        return (token, Session(user: user, csrfToken: csrf, tokenHash: row.tokenHash, expires: row.expiresAt))
    }

    /// The live session of `token`, or nil (unknown, expired, or its user removed).
    func session(token: String, at now: Date = Date()) async throws(SessionError) -> Session? {
        let hash = Self.hash(token)
        return try await database.read("read the sessions") { db -> Session? in
            guard let row = try SessionRow.fetchOne(db, key: hash), row.expiresAt > now,
                  let user = try UserRow.fetchOne(db, key: row.userID)?.user else { return nil }
            return Session(user: user, csrfToken: row.csrfToken, tokenHash: hash, expires: row.expiresAt)
        }
    }

    /// Ends the session stored under `tokenHash`.
    func end(tokenHash: String) async throws(SessionError) {
        try await database.write("end the session") { db in _ = try SessionRow.deleteOne(db, key: tokenHash) }
    }

    /// 32 bytes from the system's cryptographic random source, as 64 hex digits.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String(format: "%016llx", generator.next() as UInt64) }.joined()
    }

    /// SHA-256 of `token`, hex.
    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

/// One row of the `sessions` table.
struct SessionRow: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "sessions"

    /// SHA-256 of the cookie's token, hex.
    var tokenHash: String
    var userID: Int64
    /// Sent with every state-changing request in `X-CSRF-Token` (not a secret from the user: useless without the cookie).
    var csrfToken: String
    var createdAt: Date
    var expiresAt: Date

    enum CodingKeys: String, CodingKey {
        case tokenHash = "token_hash", userID = "user_id", csrfToken = "csrf_token", createdAt = "created_at", expiresAt = "expires_at"
    }
}
