import Foundation
import Testing
@testable import RegioDomain

/// Finding messages in both languages: the wording is made per language from the finding's data, with numbers,
/// plurals and lists as each language writes them.
@Suite struct FindingMessageLanguageTests {
    @Test func countsAreSingularOrPluralInBothLanguages() {
        let one = UndersizedRegion.Message(region: "STO19001", measure: .technicalSchools, count: 1, minimum: 2)
        #expect(one.text(in: .en).hasPrefix("STO19001 has 1 school with technical profiles, fewer than 2"))
        #expect(one.text(in: .nl).hasPrefix("STO19001 heeft 1 school met technische profielen, minder dan 2"))
        let none = UndersizedRegion.Message(region: "STO19001", measure: .technicalSchools, count: 0, minimum: 2)
        #expect(none.text(in: .en).contains("has 0 schools with"))
        #expect(none.text(in: .nl).contains("heeft 0 scholen met"))
        let students = UndersizedRegion.Message(region: "STO19001", measure: .technicalStudents, count: 1_234, minimum: 2_000)
        #expect(students.text(in: .en) == "STO19001 has 1,234 technical students, fewer than the minimum 2,000")
        #expect(students.text(in: .nl) == "STO19001 heeft 1.234 technische leerlingen, minder dan het minimum van 2.000")
        #expect(MissingLead.Message(region: "STO19001", name: "Noord", listed: 1).text(in: .en).contains("lists 1 school but"))
        #expect(MissingLead.Message(region: "STO19001", name: "Noord", listed: 3).text(in: .nl).contains("noemt 3 scholen maar"))
    }

    @Test func noAllTwoSchools() {
        func text(_ members: Int, _ language: Language) -> String {
            PartOfLargerArea.Message(region: "STO19009", members: members, area: "C09", partners: ["STO19005", "STO19007"]).text(in: language)
        }
        #expect(text(1, .en).hasPrefix("the one school of STO19009 lies in catchment area C09"))
        #expect(text(2, .en).hasPrefix("both schools of STO19009 lie in"))
        #expect(text(1_200, .en).hasPrefix("all 1,200 schools of STO19009 lie in"))
        #expect(text(2, .nl).hasPrefix("beide scholen van STO19009 liggen in verzorgingsgebied C09"))
        #expect(text(5, .nl).hasPrefix("alle 5 scholen van STO19009 liggen in"))
        #expect(text(2, .en).contains("technical schools of STO19005 and STO19007: merge candidate"))
        #expect(text(2, .nl).contains("technische scholen van STO19005 en STO19007 liggen"))
    }

    @Test func distancesSharesAndAreasFollowTheLanguage() {
        let pair = SplitCloseSchools.Message(first: "00AB01 (A, Emmen)", firstRegion: "STO19001", second: "00AB02 (B, Emmen)",
                                             secondRegion: "STO19002", distanceMeters: 2_450, limitMeters: 5_000)
        #expect(pair.text(in: .en).contains("are 2.5 km apart (close-by distance 5.0 km)"))
        #expect(pair.text(in: .nl).contains("liggen 2,5 km uit elkaar (nabijheidsafstand 5,0 km)"))
        #expect(SplitCloseSchools.Message(first: "a", firstRegion: "R1", second: "b", secondRegion: "R2", distanceMeters: 850,
                                          limitMeters: 5_000).text(in: .nl).contains("liggen 850 m uit elkaar"))
        let poor = Techniekarm.Message(region: "STO19010", share: 0.0849, counted: 1_234, threshold: 0.1)
        #expect(poor.text(in: .en) == "STO19010 is techniekarm: 8.5 % of its 1,234 counted students are in a technical profile (below 10.0 %)")
        #expect(poor.text(in: .nl) == "STO19010 is techniekarm: 8,5 % van de 1.234 getelde leerlingen zit in een technisch profiel (onder 10,0 %)")
        let overlap = OverlappingRegions.Message(first: "A", second: "B", overlapSquareKilometers: 27.46, toleranceSquareKilometers: 1)
        #expect(overlap.text(in: .nl).contains("overlappen 27,5 km² (randtolerantie 1,0 km²)"))
    }

    @Test func aFindingWritesItsMessageInEveryLanguageAndComparesByData() {
        let message = SchoolInMultipleRegions.Message(school: "00AB01 (A, Emmen)", regions: ["STO19001", "STO19002", "STO19003"])
        let finding = Finding(.schoolInMultipleRegions, regions: ["STO19001", "STO19002", "STO19003"], message: message)
        #expect(finding.message == "00AB01 (A, Emmen) is listed by STO19001, STO19002 and STO19003: a school takes part in one region only")
        #expect(finding.message(in: .nl) == "00AB01 (A, Emmen) staat bij STO19001, STO19002 en STO19003: een school neemt maar aan één regio deel")
        let same = Finding(.schoolInMultipleRegions, regions: ["STO19001", "STO19002", "STO19003"], message: message)
        let other = Finding(.schoolInMultipleRegions, regions: ["STO19001", "STO19002", "STO19003"],
                            message: SchoolInMultipleRegions.Message(school: "00AB01 (A, Assen)", regions: ["STO19001"]))
        #expect(finding == same && finding != other)
        // A message read back from JSON is fixed text.
        #expect(Finding(.enclave, regions: ["STO19001"], message: "as written").message(in: .nl) == "as written")
    }

    @Test func malformedCodesAndRegionIDsAreExplainedInDutch() {
        #expect(SchoolCode.diagnosis("02VJ0O", in: .nl) == "teken 6 is de letter 'O' waar een cijfer verwacht wordt (2 cijfers, 2 letters, 2 cijfers, zoals 00AB01): het cijfer 0?")
        #expect(SchoolCode.diagnosis("XX12", in: .nl) == "het heeft 4 tekens, verwacht 6 (2 cijfers, 2 letters, 2 cijfers, zoals 00AB01)")
        #expect(SchoolCode.diagnosis("02VJ0O") == "character 6 is the letter 'O' where a digit is expected (2 digits, 2 letters, 2 digits, like 00AB01): the digit 0?")
        #expect(RegionID.problem("STO1901", in: .nl) == "het heeft 4 cijfers na STO")
        #expect(RegionID.problem("STO1", in: .en) == "it has 1 digit after STO")
    }

    @Test func budgetsInBothLanguages() {
        let totals = AuditTotals(regions: 3, schools: 10, countedStudents: 1_000, technicalStudents: 300, budgetEUR: 2_199_000,
                                 techniekarmRegions: 2)
        #expect(BudgetText.totals(totals, in: .en) == "€2,199,000, and for the 2 techniekarm regions €1,200,000–8,000,000 for four years")
        #expect(BudgetText.totals(totals, in: .nl) == "€ 2.199.000, en voor de 2 techniekarme regio's € 1.200.000–8.000.000 voor vier jaar")
    }

    /// The method sentences: JSON holds the text of the encoder's language, and reads back as that text.
    @Test func aMethodIsWrittenInTheEncodersLanguage() throws {
        let method = TerritoryBuilder.method(AuditSettings())
        #expect(method.en.hasPrefix("territory = convex hull of each group of member schools"))
        #expect(method.nl.hasPrefix("gebied = convex omhulsel van elke groep scholen van de regio"))
        let encoder = JSONEncoder()
        encoder.userInfo[Language.codingKey] = Language.nl
        let dutch = try encoder.encode(AuditResult.Methods(territory: method, catchment: AuditResult.Methods.noCatchments))
        let read = try JSONDecoder().decode([String: String].self, from: dutch)
        #expect(read == ["territory": method.nl, "catchment": "geen verzorgingsgebieden berekend"])
        let back = try JSONDecoder().decode(AuditResult.Methods.self, from: dutch)
        #expect(back.territory.text(in: .en) == method.nl, "text read back reads the same in every language")
        let english = try JSONDecoder().decode([String: String].self, from: JSONEncoder().encode(back))
        #expect(english["catchment"] == "geen verzorgingsgebieden berekend")
        #expect(try JSONDecoder().decode([String: String].self, from: JSONEncoder().encode(
            AuditResult.Methods(territory: method, catchment: AuditResult.Methods.noCatchments)))["territory"] == method.en)
    }
}
