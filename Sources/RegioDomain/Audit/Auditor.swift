import RegioSpatial

/// Runs every check of `domain.md` over a pre-registration. Build it once per input; ``run()`` is pure.
/// Rules live in extensions by concern (`Auditor+Membership`, `+Technology`, `+Proximity`, `+Geography`).
public final class Auditor {
    let input: AuditInput
    var settings: AuditSettings { input.settings }
    /// Register schools by code.
    let schoolByCode: [SchoolCode: School]
    /// Well-formed listed codes per region id, and the regions listing each code.
    let regionsOfSchool: [SchoolCode: [String]]
    /// Regions in file order.
    var regions: [Region] { input.registration.regions }
    let territoryBuilder: TerritoryBuilder

    public init(_ input: AuditInput) throws(SpatialError) {
        self.input = input
        schoolByCode = Dictionary(input.schools.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        var regionsOf: [SchoolCode: [String]] = [:]
        for region in input.registration.regions {
            for code in region.schools { regionsOf[code, default: []].append(region.id) }
        }
        regionsOfSchool = regionsOf
        territoryBuilder = try TerritoryBuilder(map: input.map, settings: input.settings)
    }

    /// Counted students of a school (0 when it has no pupil counts).
    func counted(_ code: SchoolCode) -> Int { input.counts[code]?.countedStudents ?? 0 }

    /// Technical students of a school, per the routes setting.
    func technical(_ code: SchoolCode) -> Int {
        input.counts[code]?.technicalStudents(includingRoutes: settings.countTechnicalRoutes) ?? 0
    }

    /// A school offers a technical profile when it has at least one technical student.
    func offersTechnology(_ code: SchoolCode) -> Bool { technical(code) > 0 }

    /// A school counts for the overlap rule when it offers vmbo or is a vso school (or has vmbo pupils).
    func isVmboOrVso(_ code: SchoolCode) -> Bool {
        guard let school = schoolByCode[code] else { return false }
        return school.kind == .vmbo || school.kind == .vso || input.counts[code] != nil
    }

    /// "00AB01 (Het College, Emmen)", or the bare code for a school not in the register.
    func label(_ code: SchoolCode) -> String { schoolByCode[code]?.label ?? code.rawValue }

    /// Member schools of a region that are in the register.
    func knownMembers(_ region: Region) -> [SchoolCode] { region.schools.filter { schoolByCode[$0] != nil } }

    /// Schools listed by exactly one region, with that region.
    lazy var soleRegionOfSchool: [SchoolCode: String] = regionsOfSchool.compactMapValues { $0.count == 1 ? $0[0] : nil }

    /// Located register schools listed by exactly one region, in code order.
    lazy var soleLocatedSchools: [(code: SchoolCode, region: String, location: Point)] =
        soleRegionOfSchool.compactMap { code, region in
            schoolByCode[code]?.location.map { (code, region, $0) }
        }.sorted { $0.code < $1.code }

    /// Runs every check; returns the result and the territories (non-Sendable geometries, for exports).
    public func run() throws(SpatialError) -> (result: AuditResult, territories: [String: Geometry]) {
        let shares = regions.map { technicalShare(of: $0) }
        var territories: [String: Geometry] = [:]
        var figures: [RegionFigures] = []
        for (region, share) in zip(regions, shares) {
            let territory = try territory(of: region)
            territories[region.id] = territory
            figures.append(self.figures(of: region, share: share, territory: territory))
        }
        var findings: [Finding] = []
        findings += membershipFindings()
        findings += technologyFindings(shares: shares)
        findings += try proximityFindings()
        findings += try geographyFindings(territories: territories)
        // Worst first, then by rule, regions and schools (keys made once, not per comparison).
        findings = findings.map { ($0.severity.rank, $0.key, $0) }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
        let suggestions = mergeSuggestions(for: findings, figures: figures)
        let methods = AuditResult.Methods(territory: TerritoryBuilder.method(settings),
                                          catchment: input.catchments?.method ?? "no catchment areas computed")
        return (AuditResult(regions: figures, findings: findings, suggestions: suggestions, methods: methods,
                            settings: settings), territories)
    }

    /// technical / counted over the region's distinct member schools; `nil` without counted students.
    func technicalShare(of region: Region) -> (counted: Int, technical: Int, share: Double?) {
        let members = Set(region.schools)
        let counted = members.reduce(0) { $0 + self.counted($1) }
        let technical = members.reduce(0) { $0 + self.technical($1) }
        return (counted, technical, counted > 0 ? Double(technical) / Double(counted) : nil)
    }

    func isTechniekarm(_ share: Double?) -> Bool { share.map { $0 < settings.techniekarmShareBelow } ?? false }

    /// The located member schools of a region, grouped by the fragment gap.
    func schoolGroups(of region: Region) -> (codes: [SchoolCode], points: [Point], groups: [[Int]]) {
        let located = knownMembers(region).compactMap { code in schoolByCode[code]?.location.map { (code, $0) } }
        let points = located.map(\.1)
        return (located.map(\.0), points, singleLinkageGroups(points, within: settings.fragmentGapMeters))
    }

    func territory(of region: Region) throws(SpatialError) -> Geometry {
        let (_, points, groups) = schoolGroups(of: region)
        return try territoryBuilder.territory(points: points, groups: groups)
    }

    func figures(of region: Region, share: (counted: Int, technical: Int, share: Double?), territory: Geometry) -> RegionFigures {
        var total = StudentCounts()
        for code in Set(region.schools) { if let c = input.counts[code] { total.add(c) } }
        let perProfile = Dictionary(total.perProfile.map { ($0.key.rawValue, $0.value) }, uniquingKeysWith: +)
        let perTrack = Dictionary(total.perTrack.map { ($0.key.rawValue, $0.value) }, uniquingKeysWith: +)
        let municipalities = Set(region.schools.compactMap { input.placement.municipalityOf[$0] }).sorted()
        return RegionFigures(
            id: region.id, name: region.name, lead: region.lead?.rawValue,
            schools: region.schools.map(\.rawValue).sorted(),
            technicalSchools: knownMembers(region).filter(offersTechnology).map(\.rawValue).sorted(),
            countedStudents: share.counted, technicalStudents: share.technical, technicalShare: share.share,
            techniekarm: isTechniekarm(share.share),
            budgetEUR: Double(share.technical) * settings.budgetPerTechnicalStudentEUR,
            studentsPerProfile: perProfile, studentsPerTrack: perTrack,
            territoryAreaSquareKilometers: (territory.area / 1_000_000 * 100).rounded() / 100,
            municipalities: municipalities)
    }
}

/// Formats a share as "9.9 %".
func percent(_ share: Double) -> String { String(format: "%.1f %%", share * 100) }

/// Formats metres as "4.9 km" or "850 m".
func distanceText(_ metres: Double) -> String {
    metres < 1_000 ? "\(Int(metres.rounded())) m" : String(format: "%.1f km", metres / 1_000)
}

import Foundation
