import RegioDomain
import RegioSpatial

/// Verifies every property the planted cases and the "no accidental errors" promise rest on, with the
/// audit's default settings (``AuditSettings``). A failure throws ``DrawRejected`` so that the generator
/// draws a new layout.
enum Checks {
    /// The settings the planted cases are planted for: the audit's defaults.
    static var settings: AuditSettings { Design.settings }

    /// Checks `data` and measures what PLANTED.md reports. Positions are taken as a reader of the
    /// written files gets them (see ``roundTrip(_:decimals:)``).
    static func verify(_ data: DemoDataset, context: GeometryContext) throws -> Measurements {
        let schools = data.schools
        try require((60...120).contains(schools.count), "\(schools.count) schools, not 60–120")
        try require(Set(schools.map(\.code)).count == schools.count, "duplicate BRIN6 codes")
        let shapes = try verifyMunicipalities(data, context: context)
        let positions = try verifyPositions(data, shapes: shapes)
        let pairs = try verifyCrossRegionDistances(data, positions)
        let summaries = try verifyRegions(data, positions)
        try verifyMembership(data)
        let isolation = try verifyIsolation(data, positions, summaries: summaries)
        let nesting = try verifyNesting(data, positions, context: context)
        let cross = try verifyCrossing(data, positions, context: context)
        let overlaps = try verifyTerritories(data, positions, shapes: shapes)
        try verifyEnclaves(data, positions, context: context)
        return Measurements(splitClose: pairs.splitClose, nearMiss: pairs.nearMiss, closestOtherPair: pairs.closest,
                            islandIsolation: isolation.island, undersizedNeighbour: isolation.undersized,
                            fragmentedGap: nesting.fragmentedGap, enclaveToHost: nesting.enclaveToHost,
                            enclaveToOwnRegion: nesting.enclaveToOwn, smallToLarge: nesting.smallToLarge,
                            crossOverlap: cross, territoryOverlaps: overlaps, summaries: summaries)
    }

    /// Throws ``DrawRejected`` with `message` unless `condition` holds.
    static func require(_ condition: Bool, _ message: @autoclosure () -> String) throws {
        if !condition { throw DrawRejected(reason: message()) }
    }

    /// The index of the school planted with `mark`.
    static func index(_ mark: Mark, in data: DemoDataset) throws -> Int {
        guard let i = data.schools.firstIndex(where: { $0.spec.mark == mark }) else { throw DrawRejected(reason: "no \(mark) school") }
        return i
    }

    /// Municipalities: valid, tiling the mainland without overlap, the island apart. Returns the shapes.
    private static func verifyMunicipalities(_ data: DemoDataset, context: GeometryContext) throws -> MunicipalityShapes {
        let shapes = try MunicipalityShapes(rings: data.municipalities.map(\.ring), context: context)
        let mainland = Array(shapes.polygons.dropLast())
        guard let islandShape = shapes.polygons.last else { throw DrawRejected(reason: "no municipalities") }
        let union = try context.collection(.multiPolygon, of: mainland).unaryUnion()
        let summed = mainland.reduce(0) { $0 + $1.area }
        try require(abs(summed - union.area) < 1, "municipalities overlap: \(summed - union.area) m²")
        try require(union.kind == .polygon && union.polygonRings.count == 1, "the mainland is not one polygon without holes")
        try require(try union.distance(to: islandShape) >= 5_000, "the island is closer than 5 km to the mainland")
        return shapes
    }

    /// Every school inside only its own municipality, 250 m from its border, and every PC4 centroid in its
    /// municipality. Returns the positions as a reader gets them: WGS84 with 6 decimals (7 for postcode
    /// centroids), back to RD New.
    private static func verifyPositions(_ data: DemoDataset, shapes: MunicipalityShapes) throws -> [Point] {
        let schools = data.schools
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
        return positions
    }

    /// The planted split-close pair lies well within the close-by distance, the near-miss pair just beyond
    /// it, and every other pair of schools in different regions beyond it with room to spare.
    private static func verifyCrossRegionDistances(_ data: DemoDataset, _ positions: [Point]) throws
        -> (splitClose: Double, nearMiss: Double, closest: (a: Int, b: Int, distance: Double)) {
        let schools = data.schools, closeBy = settings.closeByDistanceMeters
        let splitClose = positions[try index(.splitCloseSouth, in: data)].distance(to: positions[try index(.splitCloseNorth, in: data)])
        let nearMiss = positions[try index(.nearMissWest, in: data)].distance(to: positions[try index(.nearMissEast, in: data)])
        try require(splitClose < closeBy - 2_000, "split-close pair \(splitClose) m apart")
        try require(nearMiss > closeBy + 50 && nearMiss < closeBy + 200, "near-miss pair \(nearMiss) m apart")
        var closest = (a: 0, b: 0, distance: Double.infinity)
        for a in schools.indices {
            for b in schools.indices where b > a && SchoolPlacer.needsRegionGap(schools[a].spec, schools[b].spec) {
                let d = positions[a].distance(to: positions[b])
                if d < closest.distance { closest = (a, b, d) }
            }
        }
        try require(closest.distance >= closeBy + 500, "schools \(schools[closest.a].code) and \(schools[closest.b].code) "
                    + "of different regions are \(Int(closest.distance)) m apart")
        return (splitClose, nearMiss, closest)
    }

    /// Per region: one lead, enough technical schools, the planted shares and leads, no large gaps.
    private static func verifyRegions(_ data: DemoDataset, _ positions: [Point]) throws -> [RegionSummary] {
        var summaries: [RegionSummary] = []
        for role in RegionRole.allCases {
            let members = data.members(of: role)
            let summary = RegionSummary(role: role, members: members, lead: data.lead(of: role),
                                        countedPupils: members.reduce(0) { $0 + data.countedPupils($1) },
                                        technicalPupils: members.reduce(0) { $0 + data.technicalPupils($1) },
                                        technicalSchools: members.filter { data.technicalPupils($0) > 0 },
                                        largestGap: largestGap(members.map { positions[$0] }))
            summaries.append(summary)
            if role == .empty {
                try require(members.isEmpty, "\(role.id) has schools")
            } else {
                try verifyRegion(summary, data)
            }
        }
        return summaries
    }

    /// The checks of one region that has schools.
    private static func verifyRegion(_ summary: RegionSummary, _ data: DemoDataset) throws {
        let role = summary.role, label = role.id, share = summary.share ?? 0
        try require(summary.members.filter { data.schools[$0].spec.isLead }.count == 1, "\(label) has not exactly one lead")
        let alone = role == .undersized || role == .island
        try require(alone ? summary.technicalSchools.count == 1 : summary.technicalSchools.count >= settings.minimumTechnicalSchools,
                    "\(label) has \(summary.technicalSchools.count) technical schools")
        let leadTechnical = summary.lead.map { data.technicalPupils($0) > 0 } ?? false
        // Shares of sensible regions keep two points above the techniekarm threshold (10 %).
        let comfortable = 0.12
        switch role {
        case .southCentre:
            try require(Double(summary.technicalPupils) / Double(summary.countedPupils) == settings.techniekarmShareBelow,
                        "\(label) share is \(summary.technicalPupils)/\(summary.countedPupils), not exactly the techniekarm threshold")
            try require(leadTechnical, "\(label) lead has no technology")
        case .technologyPoor:
            try require(abs(share - 0.06) < 0.005, "\(label) share \(share) is not about 6 %")
            try require(!leadTechnical, "\(label) lead offers technology")
        case .leadWithoutTechnology:
            try require(share >= comfortable, "\(label) share below \(comfortable)")
            try require(!leadTechnical, "\(label) lead offers technology")
        default:
            try require(share >= comfortable, "\(label) share \(share) below \(comfortable)")
            try require(leadTechnical, "\(label) lead has no technology")
        }
        if role != .fragmented {
            try require(summary.largestGap <= settings.fragmentGapMeters - 5_000, "\(label) has a gap of \(Int(summary.largestGap)) m")
        }
    }

    /// Exactly one uncovered technical vmbo school, exactly one split institution, and only the two VSO
    /// schools without pupil rows.
    private static func verifyMembership(_ data: DemoDataset) throws {
        let schools = data.schools
        let uncovered = schools.indices.filter { schools[$0].spec.regions.isEmpty && data.technicalPupils($0) > 0 }
        try require(uncovered == [try index(.uncovered, in: data)], "uncovered technical schools: \(uncovered)")
        // The double-listed school is left out: it is one location, planted for another rule.
        var regionsOfInstitution: [String: Set<RegionRole>] = [:]
        for school in schools where school.spec.mark != .doubleListed {
            regionsOfInstitution[school.institutionCode, default: []].formUnion(school.spec.regions)
        }
        let split = regionsOfInstitution.filter { $0.value.count > 1 }.keys.sorted()
        try require(split == [schools[try index(.splitInstitution, in: data)].institutionCode], "split institutions: \(split)")
        let withoutRows = schools.indices.filter { data.pupilRows[$0].isEmpty }
        try require(withoutRows.allSatisfy { if case .vso = schools[$0].spec.kind { true } else { false } } && withoutRows.count == 2,
                    "schools without pupil rows: \(withoutRows)")
    }

    /// The island's technical school has no other technical school near; the undersized region's one has.
    private static func verifyIsolation(_ data: DemoDataset, _ positions: [Point], summaries: [RegionSummary]) throws
        -> (island: (school: Int, distance: Double), undersized: (school: Int, distance: Double)) {
        let schools = data.schools
        let technicalSchools = schools.indices.filter { data.technicalPupils($0) > 0 }
        func nearestTechnical(to school: Int) -> (school: Int, distance: Double) {
            technicalSchools.filter { $0 != school && Set(schools[$0].spec.regions).isDisjoint(with: schools[school].spec.regions) }
                .map { (school: $0, distance: positions[$0].distance(to: positions[school])) }
                .min { $0.distance < $1.distance } ?? (school, .infinity)
        }
        let island = nearestTechnical(to: try index(.islandTechnology, in: data))
        try require(island.distance >= Design.islandIsolation, "the island is \(island.distance) m from technology")
        guard let undersizedSchool = summaries[RegionRole.undersized.rawValue - 1].technicalSchools.first else {
            throw DrawRejected(reason: "the undersized region has no technical school")
        }
        let undersized = nearestTechnical(to: undersizedSchool)
        try require(undersized.distance <= settings.isolationDistanceMeters - 4_000,
                    "the undersized region's neighbours are \(undersized.distance) m away")
        return (island, undersized)
    }

    /// Fragmented: two groups far apart. Enclave and small region: well inside the host's ring, and the
    /// small region in one municipality with a technical school of the large one.
    private static func verifyNesting(_ data: DemoDataset, _ positions: [Point], context: GeometryContext) throws
        -> (fragmentedGap: Double, enclaveToHost: Double, enclaveToOwn: Double, smallToLarge: Double) {
        let schools = data.schools
        func nearest(_ from: [Int], _ to: [Int]) -> Double {
            from.flatMap { a in to.map { positions[a].distance(to: positions[$0]) } }.min() ?? 0
        }
        let fragmented = data.members(of: .fragmented)
        let fragmentedGap = nearest(fragmented.filter { schools[$0].spec.cell == Cell(1, 5) },
                                    fragmented.filter { schools[$0].spec.cell == Cell(4, 5) })
        try require(fragmentedGap >= settings.fragmentGapMeters + 5_000, "the fragmented region's groups are \(fragmentedGap) m apart")
        let enclave = try index(.enclave, in: data)
        let enclaveToHost = nearest([enclave], data.members(of: .enclaveHost))
        let enclaveToOwn = nearest([enclave], data.members(of: .enclaveOwner).filter { $0 != enclave })
        let smallToLarge = nearest(data.members(of: .smallInside), data.members(of: .largeArea))
        try require(try surrounded(enclave, by: .enclaveHost, data, positions, context), "the enclave is not inside its host's schools")
        for small in data.members(of: .smallInside) {
            try require(try surrounded(small, by: .largeArea, data, positions, context), "the small region is not inside the large one")
        }
        let smallMunicipalities = Set(data.members(of: .smallInside).map { schools[$0].municipality })
        try require(smallMunicipalities.count == 1 && data.members(of: .largeArea).contains {
            smallMunicipalities.contains(schools[$0].municipality) && data.technicalPupils($0) > 0
        }, "the small region's schools are not in one municipality with a technical school of the large one")
        return (fragmentedGap, enclaveToHost, enclaveToOwn, smallToLarge)
    }

    /// The plus sign: the two hulls overlap substantially, yet no school lies inside the other hull.
    private static func verifyCrossing(_ data: DemoDataset, _ positions: [Point], context: GeometryContext) throws
        -> (intersection: Double, westEast: Double, northSouth: Double) {
        let westEast = try hull(of: .crossWestEast, data, positions, context)
        let northSouth = try hull(of: .crossNorthSouth, data, positions, context)
        let intersection = try westEast.intersection(northSouth).area
        try require(intersection >= 0.2 * min(westEast.area, northSouth.area), "the crossing regions hardly overlap")
        for (role, other) in [(RegionRole.crossWestEast, northSouth), (.crossNorthSouth, westEast)] {
            for school in data.members(of: role) {
                try require(!(try other.contains(try context.point(positions[school]))), "a crossing school lies in the other hull")
            }
        }
        return (intersection, westEast.area, northSouth.area)
    }

    /// Territories as the audit draws them by default: only the planted overlap and its documented side
    /// effects may exceed the edge tolerance. Returns the pairs that do, with their overlap in m².
    private static func verifyTerritories(_ data: DemoDataset, _ positions: [Point], shapes: MunicipalityShapes) throws -> [(a: RegionRole, b: RegionRole, area: Double)] {
        let builder = try territoryBuilder(data, shapes: shapes)
        let territories = try RegionRole.allCases.map { role in
            try territory(of: data.members(of: role).map { positions[$0] }, builder: builder)
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
        return overlaps
    }

    /// Enclaves as the audit finds them: a school listed by one region inside the hull of at least three
    /// schools of another, whose nearest school listed by one region belongs to that other region. Only
    /// the planted one may exist.
    private static func verifyEnclaves(_ data: DemoDataset, _ positions: [Point], context: GeometryContext) throws {
        let schools = data.schools
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
        try require(enclaves == [try index(.enclave, in: data)], "enclaves: \(enclaves.map { schools[$0].code })")
    }
}
