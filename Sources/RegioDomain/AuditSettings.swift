/// Every **(setting)** of `domain.md`, with its default. Loaded from `--config FILE` (JSON or YAML);
/// keys not given keep their defaults. Distances in metres (EPSG:28992), shares as fractions (0.10 = 10 %).
public struct AuditSettings: Sendable, Hashable, Codable {
    /// Two schools at most this far apart in different regions are "close by" (`split-close-schools`). Metres.
    public var closeByDistanceMeters: Double = 5_000
    /// A region needs at least this many schools with a technical profile (`undersized-region`).
    public var minimumTechnicalSchools: Int = 2
    /// A region needs at least this many technical students (`undersized-region`); 0 switches the check off.
    public var minimumTechnicalStudents: Int = 0
    /// A region is techniekarm when its technical share is below this fraction.
    public var techniekarmShareBelow: Double = 0.10
    /// Budget per technical student (EUR). Assumption: the programme's EUR 100 million a year for about
    /// 31,000 technical vmbo students in years 3–4 gives roughly EUR 3,000 per student per year; the
    /// sources give no amount, so this is a setting to be replaced by DUS-I's figure.
    public var budgetPerTechnicalStudentEUR: Double = 3_000
    /// VSO students in a technical profile on 1 October 2018: EUR 15,895 per student (sources).
    public var vsoBudgetPerStudentEUR: Double = 15_895
    /// Count `Vakmanschapsroute Techniek` and `Beroepsroute Techniek` as technical students.
    public var countTechnicalRoutes: Bool = false
    /// Two regions' territories may overlap by this much at their edges (`overlapping-regions`). km².
    public var overlapToleranceSquareKilometers: Double = 1.0
    /// A region whose schools fall apart into groups farther apart than this is fragmented. Metres.
    public var fragmentGapMeters: Double = 25_000
    /// Territory method parameter: the hull of each group of a region's schools is buffered by this much
    /// (metres) before clipping to the municipality map.
    public var territoryBufferMeters: Double = 2_500
    /// A region's technical school with no other region's technical school within this distance (metres)
    /// is alone in its catchment (the exception of `undersized-region`, and `single-technology-school`).
    public var isolationDistanceMeters: Double = 20_000
    /// A registered school farther than this (metres) outside every municipality is `school-outside-map`.
    public var outsideMapToleranceMeters: Double = 1_000
    /// The audit refuses to run (exit 2) when more than this fraction of the register's located schools lies
    /// outside every municipality: the map or the coordinates are broken (wrong CRS, swapped columns).
    public var refuseOutsideShareAbove: Double = 0.10

    public init() {}

    /// One line per setting, for `regio config`.
    public static let explanations: [(key: String, explanation: String)] = [
        ("closeByDistanceMeters", "two schools at most this far apart (m, RD New) in different regions are reported as split-close-schools"),
        ("minimumTechnicalSchools", "a region needs at least this many schools with a technical profile (undersized-region)"),
        ("minimumTechnicalStudents", "a region needs at least this many technical students, 0 = no minimum (undersized-region)"),
        ("techniekarmShareBelow", "a region is techniekarm when its technical share is below this fraction"),
        ("budgetPerTechnicalStudentEUR", "budget per technical student in EUR (an assumption: the sources give no amount)"),
        ("vsoBudgetPerStudentEUR", "budget per VSO student in a technical profile in EUR (sources: 15,895)"),
        ("countTechnicalRoutes", "count Vakmanschapsroute/Beroepsroute Techniek students as technical"),
        ("overlapToleranceSquareKilometers", "territories may overlap by this many km² at their edges (overlapping-regions)"),
        ("fragmentGapMeters", "a region whose schools form groups farther apart than this (m) is fragmented"),
        ("territoryBufferMeters", "territory method: buffer (m) around the hull of a region's schools, clipped to the municipality map"),
        ("isolationDistanceMeters", "a technical school with no other technical school within this distance (m) is alone in its catchment (undersized-region, single-technology-school)"),
        ("outsideMapToleranceMeters", "a registered school farther than this (m) outside every municipality is school-outside-map"),
        ("refuseOutsideShareAbove", "the audit stops (exit 2) when more than this fraction of the register lies outside every municipality"),
    ]

    /// Each setting's value as text, by key (for `regio config`).
    public var valueTexts: [String: String] {
        [
            "closeByDistanceMeters": "\(closeByDistanceMeters)", "minimumTechnicalSchools": "\(minimumTechnicalSchools)",
            "minimumTechnicalStudents": "\(minimumTechnicalStudents)", "techniekarmShareBelow": "\(techniekarmShareBelow)",
            "budgetPerTechnicalStudentEUR": "\(budgetPerTechnicalStudentEUR)", "vsoBudgetPerStudentEUR": "\(vsoBudgetPerStudentEUR)",
            "countTechnicalRoutes": "\(countTechnicalRoutes)",
            "overlapToleranceSquareKilometers": "\(overlapToleranceSquareKilometers)",
            "fragmentGapMeters": "\(fragmentGapMeters)", "territoryBufferMeters": "\(territoryBufferMeters)",
            "isolationDistanceMeters": "\(isolationDistanceMeters)",
            "outsideMapToleranceMeters": "\(outsideMapToleranceMeters)", "refuseOutsideShareAbove": "\(refuseOutsideShareAbove)",
        ].mapValues { $0.hasSuffix(".0") ? String($0.dropLast(2)) : $0 }
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case closeByDistanceMeters, minimumTechnicalSchools, minimumTechnicalStudents, techniekarmShareBelow,
             budgetPerTechnicalStudentEUR, vsoBudgetPerStudentEUR, countTechnicalRoutes,
             overlapToleranceSquareKilometers, fragmentGapMeters, territoryBufferMeters, isolationDistanceMeters,
             outsideMapToleranceMeters, refuseOutsideShareAbove
    }

    /// Keys not present keep their defaults.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var s = AuditSettings()
        s.closeByDistanceMeters = try c.decodeIfPresent(Double.self, forKey: .closeByDistanceMeters) ?? s.closeByDistanceMeters
        s.minimumTechnicalSchools = try c.decodeIfPresent(Int.self, forKey: .minimumTechnicalSchools) ?? s.minimumTechnicalSchools
        s.minimumTechnicalStudents = try c.decodeIfPresent(Int.self, forKey: .minimumTechnicalStudents) ?? s.minimumTechnicalStudents
        s.techniekarmShareBelow = try c.decodeIfPresent(Double.self, forKey: .techniekarmShareBelow) ?? s.techniekarmShareBelow
        s.budgetPerTechnicalStudentEUR = try c.decodeIfPresent(Double.self, forKey: .budgetPerTechnicalStudentEUR) ?? s.budgetPerTechnicalStudentEUR
        s.vsoBudgetPerStudentEUR = try c.decodeIfPresent(Double.self, forKey: .vsoBudgetPerStudentEUR) ?? s.vsoBudgetPerStudentEUR
        s.countTechnicalRoutes = try c.decodeIfPresent(Bool.self, forKey: .countTechnicalRoutes) ?? s.countTechnicalRoutes
        s.overlapToleranceSquareKilometers = try c.decodeIfPresent(Double.self, forKey: .overlapToleranceSquareKilometers) ?? s.overlapToleranceSquareKilometers
        s.fragmentGapMeters = try c.decodeIfPresent(Double.self, forKey: .fragmentGapMeters) ?? s.fragmentGapMeters
        s.territoryBufferMeters = try c.decodeIfPresent(Double.self, forKey: .territoryBufferMeters) ?? s.territoryBufferMeters
        s.isolationDistanceMeters = try c.decodeIfPresent(Double.self, forKey: .isolationDistanceMeters) ?? s.isolationDistanceMeters
        s.outsideMapToleranceMeters = try c.decodeIfPresent(Double.self, forKey: .outsideMapToleranceMeters) ?? s.outsideMapToleranceMeters
        s.refuseOutsideShareAbove = try c.decodeIfPresent(Double.self, forKey: .refuseOutsideShareAbove) ?? s.refuseOutsideShareAbove
        self = s
    }

    /// The names of all settings, to reject unknown keys in a config file.
    public static var keys: [String] { CodingKeys.allCases.map(\.rawValue) }
}
