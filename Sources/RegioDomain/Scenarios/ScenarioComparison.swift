/// A scenario's audit beside the base: the findings it resolves and introduces, and per region the change
/// of its figures.
public struct ScenarioComparison: Sendable, Codable {
    public let name: String
    public let edits: [Edit]
    public let audit: AuditResult
    /// Findings of the base that the scenario no longer has (by ``Finding/identity``: rule, regions and
    /// schools, see ``FindingChanges``).
    public let resolved: [Finding]
    /// Findings the scenario has that the base had not (by ``Finding/identity``).
    public let introduced: [Finding]
    /// Per region in base or scenario: figures before and after.
    public let changes: [RegionChange]

    /// One region's figures in the base and in the scenario (`nil` where it does not exist).
    public struct RegionChange: Sendable, Codable {
        public let id: RegionID
        public let before: RegionFigures?
        public let after: RegionFigures?
        /// Whether anything a region cares about differs.
        public var isChanged: Bool {
            before?.schools != after?.schools || before?.lead != after?.lead || before == nil || after == nil
        }
    }

    public init(name: String, edits: [Edit], base: AuditResult, audit: AuditResult) {
        self.name = name
        self.edits = edits
        self.audit = audit
        let findingChanges = FindingChanges(from: base.findings, to: audit.findings, edits: edits)
        resolved = findingChanges.resolved
        introduced = findingChanges.introduced
        let before = Dictionary(base.regions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(audit.regions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var ids = base.regions.map(\.id)
        for r in audit.regions where before[r.id] == nil { ids.append(r.id) }
        changes = ids.map { RegionChange(id: $0, before: before[$0], after: after[$0]) }
    }
}
