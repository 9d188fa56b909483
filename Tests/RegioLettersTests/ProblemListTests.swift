@testable import RegioDomain
@testable import RegioLetters
import Testing

/// A letter's list of problems: errors first, close-by pairs grouped per partner region with their count and
/// the closest pair, in both languages.
struct ProblemListTests {
    let names = LetterNames(regions: [], schools: [])

    func pair(_ a: String, _ b: String, with partner: RegionID, metres: Double) -> Finding {
        Finding(.splitCloseSchools, regions: ["STO19001", partner], rawSchools: [a, b], message: "pair \(a) \(b)", value: metres)
    }

    var findings: [Finding] {
        [pair("10AA01", "20BB01", with: "STO19002", metres: 3_000),
         pair("10AA02", "20BB02", with: "STO19002", metres: 420),
         Finding(.overlappingRegions, regions: ["STO19001", "STO19003"], message: "overlap 3"),
         pair("10AA03", "30CC01", with: "STO19003", metres: 2_500),
         pair("10AA04", "20BB03", with: "STO19002", metres: 1_900),
         Finding(.unknownSchool, regions: ["STO19001"], rawSchools: ["99ZZ99"], message: "unknown 99ZZ99"),
         Finding(.techniekarm, regions: ["STO19001"], message: "techniekarm", value: 0.05),
         // Not about this region: left out.
         Finding(.splitCloseSchools, regions: ["STO19002", "STO19003"], rawSchools: ["20BB01", "30CC01"], message: "other", value: 10)]
    }

    func lines(_ language: Language) -> [ProblemLine] {
        ProblemList.lines(region: "STO19001", findings: findings, names: names, wording: LetterWording(language: language),
                          settings: AuditSettings(), message: \.message)
    }

    @Test func errorsComeFirstAndCloseByPairsTakeOneLinePerPartner() {
        let lines = lines(.en)
        #expect(lines.map(\.severity) == [.error, .warning, .warning, .warning, .info])
        #expect(lines[0].text == "Unknown 99ZZ99", "a message starts a sentence")
        #expect(lines[1].text == "With region STO19002: 3 pairs of schools within 5.0 km of each other in different regions; the closest pair: 10AA02 and 20BB02, 420 m apart.")
        #expect(lines[2].text == "Overlap 3")
        #expect(lines[3].text == "With region STO19003: 1 pair of schools within 5.0 km of each other in different regions: 10AA03 and 30CC01, 2.5 km apart.")
        #expect(lines[4].rule == .techniekarm)
    }

    @Test func dutchCountsAndDistances() {
        let lines = lines(.nl)
        #expect(lines[1].text == "Met regio STO19002: 3 paren scholen binnen 5,0 km van elkaar in verschillende regio's; het dichtste paar: 10AA02 en 20BB02, 420 m uit elkaar.")
        #expect(lines[3].text.hasPrefix("Met regio STO19003: 1 paar scholen"))
    }
}
