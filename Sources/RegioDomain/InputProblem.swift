/// A problem found while loading inputs that does not stop the load: an approximately placed school, a
/// repaired polygon, a school outside every municipality. `regio inspect` lists them all.
public struct InputProblem: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable, Comparable {
        case info, warning, error
        public static func < (a: Severity, b: Severity) -> Bool {
            [.info, .warning, .error].firstIndex(of: a)! < [.info, .warning, .error].firstIndex(of: b)!
        }
    }

    /// A stable identifier of the kind of problem, e.g. `school-outside-municipalities`.
    public let kind: String
    public let severity: Severity
    /// The file it was found in (as given on the command line).
    public let file: String
    /// 1-based line, for tabular inputs.
    public let line: Int?
    /// The feature index (0-based) or id, for map inputs.
    public let feature: String?
    public let message: String

    public init(kind: String, severity: Severity, file: String, line: Int? = nil, feature: String? = nil,
                message: String) {
        self.kind = kind
        self.severity = severity
        self.file = file
        self.line = line
        self.feature = feature
        self.message = message
    }

    /// "schools.csv:42: message" or "gemeenten.geojson: feature 12 (GM0363): message".
    public var description: String { Self.located(message, file: file, line: line, feature: feature) }

    /// `message` after where it was found: "schools.csv:42: …", "gemeenten.geojson: feature 12 (GM0363): …"
    /// or "file: …" (the one format of input problems and input errors).
    public static func located(_ message: String, file: String, line: Int?, feature: String?) -> String {
        if let line { return "\(file):\(line): \(message)" }
        if let feature { return "\(file): feature \(feature): \(message)" }
        return "\(file): \(message)"
    }
}
