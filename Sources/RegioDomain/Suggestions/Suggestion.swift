/// A proposal to the support team: merge two regions, or move a school, with the evidence for it. Only
/// proposals that introduce no error and resolve more errors and warnings than they introduce are made.
public struct Suggestion: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable { case merge, move }

    public let kind: Kind
    /// For a merge: the flagged region, then the partner. For a move: the school's region, then the target.
    public let regions: [RegionID]
    /// For a move: the school(s) to move.
    public let schools: [String]
    /// What to do, naming the region that remains by id and name, the same in every output:
    /// "merge STO19042 (Zuid) into STO19023 (Amsterdam)", "move 02XQ00 (…) from STO19039 (…) to STO19004 (…)".
    public let headline: String
    /// The region that remains (a merge: the edit's `into`) or receives the school (a move).
    public let survivingRegion: RegionID
    /// 0…1, higher is a better proposal: ``SuggestionScore/value``.
    public let score: Double
    /// The terms of the score with their evidence.
    public let scoreTerms: SuggestionScore
    /// Why, in plain words, with the numbers and the terms that made the score.
    public let reason: String
    /// The edit that carries the proposal out (as a scenario would hold it).
    public let edit: Edit
    /// Border shared by the municipalities of the two regions' schools, metres (merges).
    public let sharedBorderMeters: Double
    /// Close-by pairs between the two regions that the proposal resolves.
    public let closePairsResolved: Int
    /// Share (0…1) of the moving schools whose catchment area also holds the receiving region's schools.
    public let sameCatchmentShare: Double
    /// The surviving (or receiving) region's figures after the proposal.
    public let resultingFigures: RegionFigures?
    /// Findings that disappear, and that appear, when the proposal is carried out, matched by
    /// ``Finding/identity`` (``FindingChanges``): a finding whose numbers or text change is in neither.
    public let resolvedFindings: [Finding]
    public let introducedFindings: [Finding]

    public init(kind: Kind, regions: [RegionID], schools: [String], headline: String, survivingRegion: RegionID,
                scoreTerms: SuggestionScore, reason: String, edit: Edit, sharedBorderMeters: Double,
                resultingFigures: RegionFigures?, changes: FindingChanges) {
        self.kind = kind
        self.regions = regions
        self.schools = schools
        self.headline = headline
        self.survivingRegion = survivingRegion
        self.score = scoreTerms.value
        self.scoreTerms = scoreTerms
        self.reason = reason
        self.edit = edit
        self.sharedBorderMeters = sharedBorderMeters
        self.closePairsResolved = scoreTerms.closePairsResolved
        self.sameCatchmentShare = (scoreTerms.sameCatchmentShare * 100).rounded() / 100
        self.resultingFigures = resultingFigures
        self.resolvedFindings = changes.resolved
        self.introducedFindings = changes.introduced
    }
}
