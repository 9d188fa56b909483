import Foundation
import GRDB
import RegioDomain

/// The accounts of team mode (`regio users`, and signing in): names, roles, regions and bcrypt hashes in the
/// `users` table of the ``TeamDatabase``.
public struct Accounts: Sendable {
    let database: TeamDatabase

    public init(_ database: TeamDatabase) {
        self.database = database
    }

    /// Adds an account.
    /// - Parameters:
    ///   - region: the region of a region user (required for `.region`, refused for `.support`).
    ///   - knownRegions: the registration numbers of the loaded pre-registration, when one was given: a region
    ///     outside them is refused.
    /// - Throws: ``SessionError`` `.rejected` for a bad name, role/region or password, `.conflict` for a name in use.
    @discardableResult
    public func add(name: String, role: TeamUser.Role, region: String?, password: String,
                    knownRegions: Set<RegionID>? = nil) async throws(SessionError) -> TeamUser {
        let name = try Self.validName(name)
        let region = try Self.validRegion(region, role: role, known: knownRegions)
        if let problem = PasswordHashing.problem(password) { throw SessionError(.rejected, problem) }
        let hash = await PasswordHashing.hash(password)
        let row = try await database.write("add the user") { db -> UserRow in
            if let existing = try UserRow.filter(Column("name") == name).fetchOne(db) {
                throw SessionError(.conflict, "there is already a user '\(existing.name)' (names are the same without regard to case)")
            }
            return try UserRow(id: nil, name: name, role: role.rawValue, region: region, passwordHash: hash, createdAt: Date()).inserted(db)
        }
        guard let user = row.user else { throw SessionError(.failed, "the new user cannot be read back") }
        return user
    }

    /// Every account, by name.
    public func list() async throws(SessionError) -> [TeamUser] {
        try await database.read("read the users") { db in
            try UserRow.order(Column("name").collating(.nocase)).fetchAll(db).compactMap(\.user)
        }
    }

    /// Removes the account `name`, its sessions, workspace and saved scenarios (its proposals and reviews stay).
    /// - Throws: ``SessionError`` `.notFound` when there is no such user.
    public func remove(name: String) async throws(SessionError) {
        let removed = try await database.write("remove the user") { db in
            try UserRow.filter(Column("name") == name).deleteAll(db)
        }
        guard removed > 0 else { throw SessionError(.notFound, "there is no user '\(name)'") }
    }

    /// Sets a new password for `name` and ends every session of the account.
    /// - Throws: ``SessionError`` `.rejected` for an unusable password, `.notFound` when there is no such user.
    public func resetPassword(name: String, to password: String) async throws(SessionError) {
        if let problem = PasswordHashing.problem(password) { throw SessionError(.rejected, problem) }
        let hash = await PasswordHashing.hash(password)
        let changed = try await database.write("change the password") { db -> Bool in
            guard var row = try UserRow.filter(Column("name") == name).fetchOne(db) else { return false }
            row.passwordHash = hash
            try row.update(db)
            try SessionRow.filter(Column("user_id") == row.id).deleteAll(db)
            return true
        }
        guard changed else { throw SessionError(.notFound, "there is no user '\(name)'") }
    }

    /// The user `name` when `password` is theirs; nil otherwise (a wrong name costs as long as a wrong password).
    func verify(name: String, password: String) async throws(SessionError) -> TeamUser? {
        let row = try await database.read("read the users") { db in try UserRow.filter(Column("name") == name).fetchOne(db) }
        guard let row else {
            await PasswordHashing.verifyDecoy(password)
            return nil
        }
        return await PasswordHashing.verify(password, hash: row.passwordHash) ? row.user : nil
    }

    /// The user with row id `id`.
    func user(id: Int64) async throws(SessionError) -> TeamUser? {
        try await database.read("read the users") { db in try UserRow.fetchOne(db, key: id)?.user }
    }

    /// The trimmed name: 1 to 64 letters, digits, `.`, `_`, `-` or `@`.
    static func validName(_ name: String) throws(SessionError) -> String {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw SessionError(.rejected, "the user name is empty") }
        guard trimmed.count <= 64 else { throw SessionError(.rejected, "the user name has \(trimmed.count) characters; at most 64") }
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "._-@"))
        guard trimmed.unicodeScalars.allSatisfy({ allowed.contains($0) }) else {
            throw SessionError(.rejected, "'\(trimmed)' is not a user name: use letters, digits, '.', '_', '-' or '@'")
        }
        return trimmed
    }

    /// The region of an account of `role`, uppercased: required for a region user, none for support, one of
    /// `known` when given.
    static func validRegion(_ region: String?, role: TeamUser.Role, known: Set<RegionID>?) throws(SessionError) -> String? {
        let trimmed = region?.trimmingCharacters(in: .whitespaces).uppercased()
        switch role {
        case .support:
            guard trimmed == nil || trimmed == "" else {
                throw SessionError(.rejected, "a support user has no region: leave out --region \(region ?? "")")
            }
            return nil
        case .region:
            guard let trimmed, !trimmed.isEmpty else {
                throw SessionError(.rejected, "a region user needs a region: add --region with its registration number, e.g. --region STO19042")
            }
            guard trimmed.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) && $0.isASCII }) else {
                throw SessionError(.rejected, "'\(trimmed)' is not a registration number like STO19042")
            }
            if let known, !known.contains(RegionID(trimmed)) {
                let sample = known.sorted().prefix(3).map(\.rawValue).joined(separator: ", ")
                throw SessionError(.rejected, "there is no region \(trimmed) in the pre-registration (\(known.count) regions: \(sample), …)")
            }
            return trimmed
        }
    }
}
