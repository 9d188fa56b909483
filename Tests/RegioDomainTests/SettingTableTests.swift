import Foundation
import Testing
@testable import RegioDomain

/// The one table of settings: defaults inside their ranges, values read from text with units in the errors, and
/// the same table behind decoding and encoding.
@Suite struct SettingTableTests {
    @Test func everyDefaultLiesInItsRangeAndEveryKeyIsOnce() throws {
        try AuditSettings().validate()
        #expect(Set(AuditSettings.keys).count == AuditSettings.table.count)
        let defaults = AuditSettings()
        for setting in AuditSettings.table {
            var settings = defaults
            try setting.parse(setting.text(in: defaults), into: &settings)
            #expect(settings == defaults, "\(setting.key) reads back its own text")
        }
    }

    @Test func valuesAreReadWithTheirUnitAndRange() throws {
        let distance = try #require(AuditSettings.setting("closeByDistanceMeters"))
        var settings = AuditSettings()
        try distance.parse("2500", into: &settings)
        #expect(settings.closeByDistanceMeters == 2500)
        #expect(throws: SettingError(key: "closeByDistanceMeters", got: "3 km", expected: "a positive number of metres up to 100,000")) {
            try distance.parse("3 km", into: &settings)
        }
        for bad in ["-5", "0", ".inf", "inf", "nan", "1e300", "0x10", ""] {
            #expect(throws: SettingError.self, "\(bad)") { try distance.parse(bad, into: &settings) }
        }
        let schools = try #require(AuditSettings.setting("minimumTechnicalSchools"))
        #expect(throws: SettingError.self) { try schools.parse("2.5", into: &settings) }
        try schools.parse("0", into: &settings)
        #expect(settings.minimumTechnicalSchools == 0)
        #expect(AuditSettings.setting("techniekarmShareBelow")?.expectation == "a fraction from 0 to 1 (0.1 = 10 %)")
        #expect(AuditSettings.setting("budgetPerTechnicalStudentEUR")?.expectation == "an amount in EUR from 0 to 1,000,000")
        #expect(AuditSettings.setting("countTechnicalRoutes")?.expectation == "true or false")
    }

    @Test func decodingGoesThroughTheTableAndValidates() throws {
        let decoded = try JSONDecoder().decode(AuditSettings.self, from: Data(#"{"fragmentGapMeters": 30000}"#.utf8))
        #expect(decoded.fragmentGapMeters == 30_000 && decoded.closeByDistanceMeters == 5_000)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(AuditSettings.self, from: Data(#"{"territoryBufferMeters": -5}"#.utf8))
        }
        let encoded = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(AuditSettings())) as? [String: Any]
        #expect(Set(encoded?.keys.map { $0 } ?? []) == Set(AuditSettings.keys))
        #expect(try JSONDecoder().decode(AuditSettings.self, from: try JSONEncoder().encode(decoded)) == decoded)
    }
}
