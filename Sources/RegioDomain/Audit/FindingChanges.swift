/// The findings one audit resolves and introduces against another, matched by ``Finding/identity``
/// (rule, regions and schools; the wording and numbers do not count). A region that a merge absorbs counts
/// as the region it was merged into: its findings live on in the merged region's unless that one lacks them.
/// Scenario comparisons and suggestions both use it, so `regio compare`, `regio suggest` and the planning
/// page agree on what changed.
public struct FindingChanges: Sendable, Hashable {
    /// Findings of `before` that `after` no longer has, in `before`'s order.
    public let resolved: [Finding]
    /// Findings of `after` that `before` did not have, in `after`'s order.
    public let introduced: [Finding]

    /// The changes from `before` to `after` when `edits` turned the one registration into the other.
    public init(from before: [Finding], to after: [Finding], edits: [Edit] = []) {
        let renaming = Self.renaming(by: edits)
        let renamed = before.map { $0.identity(renaming: renaming) }
        let was = Set(renamed), now = Set(after.map(\.identity))
        resolved = zip(before, renamed).filter { !now.contains($0.1) }.map(\.0)
        introduced = after.filter { !was.contains($0.identity) }
    }

    /// Old region id → the id it has after `edits`: each merge renames the regions it absorbs to its `into`.
    static func renaming(by edits: [Edit]) -> [RegionID: RegionID] {
        var renaming: [RegionID: RegionID] = [:]
        for case let .merge(regions, into) in edits {
            for id in regions where id != into { renaming[id] = into }
            // Regions absorbed earlier into one of these follow it.
            for (old, new) in renaming where regions.contains(new) && new != into { renaming[old] = into }
        }
        return renaming
    }

    /// Errors and warnings (not infos) resolved.
    public var resolvedProblems: Int { resolved.count(where: { $0.severity != .info }) }
    /// Errors and warnings (not infos) introduced.
    public var introducedProblems: Int { introduced.count(where: { $0.severity != .info }) }
    /// Errors introduced.
    public var introducedErrors: Int { introduced.count(where: { $0.severity == .error }) }

    /// Whether the change may be proposed: it introduces no error and resolves more errors and warnings than
    /// it introduces.
    public var improvesAudit: Bool { introducedErrors == 0 && resolvedProblems > introducedProblems }
}
