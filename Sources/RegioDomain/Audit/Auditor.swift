import RegioSpatial

/// Runs every check of `domain.md` over a pre-registration, and re-runs only what an edit touches.
///
/// The auditor keeps its findings by scope: per region, per school, per institution, per pair of schools
/// (close-by) and per pair of regions (overlap). ``update(to:)`` compares the new registration with the
/// current one and re-evaluates only the scopes the difference reaches; the initial audit is the same
/// update from an empty registration, so both paths share every line of rule code, and a test asserts that
/// an incremental result equals a fresh audit. The rules themselves are one per file in `Audit/Rules/`, named
/// after the rule id (`SplitCloseSchools.swift` holds `split-close-schools`) with its exact definition; they
/// read the audit through ``AuditFacts`` (`Auditor+Facts`), and this engine decides which scopes to ask them
/// about. The pairs (close-by schools, overlaps) are kept in `+Pairs`, the national totals in `+Totals`;
/// ``SuggestionEngine`` tries its candidates on an auditor.
/// Coordinates in EPSG:28992 metres. Not thread-safe (holds GEOS geometries): keep it in one task.
public final class Auditor {
    // MARK: static, from the inputs

    let input: AuditInput
    var settings: AuditSettings { input.settings }
    let schoolByCode: [SchoolCode: School]
    /// Located register schools, in code order, their locations in the same order, and a static index over them.
    let located: [SchoolCode]
    let locatedPoints: [Point]
    let locationOf: [SchoolCode: Point]
    let pointIndex: SpatialIndex
    /// Each located school's nearest located schools (closest first), and the reverse relation.
    let neighbours: [SchoolCode: [(school: SchoolCode, distance: Double)]]
    let reverseNeighbours: [SchoolCode: [SchoolCode]]
    let territoryBuilder: TerritoryBuilder
    /// How territories and catchment areas are made, as every result states it.
    let methods: AuditResult.Methods
    /// Counted and technical students of each school with pupil counts (the routes setting applied), and its
    /// students per profile and per track, as the region figures sum them.
    let studentsOf: [SchoolCode: SchoolStudents]
    /// The register's locations of each 4-character institution, in code order.
    let locationsOfInstitution: [String: [SchoolCode]]
    /// Located schools that no municipality covers, with their distance to the nearest (`school-outside-map`).
    let outsideSchools: [SchoolCode: SchoolPlacement.OutsideSchool]
    /// How many nearest schools `enclave` looks at.
    static let neighbourCount = 8

    // MARK: state, from the current registration

    public private(set) var registration: Registration
    var regionByID: [RegionID: Region] = [:]
    var regionsOfSchool: [SchoolCode: [RegionID]] = [:]
    /// Schools listed by two or more regions, and the number of register schools listed by any (``totals(of:)``).
    var multiplyListed = Set<SchoolCode>()
    var listedSchoolCount = 0
    var regionStates: [RegionID: RegionState] = [:]
    var schoolFindings: [SchoolCode: [Finding]] = [:]
    var institutionFindings: [String: [Finding]] = [:]
    var closePairs: [SchoolPair: Finding] = [:]
    var closePairsOfSchool: [SchoolCode: Set<SchoolPair>] = [:]
    var overlaps: [RegionPair: Finding] = [:]
    /// The region whose hull each school's enclave test read, and the reverse: the schools to test again when
    /// a region's hull changes.
    private var hullReadBy: [SchoolCode: RegionID] = [:]
    private var schoolsReadingHull: [RegionID: Set<SchoolCode>] = [:]
    /// All of the above in report order; every change of a scope's findings goes through ``replace(_:with:)``.
    private var sortedFindings = SortedFindings()
    /// Labels made so far (see ``label(_:)``).
    private var labels: [SchoolCode: String] = [:]
    /// Territory and hull by the located member schools they were built from (in code order): an edit
    /// that is tried and taken back (``SuggestionEngine``) or a region that returns to an earlier
    /// membership reuses them instead of paying for the GEOS overlay again.
    private var shapeCache: [[SchoolCode]: Shapes] = [:]

    /// A region's territory (also prepared, for the overlap tests) and the hull of its located members.
    struct Shapes {
        let territory: Geometry
        let preparedTerritory: PreparedGeometry
        /// The buffered hull of a territory of one group, and whether the map cut it: overlaps of two such
        /// territories are measured by convex clipping (and the land within, when either was cut).
        let buffer: ConvexPolygon?
        let isClipped: Bool
        /// The territory's bounding box (`nil` when empty).
        let territoryEnvelope: Envelope?
        /// Convex hull of the located members (3 or more), for `enclave`.
        let hull: PreparedGeometry?
    }
    /// A region's located members (in listing order), their locations, and their fragment groups (indices).
    typealias SchoolGroups = (codes: [SchoolCode], points: [Point], groups: [[Int]])
    /// Located members and their fragment groups by member list (the territory and `fragmented-region`
    /// both need them).
    private var groupsCache: [[SchoolCode]: SchoolGroups] = [:]
    /// Figures by region listing (id, name, lead, schools), for the same reason.
    private var figuresCache: [Region: RegionFigures] = [:]
    /// Overlap areas (km²) of pairs of cached territories, by the territories' identities: valid while
    /// ``shapeCache`` keeps both territories alive (``trimCaches()`` drops the others).
    var overlapCache: [OverlapKey: Double] = [:]
    /// How many memberships the caches may hold before ``trimCaches()`` keeps only the current ones (a long
    /// `regio serve` session or many suggestion runs); variable for tests.
    var cacheLimit = 1_024
    struct OverlapKey: Hashable {
        let first: ObjectIdentifier
        let second: ObjectIdentifier
    }

    /// What the auditor keeps per region: a class, since the rules read it many times per edit and a copy of
    /// the figures would retain each of their arrays and strings.
    final class RegionState {
        let figures: RegionFigures
        let shapes: Shapes
        var findings: [Finding]

        var territory: Geometry { shapes.territory }

        init(figures: RegionFigures, shapes: Shapes, findings: [Finding]) {
            self.figures = figures
            self.shapes = shapes
            self.findings = findings
        }
    }

    /// Audits `input.registration`.
    public init(_ input: AuditInput) throws(SpatialError) {
        self.input = input
        schoolByCode = Dictionary(input.schools.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        outsideSchools = Dictionary(input.placement.outside.map { ($0.school, $0) }, uniquingKeysWith: { a, _ in a })
        // A school farther outside every municipality than the tolerance has a wrong location (school-outside-map):
        // the spatial rules leave it out, as they do an unplaced school, instead of measuring from Paris.
        let farOutside = Set(outsideSchools.values.filter { $0.distanceMeters > input.settings.outsideMapToleranceMeters }.map(\.school))
        let locatedSchools = input.schools.filter { $0.location != nil && !farOutside.contains($0.code) }.sorted { $0.code < $1.code }
        located = locatedSchools.map(\.code)
        locatedPoints = locatedSchools.map { $0.location! }
        locationOf = Dictionary(locatedSchools.map { ($0.code, $0.location!) }, uniquingKeysWith: { a, _ in a })
        pointIndex = try SpatialIndex(envelopes: locatedSchools.map { Envelope(points: [$0.location!]) }, in: input.map.context)
        (neighbours, reverseNeighbours) = Auditor.nearestNeighbours(located, locationOf, count: Auditor.neighbourCount)
        territoryBuilder = try TerritoryBuilder(map: input.map, settings: input.settings)
        methods = AuditResult.Methods(territory: TerritoryBuilder.method(input.settings),
                                      catchment: input.catchments?.method ?? AuditResult.Methods.noCatchments)
        locationsOfInstitution = Dictionary(grouping: input.schools.map(\.code).sorted(), by: \.institution)
        let includingRoutes = input.settings.countTechnicalRoutes
        studentsOf = input.counts.mapValues { SchoolStudents($0, includingRoutes: includingRoutes) }
        registration = Registration(regions: [])
        try evaluate(input.registration, schools: Set(input.schools.map(\.code)), everything: true)
    }

    /// Re-evaluates the audit for `newRegistration`, touching only what differs from the current one.
    public func update(to newRegistration: Registration) throws(SpatialError) {
        try evaluate(newRegistration, schools: [], everything: false)
    }

    /// The audit of the current registration: figures in registration order, findings worst first. Without
    /// suggestions: ``SuggestionEngine`` makes those (it tries each candidate on this auditor).
    public var result: AuditResult {
        let figures = registration.regions.compactMap { regionStates[$0.id]?.figures }
        return AuditResult(regions: figures, totals: totals(of: figures), findings: sortedFindings.ordered, suggestions: [],
                           methods: methods, settings: settings)
    }

    /// Every finding of every scope, in no particular order.
    private var everyFinding: [Finding] {
        var findings: [Finding] = []
        findings.reserveCapacity(regionStates.count * 4 + schoolFindings.count + closePairs.count + overlaps.count)
        for state in regionStates.values { findings.append(contentsOf: state.findings) }
        for list in schoolFindings.values { findings.append(contentsOf: list) }
        for list in institutionFindings.values { findings.append(contentsOf: list) }
        findings.append(contentsOf: closePairs.values)
        findings.append(contentsOf: overlaps.values)
        return findings
    }

    /// The territory of each region (EPSG:28992), for exports and maps.
    public var territories: [RegionID: Geometry] { regionStates.mapValues(\.territory) }

    // MARK: the update

    /// Brings the state to `new`. `extraSchools` are re-evaluated in any case; `everything` re-evaluates
    /// every scope (the initial audit).
    private func evaluate(_ new: Registration, schools extraSchools: Set<SchoolCode>, everything: Bool) throws(SpatialError) {
        let oldByID = regionByID
        let (newByID, changedRegions) = Self.changes(from: registration, byID: oldByID, to: new)
        // Only the schools that changed regions list (before or after) can change membership, so the membership
        // map is updated in place for those alone (copying it would cost more than the rest of a small edit).
        // Each school's list is sorted.
        var changedSchools = extraSchools
        var listedByChanged: [SchoolCode: [RegionID]] = [:]
        for id in changedRegions.sorted() { for code in newByID[id]?.schools ?? [] { listedByChanged[code, default: []].append(id) } }
        var touched = Set(listedByChanged.keys)
        for id in changedRegions { touched.formUnion(oldByID[id]?.schools ?? []) }
        for code in touched {
            let old = regionsOfSchool[code] ?? []
            let ids = (old.filter { !changedRegions.contains($0) } + (listedByChanged[code] ?? [])).sorted()
            guard ids != old else { continue }
            changedSchools.insert(code)
            regionsOfSchool[code] = ids.isEmpty ? nil : ids
            if ids.count > 1 { multiplyListed.insert(code) } else { multiplyListed.remove(code) }
            if old.isEmpty != ids.isEmpty, isKnown(code) { listedSchoolCount += ids.isEmpty ? -1 : 1 }
        }

        registration = new
        regionByID = newByID

        // Regions: their own changes, and those sharing a catchment area with a changed school.
        var regions = everything ? Set(newByID.keys).union(oldByID.keys) : changedRegions
        if let catchments = input.catchments {
            let areas = Set(changedSchools.compactMap { catchments.areaOfSchool[$0] })
            for area in areas { for code in catchments.areas[area].schools { regions.formUnion(regionsOfSchool[code] ?? []) } }
        }
        // Region states first: the school rules read the new hulls.
        for id in regions.sorted() where newByID[id] == nil {
            replace(regionStates.removeValue(forKey: id)?.findings ?? [], with: [])
        }
        for id in changedRegions.union(everything ? Set(newByID.keys) : []).sorted() {
            if let region = newByID[id] { try buildState(of: region) }
        }
        for id in regions.sorted() {
            guard let region = newByID[id], let state = regionStates[id] else { continue }
            let findings = regionFindings(region, figures: state.figures)
            replace(state.findings, with: findings)
            state.findings = findings
        }

        // Schools: the changed ones, those whose nearest neighbours changed (their enclave host may change),
        // and those whose enclave test reads the hull of a changed region.
        var schools = everything ? Set(input.schools.map(\.code)).union(regionsOfSchool.keys) : changedSchools
        for code in changedSchools { schools.formUnion(reverseNeighbours[code] ?? []) }
        for id in changedRegions { schools.formUnion(schoolsReadingHull[id] ?? []) }
        for code in schools { try reevaluate(school: code) }
        let institutions = Set((everything ? Set(regionsOfSchool.keys) : changedSchools).map(\.institution))
        for institution in institutions {
            let findings = SplitInstitution.findings(ofInstitution: institution, in: self)
            replace(institutionFindings[institution] ?? [], with: findings)
            institutionFindings[institution] = findings.isEmpty ? nil : findings
        }
        updateClosePairs(of: everything ? Set(located) : changedSchools)
        try updateOverlaps(of: everything ? Set(newByID.keys).union(oldByID.keys) : changedRegions)
        sortedFindings.settle { everyFinding }
        if shapeCache.count > cacheLimit || figuresCache.count > cacheLimit || groupsCache.count > cacheLimit { trimCaches() }
    }

    /// Empties the membership caches but for the current regions' entries. Overlap areas stay only for pairs
    /// of territories still cached: a freed territory's identity may come back for another.
    private func trimCaches() {
        var shapes: [[SchoolCode]: Shapes] = [:], groups: [[SchoolCode]: SchoolGroups] = [:], figures: [Region: RegionFigures] = [:]
        for region in registration.regions {
            let grouped = schoolGroups(of: region)
            groups[region.schools] = grouped
            let key = grouped.codes.sorted()
            shapes[key] = shapeCache[key]
            figures[region] = figuresCache[region]
        }
        (shapeCache, groupsCache, figuresCache) = (shapes, groups, figures)
        let alive = Set(shapes.values.map { ObjectIdentifier($0.territory) })
        overlapCache = overlapCache.filter { alive.contains($0.key.first) && alive.contains($0.key.second) }
    }

    /// The regions of `new` by id (the first of a repeated id), and the ids whose listing differs from `oldByID`.
    private static func regionsByID(_ new: Registration, comparedWith oldByID: [RegionID: Region]) -> ([RegionID: Region], Set<RegionID>) {
        var newByID: [RegionID: Region] = [:]
        for region in new.regions where newByID[region.id] == nil { newByID[region.id] = region }
        return (newByID, Set(oldByID.keys).union(newByID.keys).filter { oldByID[$0] != newByID[$0] })
    }

    /// The same as ``regionsByID(_:comparedWith:)``, compared region by region when `new` lists the same
    /// distinct ids in the same order as `old` (an edit that moves, adds or removes schools): the regions an
    /// edit leaves alone share their school lists, so each comparison is immediate.
    private static func changes(from old: Registration, byID oldByID: [RegionID: Region],
                                to new: Registration) -> ([RegionID: Region], Set<RegionID>) {
        guard old.regions.count == new.regions.count, oldByID.count == old.regions.count,
              zip(old.regions, new.regions).allSatisfy({ $0.id == $1.id }) else {
            return regionsByID(new, comparedWith: oldByID)
        }
        var newByID = oldByID
        var changed = Set<RegionID>()
        for (before, after) in zip(old.regions, new.regions) where before != after {
            changed.insert(after.id)
            newByID[after.id] = after
        }
        return (newByID, changed)
    }

    /// Records that the findings of one scope changed from `old` to `new` (the scope's own store is set by the caller).
    func replace(_ old: [Finding], with new: [Finding]) { sortedFindings.replace(old, with: new) }

    /// Figures, territory and hull of a region (its findings come after every state is built).
    private func buildState(of region: Region) throws(SpatialError) {
        let shapes = try shapes(of: region)
        let figures = figuresCache[region] ?? self.figures(of: region, territory: shapes.territory)
        figuresCache[region] = figures
        regionStates[region.id] = RegionState(figures: figures, shapes: shapes,
                                              findings: regionStates[region.id]?.findings ?? [])
    }

    /// The territory and the member hull of a region, from the cache when its located members were seen before.
    private func shapes(of region: Region) throws(SpatialError) -> Shapes {
        let (codes, points, groups) = schoolGroups(of: region)
        let key = codes.sorted()
        if let cached = shapeCache[key] { return cached }
        let made = try territoryBuilder.territory(points: points, groups: groups)
        let territory = made.geometry
        var hull: PreparedGeometry?
        if points.count >= 3 {
            let context = input.map.context
            let shape = try context.collection(.multiPoint, of: points.map { p throws(SpatialError) in try context.point(p) }).convexHull()
            if shape.kind == .polygon && shape.area > 0 { hull = try PreparedGeometry(shape) }
        }
        let shapes = Shapes(territory: territory, preparedTerritory: try PreparedGeometry(territory),
                            buffer: made.buffer, isClipped: made.isClipped, territoryEnvelope: territory.envelope, hull: hull)
        shapeCache[key] = shapes
        return shapes
    }

    // MARK: shared facts

    /// Technical students of a school, per the routes setting.
    func technical(_ code: SchoolCode) -> Int { studentsOf[code]?.technical ?? 0 }

    /// A school counts for `school-in-multiple-regions` when it offers vmbo or is a vso school (or has vmbo pupils).
    func isVmboOrVso(_ code: SchoolCode) -> Bool {
        guard let school = schoolByCode[code] else { return false }
        return school.kind == .vmbo || school.kind == .vso || input.counts[code] != nil
    }

    /// "00AB01 (Het College, Emmen)", or the bare code for a school not in the register. Made once per
    /// school and audit: every close-by pair names two schools.
    func label(_ code: SchoolCode) -> String {
        if let known = labels[code] { return known }
        let text = schoolByCode[code]?.label ?? code.rawValue
        labels[code] = text
        return text
    }

    /// Whether the register has `code` (without copying its entry).
    func isKnown(_ code: SchoolCode) -> Bool { schoolByCode.index(forKey: code) != nil }

    /// The one region listing `code`, when exactly one does.
    func soleRegion(of code: SchoolCode) -> RegionID? {
        guard let ids = regionsOfSchool[code], ids.count == 1 else { return nil }
        return ids[0]
    }

    /// The region's schools, each once (a double listing within a region counts once), in listing order.
    func distinctMembers(_ region: Region) -> [SchoolCode] {
        var seen = Set<SchoolCode>(minimumCapacity: region.schools.count)
        return region.schools.filter { seen.insert($0).inserted }
    }

    func isTechniekarm(_ share: Double?) -> Bool { share.map { $0 < settings.techniekarmShareBelow } ?? false }

    /// The located member schools of a region, grouped by the fragment gap.
    func schoolGroups(of region: Region) -> SchoolGroups {
        if let known = groupsCache[region.schools] { return known }
        let codes = knownMembers(region).filter { locationOf[$0] != nil }
        let points = codes.map { locationOf[$0]! }
        let grouped = (codes, points, singleLinkageGroups(points, within: settings.fragmentGapMeters))
        groupsCache[region.schools] = grouped
        return grouped
    }

    /// Students are summed over the region's distinct members; the technical share is technical / counted,
    /// `nil` without counted students.
    func figures(of region: Region, territory: Geometry) -> RegionFigures {
        var (counted, technical) = (0, 0)
        var perProfile = [Int?](repeating: nil, count: Profile.allCases.count)
        var perTrack = [Int?](repeating: nil, count: Track.allCases.count)
        for code in distinctMembers(region) {
            guard let students = studentsOf[code] else { continue }
            counted += students.counted
            technical += students.technical
            perProfile.add(students.perProfile)
            perTrack.add(students.perTrack)
        }
        let share = counted > 0 ? Double(technical) / Double(counted) : nil
        let techniekarm = isTechniekarm(share)
        let municipalities = Set(region.schools.compactMap { input.placement.municipalityOf[$0] }).sorted()
        return RegionFigures(
            id: region.id, name: region.name, lead: region.lead?.rawValue,
            schools: region.schools.map(\.rawValue).sorted(),
            technicalSchools: knownMembers(region).filter(offersTechnology).map(\.rawValue).sorted(),
            countedStudents: counted, technicalStudents: technical, technicalShare: share,
            techniekarm: techniekarm,
            budgetEUR: techniekarm ? nil : Double(technical) * settings.budgetPerTechnicalStudentEUR,
            budgetRangeEUR: techniekarm ? TechniekarmBudget.rangeEUR : nil,
            studentsPerProfile: SchoolStudents.byName(perProfile, Profile.allCases),
            studentsPerTrack: SchoolStudents.byName(perTrack, Track.allCases),
            territoryAreaSquareKilometers: (territory.area / 1_000_000 * 100).rounded() / 100,
            municipalities: municipalities)
    }

    /// Every rule evaluated per region, whose `figures` are made.
    func regionFindings(_ region: Region, figures: RegionFigures) -> [Finding] {
        let technical = TechnicalMembers(of: region, in: self)
        return UnknownSchool.findings(region, in: self) + EmptyRegion.findings(region) + MissingLead.findings(region)
            + MalformedRegionID.findings(region) + ConflictingRegionName.findings(region)
            + Techniekarm.findings(region, figures: figures, in: self)
            + LeadWithoutTechnology.findings(region, figures: figures, in: self)
            + UndersizedRegion.findings(region, figures: figures, technical: technical, in: self)
            + SingleTechnologySchool.findings(region, technical: technical, in: self)
            + FragmentedRegion.findings(region, in: self) + PartOfLargerArea.findings(region, in: self)
    }

    /// Every rule evaluated per school; remembers whose hull the enclave test read (``schoolsReadingHull``).
    private func reevaluate(school code: SchoolCode) throws(SpatialError) {
        let host = Enclave.host(of: code, in: self)
        if hullReadBy[code] != host?.region {
            if let old = hullReadBy[code] { schoolsReadingHull[old]?.remove(code) }
            if let region = host?.region { schoolsReadingHull[region, default: []].insert(code) }
            hullReadBy[code] = host?.region
        }
        let findings = SchoolInMultipleRegions.findings(code, in: self) + UncoveredSchool.findings(code, in: self)
            + placementFindings(code) + (try Enclave.findings(code, host: host, in: self))
        replace(schoolFindings[code] ?? [], with: findings)
        schoolFindings[code] = findings.isEmpty ? nil : findings
    }

    /// The rules about where a listed school lies: `school-not-placed`, `school-outside-map`,
    /// `approximate-location`. They depend on the school's regions only (its location is static).
    private func placementFindings(_ code: SchoolCode) -> [Finding] {
        guard let regions = regionsOfSchool[code] else { return [] }
        return SchoolNotPlaced.findings(code, listedBy: regions, in: self)
            + SchoolOutsideMap.findings(code, listedBy: regions, in: self)
            + ApproximateLocation.findings(code, listedBy: regions, in: self)
    }

    /// The `count` nearest located schools of each located school, nearest first (ties by code), and the
    /// reverse relation; static, since the register does not change. The points are bucketed in a grid of
    /// 5 km cells and each school searches rings of cells outwards until no unvisited cell can hold a
    /// nearer school than its `count`-th.
    static func nearestNeighbours(_ codes: [SchoolCode], _ locations: [SchoolCode: Point],
                                  count: Int) -> ([SchoolCode: [(school: SchoolCode, distance: Double)]], [SchoolCode: [SchoolCode]]) {
        let points = codes.map { locations[$0]! }
        guard let box = Envelope(points: points) else { return ([:], [:]) }
        let cell = 5_000.0
        let columns = Int((box.maxX - box.minX) / cell) + 1, rows = Int((box.maxY - box.minY) / cell) + 1
        func cellOf(_ p: Point) -> (Int, Int) { (Int((p.x - box.minX) / cell), Int((p.y - box.minY) / cell)) }
        var buckets = [[Int]](repeating: [], count: columns * rows)
        for (i, p) in points.enumerated() { let (c, r) = cellOf(p); buckets[r * columns + c].append(i) }

        var nearest: [SchoolCode: [(school: SchoolCode, distance: Double)]] = [:]
        var reverse: [SchoolCode: [SchoolCode]] = [:]
        nearest.reserveCapacity(codes.count)
        var best: [(index: Int, distance: Double)] = []
        for (i, p) in points.enumerated() {
            best.removeAll(keepingCapacity: true)
            let (c0, r0) = cellOf(p)
            var ring = 0
            while true {
                for r in (r0 - ring)...(r0 + ring) where r >= 0 && r < rows {
                    for c in (c0 - ring)...(c0 + ring) where c >= 0 && c < columns {
                        // Only the cells on the ring's edge: the inner ones were visited before.
                        guard abs(r - r0) == ring || abs(c - c0) == ring else { continue }
                        for j in buckets[r * columns + c] where j != i {
                            let d = points[j].distance(to: p)
                            if best.count == count, let last = best.last,
                               (last.distance, codes[last.index]) <= (d, codes[j]) { continue }
                            let at = best.firstIndex { (d, codes[j]) < ($0.distance, codes[$0.index]) } ?? best.count
                            best.insert((j, d), at: at)
                            if best.count > count { best.removeLast() }
                        }
                    }
                }
                // Every unvisited cell lies at least `ring × cell` away.
                let covered = r0 - ring <= 0 && c0 - ring <= 0 && r0 + ring >= rows - 1 && c0 + ring >= columns - 1
                if covered || (best.count == count && best[count - 1].distance <= Double(ring) * cell) { break }
                ring += 1
            }
            let list = best.map { (school: codes[$0.index], distance: $0.distance) }
            nearest[codes[i]] = list
            for n in list { reverse[n.school, default: []].append(codes[i]) }
        }
        return (nearest, reverse)
    }
}
