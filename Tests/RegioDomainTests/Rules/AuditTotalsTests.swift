import Testing
@testable import RegioDomain

@Suite struct AuditTotalsTests {
    /// Two regions list 10AA01; STO19003 is techniekarm.
    func fixture() -> AuditFixture {
        var f = AuditFixture()
        f.settings.budgetPerTechnicalStudentEUR = 1_000
        f.school("10AA00", at: 0, 0, technical: 30, other: 70)
        f.school("10AA01", at: 1, 0, technical: 10, other: 90)
        f.school("10BB00", at: 30, 0, technical: 20, other: 80)
        f.school("10CC00", at: 50, 10, technical: 1, other: 99)
        f.region("STO19001", ["10AA00", "10AA01"]); f.region("STO19002", ["10BB00", "10AA01"]); f.region("STO19003", ["10CC00"])
        return f
    }

    @Test func aSchoolListedTwiceIsCountedOnce() throws {
        let result = try fixture().audit()
        let t = result.totals
        #expect(t.regions == 3 && t.schools == 4)
        #expect(t.countedStudents == 400 && t.technicalStudents == 61)
        // The regions' own figures do count 10AA01 in both.
        #expect(result.regions.map(\.technicalStudents).reduce(0, +) == 71)
        // 10CC00 is in the techniekarm region only: not in the budget of students × amount.
        #expect(t.budgetEUR == 60_000)
        #expect(t.techniekarmRegions == 1 && t.techniekarmBudgetRangeEUR == [600_000, 4_000_000])
    }

    @Test func aTechniekarmRegionHasTheProgrammesRangeNotAnAmount() throws {
        let regions = try fixture().audit().regions
        #expect(regions[2].techniekarm && regions[2].budgetEUR == nil && regions[2].budgetRangeEUR == [600_000, 4_000_000])
        #expect(regions[0].budgetEUR == 40_000 && regions[0].budgetRangeEUR == nil)
    }

    @Test func totalsAfterEditsEqualAFreshAudit() throws {
        var f = fixture()
        let auditor = try f.auditor()
        let known = Set(f.schools.map(\.code))
        var registration = auditor.registration
        for edit: Edit in [.remove(school: SchoolCode("10AA01")!, from: "STO19002"), .add(school: SchoolCode("10CC00")!, to: "STO19001"),
                           .move(school: SchoolCode("10AA00")!, to: "STO19003"), .merge(regions: ["STO19001", "STO19002"], into: "STO19001")] {
            registration = try registration.applying([edit], knownSchools: known)
            try auditor.update(to: registration)
            f.regions = registration.regions
            #expect(auditor.result.totals == (try f.auditor()).result.totals, "after \(edit)")
        }
    }
}
