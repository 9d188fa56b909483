import Foundation
import RegioDomain
import Yams

/// Reads ``AuditSettings`` from a JSON or YAML file (by extension; `.json` is JSON, anything else YAML,
/// which also reads JSON). Unknown keys are errors, so a typo never silently keeps a default.
public enum ConfigReader {
    public static func read(_ path: String) throws(InputError) -> AuditSettings {
        let bytes = try InputFile.bytes(path)
        let (utf8, _) = try TextDecoding.utf8(bytes, file: path)
        let text = String(decoding: utf8, as: UTF8.self)
        let object: Any?
        do {
            if let key = try Yams.compose(yaml: text).flatMap(YAMLMappingKeys.firstNonScalar) {
                throw InputError(.badFormat, file: path, line: key.mark.map(\.line),
                                 message: "a setting name is \(YAMLMappingKeys.kind(of: key)), expected a name like closeByDistanceMeters")
            }
            object = try Yams.load(yaml: text)
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError(.badFormat, file: path, message: "is neither JSON nor YAML: \(error)")
        }
        guard let dictionary = object as? [String: Any] else {
            throw InputError(.badFormat, file: path, message: "expected a mapping of setting names to values, like {\"closeByDistanceMeters\": 5000}")
        }
        let known = Set(AuditSettings.keys)
        if let unknown = dictionary.keys.sorted().first(where: { !known.contains($0) }) {
            throw InputError(.badValue, file: path,
                             message: "unknown setting '\(unknown)'; known settings: \(AuditSettings.keys.joined(separator: ", ")) (see `regio config`)")
        }
        do {
            return try YAMLDecoder().decode(AuditSettings.self, from: text)
        } catch let DecodingError.typeMismatch(type, context) {
            let key = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw InputError(.badValue, file: path, message: "setting '\(key)' = \(String(describing: dictionary[key] ?? "?")) is not a \(type)")
        } catch {
            throw InputError(.badFormat, file: path, message: "cannot read the settings: \(error)")
        }
    }
}
