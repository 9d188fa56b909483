import Testing
@testable import RegioDomain

@Suite struct ConflictingRegionNameTests {
    func findings(_ names: [String]) throws -> [Finding] {
        var f = AuditFixture()
        let codes = ["10AA00", "10AA01", "10AA02"]
        for (i, code) in codes.enumerated() { f.school(code, at: Double(i), 0) }
        f.regions = Registration(rows: names.enumerated().map { i, name in
            RegistrationRow(regionID: "STO19001", regionName: name, schoolCode: codes[i], role: i == 0 ? .lead : .member, line: i + 2)
        }).regions
        return try f.audit().rules(.conflictingRegionName)
    }

    @Test func oneIdWithTwoNamesIsReported() throws {
        let found = try findings(["Noord", "Noord", "Zuid"])
        #expect(found.map(\.regions) == [["STO19001"]])
        #expect(found.first?.severity == .warning)
        #expect(found.first?.message.contains("'Noord', 'Zuid'") == true)
        #expect(found.first?.value == 2)
    }

    @Test func repeatedAndEmptyNamesAreNotAConflict() throws {
        #expect(try findings(["Noord", "", "Noord"]).isEmpty)
        #expect(try findings(["", "Noord", "Noord"]).isEmpty)
    }

    @Test func theFirstNonEmptyNameIsTheRegionsName() {
        let registration = Registration(rows: [
            RegistrationRow(regionID: "STO19001", regionName: "", schoolCode: "10AA00", role: .lead, line: 2),
            RegistrationRow(regionID: "STO19001", regionName: "Noord", schoolCode: "10AA01", role: .member, line: 3),
            RegistrationRow(regionID: "STO19001", regionName: "Zuid", schoolCode: "10AA02", role: .member, line: 4),
        ])
        #expect(registration.regions.map(\.name) == ["Noord"])
        #expect(registration.regions.map(\.otherNames) == [["Zuid"]])
    }
}
