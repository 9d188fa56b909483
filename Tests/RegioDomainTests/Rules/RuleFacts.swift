import RegioSpatial
@testable import RegioDomain

/// A hand-made audit state for testing one rule alone, without the incremental engine: schools at (x, y) km
/// (EPSG:28992 metres from the origin), their technical students and the regions listing them; hull
/// containment and shared territory areas are given outright.
final class RuleFacts: AuditFacts {
    var settings = AuditSettings()
    var catchments: CatchmentPartition?
    var schools: [SchoolCode: School] = [:]
    var technicalStudents: [SchoolCode: Int] = [:]
    var listedBy: [SchoolCode: [RegionID]] = [:]
    /// Points inside each region's member hull.
    var insideHull: [RegionID: [Point]] = [:]
    /// km² shared by two regions' territories.
    var shared: [RegionPair: Double] = [:]

    /// Adds a school at (x, y) km with `technical` technical students, listed by `regions`.
    @discardableResult
    func school(_ code: String, at x: Double, _ y: Double, technical: Int = 10, in regions: [RegionID] = []) -> SchoolCode {
        let c = SchoolCode(code)!
        schools[c] = School(code: c, name: "School \(code)", town: "TEST", postcode: "9406 NN", structure: "VBO/MAVO",
                            location: Point(x: x * 1000, y: y * 1000), placement: .coordinates)
        technicalStudents[c] = technical
        listedBy[c] = regions.isEmpty ? nil : regions.sorted()
        return c
    }

    func school(_ code: SchoolCode) -> School? { schools[code] }
    func isKnown(_ code: SchoolCode) -> Bool { schools[code] != nil }
    func location(of code: SchoolCode) -> Point? { schools[code]?.location }
    func technical(_ code: SchoolCode) -> Int { technicalStudents[code] ?? 0 }
    func isVmboOrVso(_ code: SchoolCode) -> Bool { [.vmbo, .vso].contains(schools[code]?.kind) }
    func label(_ code: SchoolCode) -> String { code.rawValue }
    func locations(ofInstitution institution: String) -> [SchoolCode] {
        schools.keys.filter { $0.institution == institution }.sorted()
    }
    func outsideMap(_ code: SchoolCode) -> SchoolPlacement.OutsideSchool? { nil }

    /// Every other located school by distance (ties by code), at most 8.
    func nearestSchools(to code: SchoolCode) -> [(school: SchoolCode, distance: Double)] {
        guard let p = location(of: code) else { return [] }
        let others = schools.keys.filter { $0 != code }.map { (school: $0, distance: location(of: $0)!.distance(to: p)) }
        return Array(others.sorted { ($0.distance, $0.school) < ($1.distance, $1.school) }.prefix(8))
    }

    func locatedSchools(within distance: Double, of code: SchoolCode) -> [(school: SchoolCode, distance: Double)] {
        guard let p = location(of: code) else { return [] }
        return schools.keys.filter { $0 != code }.map { (school: $0, distance: location(of: $0)!.distance(to: p)) }
            .filter { $0.distance <= distance }
    }

    func regions(listing code: SchoolCode) -> [RegionID] { listedBy[code] ?? [] }
    func soleRegion(of code: SchoolCode) -> RegionID? {
        let ids = regions(listing: code)
        return ids.count == 1 ? ids[0] : nil
    }

    func schoolGroups(of region: Region) -> Auditor.SchoolGroups {
        let codes = region.schools.filter { location(of: $0) != nil }
        let points = codes.map { location(of: $0)! }
        return (codes, points, singleLinkageGroups(points, within: settings.fragmentGapMeters))
    }

    func memberHull(of id: RegionID, contains point: Point) throws(SpatialError) -> Bool {
        insideHull[id]?.contains(point) ?? false
    }

    func sharedTerritory(_ a: RegionID, _ b: RegionID) throws(SpatialError) -> Double? { shared[RegionPair(a, b)] }

    /// The region `id` as its schools list it.
    func region(_ id: RegionID) -> Region {
        Region(id: id, name: "Regio \(id)", schools: listedBy.filter { $0.value.contains(id) }.keys.sorted())
    }
}
