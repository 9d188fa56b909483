import RegioSpatial
import Testing
@testable import RegioDomain

/// Each rule evaluated alone on a hand-made ``RuleFacts`` state: no engine, no territories, no GEOS.
@Suite struct RulesAloneTests {
    @Test func closeSchoolsInDifferentRegionsPairUpOnceEachWithTheLowerCodeFirst() {
        let facts = RuleFacts()
        let a = facts.school("10AA00", at: 0, 0, in: ["STO19001"])
        facts.school("10AA01", at: 4.9, 0, in: ["STO19002"])
        facts.school("10AA02", at: 0, 5.1, in: ["STO19002"])
        facts.school("10AA03", at: 1, 0, in: ["STO19001"])
        facts.school("10AA04", at: 0, 1, in: ["STO19001", "STO19002"])
        let pairs = SplitCloseSchools.pairs(of: a, in: facts)
        #expect(pairs.map(\.partner.rawValue) == ["10AA01"])
        let found = pairs.map(\.finding)
        // 5.1 km is beyond the close-by distance; the same region and a double listing do not pair.
        #expect(found.map(\.schools) == [["10AA00", "10AA01"]])
        #expect(found.first?.regions == ["STO19001", "STO19002"])
        #expect(found.first?.value == 4_900)
        facts.settings.closeByDistanceMeters = 6_000
        #expect(Set(SplitCloseSchools.pairs(of: a, in: facts).map(\.finding.schools)) == [["10AA00", "10AA01"], ["10AA00", "10AA02"]])
    }

    @Test func aDoubleListingIsAnErrorOnlyForAVmboSchool() {
        let facts = RuleFacts()
        let a = facts.school("10AA00", at: 0, 0, in: ["STO19002", "STO19001"])
        #expect(SchoolInMultipleRegions.findings(a, in: facts).map(\.regions) == [["STO19001", "STO19002"]])
        facts.schools[a]?.structure = "PRO"
        #expect(SchoolInMultipleRegions.findings(a, in: facts).isEmpty)
    }

    @Test func oneTechnicalSchoolIsUndersizedUnlessAloneWithinTheIsolationDistance() {
        let facts = RuleFacts()
        facts.school("10AA00", at: 0, 0, technical: 12, in: ["STO19001"])
        facts.school("10AA01", at: 2, 0, technical: 0, in: ["STO19001"])
        let other = facts.school("10AA02", at: 19, 0, technical: 5, in: ["STO19002"])
        let region = facts.region("STO19001")
        let figures = figures(of: region, in: facts)
        var technical = TechnicalMembers(of: region, in: facts)
        #expect(technical.schools.map(\.rawValue) == ["10AA00"])
        #expect(!technical.aloneInCatchment)
        #expect(UndersizedRegion.findings(region, figures: figures, technical: technical, in: facts).map(\.value) == [1])
        #expect(SingleTechnologySchool.findings(region, technical: technical, in: facts).isEmpty)

        facts.technicalStudents[other] = 0
        technical = TechnicalMembers(of: region, in: facts)
        #expect(technical.aloneInCatchment)
        #expect(UndersizedRegion.findings(region, figures: figures, technical: technical, in: facts).isEmpty)
        #expect(SingleTechnologySchool.findings(region, technical: technical, in: facts).map(\.schools) == [["10AA00"]])

        facts.settings.minimumTechnicalStudents = 13
        #expect(UndersizedRegion.findings(region, figures: figures, technical: technical, in: facts).map(\.value) == [12])
    }

    @Test func overlapsCountAboveTheEdgeToleranceInIDOrder() throws {
        let facts = RuleFacts()
        facts.shared[RegionPair("STO19001", "STO19002")] = 1.4
        facts.shared[RegionPair("STO19001", "STO19003")] = 0.6
        let finding = try OverlappingRegions.finding("STO19002", "STO19001", in: facts)
        #expect(finding?.regions == ["STO19001", "STO19002"])
        #expect(finding?.value == 1.4)
        #expect(try OverlappingRegions.finding("STO19001", "STO19003", in: facts) == nil)
        #expect(try OverlappingRegions.finding("STO19002", "STO19003", in: facts) == nil)
        facts.settings.overlapToleranceSquareKilometers = 0.5
        #expect(try OverlappingRegions.finding("STO19003", "STO19001", in: facts)?.value == 0.6)
    }

    @Test func aSchoolIsAnEnclaveOfItsNearestListedNeighboursRegionWhenInsideItsHull() throws {
        let facts = RuleFacts()
        let a = facts.school("10AA00", at: 0, 0, in: ["STO19001"])
        facts.school("10AA01", at: 0.5, 0)
        facts.school("10AA02", at: 1, 0, in: ["STO19002"])
        facts.school("10AA03", at: 3, 0, in: ["STO19001"])
        let host = try #require(Enclave.host(of: a, in: facts))
        // The nearest school listed by no region is passed over.
        #expect((host.region, host.own, host.nearest.rawValue, host.distance) == ("STO19002", "STO19001", "10AA02", 1_000))
        #expect(try Enclave.findings(a, host: host, in: facts).isEmpty)
        facts.insideHull["STO19002"] = [Point(x: 0, y: 0)]
        let found = try Enclave.findings(a, host: host, in: facts)
        #expect(found.map(\.regions) == [["STO19001", "STO19002"]])
        #expect(found.first?.subjectRegion == "STO19001")
    }

    @Test func schoolsFarApartFragmentARegionAndTheOutliersAreNamed() {
        let facts = RuleFacts()
        facts.school("10AA00", at: 0, 0, in: ["STO19001"])
        facts.school("10AA01", at: 10, 0, in: ["STO19001"])
        facts.school("10AA02", at: 40, 0, in: ["STO19001"])
        let found = FragmentedRegion.findings(facts.region("STO19001"), in: facts)
        #expect(found.map(\.schools) == [["10AA02"]])
        #expect(found.first?.value == 30_000)
        facts.settings.fragmentGapMeters = 30_000
        #expect(FragmentedRegion.findings(facts.region("STO19001"), in: facts).isEmpty)
    }

    @Test func aTechnicalSchoolInNoRegionIsUncoveredAndOneWithoutTechnicalStudentsIsNot() {
        let facts = RuleFacts()
        let a = facts.school("10AA00", at: 0, 0, technical: 3)
        let b = facts.school("10AA01", at: 1, 0, technical: 0)
        #expect(UncoveredSchool.findings(a, in: facts).map(\.schools) == [["10AA00"]])
        #expect(UncoveredSchool.findings(b, in: facts).isEmpty)
        facts.listedBy[a] = ["STO19001"]
        #expect(UncoveredSchool.findings(a, in: facts).isEmpty)
    }

    @Test func anInstitutionIsSplitWhenItsListedLocationsAreInTwoRegions() {
        let facts = RuleFacts()
        facts.school("10AA00", at: 0, 0, in: ["STO19001"])
        facts.school("10AA01", at: 1, 0, in: ["STO19001"])
        facts.school("10AA02", at: 2, 0)
        facts.school("10BB00", at: 3, 0, in: ["STO19002"])
        #expect(SplitInstitution.findings(ofInstitution: "10AA", in: facts).isEmpty)
        facts.listedBy[SchoolCode("10AA01")!] = ["STO19002"]
        let found = SplitInstitution.findings(ofInstitution: "10AA", in: facts)
        // The unlisted location is not named.
        #expect(found.map(\.schools) == [["10AA00", "10AA01"]])
        #expect(found.map(\.regions) == [["STO19001", "STO19002"]])
    }

    @Test func aLeadWithoutTechnicalStudentsIsAnErrorFromTheTechniekarmShareOn() {
        let facts = RuleFacts()
        let lead = facts.school("10AA00", at: 0, 0, technical: 0, in: ["STO19001"])
        facts.school("10AA01", at: 1, 0, technical: 20, in: ["STO19001"])
        var region = facts.region("STO19001")
        region.lead = lead
        let figures = figures(of: region, in: facts)  // 20 of 200: 10 %
        #expect(LeadWithoutTechnology.findings(region, figures: figures, in: facts).map(\.schools) == [["10AA00"]])
        facts.settings.techniekarmShareBelow = 0.11
        #expect(LeadWithoutTechnology.findings(region, figures: figures, in: facts).isEmpty)
    }

    /// The region's figures as the audit makes them, from the facts' technical students (each school with
    /// 100 counted students).
    func figures(of region: Region, in facts: RuleFacts) -> RegionFigures {
        let technical = region.schools.map(facts.technical).reduce(0, +)
        let counted = region.schools.count * 100
        return RegionFigures(id: region.id, name: region.name, lead: nil, schools: region.schools.map(\.rawValue),
                             technicalSchools: [], countedStudents: counted, technicalStudents: technical,
                             technicalShare: Double(technical) / Double(counted), techniekarm: false, budgetEUR: nil,
                             budgetRangeEUR: nil, studentsPerProfile: [:], studentsPerTrack: [:],
                             territoryAreaSquareKilometers: 0, municipalities: [])
    }
}
