import Testing
import RegioDomain
import RegioSpatial

@Suite struct CatchmentBuilderTests {
    typealias F = CatchmentFixtures

    /// A 4 × 3 grid of 10 km municipalities GM0001…GM0012 (row by row from the south) and an island
    /// municipality GM0099 3 km north of GM0010; schools at chosen places.
    struct Scenario {
        let context = GeometryContext()
        let map: MunicipalityMap
        var schools: [School] = []
        var counts: [SchoolCode: StudentCounts] = [:]

        init() throws {
            var municipalities: [Municipality] = []
            for r in 0..<3 {
                for c in 0..<4 {
                    let code = String(format: "GM%04d", r * 4 + c + 1)
                    municipalities.append(Municipality(code: code, name: "Gemeente \(r * 4 + c + 1)",
                        geometry: try F.square(context, x: 100_000 + Double(c) * 10_000, y: 400_000 + Double(r) * 10_000, width: 10_000)))
                }
            }
            municipalities.append(Municipality(code: "GM0099", name: "Eiland",
                geometry: try F.square(context, x: 100_000, y: 433_000, width: 10_000, height: 5_000)))
            map = try MunicipalityMap(municipalities, in: context)
        }

        /// Adds a school in the middle of municipality `number` (1…12, 99), with `technical` BWI students in KB
        /// and 30 E&O students, or only route students when `routeOnly`.
        mutating func addSchool(_ code: String, in number: Int, technical: Int, routeOnly: Bool = false) {
            let (x, y): (Double, Double) = number == 99
                ? (105_000, 435_500)
                : (100_000 + Double((number - 1) % 4) * 10_000 + 5_000 + Double(schools.count * 10),
                   400_000 + Double((number - 1) / 4) * 10_000 + 5_000)
            let schoolCode = SchoolCode(code)!
            schools.append(School(code: schoolCode, name: "School \(code)", structure: "VBO/MAVO",
                                  location: Point(x: x, y: y), placement: .coordinates))
            var c = StudentCounts()
            c.add(technical, track: .kb, profile: routeOnly ? .technicalRoute : .bwi)
            c.add(30, track: .kb, profile: .eo)
            counts[schoolCode] = c
        }

        func partition(_ settings: AuditSettings = AuditSettings(), seed: UInt64 = 1) throws -> CatchmentPartition {
            try CatchmentBuilder.partition(map: map, schools: schools, counts: counts,
                                           placement: SchoolPlacement(schools, on: map), settings: settings, seed: seed)
        }
    }

    static func standard() throws -> Scenario {
        var s = try Scenario()
        s.addSchool("01AA00", in: 1, technical: 60)
        s.addSchool("01AA01", in: 2, technical: 40)
        s.addSchool("02BB00", in: 4, technical: 80)
        s.addSchool("02BB01", in: 8, technical: 20)
        s.addSchool("03CC00", in: 6, technical: 0)   // vmbo without a technical profile
        s.addSchool("04DD00", in: 10, technical: 50)
        s.addSchool("04DD01", in: 11, technical: 70)
        s.addSchool("05EE00", in: 12, technical: 10)
        s.addSchool("06FF00", in: 99, technical: 25)  // on the island
        return s
    }

    @Test func areasPartitionTheMapAndMeetTheThresholds() throws {
        let scenario = try Self.standard()
        let partition = try scenario.partition()
        let graph = partition.adjacency
        var seen: [String: Int] = [:]
        for area in partition.areas { for unit in area.units { seen[unit, default: 0] += 1 } }
        #expect(seen.count == 13 && seen.values.allSatisfy { $0 == 1 })
        for (index, area) in partition.areas.enumerated() {
            #expect(area.id == String(format: "C%02d", index + 1))
            #expect(area.meetsThresholds)
            #expect(area.technicalSchoolCount >= 2)
            #expect(graph.isContiguous(area.units.compactMap(graph.position(of:))))
            #expect(F.isConnected(area.units.compactMap(graph.position(of:)), graph.neighbors))
            for unit in area.units { #expect(partition.areaOfUnit[unit] == index) }
            for school in area.schools { #expect(partition.areaOfSchool[school] == index) }
        }
        // Numbered by their lowest unit code.
        #expect(partition.areas.map { $0.units[0] } == partition.areas.map { $0.units[0] }.sorted())
        // 8 technical schools, at least 2 per area: at most 4 areas; every placed school in one area.
        #expect(partition.count >= 2 && partition.count <= 4)
        #expect(partition.areaOfSchool.count == 9)
        #expect(partition.areas.flatMap(\.technicalSchools).count == 8)
        #expect(partition.areas.reduce(0) { $0 + $1.technicalStudents } == 355)
        // The school without a technical profile is listed, but not as technical.
        let plain = try #require(partition.area(of: SchoolCode("03CC00")!))
        #expect(plain.schools.contains(SchoolCode("03CC00")!))
        #expect(!plain.technicalSchools.contains(SchoolCode("03CC00")!))
        // The island joined the mainland, with a note; the method names the algorithm and the thresholds.
        #expect(partition.notes.contains { $0.en.hasPrefix("GM0099 Eiland joined to GM0009 Gemeente 9 across 3.0 km") })
        #expect(partition.notes.contains { $0.nl.hasPrefix("GM0099 Eiland gekoppeld aan GM0009 Gemeente 9 over 3,0 km") })
        #expect(partition.method.en.contains("max-p regionalization"))
        #expect(partition.method.en.contains("at least 2 schools with a technical profile"))
        #expect(partition.method.en.contains("seed 1"))
        // The same sentence in Dutch, for Dutch reports.
        #expect(partition.method.nl.hasPrefix("Verzorgingsgebieden zijn een max-p-regionalisatie"))
        #expect(partition.method.nl.contains("minstens 2 scholen met een technisch profiel"))
        #expect(partition.method.nl.contains("1 eiland of los deel gekoppeld"))
        #expect(partition.method.nl.contains("seed 1"))
        #expect(partition.area(ofUnit: "GM0099")?.units.contains("GM0009") == true)
    }

    @Test func sameSeedSameAreas() throws {
        let scenario = try Self.standard()
        let a = try scenario.partition(seed: 9)
        let b = try scenario.partition(seed: 9)
        #expect(a == b)
        // Other seeds may differ but still partition the map.
        let c = try scenario.partition(seed: 10)
        #expect(c.areaOfUnit.count == 13)
    }

    @Test func studentMinimumIsHonoured() throws {
        let scenario = try Self.standard()
        var settings = AuditSettings()
        settings.minimumTechnicalStudents = 150
        let partition = try scenario.partition(settings)
        for area in partition.areas {
            #expect(area.technicalStudents >= 150)
            #expect(area.technicalSchoolCount >= 2)
        }
        #expect(partition.method.en.contains("at least 150 technical students"))
    }

    @Test func technicalRoutesCountOnlyWhenTheSettingSaysSo() throws {
        var scenario = try Scenario()
        scenario.addSchool("01AA00", in: 1, technical: 60)
        scenario.addSchool("01AA01", in: 2, technical: 40, routeOnly: true)
        var settings = AuditSettings()
        let without = try scenario.partition(settings)
        // One school with a technical profile on the whole map: one area, below the threshold, with a note.
        #expect(without.count == 1)
        #expect(without.areas[0].technicalSchoolCount == 1)
        #expect(!without.areas[0].meetsThresholds)
        #expect(without.notes.contains { $0.en.contains("below the thresholds") && $0.nl.contains("onder de drempels") })
        settings.countTechnicalRoutes = true
        let with = try scenario.partition(settings)
        #expect(with.areas.allSatisfy { $0.technicalSchoolCount == 2 && $0.meetsThresholds })
        #expect(with.areas.map(\.technicalStudents) == [100])
        #expect(with.method.en.contains("technical routes counted"))
    }

    @Test func unplacedTechnicalSchoolIsNoted() throws {
        var scenario = try Self.standard()
        let code = SchoolCode("07GG00")!
        scenario.schools.append(School(code: code, name: "Nowhere", location: nil, placement: .unplaced))
        var c = StudentCounts()
        c.add(12, track: .bb, profile: .pie)
        scenario.counts[code] = c
        let partition = try scenario.partition()
        #expect(partition.areaOfSchool[code] == nil)
        #expect(partition.notes.map(\.en).contains("1 school with a technical profile could not be placed on the map and is in no catchment area: 07GG00"))
        #expect(partition.notes.map(\.nl).contains("1 school met een technisch profiel kon niet op de kaart worden geplaatst en ligt in geen verzorgingsgebied: 07GG00"))
    }

    @Test func schoolJustOutsideTheMapCountsInTheNearestMunicipality() throws {
        var scenario = try Self.standard()
        let code = SchoolCode("08HH00")!
        scenario.schools.append(School(code: code, name: "Grens", location: Point(x: 99_800, y: 405_000), placement: .coordinates))
        var c = StudentCounts()
        c.add(12, track: .bb, profile: .pie)
        scenario.counts[code] = c
        let partition = try scenario.partition()
        #expect(partition.area(of: code)?.units.contains("GM0001") == true)
        #expect(partition.notes.contains { $0.en.contains("08HH00") && $0.en.contains("GM0001") })
        #expect(partition.notes.contains { $0.nl.contains("08HH00") && $0.nl.contains("ligt buiten elke eenheid van de kaart") })
    }
}
