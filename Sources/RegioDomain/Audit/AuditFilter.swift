/// Which findings a reader asked for (`regio audit --rule --region --severity`): rules, regions and a least
/// severity, each optional. A report filtered by it lists only the findings, regions and suggestions it
/// admits; the national totals stay those of the whole audit.
public struct AuditFilter: Sendable, Hashable, Codable {
    /// Rule ids to keep; empty keeps every rule.
    public var rules: [Rule]
    /// Region ids to keep (a finding that concerns any of them, the regions' figures, their suggestions);
    /// empty keeps every region.
    public var regions: [RegionID]
    /// Keep this severity and worse (`warning`: warnings and errors); `nil` keeps every severity.
    public var severity: Severity?

    public init(rules: [Rule] = [], regions: [RegionID] = [], severity: Severity? = nil) {
        self.rules = rules
        self.regions = regions
        self.severity = severity
    }

    /// Whether the filter keeps everything.
    public var isEmpty: Bool { rules.isEmpty && regions.isEmpty && severity == nil }

    /// Whether `finding` passes every part of the filter.
    public func admits(_ finding: Finding) -> Bool {
        if !rules.isEmpty && !rules.contains(finding.rule) { return false }
        if let severity, finding.severity > severity { return false }
        return regions.isEmpty || finding.regions.contains(where: regions.contains)
    }

    /// Whether the region `id` is shown.
    public func admits(region id: RegionID) -> Bool { regions.isEmpty || regions.contains(id) }
}

extension AuditResult {
    /// The result as `filter` admits it: its findings, the figures of its regions and the suggestions for them;
    /// the totals, methods and settings unchanged. The filter is recorded in ``filter``.
    public func filtered(by filter: AuditFilter) -> AuditResult {
        guard !filter.isEmpty else { return self }
        var result = AuditResult(regions: regions.filter { filter.admits(region: $0.id) }, totals: totals,
                                 findings: findings.filter(filter.admits),
                                 suggestions: suggestions.filter { $0.regions.contains(where: filter.admits(region:)) },
                                 methods: methods, settings: settings)
        result.filter = filter
        return result
    }
}
