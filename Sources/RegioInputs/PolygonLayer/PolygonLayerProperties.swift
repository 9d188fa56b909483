import Foundation

/// An attribute value of a map feature: a GeoJSON property or a GeoPackage column.
enum FeatureValue: Equatable, CustomStringConvertible {
    case text(String)
    case integer(Int64)
    case real(Double)
    case null
    /// An array, object or boolean, described as text.
    case other(String)

    /// As written in a message: `'GM0363'`, `363`, `null`.
    var description: String {
        switch self {
        case .text(let s): return "'\(s)'"
        case .integer(let i): return String(i)
        case .real(let d): return String(d)
        case .null: return "null"
        case .other(let s): return s
        }
    }
}

/// The properties (attributes) of one feature, looked up by exact name first, then ignoring case.
struct FeatureProperties {
    /// In file order, for messages listing what is present.
    let names: [String]
    private let values: [String: FeatureValue]

    init(_ pairs: [(String, FeatureValue)]) {
        names = pairs.map(\.0)
        var values: [String: FeatureValue] = [:]
        for (name, value) in pairs where values[name] == nil { values[name] = value }
        self.values = values
    }

    /// The value of `name` and the name as spelled in the file; `nil` when absent.
    func lookup(_ name: String) -> (name: String, value: FeatureValue)? {
        if let value = values[name] { return (name, value) }
        let lower = name.lowercased()
        guard let actual = names.first(where: { $0.lowercased() == lower }), let value = values[actual] else {
            return nil
        }
        return (actual, value)
    }
}

/// Finding a feature's code (a CBS municipality code such as `GM0363`, or a postcode) and name among its
/// properties.
enum FeatureIdentity {
    /// The default id property (CBS/PDOK `statcode`, e.g. `GM0363`).
    static let defaultIDField = "statcode"
    /// Tried in this order when the id field is the default and the feature has no `statcode`.
    static let fallbackIDFields = ["gemcode", "code", "GM_CODE"]
    /// Fields whose 4-digit values are CBS municipality numbers and get the `GM` prefix.
    static let numberFields: Set<String> = ["gemcode", "code"]
    /// Tried in this order when the name field is the default and the feature has no `statnaam`.
    static let defaultNameField = "statnaam"
    static let fallbackNameFields = ["gemnaam", "naam", "name", "GM_NAAM"]

    /// The municipality code of the feature at `index`; throws when no id property holds a usable value.
    static func code(in properties: FeatureProperties, idField: String, file: String,
                     index: Int) throws(InputError) -> String {
        let candidates = idField == defaultIDField ? [idField] + fallbackIDFields : [idField]
        guard let (name, value) = candidates.lazy.compactMap(properties.lookup).first else {
            let present = properties.names.isEmpty ? "none" : properties.names.joined(separator: ", ")
            let tried = candidates.joined(separator: ", ")
            throw InputError(.missingColumn, file: file, feature: String(index),
                             message: "no id property (tried \(tried)); the feature's properties are: \(present)")
        }
        let isNumberField = numberFields.contains(name.lowercased())
        switch value {
        case .text(let raw):
            let text = raw.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else {
                throw InputError(.badValue, file: file, feature: String(index),
                                 message: "id property \(name) is empty, expected a municipality code such as GM0363")
            }
            if isNumberField, text.count == 4, text.allSatisfy({ $0.isASCII && $0.isNumber }) { return "GM" + text }
            return text
        case .integer(let number) where number >= 0:
            if isNumberField, number < 10_000 { return "GM" + String(format: "%04lld", number) }
            return String(number)
        default:
            throw InputError(.badValue, file: file, feature: String(index),
                             message: "id property \(name) is \(value), expected a municipality code such as GM0363")
        }
    }

    /// The municipality name, or `nil` when no name property holds text.
    static func name(in properties: FeatureProperties, nameField: String) -> String? {
        let candidates = nameField == defaultNameField ? [nameField] + fallbackNameFields : [nameField]
        for candidate in candidates {
            switch properties.lookup(candidate)?.value {
            case .text(let text) where !text.trimmingCharacters(in: .whitespaces).isEmpty:
                return text.trimmingCharacters(in: .whitespaces)
            case .integer(let number): return String(number)
            default: continue
            }
        }
        return nil
    }

    /// The value of the numeric property `field` (such as `inwoners`): `nil` when it is null; throws when
    /// the feature has no such property or its value is not a number of at least 0.
    static func measure(in properties: FeatureProperties, field: String, file: String,
                        feature: String) throws(InputError) -> Double? {
        guard let (name, value) = properties.lookup(field) else {
            let present = properties.names.isEmpty ? "none" : properties.names.joined(separator: ", ")
            throw InputError(.missingColumn, file: file, feature: feature,
                             message: "no property \(field); the feature's properties are: \(present)")
        }
        let number: Double?
        switch value {
        case .null: return nil
        case .integer(let i): number = Double(i)
        case .real(let d): number = d
        case .text(let t): number = Double(t.trimmingCharacters(in: .whitespaces))
        case .other: number = nil
        }
        guard let number, number.isFinite, number >= 0 else {
            throw InputError(.badValue, file: file, feature: feature,
                             message: "property \(name) is \(value), expected a number of at least 0")
        }
        return number
    }

    /// Whether `code` has the CBS form `GM` + 4 digits.
    static func isCBSCode(_ code: String) -> Bool {
        let utf8 = Array(code.utf8)
        return utf8.count == 6 && utf8[0] == UInt8(ascii: "G") && utf8[1] == UInt8(ascii: "M")
            && utf8[2...].allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }
}
