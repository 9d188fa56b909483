import Foundation
import GRDB
import RegioDomain

/// Proposals and their reviews (team mode): a region user submits the edits of their workspace, with its
/// comparison against the base as `regio compare` makes it; the support team accepts or rejects it. Stored in the
/// `proposals` and `reviews` tables of the ``TeamDatabase``; a proposal is reviewed once.
struct Proposals: Sendable {
    let database: TeamDatabase

    /// Stores a new proposal of `author`'s with status `submitted`.
    func submit(by author: TeamUser, name: String, note: String, comparison: ScenarioComparison, base: AuditResult,
                at date: Date = Date()) async throws(SessionError) -> Proposal {
        let row = ProposalRow(id: nil, authorID: author.id, author: author.name, region: author.region, name: name, note: note,
                              edits: try ScenarioStore.editsJSON(comparison.edits), comparison: try Self.json(comparison),
                              summary: try Self.json(Proposal.Summary(comparison, base: base)), status: Proposal.Status.submitted.rawValue,
                              createdAt: date)
        let stored = try await database.write("store the proposal") { db in try row.inserted(db) }
        return try stored.proposal(reviews: [], withComparison: true)
    }

    /// The proposals `user` may see, newest first: a region user's own, every one for support; without comparisons.
    func list(for user: TeamUser) async throws(SessionError) -> [Proposal] {
        let rows = try await database.read("read the proposals") { db -> [(ProposalRow, [ReviewRow])] in
            var request = ProposalRow.order(Column("id").desc)
            if user.role == .region { request = request.filter(Column("author_id") == user.id) }
            let proposals = try request.fetchAll(db)
            let reviews = try ReviewRow.filter(proposals.compactMap(\.id).contains(Column("proposal_id"))).order(Column("id")).fetchAll(db)
            let byProposal = Dictionary(grouping: reviews, by: \.proposalID)
            return proposals.map { ($0, byProposal[$0.id ?? 0] ?? []) }
        }
        return try rows.map { row, reviews throws(SessionError) in try row.proposal(reviews: reviews, withComparison: false) }
    }

    /// Proposal `id` with its reviews and comparison, when `user` may see it.
    /// - Throws: ``SessionError`` `.notFound` when there is none, or it is another user's (for a region user).
    func proposal(_ id: Int64, for user: TeamUser) async throws(SessionError) -> Proposal {
        let found = try await database.read("read the proposals") { db -> (ProposalRow, [ReviewRow])? in
            guard let row = try ProposalRow.fetchOne(db, key: id) else { return nil }
            return (row, try ReviewRow.filter(Column("proposal_id") == id).order(Column("id")).fetchAll(db))
        }
        guard let (row, reviews) = found, user.role == .support || row.authorID == user.id else {
            throw SessionError(.notFound, "there is no proposal \(id)")
        }
        return try row.proposal(reviews: reviews, withComparison: true)
    }

    /// Records `reviewer`'s decision on proposal `id` and sets its status.
    /// - Throws: ``SessionError`` `.notFound` when there is none, `.conflict` when it was reviewed already.
    func review(_ id: Int64, by reviewer: TeamUser, decision: Proposal.Status, comment: String,
                at date: Date = Date()) async throws(SessionError) -> Proposal {
        try await database.write("store the review") { db in
            guard var row = try ProposalRow.fetchOne(db, key: id) else { throw SessionError(.notFound, "there is no proposal \(id)") }
            guard row.status == Proposal.Status.submitted.rawValue else {
                throw SessionError(.conflict, "proposal \(id) was \(row.status) already; a proposal is reviewed once")
            }
            row.status = decision.rawValue
            try row.update(db)
            try ReviewRow(id: nil, proposalID: id, reviewer: reviewer.name, decision: decision.rawValue, comment: comment,
                          createdAt: date).insert(db)
        }
        return try await proposal(id, for: reviewer)
    }

    static func json(_ value: some Encodable) throws(SessionError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            throw SessionError(.failed, "cannot encode the proposal: \(error)")
        }
    }
}

/// A proposal as the API answers it.
struct Proposal: Encodable, Sendable {
    enum Status: String, Codable, Sendable {
        case submitted, accepted, rejected
    }

    /// The figures a list shows of a proposal's comparison.
    struct Summary: Codable, Sendable {
        /// Regions, errors and warnings after the edits, and in the base.
        let regions: Int
        let errors: Int
        let warnings: Int
        let baseRegions: Int
        let baseErrors: Int
        let baseWarnings: Int
        /// Base findings the edits resolve, and findings they introduce.
        let resolved: Int
        let introduced: Int
        /// Regions whose figures the edits change, by id.
        let changedRegions: [RegionID]

        init(_ comparison: ScenarioComparison, base: AuditResult) {
            regions = comparison.audit.regions.count
            errors = comparison.audit.count(.error)
            warnings = comparison.audit.count(.warning)
            baseRegions = base.regions.count
            baseErrors = base.count(.error)
            baseWarnings = base.count(.warning)
            resolved = comparison.resolved.count
            introduced = comparison.introduced.count
            changedRegions = comparison.changes.filter(\.isChanged).map(\.id)
        }
    }

    struct Review: Encodable, Sendable {
        let reviewer: String
        let decision: Status
        let comment: String
        /// ISO 8601, UTC.
        let createdAt: String
    }

    /// Where an accepted proposal downloads.
    struct Downloads: Encodable, Sendable {
        let scenario: String
        /// The pre-registration with the proposal's edits, CSV.
        let registrations: String
        /// The same, as an XLSX workbook.
        let registrationsWorkbook: String
    }

    let id: Int64
    let name: String
    let note: String
    /// The author's user name.
    let author: String
    /// The author's region (nil for a proposal of a support user).
    let region: String?
    let status: Status
    /// ISO 8601, UTC.
    let createdAt: String
    let edits: [Edit]
    let summary: Summary
    let reviews: [Review]
    /// Present once accepted.
    let downloads: Downloads?
    /// The comparison with the base (``ScenarioComparison``, as `regio compare --format json` writes one scenario);
    /// left out of lists.
    let comparison: ScenarioComparison?

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(note, forKey: .note)
        try c.encode(author, forKey: .author)
        try c.encode(region, forKey: .region)
        try c.encode(status, forKey: .status)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(edits, forKey: .edits)
        try c.encode(summary, forKey: .summary)
        try c.encode(reviews, forKey: .reviews)
        try c.encodeIfPresent(downloads, forKey: .downloads)
        try c.encodeIfPresent(comparison, forKey: .comparison)
    }

    enum CodingKeys: String, CodingKey {
        case id, name, note, author, region, status, createdAt, edits, summary, reviews, downloads, comparison
    }
}

/// One row of the `proposals` table.
struct ProposalRow: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    static let databaseTableName = "proposals"

    var id: Int64?
    var authorID: Int64?
    var author: String
    var region: String?
    var name: String
    var note: String
    /// JSON list of edits.
    var edits: String
    /// JSON of the ``ScenarioComparison`` and of its ``Proposal/Summary``.
    var comparison: String
    var summary: String
    var status: String
    var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, authorID = "author_id", author, region, name, note, edits, comparison, summary, status, createdAt = "created_at"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// The stored scenario: the proposal's name and edits.
    func scenario() throws(SessionError) -> Scenario {
        do {
            return Scenario(name: name, edits: try JSONDecoder().decode([Edit].self, from: Data(edits.utf8)))
        } catch {
            throw SessionError(.failed, "proposal \(id ?? 0) holds edits that cannot be read: \(error)")
        }
    }

    func proposal(reviews: [ReviewRow], withComparison: Bool) throws(SessionError) -> Proposal {
        let decoder = JSONDecoder()
        let id = id ?? 0
        let status = Proposal.Status(rawValue: status) ?? .submitted
        do {
            return Proposal(
                id: id, name: name, note: note, author: author, region: region, status: status,
                createdAt: ISO8601DateFormatter().string(from: createdAt), edits: try scenario().edits,
                summary: try decoder.decode(Proposal.Summary.self, from: Data(summary.utf8)),
                reviews: reviews.map {
                    Proposal.Review(reviewer: $0.reviewer, decision: Proposal.Status(rawValue: $0.decision) ?? .rejected, comment: $0.comment,
                                    createdAt: ISO8601DateFormatter().string(from: $0.createdAt))
                },
                downloads: status == .accepted
                    ? Proposal.Downloads(scenario: "/api/proposals/\(id)/scenario", registrations: "/api/proposals/\(id)/registrations.csv",
                                         registrationsWorkbook: "/api/proposals/\(id)/registrations.xlsx")
                    : nil,
                comparison: withComparison ? try decoder.decode(ScenarioComparison.self, from: Data(comparison.utf8)) : nil)
        } catch let error as SessionError {
            throw error
        } catch {
            throw SessionError(.failed, "proposal \(id) cannot be read: \(error)")
        }
    }
}

/// One row of the `reviews` table.
struct ReviewRow: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "reviews"

    var id: Int64?
    var proposalID: Int64
    var reviewer: String
    /// `accepted` or `rejected`.
    var decision: String
    var comment: String
    var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, proposalID = "proposal_id", reviewer, decision, comment, createdAt = "created_at"
    }
}
