import Testing
@testable import RegioDomain

/// `school-not-placed`, `school-outside-map` and `approximate-location`: the rules about where a listed
/// school lies. The fixture's map covers x −20…60 km, y −20…20 km.
@Suite struct SchoolPlacementRuleTests {
    @Test func aListedSchoolWithoutLocationIsNotPlaced() throws {
        var f = AuditFixture()
        f.school("10AA00", at: 0, 0); f.school("10AA01", at: 0, 0, placement: .unplaced)
        f.region("STO19001", ["10AA00", "10AA01"]); f.region("STO19002", ["10AA01"])
        let found = try f.audit().rules(.schoolNotPlaced)
        #expect(found.map(\.schools) == [["10AA01"]])
        #expect(found.first?.regions == ["STO19001", "STO19002"])
        #expect(found.first?.severity == .error)
    }

    @Test func anUnlistedUnplacedSchoolOrAnUnknownCodeIsNotReportedAsNotPlaced() throws {
        var f = AuditFixture()
        f.school("10AA00", at: 0, 0); f.school("10AA01", at: 0, 0, placement: .unplaced)
        f.region("STO19001", ["10AA00", "99ZZ99"])
        let result = try f.audit()
        #expect(result.rules(.schoolNotPlaced).isEmpty)
        #expect(result.rules(.unknownSchool).map(\.schools) == [["99ZZ99"]])
    }

    @Test func aListedSchoolFarOutsideTheMapIsReportedWithItsDistance() throws {
        var f = AuditFixture()
        f.school("10AA00", at: 0, 0); f.school("10AA01", at: -25, 0)
        f.region("STO19001", ["10AA00", "10AA01"])
        let found = try f.audit().rules(.schoolOutsideMap)
        #expect(found.map(\.schools) == [["10AA01"]])
        #expect(abs((found.first?.value ?? 0) - 5_000) < 1)
        #expect(found.first?.message.contains("5.0 km outside every municipality") == true)
    }

    @Test func aSchoolJustOutsideOrWithinALargerToleranceIsNotReported() throws {
        var f = AuditFixture()
        f.school("10AA00", at: 0, 0); f.school("10AA01", at: -20.5, 0); f.school("10AA02", at: -25, 0)
        f.region("STO19001", ["10AA00", "10AA01"])
        #expect(try f.audit().rules(.schoolOutsideMap).isEmpty, "500 m out is within the 1 km tolerance; 10AA02 is in no region")
        f.region("STO19002", ["10AA02"])
        #expect(try f.audit().rules(.schoolOutsideMap).count == 1)
        f.settings.outsideMapToleranceMeters = 6_000
        #expect(try f.audit().rules(.schoolOutsideMap).isEmpty)
    }

    @Test func aListedSchoolAtItsPostcodeCentroidIsApproximate() throws {
        var f = AuditFixture()
        f.school("10AA00", at: 0, 0); f.school("10AA01", at: 1, 0, placement: .postcodeCentroid)
        f.school("10AA02", at: 2, 0, placement: .postcodeCentroid)
        f.region("STO19001", ["10AA00", "10AA01"])
        let found = try f.audit().rules(.approximateLocation)
        #expect(found.map(\.schools) == [["10AA01"]], "10AA02 is in no region")
        #expect(found.first?.severity == .info)
        #expect(found.first?.message.contains("postcode area 9406") == true)
    }

    @Test func movingASchoolUpdatesItsPlacementFindingsAsAFreshAuditDoes() throws {
        var f = AuditFixture()
        f.school("10AA00", at: 0, 0); f.school("10AA01", at: 1, 0, placement: .unplaced); f.school("10BB00", at: 30, 0)
        f.region("STO19001", ["10AA00", "10AA01"]); f.region("STO19002", ["10BB00"])
        let auditor = try f.auditor()
        let edited = try auditor.registration.applying([.move(school: SchoolCode("10AA01")!, to: "STO19002")],
                                                       knownSchools: Set(f.schools.map(\.code)))
        try auditor.update(to: edited)
        #expect(auditor.result.findings.filter { $0.rule == .schoolNotPlaced }.map(\.regions) == [["STO19002"]])
        f.regions = edited.regions
        #expect(auditor.result.findings == (try f.auditor()).result.findings)
    }
}
