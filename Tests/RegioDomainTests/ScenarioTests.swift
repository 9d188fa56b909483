import Foundation
import Testing
@testable import RegioDomain

@Suite struct ScenarioTests {
    let a = SchoolCode("10AA00")!, b = SchoolCode("10AA01")!, c = SchoolCode("10BB00")!, d = SchoolCode("10BB01")!
    var known: Set<SchoolCode> { [a, b, c, d, SchoolCode("10CC00")!] }
    var base: Registration {
        Registration(regions: [Region(id: "R1", name: "Een", lead: a, schools: [a, b]),
                               Region(id: "R2", name: "Twee", lead: c, schools: [c, d])])
    }

    @Test func moveTakesTheSchoolOutOfEveryRegionAndDropsItsLead() throws {
        let r = try base.applying([.move(school: a, to: "R2")], knownSchools: known)
        #expect(r["R1"]?.schools == [b] && r["R1"]?.lead == nil)
        #expect(r["R2"]?.schools == [c, d, a])
    }

    @Test func mergeJoinsEverySchoolIntoTheTarget() throws {
        let r = try base.applying([.merge(regions: ["R1", "R2"], into: "R2")], knownSchools: known)
        #expect(r.regions.map(\.id) == ["R2"])
        #expect(Set(r["R2"]!.schools) == [a, b, c, d])
        #expect(r["R2"]?.lead == c)
        let renamed = try base.applying([.merge(regions: ["R1", "R2"], into: "R9")], knownSchools: known)
        #expect(renamed.regions.map(\.id) == ["R9"] && renamed["R9"]?.lead == a)
    }

    @Test func splitMakesANewRegionLedByItsFirstSchool() throws {
        let r = try base.applying([.split(region: "R2", new: "R3", schools: [d])], knownSchools: known)
        #expect(r.regions.map(\.id) == ["R1", "R2", "R3"])
        #expect(r["R2"]?.schools == [c] && r["R3"]?.schools == [d] && r["R3"]?.lead == d)
    }

    @Test func addRemoveAndLead() throws {
        let e = SchoolCode("10CC00")!
        let r = try base.applying([.add(school: e, to: "R1"), .remove(school: b, from: "R1"), .lead(school: e, of: "R1")],
                                  knownSchools: known)
        #expect(r["R1"]?.schools == [a, e] && r["R1"]?.lead == e)
    }

    @Test(arguments: [
        (Edit.move(school: SchoolCode("10AA00")!, to: "R9"), "there is no region R9"),
        (Edit.move(school: SchoolCode("99ZZ99")!, to: "R2"), "99ZZ99 is not in the school register"),
        (Edit.move(school: SchoolCode("10BB00")!, to: "R2"), "10BB00 is already in R2"),
        (Edit.merge(regions: ["R1", "R1"], into: "R1"), "name each region to merge once"),
        (Edit.split(region: "R1", new: "R2", schools: [SchoolCode("10AA00")!]), "region R2 already exists"),
        (Edit.split(region: "R1", new: "R3", schools: [SchoolCode("10BB00")!]), "10BB00 is not in R1"),
        (Edit.split(region: "R1", new: "R3", schools: [SchoolCode("10AA00")!, SchoolCode("10AA00")!]), "10AA00 is named twice"),
        (Edit.add(school: SchoolCode("10AA00")!, to: "R1"), "10AA00 is already in R1"),
        (Edit.remove(school: SchoolCode("10BB00")!, from: "R1"), "10BB00 is not in R1"),
        (Edit.lead(school: SchoolCode("10BB00")!, of: "R1"), "10BB00 is not a member of R1"),
    ])
    func anEditThatCannotApplyNamesItsPositionAndAppliesNothing(edit: Edit, reason: String) {
        let valid = Edit.add(school: SchoolCode("10CC00")!, to: "R1")
        do {
            _ = try base.applying([valid, edit], knownSchools: known)
            Issue.record("expected \(edit) to fail")
        } catch {
            #expect(error.position == 2)
            #expect(error.reason == reason)
            #expect(error.description.hasPrefix("edit 2 ("))
        }
    }

    @Test func scenarioFilesRoundTripInTheDocumentedShape() throws {
        let json = #"{"name": "Noord samen", "edits": [{"move": "10AA00", "to": "R2"}, {"merge": ["R1", "R2"], "into": "R2"}, {"split": "R2", "new": "R3", "schools": ["10BB01"]}, {"add": "10CC00", "to": "R3"}, {"remove": "10CC00", "from": "R3"}, {"lead": "10BB01", "of": "R3"}]}"#
        let scenario = try JSONDecoder().decode(Scenario.self, from: Data(json.utf8))
        #expect(scenario.edits.count == 6)
        let again = try JSONDecoder().decode(Scenario.self, from: JSONEncoder().encode(scenario))
        #expect(again == scenario)
        let r = try base.applying(scenario.edits, knownSchools: known)
        #expect(r.regions.map(\.id) == ["R2", "R3"] && r["R3"]?.lead == SchoolCode("10BB01"))
    }
}
