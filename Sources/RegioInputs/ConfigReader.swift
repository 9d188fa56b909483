import Foundation
import RegioDomain
import Yams

/// Reads ``AuditSettings`` from a JSON or YAML file (YAML also reads JSON). Unknown keys are errors, so a typo
/// never silently keeps a default; every value is checked against its setting's unit and range
/// (``AuditSettings/table``).
///
/// A settings file is one flat mapping of names to numbers, true/false, or a language (`language: nl`). The document is composed into nodes
/// (libyaml limits their nesting to 1,000 levels) and only its top level is read: aliases are never expanded
/// into values, so an alias bomb (anchors referring to anchors, growing exponentially) costs no more than its
/// text, and a value that is a list or mapping, through an alias or not, is refused.
public enum ConfigReader {
    /// A settings file holds some twenty lines: anything larger is not one.
    public static let maximumBytes = 1_000_000

    public static func read(_ path: String) throws(InputError) -> AuditSettings {
        let bytes = try InputFile.bytes(path, maximumBytes: maximumBytes)
        let (utf8, _) = try TextDecoding.utf8(bytes, file: path)
        let text = String(decoding: utf8, as: UTF8.self)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            // The parser quotes the offending line, which a hostile file can make megabytes long.
            let reason = String("\(error)".split(separator: "\n").first ?? "").prefix(200)
            throw InputError(.badFormat, file: path, message: "is neither JSON nor YAML: \(reason)")
        }
        guard let mapping = root?.mapping else {
            throw InputError(.badFormat, file: path, message: "expected a mapping of setting names to values, like {\"closeByDistanceMeters\": 5000}")
        }
        var settings = AuditSettings()
        var seen: Set<String> = []
        for (keyNode, valueNode) in mapping {
            guard case .scalar(let key) = keyNode else {
                throw InputError(.badFormat, file: path, line: line(of: keyNode),
                                 message: "a setting name is \(kind(of: keyNode)), expected a name like closeByDistanceMeters")
            }
            guard let setting = AuditSettings.setting(key.string) else {
                throw InputError(.badValue, file: path, line: line(of: keyNode),
                                 message: "unknown setting '\(key.string)'; known settings: \(AuditSettings.keys.joined(separator: ", ")) (see `regio config`)")
            }
            guard seen.insert(setting.key).inserted else {
                throw InputError(.badValue, file: path, line: line(of: keyNode),
                                 message: "setting '\(setting.key)' is given twice; give each setting once")
            }
            do throws(SettingError) {
                guard case .scalar(let value) = valueNode else { throw setting.failure(got: kind(of: valueNode)) }
                try setting.parse(value.string, into: &settings)
            } catch {
                throw InputError(.badValue, file: path, line: line(of: valueNode), message: error.description)
            }
        }
        return settings
    }

    /// The 1-based line of a node, when known.
    private static func line(of node: Node) -> Int? { node.mark.map(\.line) }

    /// "a list", "a mapping" (for messages).
    private static func kind(of node: Node) -> String {
        switch node {
        case .scalar(let scalar): scalar.string
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }
}
