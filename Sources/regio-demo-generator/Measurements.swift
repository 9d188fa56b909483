import RegioSpatial

/// Per-region numbers, as the audit will compute them with default settings.
struct RegionSummary {
    let role: RegionRole
    let members: [Int]
    let lead: Int?
    let countedPupils: Int
    let technicalPupils: Int
    let technicalSchools: [Int]
    /// The longest link needed to connect all its schools (single linkage), metres; 0 for < 2 schools.
    let largestGap: Double

    /// Technical share, or `nil` without counted pupils.
    var share: Double? { countedPupils > 0 ? Double(technicalPupils) / Double(countedPupils) : nil }
}

/// What the generator measured on the finished dataset, after a round trip through the written
/// coordinates (WGS84 rounded to 6 decimals, back to RD New), for PLANTED.md.
struct Measurements {
    /// Distances of the planted split-close pair and of the near-miss pair, metres.
    let splitClose: Double
    let nearMiss: Double
    /// The closest pair of schools in different regions other than the two planted pairs.
    let closestOtherPair: (a: Int, b: Int, distance: Double)
    /// The nearest other technical school to the island's, and to the undersized region's, metres.
    let islandIsolation: (school: Int, distance: Double)
    let undersizedNeighbour: (school: Int, distance: Double)
    /// The shortest distance between the two groups of the fragmented region, metres.
    let fragmentedGap: Double
    /// From the enclave school to the nearest host school and to its own region's nearest school, metres.
    let enclaveToHost: Double
    let enclaveToOwnRegion: Double
    /// From the small region's schools to the nearest school of the large one, metres.
    let smallToLarge: Double
    /// Area of the intersection of the convex hulls of the two crossing regions, and of each hull, m².
    let crossOverlap: (intersection: Double, westEast: Double, northSouth: Double)
    /// Pairs of regions whose territories (default method, see ``Checks/territory(of:builder:)``) overlap by more
    /// than 1 km², with the overlap in m².
    let territoryOverlaps: [(a: RegionRole, b: RegionRole, area: Double)]
    let summaries: [RegionSummary]
}

