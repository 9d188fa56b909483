/// The evidence a suggestion is weighed by: nearest schools, catchment areas, municipal borders and
/// distances between schools (EPSG:28992 metres).
extension SuggestionEngine {
    /// The region of the nearest school (among the auditor's nearest neighbours) that one region other
    /// than `id` lists.
    func nearestOtherRegion(of code: SchoolCode, excluding id: RegionID) -> RegionID? {
        for n in auditor.neighbours[code] ?? [] {
            if let r = auditor.soleRegion(of: n.school), r != id { return r }
        }
        return nil
    }

    /// Whether two regions, given by their schools, may be proposed for a merge: the schools' municipalities
    /// border or coincide, or their nearest schools lie within the fragment gap.
    func areNeighbours(_ a: [SchoolCode], _ b: [SchoolCode]) -> Bool {
        areNeighbouringMunicipalities(a, b)
            || nearestDistanceMeters(a, b).map { $0 <= auditor.settings.fragmentGapMeters } ?? false
    }

    /// The distance between the nearest located schools of two groups, metres; `nil` when either has none.
    func nearestDistanceMeters(_ a: [SchoolCode], _ b: [SchoolCode]) -> Double? {
        let points = b.compactMap { auditor.locationOf[$0] }
        var nearest: Double?
        for code in a {
            guard let p = auditor.locationOf[code] else { continue }
            for q in points { let d = p.distance(to: q); if d < nearest ?? .infinity { nearest = d } }
        }
        return nearest
    }

    /// Share (0…1) of `schools` for which `predicate` holds; 0 for none.
    func share(of schools: [SchoolCode], where predicate: (SchoolCode) -> Bool) -> Double {
        schools.isEmpty ? 0 : Double(schools.count(where: predicate)) / Double(schools.count)
    }

    /// Share (0…1) of `moving` in a catchment area that also holds one of `receiving`; 0 without catchment areas.
    func sameCatchmentShare(_ moving: [SchoolCode], _ receiving: [SchoolCode]) -> Double {
        guard let catchments = auditor.input.catchments else { return 0 }
        let areas = Set(receiving.compactMap { catchments.areaOfSchool[$0] })
        return share(of: moving) { code in catchments.areaOfSchool[code].map(areas.contains) ?? false }
    }

    /// Whether the municipalities holding `moving` include or border one holding `receiving`.
    func areNeighbouringMunicipalities(_ moving: [SchoolCode], _ receiving: [SchoolCode]) -> Bool {
        let placement = auditor.input.placement.municipalityOf
        let mine = Set(moving.compactMap { placement[$0] }), theirs = Set(receiving.compactMap { placement[$0] })
        return !mine.isDisjoint(with: theirs) || sharedBorderMeters(moving, receiving) > 0
    }

    /// The border between the municipalities holding each group's schools (shared municipalities do not
    /// count as border), metres; 0 without catchment areas (which carry the contiguity graph).
    func sharedBorderMeters(_ a: [SchoolCode], _ b: [SchoolCode]) -> Double {
        guard let graph = auditor.input.catchments?.adjacency else { return 0 }
        let placement = auditor.input.placement.municipalityOf
        let mine = Set(a.compactMap { placement[$0] }.compactMap(graph.position))
        let theirs = Set(b.compactMap { placement[$0] }.compactMap(graph.position))
        var total = 0.0
        for u in mine where !theirs.contains(u) {
            for v in theirs where !mine.contains(v) { total += graph.sharedBorderMeters(between: u, and: v) }
        }
        return total
    }
}
