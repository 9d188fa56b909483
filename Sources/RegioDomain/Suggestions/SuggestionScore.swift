/// The one score of every suggestion, merge or move, on 0…1 (higher is a better proposal), with the evidence
/// behind each term. A proposal moves schools (a merge: the flagged region's schools; a move: one school)
/// from the region it is for (its first region) into a receiving region (the merge partner, the move's
/// target):
///
///     score = 0.35 × findings + 0.20 × nearest + 0.15 × catchment + 0.15 × close pairs + 0.15 × neighbours
///
/// - findings: errors and warnings resolved minus those introduced, as a share of the errors and warnings of
///   the region the proposal is for (clamped to 0…1);
/// - nearest: share of the moving schools whose nearest school in another region lies in the receiving region;
/// - catchment: share of the moving schools in a catchment area that also holds the receiving region's schools;
/// - close pairs: close-by pairs resolved ÷ 3, at most 1;
/// - neighbours: 1 when the moving schools' municipalities border or include one of the receiving region's.
///
/// README (Methods, Suggestions) states the same formula.
public struct SuggestionScore: Sendable, Hashable, Codable {
    /// Errors and warnings resolved minus those introduced (may be negative).
    public let netProblemsResolved: Int
    /// Errors and warnings of the region the proposal is for, before it.
    public let problemsOfRegion: Int
    /// Share (0…1) of the moving schools whose nearest other-region school is in the receiving region.
    public let nearestShare: Double
    /// Share (0…1) of the moving schools in a catchment area that also holds the receiving region's schools.
    public let sameCatchmentShare: Double
    /// Close-by pairs (`split-close-schools`) the proposal resolves.
    public let closePairsResolved: Int
    /// Whether the moving schools' municipalities border or include one of the receiving region's.
    public let neighbouring: Bool

    public static let findingsWeight = 0.35, nearestWeight = 0.20, catchmentWeight = 0.15
    public static let closePairsWeight = 0.15, neighboursWeight = 0.15
    /// Close-by pairs resolved that give the full close-pairs term.
    public static let closePairsForFullTerm = 3

    public init(netProblemsResolved: Int, problemsOfRegion: Int, nearestShare: Double, sameCatchmentShare: Double,
                closePairsResolved: Int, neighbouring: Bool) {
        self.netProblemsResolved = netProblemsResolved
        self.problemsOfRegion = problemsOfRegion
        self.nearestShare = nearestShare
        self.sameCatchmentShare = sameCatchmentShare
        self.closePairsResolved = closePairsResolved
        self.neighbouring = neighbouring
    }

    /// The findings term, 0…1.
    public var findingsTerm: Double {
        netProblemsResolved <= 0 ? 0 : min(1, Double(netProblemsResolved) / Double(max(problemsOfRegion, 1)))
    }

    /// The close-pairs term, 0…1.
    public var closePairsTerm: Double { min(1, Double(closePairsResolved) / Double(Self.closePairsForFullTerm)) }

    /// The weighted sum, rounded to two decimals.
    public var value: Double {
        let sum = Self.findingsWeight * findingsTerm + Self.nearestWeight * nearestShare
            + Self.catchmentWeight * sameCatchmentShare + Self.closePairsWeight * closePairsTerm
            + Self.neighboursWeight * (neighbouring ? 1 : 0)
        return (sum * 100).rounded() / 100
    }

    /// "score 0.78: net 3 of the 3 errors and warnings of STO19042 resolved (0.35 × 1.00), …": the score and
    /// every term that adds to it, with its evidence. `moving` names the moving schools ("STO19042's
    /// schools", or one school's code when `oneSchool`), `from` the region the proposal is for, `to` the
    /// receiving region.
    public func explanation(moving: String, oneSchool: Bool = false, from: RegionID, to: RegionID) -> String {
        var terms: [String] = []
        func term(_ weight: Double, _ value: Double, _ text: String) {
            if value > 0 { terms.append("\(text) (\(decimals(weight)) × \(decimals(value)))") }
        }
        term(Self.findingsWeight, findingsTerm,
             "net \(netProblemsResolved) of the \(problemsOfRegion) errors and warnings of \(from) resolved")
        let some = oneSchool ? moving : "\(wholePercent(nearestShare)) of \(moving)"
        term(Self.nearestWeight, nearestShare, "\(some) \(oneSchool ? "has its" : "have their") nearest other-region school in \(to)")
        let inArea = oneSchool ? moving : "\(wholePercent(sameCatchmentShare)) of \(moving)"
        term(Self.catchmentWeight, sameCatchmentShare, "\(inArea) \(oneSchool ? "shares" : "share") a catchment area with \(to)")
        term(Self.closePairsWeight, closePairsTerm, "\(closePairsResolved) close-by pair\(closePairsResolved == 1 ? "" : "s") resolved")
        term(Self.neighboursWeight, neighbouring ? 1 : 0, "\(moving) \(oneSchool ? "lies" : "lie") in or next to a municipality of \(to)")
        return "score \(decimals(value))" + (terms.isEmpty ? "" : ": " + terms.joined(separator: ", "))
    }

    /// "0.35": two decimals.
    func decimals(_ x: Double) -> String {
        let hundredths = Int((x * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }

    /// "67 %".
    func wholePercent(_ share: Double) -> String { "\(Int((share * 100).rounded())) %" }
}
