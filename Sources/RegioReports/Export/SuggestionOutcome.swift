import RegioDomain
import RegioSpatial

/// A suggestion carried out on the audit: the figures of the regions its edit leaves, as the auditor computes
/// them (the same numbers `regio audit` and `regio compare` give for the edited registration).
struct SuggestionOutcome {
    /// The region that remains (a merge) or receives the school (a move), after the edit: the suggestion's own
    /// ``Suggestion/resultingFigures``.
    let surviving: RegionFigures?
    /// A move: the region the school leaves, after the move; `nil` for a merge (that region is gone).
    let source: RegionFigures?

    /// The outcome of each of `suggestions` on `auditor`, which must hold the registration they were made for
    /// and is left as found. A move is applied (an incremental update) to read the figures of the region the
    /// school leaves; `knownSchools` are the register's codes, which an edit may name.
    static func of(_ suggestions: [Suggestion], on auditor: Auditor,
                   knownSchools: Set<SchoolCode>) throws(SpatialError) -> [SuggestionOutcome] {
        let base = auditor.registration
        defer { try? auditor.update(to: base) }
        var outcomes: [SuggestionOutcome] = []
        outcomes.reserveCapacity(suggestions.count)
        for suggestion in suggestions {
            var source: RegionFigures?
            if suggestion.kind == .move, let from = suggestion.regions.first,
               let edited = try? base.applying([suggestion.edit], knownSchools: knownSchools) {
                try auditor.update(to: edited)
                source = auditor.result.regions.first { $0.id == from }
            }
            outcomes.append(SuggestionOutcome(surviving: suggestion.resultingFigures, source: source))
        }
        return outcomes
    }
}
