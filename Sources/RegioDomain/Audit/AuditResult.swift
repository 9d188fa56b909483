/// The outcome of an audit: figures per region, findings worst first, suggestions, and the methods used.
public struct AuditResult: Sendable, Codable {
    public let regions: [RegionFigures]
    /// National totals, each school counted once.
    public let totals: AuditTotals
    public let findings: [Finding]
    public let suggestions: [Suggestion]
    /// How territories and catchment areas were derived, stated in every report.
    public let methods: Methods
    public private(set) var settings: AuditSettings
    /// The filter the findings, regions and suggestions were chosen by (``filtered(by:)``); `nil` for the whole
    /// audit. The totals are never filtered.
    public internal(set) var filter: AuditFilter?

    /// How territories and catchment areas were made, in every language (JSON: the report's language).
    public struct Methods: Sendable, Codable, Hashable {
        public let territory: LocalizedText
        public let catchment: LocalizedText

        /// Stated when the audit ran without catchment areas.
        public static let noCatchments = LocalizedText(en: "no catchment areas computed", nl: "geen verzorgingsgebieden berekend")
    }

    public init(regions: [RegionFigures], totals: AuditTotals, findings: [Finding], suggestions: [Suggestion],
                methods: Methods, settings: AuditSettings) {
        self.regions = regions
        self.totals = totals
        self.findings = findings
        self.suggestions = suggestions
        self.methods = methods
        self.settings = settings
    }

    /// The same result with `suggestions`.
    public func with(suggestions: [Suggestion]) -> AuditResult {
        AuditResult(regions: regions, totals: totals, findings: findings, suggestions: suggestions, methods: methods,
                    settings: settings)
    }

    /// The same result stating that its messages are written in `language` (``AuditSettings/language``).
    public func stating(_ language: Language) -> AuditResult {
        var result = self
        result.settings.language = language
        return result
    }

    /// Findings by severity.
    public struct SeverityCounts: Sendable, Hashable {
        public var errors = 0
        public var warnings = 0
        public var infos = 0

        public init() {}
    }

    /// The findings that concern each region, counted by severity, in one pass (regions without findings are
    /// absent).
    public func severityCountsByRegion() -> [RegionID: SeverityCounts] {
        var counts: [RegionID: SeverityCounts] = [:]
        for finding in findings {
            // `regions` is sorted: a region named twice counts once, as in ``findings(of:)``.
            for (i, id) in finding.regions.enumerated() where i == 0 || finding.regions[i - 1] != id {
                switch finding.severity {
                case .error: counts[id, default: SeverityCounts()].errors += 1
                case .warning: counts[id, default: SeverityCounts()].warnings += 1
                case .info: counts[id, default: SeverityCounts()].infos += 1
                }
            }
        }
        return counts
    }

    /// Findings that concern `region`.
    public func findings(of region: RegionID) -> [Finding] { findings.filter { $0.regions.contains(region) } }

    /// Whether any finding has error severity (exit code 1).
    public var hasErrors: Bool { findings.contains { $0.severity == .error } }

    /// Number of findings per severity.
    public func count(_ severity: Severity) -> Int { findings.filter { $0.severity == severity }.count }
}
