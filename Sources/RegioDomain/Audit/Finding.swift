/// One finding of the audit: a rule, the regions and schools it concerns, and a message a person can act on.
public struct Finding: Sendable, Hashable, Codable {
    public var rule: Rule { storage.rule }
    public var severity: Severity { storage.rule.severity }
    /// The regions it concerns, sorted.
    public var regions: [RegionID] { storage.regions }
    /// The schools it concerns, sorted (for `split-close-schools`: the two of the pair).
    public var schools: [String] { storage.schools }
    public var message: String { storage.message }
    /// The region the finding is about, when it is about one (the flagged region of a region rule, the
    /// own region of an enclave school); `regions` may name partners too.
    public var subjectRegion: RegionID? { storage.subjectRegion }
    /// A measured quantity where the rule has one: distance in metres (`split-close-schools`,
    /// `fragmented-region`), overlap in km² (`overlapping-regions`), share (`techniekarm`).
    public var value: Double? { storage.value }
    /// Rule, regions and schools, not the wording: the report order and the incremental audit use it.
    /// Stored, since sorting uses it many times.
    public var key: String { storage.key }
    /// What makes a finding of one audit the same finding in another (a scenario, a suggestion tried):
    /// the ``key``, except that for a rule about a region as a whole (``Rule/judgesWholeRegion``) the
    /// region's member list is context, not identity. So a finding whose numbers, text or member list
    /// change is neither resolved nor introduced. Stored, like ``key``.
    public var identity: String { storage.identity }

    /// The fields live in one immutable object: the auditor moves, copies and compares findings all the
    /// time, and a finding is then one reference instead of five arrays and strings.
    private final class Storage: Sendable {
        let rule: Rule
        let regions: [RegionID]
        let schools: [String]
        let message: String
        let subjectRegion: RegionID?
        let value: Double?
        let key: String
        let identity: String

        init(rule: Rule, regions: [RegionID], schools: [String], message: String, subjectRegion: RegionID?, value: Double?) {
            self.rule = rule
            self.regions = regions
            self.schools = schools
            self.message = message
            self.subjectRegion = subjectRegion
            self.value = value
            key = "\(rule.rawValue)|\(regions.joined(separator: ","))|\(schools.joined(separator: ","))"
            identity = Finding.identity(rule: rule, regions: regions, schools: schools)
        }
    }
    private let storage: Storage

    public init(_ rule: Rule, regions: [RegionID], schools: [SchoolCode] = [], rawSchools: [String] = [],
                message: String, value: Double? = nil, subject: RegionID? = nil) {
        // A finding about one region is about that region.
        storage = Storage(rule: rule, regions: regions.sorted(), schools: (schools.map(\.rawValue) + rawSchools).sorted(),
                          message: message, subjectRegion: subject ?? (regions.count == 1 ? regions[0] : nil), value: value)
    }

    public static func == (a: Finding, b: Finding) -> Bool {
        if a.storage === b.storage { return true }
        let (x, y) = (a.storage, b.storage)
        return x.rule == y.rule && x.regions == y.regions && x.schools == y.schools && x.message == y.message
            && x.subjectRegion == y.subjectRegion && x.value == y.value
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage.key)
        hasher.combine(storage.message)
    }

    private enum CodingKeys: String, CodingKey { case rule, severity, regions, schools, message, value, subjectRegion }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let rule = try c.decode(Rule.self, forKey: .rule)
        // The severity is the rule's; it is written for readers of the JSON and not read back.
        _ = try c.decode(Severity.self, forKey: .severity)
        storage = Storage(rule: rule, regions: try c.decode([RegionID].self, forKey: .regions),
                          schools: try c.decode([String].self, forKey: .schools),
                          message: try c.decode(String.self, forKey: .message),
                          subjectRegion: try c.decodeIfPresent(RegionID.self, forKey: .subjectRegion),
                          value: try c.decodeIfPresent(Double.self, forKey: .value))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rule, forKey: .rule)
        try c.encode(severity, forKey: .severity)
        try c.encode(regions, forKey: .regions)
        try c.encode(schools, forKey: .schools)
        try c.encode(message, forKey: .message)
        try c.encodeIfPresent(value, forKey: .value)
        try c.encodeIfPresent(subjectRegion, forKey: .subjectRegion)
    }
}
