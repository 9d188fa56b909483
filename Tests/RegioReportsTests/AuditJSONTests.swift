import Foundation
@testable import RegioDomain
@testable import RegioReports
import Testing

/// ``AuditJSON`` writes by hand what the `Codable` conformances of `Finding` and `RegionFigures` write: the same
/// JSON value, read back as the same values.
@Suite struct AuditJSONTests {
    let findings = [
        Finding(.splitCloseSchools, regions: ["STO19002", "STO19001"], schools: [SchoolCode("00AB01")!, SchoolCode("00AB02")!],
                message: "00AB01 (\"Het\" College, 's-Hertogenbosch) in STO19001 and 00AB02 are 4.9 km apart", value: 4_912.25),
        Finding(.unknownSchool, regions: ["STO19003"], rawSchools: ["x\\y"], message: "lists 'x\\y'\n\ttab é ü </script>"),
        Finding(.enclave, regions: ["STO19001", "STO19004"], schools: [SchoolCode("00AB03")!], message: "enclave", subject: "STO19004"),
        Finding(.overlappingRegions, regions: ["STO19001", "STO19002"], message: "overlap", value: 3000),
        Finding(.techniekarm, regions: ["STO19005"], message: "\u{1}control", value: 0.0849),
    ]

    @Test func readsBackAsTheSameFindingsInTheEncodersKeyOrder() throws {
        var bytes: [UInt8] = []
        AuditJSON.append(findings, to: &bytes)
        let decoded = try JSONDecoder().decode([Finding].self, from: Data(bytes))
        #expect(decoded == findings)
        #expect(decoded.map(\.subjectRegion) == findings.map(\.subjectRegion))
        // The same JSON value as the encoder's: the same members (absent optionals left out), the same values.
        let ours = try JSONSerialization.jsonObject(with: Data(bytes)) as? NSArray
        let theirs = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(findings)) as? NSArray
        #expect(ours != nil && ours == theirs)
    }

    @Test func regionFiguresReadBackAsTheSameValue() throws {
        let full = RegionFigures(id: "STO19001", name: "Noord \"Oost\" é", lead: "00AB01", schools: ["00AB01", "00AB02"],
                                 technicalSchools: ["00AB01"], countedStudents: 812, technicalStudents: 95, technicalShare: 95.0 / 812,
                                 techniekarm: false, budgetEUR: 95 * 8_000, budgetRangeEUR: nil, studentsPerProfile: ["BWI": 40, "PIE": 55, "Z&W": 300],
                                 studentsPerTrack: ["BB": 200, "TL": 12], territoryAreaSquareKilometers: 182.4,
                                 municipalities: ["GM0106", "GM0114"])
        let bare = RegionFigures(id: "STO19002", name: "Leeg", lead: nil, schools: [], technicalSchools: [], countedStudents: 0,
                                 technicalStudents: 0, technicalShare: nil, techniekarm: true, budgetEUR: nil, budgetRangeEUR: [600_000, 4_000_000], studentsPerProfile: [:],
                                 studentsPerTrack: [:], territoryAreaSquareKilometers: 0, municipalities: [])
        for figures in [full, bare] {
            var bytes: [UInt8] = []
            AuditJSON.append(figures, to: &bytes)
            #expect(try JSONDecoder().decode(RegionFigures.self, from: Data(bytes)) == figures)
            let ours = try JSONSerialization.jsonObject(with: Data(bytes)) as? NSDictionary
            let theirs = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(figures)) as? NSDictionary
            #expect(ours != nil && ours == theirs, "\(String(decoding: bytes, as: UTF8.self))")
        }
    }

    @Test func emptyListIsAnEmptyArray() {
        var empty: [UInt8] = []
        AuditJSON.append([Finding](), to: &empty)
        #expect(String(decoding: empty, as: UTF8.self) == "[]")
    }
}
