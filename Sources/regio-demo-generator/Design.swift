import RegioDomain
import RegioSpatial

/// The regions of the demo, in registration-number order: `rawValue` is the number after "STO19".
///
/// Most are sensible regions; the others exist to plant one clear case of a rule (see `PLANTED.md`).
enum RegionRole: Int, CaseIterable, Comparable {
    /// Sensible; holds the south end of the split-close pair and the west end of the 5.1 km near miss.
    case southWest = 1
    /// Sensible, technical share exactly 10.0 % (a near miss for `techniekarm`).
    case southCentre
    /// Sensible; holds the north end of the split-close pair and the malformed code.
    case westCoast
    /// Sensible; lists the school that `east` lists too.
    case southEast
    /// Sensible; lists a `southEast` school and a well-formed code that is not in the register.
    case east
    /// Share well above 10 %, but the lead has no technical student.
    case leadWithoutTechnology
    /// Schools on an east–west arm; with `crossNorthSouth` it forms a plus sign: overlapping territories.
    case crossWestEast
    /// Schools on a north–south arm crossing `crossWestEast`.
    case crossNorthSouth
    /// One technical school, with other technical schools 10–15 km away.
    case undersized
    /// About 6 % technical students; its lead has none.
    case technologyPoor
    /// Four municipalities around a vertex, with `smallInside` in the middle.
    case largeArea
    /// Two schools in the middle of `largeArea`, in one of its municipalities: a merge candidate.
    case smallInside
    /// Four municipalities around a vertex, with an `enclaveOwner` school in the middle.
    case enclaveHost
    /// Sensible, but one of its locations sits in the middle of `enclaveHost`.
    case enclaveOwner
    /// Two groups of schools about 40 km apart.
    case fragmented
    /// The island: one technical school and no other within 25 km.
    case island
    /// Declared with one row whose BRIN code is empty.
    case empty

    /// The registration number, e.g. "STO19001".
    var id: RegionID {
        let digits = String(rawValue)
        return RegionID("STO19" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits)
    }

    static func < (a: RegionRole, b: RegionRole) -> Bool { a.rawValue < b.rawValue }
}

/// How much technical education a vmbo school offers.
enum TechnologyLevel {
    /// Two to four of the five technical profiles.
    case strong
    /// One or two technical profiles.
    case modest
    /// No technical profile.
    case none
    /// No technical profile, but theoretical-track (TL) rows in the old sector "Techniek": they do not count.
    case noneButTheoreticalTechnology
    /// One technical profile whose size is set afterwards to give its region a target share.
    case tunedShare
}

/// The kind of school in the design, which decides ONDERWIJSSTRUCTUUR and the pupil rows. Finer than
/// RegioDomain's `SchoolKind` (which the audit derives from the written ONDERWIJSSTRUCTUUR): it also says how
/// much technology a vmbo school offers and whether it has havo/vwo.
enum DemoSchoolKind {
    /// A vmbo school; `withHavoVwo` makes it a *scholengemeenschap* (VBO/MAVO/HAVO/VWO).
    case vmbo(TechnologyLevel, withHavoVwo: Bool)
    /// Theoretical track only.
    case mavo
    case praktijkonderwijs
    case havoVwo
    /// Special secondary education: not in DUO's VO pupil file, so it gets no pupil rows.
    case vso

    var isVmbo: Bool {
        if case .vmbo = self { return true }
        return false
    }
}

/// Where a school is put. Offsets are metres in RD New.
enum Placement {
    /// Within 1.5 km of the main town of its cell.
    case town
    /// Exactly at the main town's centre, and written without coordinates: readers must place it by
    /// its postcode (the town's PC4 centroid is the same point).
    case townCentreWithoutCoordinates
    /// At a fixed offset from the jittered grid vertex (i, j).
    case fromVertex(Int, Int, dx: Double, dy: Double)
    /// On the normal of `edge` through its midpoint, `offset` metres from it (negative: below or left).
    case acrossEdge(GridEdge, offset: Double)
    /// On the island, within 1.2 km of its centre.
    case island
}

/// Schools that a planted case refers to.
enum Mark: Hashable {
    case splitCloseSouth, splitCloseNorth
    case nearMissWest, nearMissEast
    case splitInstitution
    case doubleListed
    case enclave
    case uncovered
    case islandTechnology
}

/// One school of the design, before it gets a code, a name and coordinates.
struct SchoolSpec {
    /// The municipality cell it lies in; `nil` for the island.
    let cell: Cell?
    let kind: DemoSchoolKind
    /// The regions that list it: none, one, or two for the planted double listing.
    let regions: [RegionRole]
    /// Whether it is the lead applicant (*penvoerder*) of its region.
    let isLead: Bool
    /// Schools with the same key are locations of one institution (one BRIN4).
    let institution: String
    let placement: Placement
    let mark: Mark?

    init(_ cell: Cell?, _ kind: DemoSchoolKind, _ regions: [RegionRole], lead: Bool = false, _ institution: String,
         _ placement: Placement = .town, mark: Mark? = nil) {
        self.cell = cell
        self.kind = kind
        self.regions = regions
        self.isLead = lead
        self.institution = institution
        self.placement = placement
        self.mark = mark
    }
}

/// The hand-made layout of the demo: which region sits where, and every school. The random generator
/// only jitters positions, sizes, names and codes; the structure below is the same for every seed,
/// so the planted cases hold for every seed (the generator verifies them and retries otherwise).
enum Design {
    /// Vertex at the centre of the `largeArea` block of four cells (1,3), (2,3), (1,4), (2,4).
    static let largeAreaVertex = (2, 4)
    /// Vertex at the centre of the `enclaveHost` block of four cells (3,3), (4,3), (3,4), (4,4); the
    /// enclave school lies 2.3 km south-east of it, towards its own region.
    static let enclaveHostVertex = (4, 4)
    /// Vertex at the centre of the plus sign of `crossWestEast` and `crossNorthSouth`.
    static let crossVertex = (3, 2)

    /// The settings the cases are planted for: the audit's defaults.
    static let settings = AuditSettings()
    /// Distance of the planted split-close pair, metres: half the close-by distance (2.5 km of 5 km).
    static let splitCloseDistance = settings.closeByDistanceMeters / 2
    /// Distance of the near-miss pair, metres: just above the close-by distance (5.1 km).
    static let nearMissDistance = settings.closeByDistanceMeters + 100
    /// Every other pair of schools in different regions is at least this far apart, metres (5.6 km).
    static let minimumCrossRegionDistance = settings.closeByDistanceMeters + 600
    /// No technical school other than the island's lies within this distance of it, metres: 5 km beyond
    /// the isolation distance (25 km).
    static let islandIsolation = settings.isolationDistanceMeters + 5_000

    /// Where each cell's main town sits relative to the cell's centre, metres: towns of a two-cell
    /// region lean towards each other, so that regions read as clusters on the map.
    static func townShift(of cell: Cell) -> Point {
        switch (cell.column, cell.row) {
        case (0, 0), (2, 0): return Point(x: 2_500, y: 0)
        case (1, 0), (3, 0): return Point(x: -2_500, y: 0)
        case (5, 3): return Point(x: -2_500, y: 2_500)   // also towards the enclave school
        case (2, 4): return Point(x: 1_500, y: 1_500)    // away from the smallInside schools
        case (0, 1), (4, 0), (5, 1), (1, 1), (0, 3): return Point(x: 0, y: 2_500)
        case (0, 2), (4, 1), (5, 2), (1, 2), (0, 4), (5, 4): return Point(x: 0, y: -2_500)
        default: return Point(x: 0, y: 0)
        }
    }

    /// Every school of the demo. The order fixes the location numbers within an institution.
    static let schools: [SchoolSpec] = southAndWestSchools + middleSchools + northAndEastSchools

    /// The schools of the five sensible regions in the south and west, and of `leadWithoutTechnology`.
    private static let southAndWestSchools: [SchoolSpec] = [
        // southWest: cells (0,0) and (1,0).
        SchoolSpec(Cell(0, 0), .havoVwo, [], "sw-a"),
        SchoolSpec(Cell(0, 0), .vmbo(.strong, withHavoVwo: true), [.southWest], lead: true, "sw-a"),
        SchoolSpec(Cell(0, 0), .praktijkonderwijs, [.southWest], "sw-p"),
        SchoolSpec(Cell(0, 0), .vmbo(.modest, withHavoVwo: false), [.southWest], "sw-x",
                   .acrossEdge(.horizontal(0, 1), offset: -splitCloseDistance / 2), mark: .splitCloseSouth),
        SchoolSpec(Cell(1, 0), .vmbo(.strong, withHavoVwo: false), [.southWest], "sw-b"),
        SchoolSpec(Cell(1, 0), .vmbo(.none, withHavoVwo: false), [.southWest], "sw-b"),
        SchoolSpec(Cell(1, 0), .vmbo(.modest, withHavoVwo: false), [.southWest], "sw-c",
                   .acrossEdge(.vertical(2, 0), offset: -nearMissDistance / 2), mark: .nearMissWest),

        // southCentre: cells (2,0) and (3,0); share tuned to exactly 10.0 %.
        SchoolSpec(Cell(2, 0), .vmbo(.tunedShare, withHavoVwo: false), [.southCentre], lead: true, "sc-a"),
        SchoolSpec(Cell(2, 0), .vmbo(.none, withHavoVwo: false), [.southCentre], "sc-a"),
        SchoolSpec(Cell(2, 0), .vmbo(.none, withHavoVwo: false), [.southCentre], "sc-c",
                   .acrossEdge(.vertical(2, 0), offset: nearMissDistance / 2), mark: .nearMissEast),
        SchoolSpec(Cell(3, 0), .vmbo(.tunedShare, withHavoVwo: false), [.southCentre], "split",
                   mark: .splitInstitution),
        SchoolSpec(Cell(3, 0), .havoVwo, [], "sc-h"),

        // westCoast: cells (0,1) and (0,2).
        SchoolSpec(Cell(0, 1), .vmbo(.modest, withHavoVwo: false), [.westCoast], "wc-y",
                   .acrossEdge(.horizontal(0, 1), offset: splitCloseDistance / 2), mark: .splitCloseNorth),
        SchoolSpec(Cell(0, 1), .vmbo(.strong, withHavoVwo: true), [.westCoast], lead: true, "wc-a"),
        SchoolSpec(Cell(0, 1), .vmbo(.none, withHavoVwo: false), [.westCoast], "wc-a"),
        SchoolSpec(Cell(0, 2), .vmbo(.strong, withHavoVwo: false), [.westCoast], "wc-b"),
        SchoolSpec(Cell(0, 2), .praktijkonderwijs, [.westCoast], "wc-p", .townCentreWithoutCoordinates),

        // southEast: cells (4,0) and (4,1).
        SchoolSpec(Cell(4, 0), .vmbo(.strong, withHavoVwo: false), [.southEast], lead: true, "se-a"),
        SchoolSpec(Cell(4, 0), .vmbo(.modest, withHavoVwo: false), [.southEast], "split", mark: .splitInstitution),
        SchoolSpec(Cell(4, 0), .vso, [.southEast], "se-v"),
        SchoolSpec(Cell(4, 1), .havoVwo, [], "se-b"),
        SchoolSpec(Cell(4, 1), .vmbo(.strong, withHavoVwo: false), [.southEast], "se-b"),
        SchoolSpec(Cell(4, 1), .vmbo(.none, withHavoVwo: false), [.southEast, .east], "se-d", mark: .doubleListed),

        // east: cells (5,1) and (5,2).
        SchoolSpec(Cell(5, 1), .vmbo(.strong, withHavoVwo: true), [.east], lead: true, "ea-a"),
        SchoolSpec(Cell(5, 1), .vmbo(.none, withHavoVwo: false), [.east], "ea-a"),
        SchoolSpec(Cell(5, 2), .vmbo(.strong, withHavoVwo: false), [.east], "ea-b"),
        SchoolSpec(Cell(5, 2), .vmbo(.none, withHavoVwo: false), [.east], "ea-c", .townCentreWithoutCoordinates),
        SchoolSpec(Cell(5, 2), .mavo, [.east], "ea-m"),

        // leadWithoutTechnology: cells (1,1) and (1,2).
        SchoolSpec(Cell(1, 1), .vmbo(.noneButTheoreticalTechnology, withHavoVwo: false), [.leadWithoutTechnology],
                   lead: true, "lw-a"),
        SchoolSpec(Cell(1, 1), .vmbo(.strong, withHavoVwo: false), [.leadWithoutTechnology], "lw-b"),
        SchoolSpec(Cell(1, 2), .vmbo(.strong, withHavoVwo: false), [.leadWithoutTechnology], "lw-c"),
        SchoolSpec(Cell(1, 2), .vmbo(.none, withHavoVwo: false), [.leadWithoutTechnology], "lw-c"),
        SchoolSpec(Cell(1, 2), .havoVwo, [], "lw-h"),
    ]

    /// The schools of the crossing pair, `undersized`, `technologyPoor`, `largeArea` and `smallInside`.
    private static let middleSchools: [SchoolSpec] = {
        let (lx, ly) = largeAreaVertex, (cx, cy) = crossVertex
        return [
            // crossWestEast and crossNorthSouth: a plus sign around vertex (3,2); each of the four cells
            // holds one school of each region, 6.4 km apart.
            SchoolSpec(Cell(3, 2), .vmbo(.strong, withHavoVwo: false), [.crossWestEast], lead: true, "we-a",
                       .fromVertex(cx, cy, dx: 7_000, dy: 2_500)),
            SchoolSpec(Cell(3, 1), .vmbo(.strong, withHavoVwo: false), [.crossWestEast], "we-a",
                       .fromVertex(cx, cy, dx: 7_000, dy: -2_500)),
            SchoolSpec(Cell(2, 2), .vmbo(.modest, withHavoVwo: false), [.crossWestEast], "we-b",
                       .fromVertex(cx, cy, dx: -7_000, dy: 2_500)),
            SchoolSpec(Cell(2, 1), .vmbo(.none, withHavoVwo: false), [.crossWestEast], "we-b",
                       .fromVertex(cx, cy, dx: -7_000, dy: -2_500)),
            SchoolSpec(Cell(3, 2), .vmbo(.strong, withHavoVwo: false), [.crossNorthSouth], lead: true, "ns-a",
                       .fromVertex(cx, cy, dx: 2_500, dy: 7_000)),
            SchoolSpec(Cell(2, 2), .vmbo(.none, withHavoVwo: false), [.crossNorthSouth], "ns-a",
                       .fromVertex(cx, cy, dx: -2_500, dy: 7_000)),
            SchoolSpec(Cell(3, 1), .vmbo(.modest, withHavoVwo: false), [.crossNorthSouth], "ns-b",
                       .fromVertex(cx, cy, dx: 2_500, dy: -7_000)),
            SchoolSpec(Cell(2, 1), .vmbo(.none, withHavoVwo: false), [.crossNorthSouth], "ns-b",
                       .fromVertex(cx, cy, dx: -2_500, dy: -7_000)),
            SchoolSpec(Cell(2, 2), .havoVwo, [], "cr-h"),

            // undersized: cell (4,2).
            SchoolSpec(Cell(4, 2), .vmbo(.strong, withHavoVwo: false), [.undersized], lead: true, "un-a"),
            SchoolSpec(Cell(4, 2), .vmbo(.none, withHavoVwo: false), [.undersized], "un-b"),

            // technologyPoor: cells (0,3) and (0,4); share tuned to about 6 %.
            SchoolSpec(Cell(0, 3), .vmbo(.none, withHavoVwo: false), [.technologyPoor], lead: true, "tp-a"),
            SchoolSpec(Cell(0, 3), .vmbo(.tunedShare, withHavoVwo: false), [.technologyPoor], "tp-a"),
            SchoolSpec(Cell(0, 3), .havoVwo, [], "tp-h", .townCentreWithoutCoordinates),
            SchoolSpec(Cell(0, 4), .vmbo(.tunedShare, withHavoVwo: false), [.technologyPoor], "tp-b"),
            SchoolSpec(Cell(0, 4), .vmbo(.none, withHavoVwo: false), [.technologyPoor], "tp-c"),
            SchoolSpec(Cell(0, 4), .praktijkonderwijs, [.technologyPoor], "tp-p"),

            // largeArea: the block around vertex (2,4). Both smallInside schools lie in cell (2,4), 2.5 and
            // 4.8 km from the vertex, in the municipality where largeArea has a technical school too, so any
            // catchment area made of whole municipalities puts them together with it.
            SchoolSpec(Cell(1, 4), .vmbo(.strong, withHavoVwo: true), [.largeArea], lead: true, "la-a"),
            SchoolSpec(Cell(1, 4), .vmbo(.none, withHavoVwo: false), [.largeArea], "la-a"),
            SchoolSpec(Cell(2, 4), .vmbo(.strong, withHavoVwo: false), [.largeArea], "la-b"),
            SchoolSpec(Cell(2, 3), .vmbo(.modest, withHavoVwo: false), [.largeArea], "la-c"),
            SchoolSpec(Cell(1, 3), .vmbo(.none, withHavoVwo: false), [.largeArea], "la-d"),
            SchoolSpec(Cell(1, 3), .praktijkonderwijs, [.largeArea], "la-p"),
            SchoolSpec(Cell(1, 4), .havoVwo, [], "la-h"),
            SchoolSpec(Cell(2, 4), .vmbo(.strong, withHavoVwo: false), [.smallInside], lead: true, "si-a",
                       .fromVertex(lx, ly, dx: 2_000, dy: 1_600)),
            SchoolSpec(Cell(2, 4), .vmbo(.modest, withHavoVwo: false), [.smallInside], "si-b",
                       .fromVertex(lx, ly, dx: 3_200, dy: 3_600)),
        ]
    }()

    /// The schools of the enclave pair, `fragmented`, the island, and the schools of no region.
    private static let northAndEastSchools: [SchoolSpec] = {
        let (ex, ey) = enclaveHostVertex
        return [
            // enclaveHost: the block around vertex (4,4); an enclaveOwner school 2.3 km south-east of the vertex.
            SchoolSpec(Cell(3, 4), .vmbo(.strong, withHavoVwo: false), [.enclaveHost], lead: true, "eh-a"),
            SchoolSpec(Cell(4, 4), .vmbo(.strong, withHavoVwo: false), [.enclaveHost], "eh-b"),
            SchoolSpec(Cell(4, 4), .vmbo(.none, withHavoVwo: false), [.enclaveHost], "eh-b"),
            SchoolSpec(Cell(4, 3), .vmbo(.modest, withHavoVwo: false), [.enclaveHost], "eh-c"),
            SchoolSpec(Cell(3, 3), .vmbo(.none, withHavoVwo: false), [.enclaveHost], "eh-d"),
            SchoolSpec(Cell(3, 3), .praktijkonderwijs, [.enclaveHost], "eh-p"),
            SchoolSpec(Cell(4, 4), .havoVwo, [], "eh-h"),

            // enclaveOwner: cells (5,3) and (5,4), plus the enclave location.
            SchoolSpec(Cell(5, 3), .vmbo(.strong, withHavoVwo: false), [.enclaveOwner], lead: true, "eo-a"),
            SchoolSpec(Cell(5, 3), .vmbo(.none, withHavoVwo: false), [.enclaveOwner], "eo-a"),
            SchoolSpec(Cell(4, 3), .vmbo(.modest, withHavoVwo: false), [.enclaveOwner], "eo-a",
                       .fromVertex(ex, ey, dx: 2_000, dy: -1_200), mark: .enclave),
            SchoolSpec(Cell(5, 4), .vmbo(.strong, withHavoVwo: false), [.enclaveOwner], "eo-b"),
            SchoolSpec(Cell(5, 4), .havoVwo, [], "eo-h"),

            // fragmented: cells (1,5) and (4,5), 40 km apart.
            SchoolSpec(Cell(1, 5), .vmbo(.strong, withHavoVwo: false), [.fragmented], lead: true, "fr-a"),
            SchoolSpec(Cell(1, 5), .vmbo(.none, withHavoVwo: false), [.fragmented], "fr-a"),
            SchoolSpec(Cell(4, 5), .vmbo(.strong, withHavoVwo: false), [.fragmented], "fr-b"),
            SchoolSpec(Cell(4, 5), .vmbo(.none, withHavoVwo: false), [.fragmented], "fr-c"),

            // island.
            SchoolSpec(nil, .vmbo(.strong, withHavoVwo: false), [.island], lead: true, "is-a", .island,
                       mark: .islandTechnology),
            SchoolSpec(nil, .praktijkonderwijs, [.island], "is-p", .island),

            // No region: the uncovered technical school in the north-east corner, and schools of the
            // northern cells between the two halves of `fragmented` (none of them technical).
            SchoolSpec(Cell(5, 5), .vmbo(.strong, withHavoVwo: false), [], "nr-u", mark: .uncovered),
            SchoolSpec(Cell(5, 5), .havoVwo, [], "nr-h"),
            SchoolSpec(Cell(2, 5), .havoVwo, [], "nr-i"),
            SchoolSpec(Cell(2, 5), .praktijkonderwijs, [], "nr-p"),
            SchoolSpec(Cell(3, 5), .vso, [], "nr-v"),
            SchoolSpec(Cell(3, 5), .mavo, [], "nr-m"),
        ]
    }()
}
