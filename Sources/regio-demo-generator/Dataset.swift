import RegioDomain
import RegioSpatial

/// Everything the demo files are written from. Positions are RD New metres.
struct DemoDataset {
    let seed: UInt64
    /// Mainland municipalities in grid-cell order, then the island.
    let municipalities: [DemoMunicipality]
    /// In design order (``Design/schools``).
    let schools: [DemoSchool]
    let settlements: [Settlement]
    let postcodes: [PostcodeArea]
    /// The pupil rows of each school, same order as `schools`.
    let pupilRows: [[PupilRow]]
    let regionNames: [RegionRole: String]
    let registrations: [RegistrationRow]

    /// The seed the generator uses when `--seed` is not given (the committed geodata/demo).
    static let defaultSeed: UInt64 = 20_181_001

    /// How many layouts to draw before giving up.
    static let maximumAttempts = 200

    /// Generates the dataset for `seed`. The same seed gives the same dataset: every random choice comes
    /// from one ``SplitMix64`` stream, and a layout that does not fit is redrawn from that same stream.
    /// Returns the dataset with what ``Checks/verify(_:context:)`` measured on it.
    static func generate(seed: UInt64) throws -> (DemoDataset, Measurements) {
        var random = SplitMix64(seed: seed)
        let context = GeometryContext()
        var lastReason = ""
        for _ in 0..<maximumAttempts {
            do {
                let data = try build(seed: seed, random: &random, context: context)
                return (data, try Checks.verify(data, context: context))
            } catch let rejected as DrawRejected {
                lastReason = rejected.reason
            }
        }
        throw DrawRejected(reason: "no layout fitted the design in \(maximumAttempts) attempts; the last failed with: \(lastReason)")
    }

    private static func build(seed: UInt64, random: inout SplitMix64, context: GeometryContext) throws -> DemoDataset {
        // 1. Municipality shapes: the jittered grid and the island.
        let grid = MunicipalityGrid(random: &random)
        let island = Island(random: &random)
        let cells = MunicipalityGrid.cells
        let rings = cells.map(grid.ring(of:)) + [island.ring]
        let shapes = try MunicipalityShapes(rings: rings, context: context)
        for (index, polygon) in shapes.polygons.enumerated() where !polygon.isValid {
            throw DrawRejected(reason: "municipality \(index) is invalid: \(polygon.validityReason)")
        }
        func municipalityIndex(_ cell: Cell?) -> Int {
            guard let cell else { return cells.count }
            return cells.firstIndex(of: cell) ?? cells.count
        }

        // 2. Names, towns and CBS numbers (alphabetical, as CBS numbered the old municipalities).
        let names = random.shuffled(PlaceNames.municipalities)
        var municipalities: [DemoMunicipality] = []
        for (index, cell) in cells.enumerated() {
            let nominal = MunicipalityGrid.centre(of: cell), shift = Design.townShift(of: cell)
            var town: Point?
            for _ in 0..<20 {
                let candidate = Point(x: nominal.x + shift.x + random.jitter(700), y: nominal.y + shift.y + random.jitter(700))
                if try shapes.contains(candidate, municipality: index, margin: 1_500) {
                    town = candidate
                    break
                }
            }
            guard let town else { throw DrawRejected(reason: "no room for the town of cell \(cell)") }
            let areaCode = PlaceNames.areaCodes[random.integer(in: 0...(PlaceNames.areaCodes.count - 1))]
            municipalities.append(DemoMunicipality(number: 0, name: names[index], cell: cell, ring: rings[index],
                                                   province: cell.column == 0 ? "Utrecht" : "Gelderland",
                                                   areaCode: areaCode, town: town))
        }
        municipalities.append(DemoMunicipality(number: 0, name: PlaceNames.island, cell: nil, ring: island.ring,
                                               province: "Flevoland", areaCode: "0527", town: island.centre))
        func sortKey(_ name: String) -> String {
            (name.hasPrefix("'s-") ? String(name.dropFirst(3)) : name).lowercased()
        }
        let alphabetical = municipalities.indices.sorted { sortKey(municipalities[$0].name) < sortKey(municipalities[$1].name) }
        for (rank, index) in alphabetical.enumerated() { municipalities[index].number = 9001 + rank }

        // 3. School positions.
        let specs = Design.schools
        let placer = SchoolPlacer(grid: grid, island: island, shapes: shapes, towns: municipalities.map(\.town),
                                  municipalityIndex: municipalityIndex)
        let positions = try placer.place(specs, random: &random)
        var schools = specs.indices.map { DemoSchool(spec: specs[$0], position: positions[$0],
                                                     municipality: municipalityIndex(specs[$0].cell)) }

        // 4. Place names and postcodes.
        let settlements = try Places.settle(&schools, municipalities: municipalities, shapes: shapes, random: &random)
        let postcodes = try Places.postcodes(settlements: settlements, schools: schools, municipalities: municipalities,
                                             shapes: shapes, random: &random)
        try Places.assignPostcodes(&schools, areas: postcodes, random: &random)

        // 5. Codes, names and ONDERWIJSSTRUCTUUR.
        nameSchools(&schools, settlements: settlements, random: &random)

        // 6. Pupil rows, with the two tuned shares.
        var rows = schools.map { PupilCounts.rows(for: $0.spec, structure: $0.structure, random: &random) }
        let tenPercent = schools.indices.filter { schools[$0].spec.regions.contains(.southCentre) }
        try PupilCounts.tune(rows: &rows, members: tenPercent, target: .exactlyTenPercent, random: &random)
        let poor = schools.indices.filter { schools[$0].spec.regions.contains(.technologyPoor) }
        try PupilCounts.tune(rows: &rows, members: poor, target: .about(0.06), random: &random)

        // 7. Registrations.
        let regionNames = Registrations.regionNames { cell in municipalities[municipalityIndex(cell)].name }
        let registrations = Registrations.rows(schools: schools, names: regionNames)

        return DemoDataset(seed: seed, municipalities: municipalities, schools: schools, settlements: settlements,
                           postcodes: postcodes, pupilRows: rows, regionNames: regionNames, registrations: registrations)
    }

    /// Gives every school its BRIN6 (institutions in design order get random BRIN4s, locations are
    /// numbered 00, 01, … in design order), a name and its ONDERWIJSSTRUCTUUR.
    private static func nameSchools(_ schools: inout [DemoSchool], settlements: [Settlement], random: inout SplitMix64) {
        var keys: [String] = []
        for school in schools where !keys.contains(school.spec.institution) { keys.append(school.spec.institution) }
        let codes = SchoolNaming.institutionCodes(count: keys.count, random: &random)
        for (key, code) in zip(keys, codes) {
            let locations = schools.indices.filter { schools[$0].spec.institution == key }
            // Name the institution after its vmbo location if it has one, in that location's town.
            let main = locations.first { schools[$0].spec.kind.isVmbo } ?? locations[0]
            let town = settlements[schools[main].municipality].name
            let broad = locations.contains { index in
                switch schools[index].spec.kind {
                case .havoVwo, .vmbo(_, withHavoVwo: true): return true
                default: return false
                }
            }
            let institutionName = SchoolNaming.institutionName(kind: schools[main].spec.kind, broad: broad, town: town,
                                                               random: &random)
            let streets = random.shuffled(SchoolNaming.streets)
            for (number, index) in locations.enumerated() {
                schools[index].institutionCode = code
                schools[index].locationNumber = number
                schools[index].name = locations.count == 1 ? institutionName
                    : "\(institutionName), locatie \(streets[number % streets.count])"
                schools[index].structure = SchoolNaming.structure(of: schools[index].spec.kind, random: &random)
            }
        }
    }

    /// The schools a region lists (design order), without the planted bad codes.
    func members(of role: RegionRole) -> [Int] {
        schools.indices.filter { schools[$0].spec.regions.contains(role) }
    }

    /// The lead school of a region, if it has one.
    func lead(of role: RegionRole) -> Int? {
        members(of: role).first { schools[$0].spec.isLead }
    }

    /// Counted pupils (BB/KB/GL, year 3–4) of a school.
    func countedPupils(_ school: Int) -> Int {
        pupilRows[school].filter(\.isCounted).reduce(0) { $0 + $1.yearsThreeAndFour }
    }

    /// Technical pupils (counted pupils in the five technical profiles) of a school.
    func technicalPupils(_ school: Int) -> Int {
        pupilRows[school].filter(\.isTechnical).reduce(0) { $0 + $1.yearsThreeAndFour }
    }
}
