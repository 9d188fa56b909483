import Testing
@testable import RegioDomain

@Suite struct MissingLeadTests {
    func rows(_ roles: [(String, RegistrationRow.Role)]) -> Registration {
        Registration(rows: roles.enumerated().map { i, entry in
            RegistrationRow(regionID: "STO19001", regionName: "Noord", schoolCode: entry.0, role: entry.1, line: i + 2)
        })
    }

    @Test func aRegionOfMembersOnlyHasNoLead() throws {
        var f = AuditFixture()
        f.school("10AA00", at: 0, 0); f.school("10AA01", at: 1, 0)
        f.regions = rows([("10AA00", .member), ("10AA01", .member)]).regions
        let found = try f.audit().rules(.missingLead)
        #expect(found.map(\.regions) == [["STO19001"]])
        #expect(found.first?.severity == .error)
        #expect(found.first?.message.contains("penvoerder") == true)
    }

    @Test func aLeadRowWithAMalformedCodeStillNamesALead() throws {
        var f = AuditFixture()
        f.school("10AA00", at: 0, 0)
        f.regions = rows([("10AA0", .lead), ("10AA00", .member)]).regions
        let result = try f.audit()
        #expect(result.rules(.missingLead).isEmpty)
        #expect(result.rules(.unknownSchool).map(\.schools) == [["10AA0"]])
    }

    @Test func anEmptyRegionIsEmptyNotLeaderless() throws {
        var f = AuditFixture()
        f.school("10AA00", at: 0, 0)
        f.regions = rows([("", .member)]).regions
        let result = try f.audit()
        #expect(result.rules(.missingLead).isEmpty)
        #expect(result.rules(.emptyRegion).count == 1)
    }

    @Test func removingTheLeadInAScenarioLeavesTheRegionWithoutOneAsAFreshAuditSays() throws {
        var f = AuditFixture()
        f.school("10AA00", at: 0, 0); f.school("10AA01", at: 1, 0)
        f.region("STO19001", lead: "10AA00", ["10AA00", "10AA01"])
        let auditor = try f.auditor()
        #expect(auditor.result.findings.filter { $0.rule == .missingLead }.isEmpty)
        let edited = try auditor.registration.applying([.remove(school: SchoolCode("10AA00")!, from: "STO19001")],
                                                       knownSchools: Set(f.schools.map(\.code)))
        try auditor.update(to: edited)
        f.regions = edited.regions
        #expect(auditor.result.findings.filter { $0.rule == .missingLead }.map(\.regions) == [["STO19001"]])
        #expect(auditor.result.findings == (try f.auditor()).result.findings)
    }
}
