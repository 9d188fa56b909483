import Testing
@testable import RegioDomain

@Suite struct MalformedRegionIDTests {
    func findings(_ id: RegionID) throws -> [Finding] {
        var f = AuditFixture()
        f.school("10AA00", at: 0, 0)
        f.region(id, ["10AA00"])
        return try f.audit().rules(.malformedRegionID)
    }

    @Test func anIdOneDigitShortIsReportedWithWhatIsWrong() throws {
        let found = try findings("STO1901")
        #expect(found.map(\.regions) == [["STO1901"]])
        #expect(found.first?.severity == .error)
        #expect(found.first?.message.contains("4 digits after STO") == true)
    }

    @Test func otherMalformedIds() throws {
        #expect(try findings("STO190011").count == 1)
        #expect(try findings("sto19001").count == 1)
        #expect(try findings("STO19O01").first?.message.contains("'O' after STO is not a digit") == true)
        #expect(try findings("19001").count == 1)
    }

    @Test func aWellFormedIdIsNotReported() throws {
        #expect(try findings("STO19001").isEmpty)
        #expect(try findings("STO00000").isEmpty)
    }
}
