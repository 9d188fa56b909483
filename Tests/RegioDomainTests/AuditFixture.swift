import RegioSpatial
@testable import RegioDomain

/// A small hand-made world for rule tests: two 40 × 40 km municipalities side by side (RD metres,
/// origin at x 100 km, y 400 km), schools placed by offset in km, pupil counts given per school.
struct AuditFixture {
    let context = GeometryContext()
    var schools: [School] = []
    var counts: [SchoolCode: StudentCounts] = [:]
    var regions: [Region] = []
    var settings = AuditSettings()

    /// Adds a school at (x, y) km from the origin with `technical` students in PIE and `other` in Z&W (BB).
    /// `placement` `.unplaced` gives the school no location; `.postcodeCentroid` places it at (x, y) as a
    /// postcode centroid.
    mutating func school(_ code: String, at x: Double, _ y: Double, technical: Int = 20, other: Int = 80,
                         structure: String = "VBO/MAVO", placement: School.Placement = .coordinates) {
        let c = SchoolCode(code)!
        let location = placement == .unplaced ? nil : Point(x: 100_000 + x * 1000, y: 400_000 + y * 1000)
        schools.append(School(code: c, name: "School \(code)", town: "TEST", postcode: "9406 NN", structure: structure,
                              location: location, placement: placement))
        var counts = StudentCounts()
        counts.add(technical, track: .bb, profile: .pie)
        counts.add(other, track: .bb, profile: .zw)
        self.counts[c] = counts
    }

    mutating func region(_ id: RegionID, lead: String? = nil, _ members: [String], malformed: [String] = []) {
        let codes = members.compactMap { SchoolCode($0) }
        regions.append(Region(id: id, name: "Regio \(id)", lead: (lead ?? members.first).flatMap { SchoolCode($0) },
                              schools: codes, malformedCodes: malformed))
    }

    func map() throws -> MunicipalityMap {
        func square(_ x: Double) throws -> Geometry {
            try context.polygon(exterior: [Point(x: x, y: 380_000), Point(x: x + 40_000, y: 380_000),
                                           Point(x: x + 40_000, y: 420_000), Point(x: x, y: 420_000)])
        }
        return try MunicipalityMap([Municipality(code: "GM9001", name: "West", geometry: try square(80_000)),
                                    Municipality(code: "GM9002", name: "Oost", geometry: try square(120_000))],
                                   in: context)
    }

    func audit(catchments: CatchmentPartition? = nil) throws -> AuditResult {
        let auditor = try self.auditor(catchments: catchments)
        return auditor.result.with(suggestions: try SuggestionEngine(auditor: auditor).suggestions())
    }

    /// An auditor of the fixture, to update with edits.
    func auditor(catchments: CatchmentPartition? = nil) throws -> Auditor {
        let map = try map()
        let input = AuditInput(schools: schools, counts: counts, map: map, placement: SchoolPlacement(schools, on: map),
                               registration: Registration(regions: regions), settings: settings, catchments: catchments)
        return try Auditor(input)
    }
}

extension AuditResult {
    func rules(_ rule: Rule) -> [Finding] { findings.filter { $0.rule == rule } }
}
