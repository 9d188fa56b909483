import Foundation
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
    /// Pairs of regions whose territories (default method, see ``Checks/territory(of:land:context:)``) overlap by more
    /// than 1 km², with the overlap in m².
    let territoryOverlaps: [(a: RegionRole, b: RegionRole, area: Double)]
    let summaries: [RegionSummary]
}

/// Verifies every property the planted cases and the "no accidental errors" promise rest on. A failure
/// throws ``DrawRejected`` so that the generator draws a new layout.
enum Checks {
    /// Checks `data` and measures what PLANTED.md reports. Positions are taken as a reader of the
    /// written files gets them (see ``roundTrip(_:decimals:)``).
    static func verify(_ data: DemoDataset, context: GeometryContext) throws -> Measurements {
        func require(_ condition: Bool, _ message: @autoclosure () -> String) throws {
            if !condition { throw DrawRejected(reason: message()) }
        }
        let schools = data.schools
        try require((60...120).contains(schools.count), "\(schools.count) schools, not 60–120")
        try require(Set(schools.map(\.code)).count == schools.count, "duplicate BRIN6 codes")

        // Municipalities: valid, tiling the mainland without overlap, island apart.
        let shapes = try MunicipalityShapes(rings: data.municipalities.map(\.ring), context: context)
        let mainland = Array(shapes.polygons.dropLast())
        guard let islandShape = shapes.polygons.last else { throw DrawRejected(reason: "no municipalities") }
        let union = try context.collection(.multiPolygon, of: mainland).unaryUnion()
        let summed = mainland.reduce(0) { $0 + $1.area }
        try require(abs(summed - union.area) < 1, "municipalities overlap: \(summed - union.area) m²")
        try require(union.kind == .polygon && union.polygonRings.count == 1, "the mainland is not one polygon without holes")
        try require(try union.distance(to: islandShape) >= 5_000, "the island is closer than 5 km to the mainland")

        // Positions as a reader gets them: WGS84 with 6 decimals (7 for postcode centroids), back to RD.
        let positions = try roundTrip(schools.map(\.position), decimals: schools.map { $0.omitsCoordinates ? 7 : 6 })
        for (index, school) in schools.enumerated() {
            let covering = shapes.municipalities(covering: positions[index])
            try require(covering == [school.municipality], "school \(school.code) is not inside only its municipality")
            try require(try shapes.distanceToBoundary(positions[index], municipality: school.municipality) >= 250,
                        "school \(school.code) is within 250 m of its border")
        }
        for area in data.postcodes {
            let m = data.settlements[area.settlement].municipality
            try require(try shapes.contains(area.centroid, municipality: m, margin: 100), "PC4 \(area.code) outside its municipality")
        }

        // Distances between schools of different regions.
        func index(_ mark: Mark) throws -> Int {
            guard let i = schools.firstIndex(where: { $0.spec.mark == mark }) else { throw DrawRejected(reason: "no \(mark) school") }
            return i
        }
        let splitClose = positions[try index(.splitCloseSouth)].distance(to: positions[try index(.splitCloseNorth)])
        let nearMiss = positions[try index(.nearMissWest)].distance(to: positions[try index(.nearMissEast)])
        try require(splitClose < 3_000, "split-close pair \(splitClose) m apart")
        try require(nearMiss > 5_050 && nearMiss < 5_200, "near-miss pair \(nearMiss) m apart")
        var closest = (a: 0, b: 0, distance: Double.infinity)
        for a in schools.indices {
            for b in schools.indices where b > a && SchoolPlacer.needsRegionGap(schools[a].spec, schools[b].spec) {
                let d = positions[a].distance(to: positions[b])
                if d < closest.distance { closest = (a, b, d) }
            }
        }
        try require(closest.distance >= 5_500, "schools \(schools[closest.a].code) and \(schools[closest.b].code) "
                    + "of different regions are \(Int(closest.distance)) m apart")

        // Regions: technical schools, shares, leads, gaps.
        var summaries: [RegionSummary] = []
        for role in RegionRole.allCases {
            let members = data.members(of: role)
            let counted = members.reduce(0) { $0 + data.countedPupils($1) }
            let technical = members.reduce(0) { $0 + data.technicalPupils($1) }
            let summary = RegionSummary(role: role, members: members, lead: data.lead(of: role), countedPupils: counted,
                                        technicalPupils: technical,
                                        technicalSchools: members.filter { data.technicalPupils($0) > 0 },
                                        largestGap: largestGap(members.map { positions[$0] }))
            summaries.append(summary)
            let label = role.id
            if role == .empty {
                try require(members.isEmpty, "\(label) has schools")
                continue
            }
            try require(members.filter { schools[$0].spec.isLead }.count == 1, "\(label) has not exactly one lead")
            let expectedTechnicalSchools = (role == .undersized || role == .island) ? 1 : 2
            try require(role == .undersized || role == .island ? summary.technicalSchools.count == 1
                        : summary.technicalSchools.count >= expectedTechnicalSchools,
                        "\(label) has \(summary.technicalSchools.count) technical schools")
            let leadTechnical = summary.lead.map { data.technicalPupils($0) > 0 } ?? false
            switch role {
            case .southCentre:
                try require(technical * 10 == counted, "\(label) share is \(technical)/\(counted), not exactly 10 %")
                try require(leadTechnical, "\(label) lead has no technology")
            case .technologyPoor:
                try require(abs((summary.share ?? 0) - 0.06) < 0.005, "\(label) share \(summary.share ?? 0) is not about 6 %")
                try require(!leadTechnical, "\(label) lead offers technology")
            case .leadWithoutTechnology:
                try require((summary.share ?? 0) >= 0.12, "\(label) share below 12 %")
                try require(!leadTechnical, "\(label) lead offers technology")
            default:
                try require((summary.share ?? 0) >= 0.12, "\(label) share \(summary.share ?? 0) below 12 %")
                try require(leadTechnical, "\(label) lead has no technology")
            }
            if role != .fragmented {
                try require(summary.largestGap <= 20_000, "\(label) has a gap of \(Int(summary.largestGap)) m")
            }
        }

        // Exactly one uncovered technical vmbo school, exactly one split institution.
        let uncovered = schools.indices.filter { schools[$0].spec.regions.isEmpty && data.technicalPupils($0) > 0 }
        try require(uncovered == [try index(.uncovered)], "uncovered technical schools: \(uncovered)")
        // The double-listed school is left out: it is one location, planted for another rule.
        var regionsOfInstitution: [String: Set<RegionRole>] = [:]
        for school in schools where school.spec.mark != .doubleListed {
            regionsOfInstitution[school.institutionCode, default: []].formUnion(school.spec.regions)
        }
        let split = regionsOfInstitution.filter { $0.value.count > 1 }.keys.sorted()
        try require(split == [schools[try index(.splitInstitution)].institutionCode], "split institutions: \(split)")
        let withoutRows = schools.indices.filter { data.pupilRows[$0].isEmpty }
        try require(withoutRows.allSatisfy { if case .vso = schools[$0].spec.kind { true } else { false } } && withoutRows.count == 2,
                    "schools without pupil rows: \(withoutRows)")

        // The island's technical school has no other technical school near; the undersized one has.
        let technicalSchools = schools.indices.filter { data.technicalPupils($0) > 0 }
        func nearestTechnical(to school: Int) -> (school: Int, distance: Double) {
            technicalSchools.filter { $0 != school && Set(schools[$0].spec.regions).isDisjoint(with: schools[school].spec.regions) }
                .map { (school: $0, distance: positions[$0].distance(to: positions[school])) }
                .min { $0.distance < $1.distance } ?? (school, .infinity)
        }
        let islandSchool = try index(.islandTechnology)
        let islandIsolation = nearestTechnical(to: islandSchool)
        try require(islandIsolation.distance >= Design.islandIsolation, "the island is \(islandIsolation.distance) m from technology")
        guard let undersizedSchool = summaries[RegionRole.undersized.rawValue - 1].technicalSchools.first else {
            throw DrawRejected(reason: "the undersized region has no technical school")
        }
        let undersizedNeighbour = nearestTechnical(to: undersizedSchool)
        try require(undersizedNeighbour.distance <= 16_000, "the undersized region's neighbours are \(undersizedNeighbour.distance) m away")

        // Fragmented: two groups far apart. Enclave and small region: inside the host's ring.
        let fragmented = data.members(of: .fragmented)
        let west = fragmented.filter { schools[$0].spec.cell == Cell(1, 5) }, east = fragmented.filter { schools[$0].spec.cell == Cell(4, 5) }
        let fragmentedGap = west.flatMap { a in east.map { positions[a].distance(to: positions[$0]) } }.min() ?? 0
        try require(fragmentedGap >= 30_000, "the fragmented region's groups are \(fragmentedGap) m apart")
        let enclave = try index(.enclave)
        let enclaveToHost = data.members(of: .enclaveHost).map { positions[$0].distance(to: positions[enclave]) }.min() ?? 0
        let enclaveToOwn = data.members(of: .enclaveOwner).filter { $0 != enclave }
            .map { positions[$0].distance(to: positions[enclave]) }.min() ?? 0
        let smallToLarge = data.members(of: .smallInside).flatMap { a in
            data.members(of: .largeArea).map { positions[a].distance(to: positions[$0]) }
        }.min() ?? 0
        try require(try surrounded(enclave, by: .enclaveHost, data, positions, context), "the enclave is not inside its host's schools")
        for small in data.members(of: .smallInside) {
            try require(try surrounded(small, by: .largeArea, data, positions, context), "the small region is not inside the large one")
        }

        // The plus sign: the two hulls overlap substantially, yet no school lies inside the other hull.
        let westEast = try hull(of: .crossWestEast, data, positions, context)
        let northSouth = try hull(of: .crossNorthSouth, data, positions, context)
        let crossIntersection = try westEast.intersection(northSouth).area
        try require(crossIntersection >= 0.2 * min(westEast.area, northSouth.area), "the crossing regions hardly overlap")
        for (role, other) in [(RegionRole.crossWestEast, northSouth), (.crossNorthSouth, westEast)] {
            for school in data.members(of: role) {
                try require(!(try other.contains(try context.point(positions[school]))), "a crossing school lies in the other hull")
            }
        }

        // Territories as the audit draws them by default: only the planted overlap and its documented
        // side effects may exceed the 1 km² edge tolerance.
        let land = try context.collection(.multiPolygon, of: shapes.polygons).unaryUnion()
        let territories = try RegionRole.allCases.map { role in
            try territory(of: data.members(of: role).map { positions[$0] }, land: land, context: context)
        }
        var overlaps: [(a: RegionRole, b: RegionRole, area: Double)] = []
        for a in RegionRole.allCases {
            for b in RegionRole.allCases where b > a {
                guard let ta = territories[a.rawValue - 1], let tb = territories[b.rawValue - 1] else { continue }
                let area = try ta.intersection(tb).area
                if area > overlapTolerance { overlaps.append((a, b, area)) }
            }
        }
        let overlapping = Set(overlaps.map { [$0.a, $0.b] })
        try require(overlapping.contains([.crossWestEast, .crossNorthSouth]), "the crossing regions' territories do not overlap")
        try require(overlapping.isSubset(of: allowedOverlaps), "unexpected overlapping territories: "
                    + overlaps.map { "\($0.a.id)/\($0.b.id)" }.joined(separator: ", "))

        // Enclaves as the audit finds them: a school listed by one region inside the hull of at least three
        // schools of another, whose nearest school listed by one region belongs to that other region.
        let sole = schools.indices.filter { schools[$0].spec.regions.count == 1 }
        var enclaves: [Int] = []
        for s in sole {
            guard let nearest = sole.filter({ $0 != s }).min(by: {
                positions[$0].distance(to: positions[s]) < positions[$1].distance(to: positions[s])
            }) else { continue }
            let host = schools[nearest].spec.regions[0]
            guard host != schools[s].spec.regions[0], data.members(of: host).count >= 3 else { continue }
            if try hull(of: host, data, positions, context).contains(try context.point(positions[s])) { enclaves.append(s) }
        }
        try require(enclaves == [enclave], "enclaves: \(enclaves.map { schools[$0].code })")

        // The small region shares a municipality with a technical school of the large one.
        let smallMunicipalities = Set(data.members(of: .smallInside).map { schools[$0].municipality })
        try require(smallMunicipalities.count == 1 && data.members(of: .largeArea).contains {
            smallMunicipalities.contains(schools[$0].municipality) && data.technicalPupils($0) > 0
        }, "the small region's schools are not in one municipality with a technical school of the large one")

        return Measurements(splitClose: splitClose, nearMiss: nearMiss, closestOtherPair: closest,
                            islandIsolation: islandIsolation, undersizedNeighbour: undersizedNeighbour,
                            fragmentedGap: fragmentedGap, enclaveToHost: enclaveToHost, enclaveToOwnRegion: enclaveToOwn,
                            smallToLarge: smallToLarge,
                            crossOverlap: (crossIntersection, westEast.area, northSouth.area),
                            territoryOverlaps: overlaps, summaries: summaries)
    }

    /// Overlaps above this are reported by the audit with default settings, m² (1 km²).
    static let overlapTolerance = 1_000_000.0
    /// Region pairs whose territories may overlap: the planted crossing pair and the side effects that
    /// PLANTED.md lists (the split-close pair, the double-listed school, the small region, the enclave).
    static let allowedOverlaps: Set<[RegionRole]> = [
        [.crossWestEast, .crossNorthSouth], [.southWest, .westCoast], [.southEast, .east],
        [.largeArea, .smallInside], [.enclaveHost, .enclaveOwner],
    ]

    /// A region's territory as the audit draws it with default settings: for each group of schools
    /// linked within 25 km, the convex hull buffered by 2.5 km (6 segments a quarter), clipped to `land`
    /// and united. `nil` without schools. RD New.
    static func territory(of points: [Point], land: Geometry, context: GeometryContext) throws -> Geometry? {
        guard !points.isEmpty else { return nil }
        // Single linkage by union–find.
        var parent = Array(points.indices)
        func root(_ i: Int) -> Int { parent[i] == i ? i : root(parent[i]) }
        for i in points.indices {
            for j in points.indices where j > i && points[i].distance(to: points[j]) <= 25_000 {
                parent[root(j)] = root(i)
            }
        }
        var pieces: [Geometry] = []
        for group in Set(points.indices.map(root)).sorted() {
            let members = try points.indices.filter { root($0) == group }.map { try context.point(points[$0]) }
            let hull = try context.collection(.multiPoint, of: members).convexHull().buffer(2_500, segments: 6)
            pieces.append(try hull.intersection(land))
        }
        return try context.collection(.geometryCollection, of: pieces).unaryUnion()
    }

    /// The convex hull of `region`'s schools (RD New).
    private static func hull(of region: RegionRole, _ data: DemoDataset, _ positions: [Point],
                             _ context: GeometryContext) throws -> Geometry {
        let points = try data.members(of: region).map { try context.point(positions[$0]) }
        return try context.collection(.multiPoint, of: points).convexHull()
    }

    /// Whether `school` lies inside the convex hull of `region`'s schools, at least 2 km from its edge.
    private static func surrounded(_ school: Int, by region: RegionRole, _ data: DemoDataset, _ positions: [Point],
                                   _ context: GeometryContext) throws -> Bool {
        let hull = try hull(of: region, data, positions, context)
        let p = try context.point(positions[school])
        guard try hull.contains(p) else { return false }
        let boundary = try context.lineString((hull.polygonRings.first ?? []))
        return try boundary.distance(to: p) >= 2_000
    }

    /// The longest edge of the minimum spanning tree of `points` (Prim), metres: the smallest gap
    /// setting at which the points form one group.
    static func largestGap(_ points: [Point]) -> Double {
        guard points.count > 1 else { return 0 }
        var inTree = [true] + Array(repeating: false, count: points.count - 1)
        var best = points.map { $0.distance(to: points[0]) }
        var largest = 0.0
        for _ in 1..<points.count {
            var next = -1
            for i in points.indices where !inTree[i] && (next < 0 || best[i] < best[next]) { next = i }
            inTree[next] = true
            largest = max(largest, best[next])
            for i in points.indices where !inTree[i] { best[i] = min(best[i], points[i].distance(to: points[next])) }
        }
        return largest
    }

    /// RD New → WGS84 rounded to `decimals` → RD New, as a reader of the written files sees the points.
    static func roundTrip(_ points: [Point], decimals: [Int]) throws -> [Point] {
        var wgs84 = points
        try Projection(from: .rdNew, to: .wgs84).transform(&wgs84)
        for i in wgs84.indices {
            let scale = pow(10.0, Double(decimals[i]))
            wgs84[i] = Point(x: (wgs84[i].x * scale).rounded() / scale, y: (wgs84[i].y * scale).rounded() / scale)
        }
        try Projection(from: .wgs84, to: .rdNew).transform(&wgs84)
        return wgs84
    }
}
