import Foundation
import GRDB

/// A person with an account in team mode.
public struct TeamUser: Sendable, Equatable, Codable {
    /// What an account may do.
    public enum Role: String, Sendable, Codable, CaseIterable {
        /// The support team: sees every proposal, compares and reviews them.
        case support
        /// One region's group of schools: edits its workspace, submits proposals, sees its own and their reviews.
        case region
    }

    /// Row id.
    public let id: Int64
    /// The name the person signs in with (unique, without regard to case).
    public let name: String
    public let role: Role
    /// The registration number of a region user's region (e.g. `STO19042`); nil for support.
    public let region: String?

    /// As the API answers it: `{"name", "role", "region"}` (no row id).
    struct Answer: Encodable, Sendable {
        let name: String
        let role: Role
        let region: String?

        init(_ user: TeamUser) {
            (name, role, region) = (user.name, user.role, user.region)
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encode(role, forKey: .role)
            try c.encode(region, forKey: .region)  // null for support, always present
        }

        enum CodingKeys: String, CodingKey { case name, role, region }
    }
}

/// One row of the `users` table.
struct UserRow: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    static let databaseTableName = "users"

    var id: Int64?
    var name: String
    var role: String
    var region: String?
    /// bcrypt (`$2b$…`), cost ``Accounts/bcryptCost``.
    var passwordHash: String
    var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, name, role, region, passwordHash = "password_hash", createdAt = "created_at"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// The user, or nil for a row whose role this regio does not know.
    var user: TeamUser? {
        guard let id, let role = TeamUser.Role(rawValue: role) else { return nil }
        return TeamUser(id: id, name: name, role: role, region: region)
    }
}
