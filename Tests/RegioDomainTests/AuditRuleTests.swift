import Testing
import RegioSpatial
@testable import RegioDomain

/// One case that must fire and a near miss that must not, per rule.
@Suite struct AuditRuleTests {
    @Test func closeBySchoolsAt4_9kmFireAndAt5_1kmDoNot() throws {
        var f = AuditFixture()
        f.school("10AA00", at: 0, 0); f.school("10AA01", at: 4.9, 0)   // 4.9 km: fires
        f.school("10BB00", at: 0, 20); f.school("10BB01", at: 5.1, 20) // 5.1 km: near miss
        f.region("STO19001", ["10AA00", "10BB00"])
        f.region("STO19002", ["10AA01", "10BB01"])
        let pairs = try f.audit().rules(.splitCloseSchools)
        #expect(pairs.count == 1)
        #expect(pairs.first?.schools == ["10AA00", "10AA01"])
        #expect(pairs.first?.regions == ["STO19001", "STO19002"])
        #expect(pairs.first?.severity == .warning)
    }

    @Test func schoolListedTwiceIsOneErrorAndNotAClosePair() throws {
        var f = AuditFixture()
        f.school("10AA00", at: 0, 0); f.school("10AA01", at: 1, 0); f.school("10AA02", at: 2, 0)
        f.region("STO19001", ["10AA00", "10AA01"])
        f.region("STO19002", ["10AA02", "10AA01"])
        let result = try f.audit()
        let double = result.rules(.schoolInMultipleRegions)
        #expect(double.count == 1)
        #expect(double[0].schools == ["10AA01"])
        #expect(double[0].message.contains("is listed by STO19001 and STO19002: a school takes part in one region only"))
        // The pair 10AA00–10AA02 (2 km) is reported; pairs with the double-listed school are not.
        #expect(result.rules(.splitCloseSchools).map(\.schools) == [["10AA00", "10AA02"]])
        #expect(result.hasErrors)
    }

    @Test func techniekarmBelowTenPercentButNotAtTenPercent() throws {
        var f = AuditFixture()
        f.school("10AA00", at: 0, 0, technical: 99, other: 901)   // 9.9 %
        f.school("10AA01", at: 1, 0, technical: 0, other: 0)
        f.school("10BB00", at: 30, 0, technical: 100, other: 900) // 10.0 %
        f.school("10BB01", at: 31, 0, technical: 0, other: 0)
        f.region("STO19001", lead: "10AA01", ["10AA00", "10AA01"])
        f.region("STO19002", lead: "10BB01", ["10BB00", "10BB01"])
        let result = try f.audit()
        #expect(result.rules(.techniekarm).map(\.regions) == [["STO19001"]])
        #expect(result.regions[0].techniekarm && !result.regions[1].techniekarm)
        // The lead without technology is an error only where the region is not techniekarm.
        #expect(result.rules(.leadWithoutTechnology).map(\.regions) == [["STO19002"]])
        #expect(abs((result.regions[0].technicalShare ?? 0) - 0.099) < 1e-12)
    }

    @Test func unknownAndMalformedCodesAndEmptyRegion() throws {
        var f = AuditFixture()
        f.school("10AA00", at: 0, 0); f.school("10AA01", at: 1, 0)
        f.region("STO19001", ["10AA00", "10AA01", "99ZZ99"], malformed: ["XX12"])
        f.region("STO19002", [])
        let result = try f.audit()
        #expect(result.rules(.unknownSchool).map(\.schools) == [["99ZZ99"], ["XX12"]])
        #expect(result.rules(.emptyRegion).map(\.regions) == [["STO19002"]])
    }

    @Test func uncoveredTechnicalSchoolAndSplitInstitution() throws {
        var f = AuditFixture()
        f.school("10AA00", at: 0, 0); f.school("10AA01", at: 30, 0)
        f.school("10CC00", at: 10, 10)                         // technical, in no region
        f.school("10DD00", at: 20, 10, technical: 0)           // not technical, in no region
        f.school("10AA02", at: 1, 0); f.school("10AA03", at: 31, 0)
        f.region("STO19001", ["10AA00", "10AA02"])
        f.region("STO19002", ["10AA01", "10AA03"])
        let result = try f.audit()
        #expect(result.rules(.uncoveredSchool).map(\.schools) == [["10CC00"]])
        let split = result.rules(.splitInstitution)
        #expect(split.count == 1)
        #expect(split[0].regions == ["STO19001", "STO19002"])
    }

    @Test func regionWithOneTechnicalSchoolIsUndersizedAndTwoIsNot() throws {
        var f = AuditFixture()
        f.school("10AA00", at: 0, 0); f.school("10AA01", at: 2, 0, technical: 0)
        f.school("10BB00", at: 19.9, 0); f.school("10BB01", at: 22, 0)
        f.region("STO19001", ["10AA00", "10AA01"])
        f.region("STO19002", ["10BB00", "10BB01"])
        let result = try f.audit()
        #expect(result.rules(.undersizedRegion).map(\.regions) == [["STO19001"]])
        #expect(result.suggestions.first?.regions == ["STO19001", "STO19002"])
    }

    @Test func onlyTechnicalSchoolFartherThanTheIsolationDistanceIsAllowedAlone() throws {
        var f = AuditFixture()
        f.school("10AA00", at: 0, 0); f.school("10AA01", at: 2, 0, technical: 0)
        f.school("10BB00", at: 20.1, 0); f.school("10BB01", at: 22, 0)
        f.region("STO19001", ["10AA00", "10AA01"])
        f.region("STO19002", ["10BB00", "10BB01"])
        let result = try f.audit()
        #expect(result.rules(.undersizedRegion).isEmpty)
        #expect(result.rules(.singleTechnologySchool).map(\.schools) == [["10AA00"]])
    }

    @Test func schoolFarFromTheRestFragmentsItsRegion() throws {
        var f = AuditFixture()
        f.school("10AA00", at: 0, 0); f.school("10AA01", at: 3, 0); f.school("10AA02", at: 40, 0)
        f.school("10BB00", at: 0, 24); f.school("10BB01", at: 24, 24) // 24 km: one group
        f.region("STO19001", ["10AA00", "10AA01", "10AA02"])
        f.region("STO19002", ["10BB00", "10BB01"])
        let fragmented = try f.audit().rules(.fragmentedRegion)
        #expect(fragmented.map(\.regions) == [["STO19001"]])
        #expect(fragmented.first?.schools == ["10AA02"])
        #expect(abs((fragmented.first?.value ?? 0) - 37_000) < 1)
    }

    @Test func schoolSurroundedByAnotherRegionIsAnEnclaveAndTerritoriesOverlap() throws {
        var f = AuditFixture()
        for (i, (x, y)) in [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)].enumerated() {
            f.school("10AA0\(i)", at: x, y)
        }
        f.school("10BB00", at: 5, 5.5); f.school("10BB01", at: 30, 5)
        f.school("10BB02", at: 32, 5)
        f.region("STO19001", ["10AA00", "10AA01", "10AA02", "10AA03"])
        f.region("STO19002", ["10BB00", "10BB01", "10BB02"])
        let result = try f.audit()
        #expect(result.rules(.enclave).map(\.schools) == [["10BB00"]])
        #expect(result.rules(.overlappingRegions).map(\.regions) == [["STO19001", "STO19002"]])
        // Without the enclave school the territories are 15 km apart: no overlap.
        f.regions[1] = Region(id: "STO19002", name: "x", lead: SchoolCode("10BB01"), schools: [SchoolCode("10BB01")!, SchoolCode("10BB02")!])
        #expect(try f.audit().rules(.overlappingRegions).isEmpty)
    }

    @Test func figuresAddUpAndBudgetFollowsTheSetting() throws {
        var f = AuditFixture()
        f.settings.budgetPerTechnicalStudentEUR = 1000
        f.school("10AA00", at: 0, 0, technical: 30, other: 70); f.school("10AA01", at: 1, 0, technical: 10, other: 90)
        f.region("STO19001", ["10AA00", "10AA01", "10AA01"])
        let r = try f.audit().regions[0]
        #expect(r.countedStudents == 200 && r.technicalStudents == 40)
        #expect(r.budgetEUR == 40_000)
        #expect(r.studentsPerProfile["PIE"] == 40)
        #expect(r.municipalities == ["GM9001"])
        #expect(r.territoryAreaSquareKilometers > 19 && r.territoryAreaSquareKilometers < 30)
    }
}
