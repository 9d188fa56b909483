import Foundation
import RegioSpatial

/// Forms catchment areas from a map of units (the municipalities, or another polygon layer such as postcode
/// areas) and the schools: the max-p regionalization of the units (``MaxPRegionalization``) on their
/// contiguity graph (``UnitAdjacency``), with every area reaching `settings.minimumTechnicalSchools` schools
/// with a technical profile and `settings.minimumTechnicalStudents` technical students, or instead a bound
/// on a unit property (``UnitMeasure``), and areas kept compact (least sum of distances between the
/// centroids of units in one area, metres in EPSG:28992).
///
/// A school is counted in the unit that covers it (``SchoolPlacement``); a school outside every unit in its
/// nearest one (noted). A school *has a technical profile* when it has at least one technical student
/// (`StudentCounts.technicalStudents(includingRoutes: settings.countTechnicalRoutes)`).
public enum CatchmentBuilder {
    /// A bound on a numeric property of the units (such as `inwoners`, inhabitants), used instead of the
    /// school thresholds: every area must reach `minimum` as the sum of its units' values.
    public struct UnitMeasure: Sendable, Hashable {
        /// The property's name, as in reports ("inwoners").
        public let name: String
        /// Unit code → value (at least 0); a unit without an entry counts 0.
        public let values: [String: Double]
        /// The least sum per area.
        public let minimum: Double

        public init(name: String, values: [String: Double], minimum: Double) {
            self.name = name
            self.values = values
            self.minimum = minimum
        }
    }

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
    ///
    /// - Parameters:
    ///   - measure: when given, the areas must reach this bound on a unit property (such as inhabitants)
    ///     instead of the settings' school thresholds.
    ///   - unitNoun: what the units are, plural, for the method sentence ("municipalities", "gemeenten").
    ///   - progress: called while the regionalization runs (see ``MaxPRegionalization/solve(options:using:progress:)``).
    public static func partition(adjacency: UnitAdjacency, schools: [School], counts: [SchoolCode: StudentCounts],
                                 placement: SchoolPlacement, settings: AuditSettings, seed: UInt64 = 1,
                                 options: MaxPRegionalization.Options = .init(), measure: UnitMeasure? = nil,
                                 unitNoun: LocalizedText = CatchmentBuilder.municipalitiesNoun,
                                 progress: ((MaxPRegionalization.Progress) -> Void)? = nil) throws(CatchmentError) -> CatchmentPartition {
        let n = adjacency.count
        var notes = adjacency.notes

        // Schools per unit.
        var outsideByCode: [SchoolCode: SchoolPlacement.OutsideSchool] = [:]
        for o in placement.outside { outsideByCode[o.school] = o }
        var schoolsOfUnit = [[SchoolCode]](repeating: [], count: n)
        var technicalOfUnit = [[SchoolCode]](repeating: [], count: n)
        var studentsOfUnit = [Int](repeating: 0, count: n)
        var locatedOfUnit = [[Point]](repeating: [], count: n)
        var unplacedTechnical: [SchoolCode] = []
        for school in schools.sorted(by: { $0.code < $1.code }) {
            let students = counts[school.code]?.technicalStudents(includingRoutes: settings.countTechnicalRoutes) ?? 0
            var unitCode = placement.municipalityOf[school.code]
            if unitCode == nil, let outside = outsideByCode[school.code], let nearest = outside.nearestMunicipality {
                unitCode = nearest
                let label = adjacency.position(of: nearest).map(adjacency.label) ?? nearest
                notes.append(LocalizedText(
                    en: "\(school.label) lies outside every unit of the map (\(Language.en.distance(outside.distanceMeters)) away): counted in its nearest, \(label)",
                    nl: "\(school.label) ligt buiten elke eenheid van de kaart (\(Language.nl.distance(outside.distanceMeters)) ervandaan): meegeteld in de dichtstbijzijnde, \(label)"))
            }
            guard let unitCode, let unit = adjacency.position(of: unitCode) else {
                if students > 0 { unplacedTechnical.append(school.code) }
                continue
            }
            schoolsOfUnit[unit].append(school.code)
            if let location = school.location { locatedOfUnit[unit].append(location) }
            if students > 0 {
                technicalOfUnit[unit].append(school.code)
                studentsOfUnit[unit] += students
            }
        }
        if !unplacedTechnical.isEmpty {
            let list = unplacedTechnical.prefix(10).map(\.rawValue).joined(separator: ", ")
            let (count, rest) = (unplacedTechnical.count, unplacedTechnical.count - 10)
            notes.append(LocalizedText(
                en: "\(count) school\(count == 1 ? "" : "s") with a technical profile could not be placed on the map and \(count == 1 ? "is" : "are") in no catchment area: \(list)\(rest > 0 ? " and \(rest) more" : "")",
                nl: "\(Language.nl.count(count, "school", "scholen")) met een technisch profiel \(count == 1 ? "kon" : "konden") niet op de kaart worden geplaatst en \(count == 1 ? "ligt" : "liggen") in geen verzorgingsgebied: \(list)\(rest > 0 ? " en nog \(rest)" : "")"))
        }
        let measureOfUnit = (0..<n).map { measure?.values[adjacency.codes[$0]] ?? 0 }

        // Units: those with a geometry, and those without one that hold schools (at their schools' mean
        // location). A unit with neither cannot be placed and carries nothing: it is left out (noted).
        var coordinates = adjacency.centroids
        var leftOut: [Int] = []
        for u in adjacency.unitsWithoutGeometry {
            let located = locatedOfUnit[u]
            guard !located.isEmpty else {
                guard schoolsOfUnit[u].isEmpty, measureOfUnit[u] == 0 else {
                    let carries = "\(schoolsOfUnit[u].count) school\(schoolsOfUnit[u].count == 1 ? "" : "s"), none located"
                        + (measure.map { "; \(number(measureOfUnit[u])) \($0.name)" } ?? "")
                    throw CatchmentError(.badInput, "\(adjacency.label(u)) has an empty geometry and nothing to place it by (\(carries)): it cannot be placed in a catchment area; repair or remove it from the map")
                }
                leftOut.append(u)
                continue
            }
            coordinates[u] = Point(x: located.map(\.x).reduce(0, +) / Double(located.count),
                                   y: located.map(\.y).reduce(0, +) / Double(located.count))
        }
        if !leftOut.isEmpty {
            let (count, list) = (leftOut.count, leftOut.prefix(10).map(adjacency.label).joined(separator: ", ") + (leftOut.count > 10 ? ", …" : ""))
            notes.append(LocalizedText(
                en: "\(count) unit\(count == 1 ? "" : "s") with an empty geometry and nothing to count \(count == 1 ? "is" : "are") in no area: \(list)",
                nl: "\(Language.nl.count(count, "eenheid", "eenheden")) met een lege geometrie en niets om te tellen \(count == 1 ? "ligt" : "liggen") in geen gebied: \(list)"))
        }
        let excluded = Set(leftOut)
        let active = (0..<n).filter { !excluded.contains($0) }
        var positionInProblem = [Int](repeating: -1, count: n)
        for (i, u) in active.enumerated() { positionInProblem[u] = i }

        // The regionalization, over the active units.
        let bounds: [Double]
        let attributes: [[Double]]
        if let measure {
            bounds = [measure.minimum]
            attributes = active.map { [measureOfUnit[$0]] }
        } else {
            bounds = [Double(settings.minimumTechnicalSchools), Double(settings.minimumTechnicalStudents)]
            attributes = active.map { [Double(technicalOfUnit[$0].count), Double(studentsOfUnit[$0])] }
        }
        let problem = try MaxPRegionalization(
            unitCount: active.count,
            neighbors: active.map { adjacency.neighbors[$0].compactMap { positionInProblem[$0] >= 0 ? positionInProblem[$0] : nil } },
            attributes: attributes, lowerBounds: bounds, coordinates: active.map { coordinates[$0] })
        var generator = SplitMix64(seed: seed)
        let solution = problem.solve(options: options, using: &generator, progress: progress)
        let regions = solution.regions.map { $0.map { active[$0] } }

        // Areas, numbered by their lowest unit code.
        let regionCodes = regions.map { $0.map { adjacency.codes[$0] }.sorted() }
        let order = regionCodes.indices.sorted { regionCodes[$0].first ?? "" < regionCodes[$1].first ?? "" }
        let width = Swift.max(2, String(order.count).count)
        var areas: [CatchmentArea] = []
        var areaOfUnit: [String: Int] = [:]
        var areaOfSchool: [SchoolCode: Int] = [:]
        var areaOfRegion = [Int](repeating: 0, count: order.count)
        for (position, r) in order.enumerated() {
            let units = regions[r]
            let id = "C" + String(repeating: "0", count: Swift.max(0, width - String(position + 1).count)) + String(position + 1)
            let area = CatchmentArea(
                id: id, units: regionCodes[r], schools: units.flatMap { schoolsOfUnit[$0] }.sorted(),
                technicalSchools: units.flatMap { technicalOfUnit[$0] }.sorted(),
                technicalStudents: units.reduce(0) { $0 + studentsOfUnit[$1] },
                meetsThresholds: solution.meetsLowerBounds[r],
                measureTotal: measure.map { _ in units.reduce(0) { $0 + measureOfUnit[$1] } })
            areaOfRegion[r] = position
            for code in area.units { areaOfUnit[code] = position }
            for school in area.schools { areaOfSchool[school] = position }
            areas.append(area)
        }

        var links = adjacency.islandLinks.map {
            CatchmentPartition.Link(kind: .island, from: adjacency.codes[$0.from], to: adjacency.codes[$0.to],
                                    distanceMeters: $0.distanceMeters)
        }
        for link in solution.componentLinks {
            let (from, to) = (active[link.from], active[link.to])
            links.append(.init(kind: .component, from: adjacency.codes[from], to: adjacency.codes[to],
                               distanceMeters: link.distanceMeters))
            let others = link.units.count - 1
            let area = areas[areaOfRegion[solution.regionOfUnit[link.to]]].id
            notes.append(LocalizedText(
                en: "\(adjacency.label(from))\(others > 0 ? " and \(others) other unit\(others > 1 ? "s" : "")" : "") cannot reach the thresholds on their own and share no border with the rest: joined to area \(area) through \(adjacency.label(to)), \(Language.en.distance(link.distanceMeters)) between centroids",
                nl: "\(adjacency.label(from))\(others > 0 ? " en " + Language.nl.count(others, "andere eenheid", "andere eenheden") : "") \(others > 0 ? "halen" : "haalt") de drempels niet op eigen kracht en \(others > 0 ? "delen" : "deelt") geen grens met de rest: bij gebied \(area) gevoegd via \(adjacency.label(to)), \(Language.nl.distance(link.distanceMeters)) tussen de middelpunten"))
        }
        let (minimumSchools, minimumStudents) = (settings.minimumTechnicalSchools, settings.minimumTechnicalStudents)
        let thresholds = measure.map { LocalizedText("\(number($0.minimum)) \($0.name)") }
            ?? LocalizedText(en: "\(minimumSchools) schools, \(minimumStudents) students",
                             nl: "\(Language.nl.count(minimumSchools, "school", "scholen")), \(minimumStudents) leerlingen")
        for area in areas where !area.meetsThresholds {
            let (schools, students) = (area.technicalSchoolCount, area.technicalStudents)
            let has = measure.map { LocalizedText("\(number(area.measureTotal ?? 0)) \($0.name)") }
                ?? LocalizedText(en: "\(schools) school\(schools == 1 ? "" : "s") with a technical profile and \(students) technical students",
                                 nl: "\(Language.nl.count(schools, "school", "scholen")) met een technisch profiel en \(students) technische leerlingen")
            let units = area.units.prefix(3).joined(separator: ", ") + (area.units.count > 3 ? ", …" : "")
            notes.append(LocalizedText(
                en: "\(area.id) (\(units)) has \(has.en), below the thresholds (\(thresholds.en)): its connected part of the map holds no more",
                nl: "\(area.id) (\(units)) heeft \(has.nl), onder de drempels (\(thresholds.nl)): het samenhangende deel van de kaart bevat niet meer"))
        }

        let method = methodSentence(units: active.count, unitNoun: unitNoun, adjacency: adjacency, settings: settings,
                                    measure: measure, options: options, seed: seed)
        return CatchmentPartition(areas: areas, areaOfUnit: areaOfUnit, areaOfSchool: areaOfSchool, method: method,
                                  notes: notes, adjacency: adjacency, heterogeneityMeters: solution.heterogeneity,
                                  measureName: measure?.name, links: links)
    }

    /// What the units of a municipality map are called in the method sentence.
    public static let municipalitiesNoun = LocalizedText(en: "municipalities", nl: "gemeenten")

    /// The one-sentence description printed with every report.
    static func methodSentence(units: Int, unitNoun: LocalizedText, adjacency: UnitAdjacency, settings: AuditSettings,
                               measure: UnitMeasure?, options: MaxPRegionalization.Options, seed: UInt64) -> LocalizedText {
        let (length, tolerance) = (number(adjacency.options.minimumSharedLengthMeters), number(adjacency.options.toleranceMeters))
        let withinTolerance = adjacency.options.toleranceMeters > 0
        let links = adjacency.islandLinks.count
        let minimumStudents = settings.minimumTechnicalStudents, minimumSchools = settings.minimumTechnicalSchools
        let routes = settings.countTechnicalRoutes
        let iterations = options.constructionIterations
        // English.
        let border = "share at least \(length) m of border" + (withinTolerance ? " within \(tolerance) m" : "")
        let islands = links == 0 ? ""
            : "; \(links) island\(links == 1 ? "" : "s") or detached part\(links == 1 ? "" : "s") linked to the nearest mainland unit"
        let students = minimumStudents > 0 ? "at least \(minimumStudents) technical students" : "no minimum of technical students"
        let bound = measure.map { "at least \(number($0.minimum)) \($0.name) (the sum of the units' values)" }
            ?? "at least \(minimumSchools) schools with a technical profile and \(students)\(routes ? ", technical routes counted" : "")"
        let english = "Catchment areas are a max-p regionalization (Duque, Anselin & Rey 2012; Wei, Rey & Knaap 2020) of the \(units) \(unitNoun.en) into as many contiguous areas as possible (neighbours \(border)\(islands)), each with \(bound), kept compact by the least sum of distances between unit centroids (\(iterations) constructions, tabu search, seed \(seed))."
        // Dutch.
        let grens = "delen minstens \(length) m grens" + (withinTolerance ? " binnen \(tolerance) m" : "")
        let eilanden = links == 0 ? ""
            : "; \(links) \(links == 1 ? "eiland of los deel" : "eilanden of losse delen") gekoppeld aan de dichtstbijzijnde eenheid op het vasteland"
        let leerlingen = minimumStudents > 0 ? "minstens \(minimumStudents) technische leerlingen" : "geen minimum aan technische leerlingen"
        let ondergrens = measure.map { "minstens \(number($0.minimum)) \($0.name) (de som van de waarden van de eenheden)" }
            ?? "minstens \(Language.nl.count(minimumSchools, "school", "scholen")) met een technisch profiel en \(leerlingen)\(routes ? ", technische routes meegeteld" : "")"
        let dutch = "Verzorgingsgebieden zijn een max-p-regionalisatie (Duque, Anselin & Rey 2012; Wei, Rey & Knaap 2020) van de \(units) \(unitNoun.nl) in zo veel mogelijk aaneengesloten gebieden (buren \(grens)\(eilanden)), elk met \(ondergrens), compact gehouden door de kleinste som van afstanden tussen de middelpunten van de eenheden (\(iterations) constructies, tabu search, seed \(seed))."
        return LocalizedText(en: english, nl: dutch)
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format: "%.6g", value)
    }

}
