/// One finding of the audit: a rule, the regions and schools it concerns, and a message a person can act on.
public struct Finding: Sendable, Hashable, Codable {
    public let rule: Rule
    public let severity: Severity
    /// The regions it concerns, sorted.
    public let regions: [String]
    /// The schools it concerns, sorted (for `split-close-schools`: the two of the pair).
    public let schools: [String]
    public let message: String
    /// The region the finding is about, when it is about one (the flagged region of a region rule, the
    /// own region of an enclave school); `regions` may name partners too.
    public let subjectRegion: String?
    /// A measured quantity where the rule has one: distance in metres (`split-close-schools`,
    /// `fragmented-region`), overlap in km² (`overlapping-regions`), share (`techniekarm`).
    public let value: Double?

    public init(_ rule: Rule, regions: [String], schools: [SchoolCode] = [], rawSchools: [String] = [],
                message: String, value: Double? = nil, subject: String? = nil) {
        // A finding about one region is about that region.
        self.subjectRegion = subject ?? (regions.count == 1 ? regions[0] : nil)
        self.rule = rule
        self.severity = rule.severity
        self.regions = regions.sorted()
        self.schools = (schools.map(\.rawValue) + rawSchools).sorted()
        self.message = message
        self.value = value
        key = Finding.key(rule, self.regions, self.schools)
    }

    /// Identity for comparing audits (scenarios): rule, regions and schools, not the wording. Stored, since
    /// sorting and comparing audits use it many times.
    public let key: String

    static func key(_ rule: Rule, _ regions: [String], _ schools: [String]) -> String {
        "\(rule.rawValue)|\(regions.joined(separator: ","))|\(schools.joined(separator: ","))"
    }

    private enum CodingKeys: String, CodingKey { case rule, severity, regions, schools, message, value, subjectRegion }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        rule = try c.decode(Rule.self, forKey: .rule)
        severity = try c.decode(Severity.self, forKey: .severity)
        regions = try c.decode([String].self, forKey: .regions)
        schools = try c.decode([String].self, forKey: .schools)
        message = try c.decode(String.self, forKey: .message)
        value = try c.decodeIfPresent(Double.self, forKey: .value)
        subjectRegion = try c.decodeIfPresent(String.self, forKey: .subjectRegion)
        key = Finding.key(rule, regions, schools)
    }
}
