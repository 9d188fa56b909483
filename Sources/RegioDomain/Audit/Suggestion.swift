/// A proposal to the support team: merge regions, or move a school.
public struct Suggestion: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable { case merge, move }

    public let kind: Kind
    /// For a merge: the region flagged first, then the partner. For a move: from, to.
    public let regions: [String]
    /// For a move: the school(s) to move.
    public let schools: [String]
    /// 0…1, higher is a better proposal.
    public let score: Double
    /// Why, in plain words, with the numbers.
    public let reason: String

    public init(kind: Kind, regions: [String], schools: [String] = [], score: Double, reason: String) {
        self.kind = kind
        self.regions = regions
        self.schools = schools
        self.score = score
        self.reason = reason
    }
}
