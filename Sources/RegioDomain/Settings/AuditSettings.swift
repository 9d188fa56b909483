/// Every **(setting)** of `domain.md`, with its default. Loaded from `--config FILE` (JSON or YAML);
/// keys not given keep their defaults. Distances in metres (EPSG:28992), shares as fractions (0.10 = 10 %).
/// What each setting means, its unit and its valid range are stated once, in ``table``.
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
    /// No input file may be larger than this many megabytes (1 MB = 1,000,000 bytes); a device or pipe is read
    /// only up to it. Guards against a wrong or hostile file filling the memory.
    public var maximumInputMegabytes: Double = 200
    /// The language of reports, portraits and finding messages (`--language` overrides it). The audit itself
    /// does not depend on it.
    public var language: Language = .en

    public init() {}

    /// Every setting: key, unit, valid range and explanation. Decoding, validation, `regio config` and the
    /// JSON form of the settings all go through it.
    public static let table: [Setting] = [
        Setting("closeByDistanceMeters", .metres, above: 0, atMost: 100_000, \.closeByDistanceMeters,
                "two schools at most this far apart (m, RD New) in different regions are reported as split-close-schools"),
        Setting("minimumTechnicalSchools", .schools, from: 0, atMost: 1_000, \.minimumTechnicalSchools,
                "a region needs at least this many schools with a technical profile (undersized-region)"),
        Setting("minimumTechnicalStudents", .students, from: 0, atMost: 1_000_000, \.minimumTechnicalStudents,
                "a region needs at least this many technical students, 0 = no minimum (undersized-region)"),
        Setting("techniekarmShareBelow", .fraction, from: 0, atMost: 1, \.techniekarmShareBelow,
                "a region is techniekarm when its technical share is below this fraction"),
        Setting("budgetPerTechnicalStudentEUR", .euros, from: 0, atMost: 1_000_000, \.budgetPerTechnicalStudentEUR,
                "budget per technical student in EUR (an assumption: the sources give no amount)"),
        Setting("vsoBudgetPerStudentEUR", .euros, from: 0, atMost: 1_000_000, \.vsoBudgetPerStudentEUR,
                "budget per VSO student in a technical profile in EUR (sources: 15,895)"),
        Setting("countTechnicalRoutes", \.countTechnicalRoutes,
                "count Vakmanschapsroute/Beroepsroute Techniek students as technical"),
        Setting("overlapToleranceSquareKilometers", .squareKilometres, from: 0, atMost: 10_000, \.overlapToleranceSquareKilometers,
                "territories may overlap by this many km² at their edges (overlapping-regions)"),
        Setting("fragmentGapMeters", .metres, above: 0, atMost: 400_000, \.fragmentGapMeters,
                "a region whose schools form groups farther apart than this (m) is fragmented"),
        Setting("territoryBufferMeters", .metres, above: 0, atMost: 100_000, \.territoryBufferMeters,
                "territory method: buffer (m) around the hull of a region's schools, clipped to the municipality map"),
        Setting("isolationDistanceMeters", .metres, above: 0, atMost: 400_000, \.isolationDistanceMeters,
                "a technical school with no other technical school within this distance (m) is alone in its catchment (undersized-region, single-technology-school)"),
        Setting("outsideMapToleranceMeters", .metres, from: 0, atMost: 100_000, \.outsideMapToleranceMeters,
                "a registered school farther than this (m) outside every municipality is school-outside-map"),
        Setting("refuseOutsideShareAbove", .fraction, from: 0, atMost: 1, \.refuseOutsideShareAbove,
                "the audit stops (exit 2) when more than this fraction of the register lies outside every municipality"),
        Setting("maximumInputMegabytes", .megabytes, above: 0, atMost: 100_000, \.maximumInputMegabytes,
                "no input file may be larger than this (MB); a device or pipe is read only up to it"),
        Setting("language", \.language,
                "language of reports, portraits and finding messages: en (English) or nl (Dutch); --language overrides it"),
    ]

    /// One line per setting, for `regio config`.
    public static var explanations: [(key: String, explanation: String)] { table.map { ($0.key, $0.explanation) } }

    /// Each setting's value as text, by key (for `regio config`).
    public var valueTexts: [String: String] {
        Dictionary(uniqueKeysWithValues: Self.table.map { ($0.key, $0.text(in: self)) })
    }

    /// The names of all settings, to reject unknown keys in a config file.
    public static var keys: [String] { table.map(\.key) }

    /// The setting named `key`, if there is one.
    public static func setting(_ key: String) -> Setting? { table.first { $0.key == key } }

    /// ``maximumInputMegabytes`` in bytes.
    public var maximumInputBytes: Int { Int(min(maximumInputMegabytes * 1e6, Double(Int.max / 2))) }

    /// Throws the first setting outside its range (settings made in code, or decoded).
    public func validate() throws(SettingError) {
        for setting in Self.table { try setting.check(self) }
    }

    private struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Keys not present keep their defaults; a value outside its range is a `dataCorrupted` error that says so.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        var settings = AuditSettings()
        for setting in Self.table {
            let key = Key(stringValue: setting.key)
            guard c.contains(key) else { continue }
            switch setting.access {
            case .number(let path): settings[keyPath: path] = try c.decode(Double.self, forKey: key)
            case .whole(let path): settings[keyPath: path] = try c.decode(Int.self, forKey: key)
            case .flag(let path): settings[keyPath: path] = try c.decode(Bool.self, forKey: key)
            case .language(let path): settings[keyPath: path] = try c.decode(Language.self, forKey: key)
            }
        }
        do { try settings.validate() } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: error.description))
        }
        self = settings
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        for setting in Self.table {
            let key = Key(stringValue: setting.key)
            switch setting.access {
            case .number(let path): try c.encode(self[keyPath: path], forKey: key)
            case .whole(let path): try c.encode(self[keyPath: path], forKey: key)
            case .flag(let path): try c.encode(self[keyPath: path], forKey: key)
            case .language(let path): try c.encode(self[keyPath: path], forKey: key)
            }
        }
    }
}
