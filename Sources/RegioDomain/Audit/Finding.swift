import Synchronization

/// One finding of the audit: a rule, the regions and schools it concerns, and a message a person can act on.
public struct Finding: Sendable, Hashable, Codable {
    public var rule: Rule { storage.rule }
    public var severity: Severity { storage.rule.severity }
    /// The regions it concerns, sorted.
    public var regions: [RegionID] { storage.regions }
    /// The schools it concerns, sorted (for `split-close-schools`: the two of the pair).
    public var schools: [String] { storage.schools }
    /// The message in English (``message(in:)`` gives it in any language).
    public var message: String { message(in: .en) }
    /// The message a person can act on, in `language`. Written once per finding and language: the planning
    /// page asks for every finding after each edit, and an edit leaves most findings as they were.
    public func message(in language: Language) -> String {
        if let text = storage.written.withLock({ $0[language] }) { return text }
        let text = storage.message.text(in: language)
        storage.written.withLock { $0[language] = text }
        return text
    }
    /// The message's data, rendered per language.
    public var messageData: any FindingMessage { storage.message }
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
        let message: any FindingMessage
        let subjectRegion: RegionID?
        let value: Double?
        let key: String
        let identity: String
        /// The message as written so far, per language (``Finding/message(in:)``).
        let written = Mutex(WrittenMessages())

        init(rule: Rule, regions: [RegionID], schools: [String], message: any FindingMessage, subjectRegion: RegionID?, value: Double?) {
            self.rule = rule
            self.regions = regions
            self.schools = schools
            self.message = message
            self.subjectRegion = subjectRegion
            self.value = value
            // ``Finding/identity(rule:regions:schools:)``, from the key's start instead of joining the ids again.
            let prefix = Finding.keyPrefix(rule: rule, regions: regions)
            key = prefix + schools.joined(separator: ",")
            identity = rule.judgesWholeRegion ? prefix : key
        }
    }
    private let storage: Storage

    /// A message written in each language asked for so far.
    private struct WrittenMessages {
        var en: String?, nl: String?

        subscript(language: Language) -> String? {
            get { switch language { case .en: en; case .nl: nl } }
            set { switch language { case .en: en = newValue; case .nl: nl = newValue } }
        }
    }

    public init(_ rule: Rule, regions: [RegionID], schools: [SchoolCode] = [], rawSchools: [String] = [],
                message: some FindingMessage, value: Double? = nil, subject: RegionID? = nil) {
        // A finding about one region is about that region.
        storage = Storage(rule: rule, regions: regions.sorted(), schools: (schools.map(\.rawValue) + rawSchools).sorted(),
                          message: message, subjectRegion: subject ?? (regions.count == 1 ? regions[0] : nil), value: value)
    }

    /// A finding whose message is fixed text (read back, or made by hand in a test).
    public init(_ rule: Rule, regions: [RegionID], schools: [SchoolCode] = [], rawSchools: [String] = [],
                message: String, value: Double? = nil, subject: RegionID? = nil) {
        self.init(rule, regions: regions, schools: schools, rawSchools: rawSchools, message: FixedMessage(message),
                  value: value, subject: subject)
    }

    /// Whether the two findings say the same in every language (same message data).
    func hasSameMessage(as other: Finding) -> Bool { storage.message.isSame(as: other.storage.message) }

    public static func == (a: Finding, b: Finding) -> Bool {
        if a.storage === b.storage { return true }
        let (x, y) = (a.storage, b.storage)
        // The message last: comparing it casts the other's message to this one's type.
        return x.rule == y.rule && x.value == y.value && x.regions == y.regions && x.schools == y.schools
            && x.subjectRegion == y.subjectRegion && x.message.isSame(as: y.message)
    }

    public func hash(into hasher: inout Hasher) {
        // The key and value: equal findings have equal keys, and findings of one key rarely differ in wording.
        hasher.combine(storage.key)
        hasher.combine(storage.value)
    }

    private enum CodingKeys: String, CodingKey { case rule, severity, regions, schools, message, value, subjectRegion }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let rule = try c.decode(Rule.self, forKey: .rule)
        // The severity is the rule's; it is written for readers of the JSON and not read back.
        _ = try c.decode(Severity.self, forKey: .severity)
        storage = Storage(rule: rule, regions: try c.decode([RegionID].self, forKey: .regions),
                          schools: try c.decode([String].self, forKey: .schools),
                          message: FixedMessage(try c.decode(String.self, forKey: .message)),
                          subjectRegion: try c.decodeIfPresent(RegionID.self, forKey: .subjectRegion),
                          value: try c.decodeIfPresent(Double.self, forKey: .value))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rule, forKey: .rule)
        try c.encode(severity, forKey: .severity)
        // The ids as plain strings (the same JSON): an array of strings takes the encoder's fast path, an array
        // of ``RegionID``s a nested encoder per id.
        try c.encode(regions.map(\.rawValue), forKey: .regions)
        try c.encode(schools, forKey: .schools)
        // In the language the encoder names (``Language/codingKey``), English by default.
        try c.encode(message(in: Language(of: encoder)), forKey: .message)
        try c.encodeIfPresent(value, forKey: .value)
        try c.encodeIfPresent(subjectRegion?.rawValue, forKey: .subjectRegion)
    }
}
