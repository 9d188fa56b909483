/// A proposal to the support team: merge two regions, or move a school, with the evidence for it.
public struct Suggestion: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable { case merge, move }

    public let kind: Kind
    /// For a merge: the flagged region, then the partner (the merged region keeps the partner's id when the
    /// partner is the larger). For a move: the school's region, then the target.
    public let regions: [String]
    /// For a move: the school(s) to move.
    public let schools: [String]
    /// 0…1, higher is a better proposal (see ``SuggestionEngine`` for the weights).
    public let score: Double
    /// Why, in plain words, with the numbers.
    public let reason: String
    /// The edit that carries the proposal out (as a scenario would hold it).
    public let edit: Edit
    /// Border shared by the two regions' municipalities, metres (merges).
    public let sharedBorderMeters: Double
    /// Close-by pairs between the two regions that the proposal resolves.
    public let closePairsResolved: Int
    /// Share (0…1) of the flagged region's schools whose catchment area also holds the partner's schools.
    public let sameCatchmentShare: Double
    /// The merged (or receiving) region's figures after the proposal.
    public let resultingFigures: RegionFigures?
    /// Findings (rule ids) that disappear, and that appear, when the proposal is carried out.
    public let resolvedFindings: [String]
    public let introducedFindings: [String]
}
