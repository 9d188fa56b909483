import Foundation
import RegioDomain
import Yams

/// Reads scenario files: JSON (or YAML) `{"name": "...", "edits": [{"move": "00AB01", "to": "STO19007"}, …]}`.
public enum ScenarioReader {
    public static func read(_ path: String, maximumBytes: Int = InputFile.defaultMaximumBytes) throws(InputError) -> Scenario {
        let bytes = try InputFile.bytes(path, maximumBytes: maximumBytes)
        let (utf8, _) = try TextDecoding.utf8(bytes, file: path)
        let text = String(decoding: utf8, as: UTF8.self)
        do {
            if path.lowercased().hasSuffix(".json") {
                return try JSONDecoder().decode(Scenario.self, from: Data(utf8))
            }
            return try YAMLDecoder().decode(Scenario.self, from: text)
        } catch let DecodingError.dataCorrupted(context) {
            throw InputError(.badFormat, file: path, message: "\(location(context.codingPath)): \(context.debugDescription)")
        } catch let DecodingError.keyNotFound(key, context) {
            throw InputError(.badFormat, file: path, message: "\(location(context.codingPath)): missing '\(key.stringValue)'; a scenario is {\"name\": ..., \"edits\": [...]}")
        } catch let DecodingError.typeMismatch(type, context) {
            throw InputError(.badFormat, file: path, message: "\(location(context.codingPath)): expected \(type)")
        } catch {
            throw InputError(.badFormat, file: path, message: "is not a scenario file (JSON or YAML): \(error)")
        }
    }

    /// "edit 3" for a coding path into the edits list, else the dotted path.
    static func location(_ path: [CodingKey]) -> String {
        if path.count >= 2, path[0].stringValue == "edits", let i = path[1].intValue { return "edit \(i + 1)" }
        return path.isEmpty ? "the file" : path.map(\.stringValue).joined(separator: ".")
    }

    /// Writes a scenario as pretty JSON.
    public static func json(_ scenario: Scenario) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(scenario)) ?? Data(), as: UTF8.self) + "\n"
    }
}
