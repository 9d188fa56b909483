import Foundation

/// One setting of ``AuditSettings``: its key, its unit, the range it must lie in and a one-line explanation.
/// A value is read from text (``parse(_:into:)``) and checked against the range (``check(_:)``); the errors say
/// what was expected in words with units ("closeByDistanceMeters must be a positive number of metres up to
/// 100,000, got '3 km'").
public struct Setting: Sendable {
    /// What the number counts or measures.
    public enum Unit: Sendable {
        case metres, squareKilometres, fraction, schools, students, euros, megabytes

        /// The unit as a noun phrase without article ("number of metres").
        var noun: String {
            switch self {
            case .metres: "number of metres"
            case .squareKilometres: "number of km²"
            case .fraction: "fraction"
            case .schools: "whole number of schools"
            case .students: "whole number of students"
            case .euros: "amount in EUR"
            case .megabytes: "number of megabytes"
            }
        }
    }

    /// Where the value lives in ``AuditSettings``.
    enum Access: Sendable {
        case number(WritableKeyPath<AuditSettings, Double> & Sendable)
        case whole(WritableKeyPath<AuditSettings, Int> & Sendable)
        case flag(WritableKeyPath<AuditSettings, Bool> & Sendable)
        case language(WritableKeyPath<AuditSettings, Language> & Sendable)
    }

    /// The name in a config file, e.g. `closeByDistanceMeters`.
    public let key: String
    /// The unit, `nil` for a flag (true or false).
    public let unit: Unit?
    /// The least valid value, and whether it is itself valid (0 is not a valid distance).
    public let minimum: Double
    public let minimumIsValid: Bool
    /// The greatest valid value.
    public let maximum: Double
    /// One line for `regio config`.
    public let explanation: String
    let access: Access

    /// A number greater than `minimum` (exclusive), at most `maximum`.
    init(_ key: String, _ unit: Unit, above minimum: Double, atMost maximum: Double,
         _ path: WritableKeyPath<AuditSettings, Double> & Sendable, _ explanation: String) {
        self.init(key, unit, minimum, false, maximum, .number(path), explanation)
    }

    /// A number from `minimum` to `maximum`, both valid.
    init(_ key: String, _ unit: Unit, from minimum: Double, atMost maximum: Double,
         _ path: WritableKeyPath<AuditSettings, Double> & Sendable, _ explanation: String) {
        self.init(key, unit, minimum, true, maximum, .number(path), explanation)
    }

    /// A whole number from `minimum` to `maximum`.
    init(_ key: String, _ unit: Unit, from minimum: Double, atMost maximum: Double,
         _ path: WritableKeyPath<AuditSettings, Int> & Sendable, _ explanation: String) {
        self.init(key, unit, minimum, true, maximum, .whole(path), explanation)
    }

    /// A flag: true or false.
    init(_ key: String, _ path: WritableKeyPath<AuditSettings, Bool> & Sendable, _ explanation: String) {
        self.init(key, nil, 0, true, 1, .flag(path), explanation)
    }

    /// A language: en or nl (any case).
    init(_ key: String, _ path: WritableKeyPath<AuditSettings, Language> & Sendable, _ explanation: String) {
        self.init(key, nil, 0, true, 1, .language(path), explanation)
    }

    private init(_ key: String, _ unit: Unit?, _ minimum: Double, _ minimumIsValid: Bool, _ maximum: Double,
                 _ access: Access, _ explanation: String) {
        self.key = key
        self.unit = unit
        self.minimum = minimum
        self.minimumIsValid = minimumIsValid
        self.maximum = maximum
        self.access = access
        self.explanation = explanation
    }

    /// What a valid value is, in words: "a positive number of metres up to 100,000", "a fraction from 0 to 1
    /// (0.1 = 10 %)", "true or false".
    public var expectation: String {
        if case .language = access { return Language.allCases.map(\.rawValue).joined(separator: " or ") }
        guard let unit else { return "true or false" }
        let article = unit.noun.first.map { "aeiou".contains($0) } == true ? "an" : "a"
        let range = minimum == 0 && !minimumIsValid
            ? "positive \(unit.noun) up to \(Self.grouped(maximum))"
            : "\(unit.noun) from \(Self.grouped(minimum)) to \(Self.grouped(maximum))"
        let note = unit == .fraction ? " (0.1 = 10 %)" : ""
        return "\(minimum == 0 && !minimumIsValid ? "a" : article) \(range)\(note)"
    }

    /// Sets this setting in `settings` from the text of a config file value.
    /// - Throws: ``SettingError`` naming the key, the text and what was expected.
    public func parse(_ text: String, into settings: inout AuditSettings) throws(SettingError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch access {
        case .flag(let path):
            switch trimmed.lowercased() {
            case "true": settings[keyPath: path] = true
            case "false": settings[keyPath: path] = false
            default: throw failure(got: text)
            }
        case .language(let path):
            guard let language = Language(named: trimmed) else { throw failure(got: text) }
            settings[keyPath: path] = language
        case .number(let path):
            guard let value = Self.number(trimmed), inRange(value) else { throw failure(got: text) }
            settings[keyPath: path] = value
        case .whole(let path):
            guard let value = Self.number(trimmed), value.rounded() == value, inRange(value) else { throw failure(got: text) }
            settings[keyPath: path] = Int(value)
        }
    }

    /// Throws when the value in `settings` is outside the range.
    public func check(_ settings: AuditSettings) throws(SettingError) {
        let value = text(in: settings)
        switch access {
        case .flag, .language: return
        case .number(let path): if !inRange(settings[keyPath: path]) { throw failure(got: value) }
        case .whole(let path): if !inRange(Double(settings[keyPath: path])) { throw failure(got: value) }
        }
    }

    /// The value in `settings` as text ("5000", "0.1", "false").
    public func text(in settings: AuditSettings) -> String {
        switch access {
        case .flag(let path): return "\(settings[keyPath: path])"
        case .language(let path): return settings[keyPath: path].rawValue
        case .whole(let path): return "\(settings[keyPath: path])"
        case .number(let path):
            let text = "\(settings[keyPath: path])"
            return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
        }
    }

    /// The error for a value given as `got`.
    public func failure(got: String) -> SettingError { SettingError(key: key, got: got, expected: expectation) }

    private func inRange(_ value: Double) -> Bool {
        value.isFinite && value <= maximum && (minimumIsValid ? value >= minimum : value > minimum)
    }

    /// A finite decimal number ("5000", "-5", "2.5e3"), or `nil` ("3 km", ".inf", "nan", "0x10", "").
    static func number(_ text: String) -> Double? {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }),
              let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// 100000 → "100,000"; 0.5 → "0.5".
    static func grouped(_ value: Double) -> String {
        guard value == value.rounded(), abs(value) < 1e15 else { return "\(value)" }
        var digits = String(Int(abs(value)))
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits = String(digits.dropLast(3))
        }
        groups.insert(digits, at: 0)
        return (value < 0 ? "-" : "") + groups.joined(separator: ",")
    }
}

/// A setting whose value is not valid: the key, the value as given and what was expected.
public struct SettingError: Error, Sendable, Equatable, CustomStringConvertible {
    public let key: String
    public let got: String
    public let expected: String

    /// "closeByDistanceMeters must be a positive number of metres up to 100,000, got '3 km'".
    public var description: String { "\(key) must be \(expected), got '\(got)'" }
}
