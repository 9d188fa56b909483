import Foundation
import RegioSpatial

/// Forms catchment areas from the municipality map and the schools: the max-p regionalization of the
/// municipalities (``MaxPRegionalization``) on their contiguity graph (``UnitAdjacency``), with every area
/// reaching `settings.minimumTechnicalSchools` schools with a technical profile and
/// `settings.minimumTechnicalStudents` technical students, and areas kept compact (least sum of distances
/// between the centroids of municipalities in one area).
///
/// A school is counted in the municipality that covers it (``SchoolPlacement``); a school outside every
/// municipality in its nearest one (noted). A school *has a technical profile* when it has at least one
/// technical student (`StudentCounts.technicalStudents(includingRoutes: settings.countTechnicalRoutes)`).
public enum CatchmentBuilder {
    /// How the municipality graph is built: CBS municipality maps are cleanly noded.
    public static let adjacencyOptions = UnitAdjacency.Options.cleanlyNoded

    /// The catchment areas of `map`.
    ///
    /// - Parameters:
    ///   - map: the municipalities, RD New metres.
    ///   - schools: the school register (every kind; all placed schools are listed in their area).
    ///   - counts: year 3–4 pupil counts per school; a school without counts has no technical students.
    ///   - placement: where each school lies on `map`.
    ///   - settings: thresholds and whether the technical routes count.
    ///   - seed: the seed of the random generator (``SplitMix64``); the same seed gives the same areas.
    /// - Throws: ``CatchmentError`` when GEOS fails on a municipality or the inputs do not fit together.
    public static func partition(map: MunicipalityMap, schools: [School], counts: [SchoolCode: StudentCounts],
                                 placement: SchoolPlacement, settings: AuditSettings,
                                 seed: UInt64 = 1) throws(CatchmentError) -> CatchmentPartition {
        let adjacency = try UnitAdjacency(map: map, options: adjacencyOptions)
        return try partition(adjacency: adjacency, schools: schools, counts: counts, placement: placement,
                             settings: settings, seed: seed)
    }

    /// The catchment areas on a graph built beforehand (reuse it across scenarios, or pass another layer,
    /// such as postcode areas, whose unit codes are those in `placement`).
    public static func partition(adjacency: UnitAdjacency, schools: [School], counts: [SchoolCode: StudentCounts],
                                 placement: SchoolPlacement, settings: AuditSettings, seed: UInt64 = 1,
                                 options: MaxPRegionalization.Options = .init()) throws(CatchmentError) -> CatchmentPartition {
        let n = adjacency.count
        var notes = adjacency.notes

        // Schools per unit.
        var outsideByCode: [SchoolCode: SchoolPlacement.OutsideSchool] = [:]
        for o in placement.outside { outsideByCode[o.school] = o }
        var schoolsOfUnit = [[SchoolCode]](repeating: [], count: n)
        var technicalOfUnit = [[SchoolCode]](repeating: [], count: n)
        var studentsOfUnit = [Int](repeating: 0, count: n)
        var unplacedTechnical: [SchoolCode] = []
        for school in schools.sorted(by: { $0.code < $1.code }) {
            let students = counts[school.code]?.technicalStudents(includingRoutes: settings.countTechnicalRoutes) ?? 0
            var unitCode = placement.municipalityOf[school.code]
            if unitCode == nil, let outside = outsideByCode[school.code], let nearest = outside.nearestMunicipality {
                unitCode = nearest
                let label = adjacency.position(of: nearest).map(adjacency.label) ?? nearest
                notes.append("\(school.label) lies outside every municipality (\(kilometres(outside.distanceMeters)) away): counted in its nearest, \(label)")
            }
            guard let unitCode, let unit = adjacency.position(of: unitCode) else {
                if students > 0 { unplacedTechnical.append(school.code) }
                continue
            }
            schoolsOfUnit[unit].append(school.code)
            if students > 0 {
                technicalOfUnit[unit].append(school.code)
                studentsOfUnit[unit] += students
            }
        }
        if !unplacedTechnical.isEmpty {
            let list = unplacedTechnical.prefix(10).map(\.rawValue).joined(separator: ", ")
            let more = unplacedTechnical.count > 10 ? " and \(unplacedTechnical.count - 10) more" : ""
            notes.append("\(unplacedTechnical.count) school\(unplacedTechnical.count == 1 ? "" : "s") with a technical profile could not be placed on the map and \(unplacedTechnical.count == 1 ? "is" : "are") in no catchment area: \(list)\(more)")
        }

        // The regionalization.
        var coordinates = adjacency.centroids
        for u in adjacency.unitsWithoutGeometry {
            // No centroid: fall back on the mean location of its schools, if it has any placed ones.
            let located = schools.filter { schoolsOfUnit[u].contains($0.code) }.compactMap(\.location)
            guard !located.isEmpty else {
                throw CatchmentError(.badInput, "\(adjacency.label(u)) has an empty geometry and no located school: it cannot be placed in a catchment area; repair or remove it from the map")
            }
            coordinates[u] = Point(x: located.map(\.x).reduce(0, +) / Double(located.count),
                                   y: located.map(\.y).reduce(0, +) / Double(located.count))
        }
        let bounds = [Double(settings.minimumTechnicalSchools), Double(settings.minimumTechnicalStudents)]
        let problem = try MaxPRegionalization(
            unitCount: n, neighbors: adjacency.neighbors,
            attributes: (0..<n).map { [Double(technicalOfUnit[$0].count), Double(studentsOfUnit[$0])] },
            lowerBounds: bounds, coordinates: coordinates)
        var generator = SplitMix64(seed: seed)
        let solution = problem.solve(options: options, using: &generator)

        // Areas, numbered by their lowest unit code.
        let regionCodes = solution.regions.map { $0.map { adjacency.codes[$0] }.sorted() }
        let order = regionCodes.indices.sorted { regionCodes[$0].first ?? "" < regionCodes[$1].first ?? "" }
        let width = Swift.max(2, String(order.count).count)
        var areas: [CatchmentArea] = []
        var areaOfUnit: [String: Int] = [:]
        var areaOfSchool: [SchoolCode: Int] = [:]
        var areaOfRegion = [Int](repeating: 0, count: order.count)
        for (position, r) in order.enumerated() {
            let units = solution.regions[r]
            let id = "C" + String(repeating: "0", count: Swift.max(0, width - String(position + 1).count)) + String(position + 1)
            let area = CatchmentArea(
                id: id, units: regionCodes[r], schools: units.flatMap { schoolsOfUnit[$0] }.sorted(),
                technicalSchools: units.flatMap { technicalOfUnit[$0] }.sorted(),
                technicalStudents: units.reduce(0) { $0 + studentsOfUnit[$1] },
                meetsThresholds: solution.meetsLowerBounds[r])
            areaOfRegion[r] = position
            for code in area.units { areaOfUnit[code] = position }
            for school in area.schools { areaOfSchool[school] = position }
            areas.append(area)
        }

        for link in solution.componentLinks {
            let others = link.units.count > 1 ? " and \(link.units.count - 1) other unit\(link.units.count > 2 ? "s" : "")" : ""
            notes.append("\(adjacency.label(link.from))\(others) cannot reach the thresholds on their own and share no border with the rest: joined to area \(areas[areaOfRegion[solution.regionOfUnit[link.to]]].id) through \(adjacency.label(link.to)), \(kilometres(link.distanceMeters)) between centroids")
        }
        for area in areas where !area.meetsThresholds {
            notes.append("\(area.id) (\(area.units.prefix(3).joined(separator: ", "))\(area.units.count > 3 ? ", …" : "")) has \(area.technicalSchoolCount) school\(area.technicalSchoolCount == 1 ? "" : "s") with a technical profile and \(area.technicalStudents) technical students, below the thresholds (\(settings.minimumTechnicalSchools) schools, \(settings.minimumTechnicalStudents) students): its connected part of the map holds no more")
        }

        let method = methodSentence(units: n, adjacency: adjacency, settings: settings, options: options, seed: seed)
        return CatchmentPartition(areas: areas, areaOfUnit: areaOfUnit, areaOfSchool: areaOfSchool, method: method,
                                  notes: notes, adjacency: adjacency, heterogeneityMeters: solution.heterogeneity)
    }

    /// The one-sentence description printed with every report.
    static func methodSentence(units: Int, adjacency: UnitAdjacency, settings: AuditSettings,
                               options: MaxPRegionalization.Options, seed: UInt64) -> String {
        let border = adjacency.options.toleranceMeters > 0
            ? "share at least \(number(adjacency.options.minimumSharedLengthMeters)) m of border within \(number(adjacency.options.toleranceMeters)) m"
            : "share at least \(number(adjacency.options.minimumSharedLengthMeters)) m of border"
        let islands = adjacency.islandLinks.isEmpty ? ""
            : "; \(adjacency.islandLinks.count) island\(adjacency.islandLinks.count == 1 ? "" : "s") or detached part\(adjacency.islandLinks.count == 1 ? "" : "s") linked to the nearest mainland municipality"
        let students = settings.minimumTechnicalStudents > 0
            ? "at least \(settings.minimumTechnicalStudents) technical students" : "no minimum of technical students"
        let routes = settings.countTechnicalRoutes ? ", technical routes counted" : ""
        return "Catchment areas are a max-p regionalization (Duque, Anselin & Rey 2012; Wei, Rey & Knaap 2020) of the \(units) municipalities into as many contiguous areas as possible (neighbours \(border)\(islands)), each with at least \(settings.minimumTechnicalSchools) schools with a technical profile and \(students)\(routes), kept compact by the least sum of distances between municipality centroids (\(options.constructionIterations) constructions, tabu search, seed \(seed))."
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.2g", value)
    }

    private static func kilometres(_ metres: Double) -> String {
        metres < 1_000 ? "\(Int(metres.rounded())) m" : String(format: "%.1f km", metres / 1_000)
    }
}
