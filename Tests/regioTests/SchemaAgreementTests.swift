import Foundation
import RegioDomain
import Testing

/// The enumerations of the published schemas (`docs/schema`) are the code's: every rule id with its
/// severity, the severities, the settings, the profiles and tracks. A rule or setting added in the code
/// without the schema (or the other way round) fails here.
@Suite struct SchemaAgreementTests {
    /// `$defs[name]` of an audit-schema-like document.
    func definition(_ schema: [String: Any], _ name: String) throws -> [String: Any] {
        try #require((schema["$defs"] as? [String: Any])?[name] as? [String: Any], "$defs/\(name)")
    }

    @Test func everyRuleWithItsSeverity() throws {
        let audit = try SchemaValidation.schema("audit.schema.json")
        let rules = try #require(try definition(audit, "rule")["enum"] as? [String])
        #expect(rules == Rule.allCases.map(\.rawValue))
        #expect(try definition(audit, "severity")["enum"] as? [String] == Severity.allCases.map(\.rawValue))
        // Each `if rule in [...] then severity = ...` of the finding.
        let conditions = try #require(try definition(audit, "finding")["allOf"] as? [[String: Any]])
        var severityOf: [String: String] = [:]
        for condition in conditions {
            let ruleEnum = ((condition["if"] as? [String: Any])?["properties"] as? [String: Any])?["rule"] as? [String: Any]
            let severity = ((condition["then"] as? [String: Any])?["properties"] as? [String: Any])?["severity"] as? [String: Any]
            let ids = try #require(ruleEnum?["enum"] as? [String]), value = try #require(severity?["const"] as? String)
            for id in ids {
                #expect(severityOf[id] == nil, "\(id) is in two severity groups")
                severityOf[id] = value
            }
        }
        #expect(severityOf == Dictionary(uniqueKeysWithValues: Rule.allCases.map { ($0.rawValue, $0.severity.rawValue) }))
    }

    @Test func everySettingProfileAndTrack() throws {
        let audit = try SchemaValidation.schema("audit.schema.json")
        let settings = try definition(audit, "settings")
        #expect(Set(try #require(settings["required"] as? [String])) == Set(AuditSettings.keys))
        #expect(Set(try #require((settings["properties"] as? [String: Any])?.keys)) == Set(AuditSettings.keys))
        let figures = try #require(try definition(audit, "regionFigures")["properties"] as? [String: Any])
        func names(_ member: String) -> [String]? {
            ((figures[member] as? [String: Any])?["propertyNames"] as? [String: Any])?["enum"] as? [String]
        }
        #expect(names("studentsPerProfile") == Profile.allCases.map(\.rawValue))
        #expect(names("studentsPerTrack") == Track.allCases.map(\.rawValue))
    }

    /// Each schema names the draft, has an `$id` ending in its file name, and every `$ref` to another file
    /// names one that exists.
    @Test func theFilesAndTheirReferences() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: SchemaValidation.folder.path).filter { $0.hasSuffix(".schema.json") }
        #expect(Set(files) == ["audit.schema.json", "catchments.schema.json", "compare.schema.json", "export.schema.json",
                               "scenario.schema.json", "serve-state.schema.json"])
        for file in files {
            let schema = try SchemaValidation.schema(file)
            #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema", "\(file)")
            #expect((schema["$id"] as? String)?.hasSuffix("/" + file) == true, "\(file)")
            let text = try String(contentsOf: SchemaValidation.folder.appendingPathComponent(file), encoding: .utf8)
            for match in text.matches(of: /"\$ref": "([a-z-]+\.schema\.json)/) {
                #expect(files.contains(String(match.1)), "\(file) refers to \(match.1)")
            }
        }
    }
}
