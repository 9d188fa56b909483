import RegioSpatial

/// The findings kept per pair: close-by schools (``SplitCloseSchools``) and overlapping regions
/// (``OverlappingRegions``). An edit re-evaluates only the pairs that involve a changed school or region.
extension Auditor {
    /// Re-evaluates the close-by pairs of each of `schools` (in code order); a pair of two of them once, from
    /// the school of lower code, instead of once from each side.
    func updateClosePairs(of schools: Set<SchoolCode>) {
        for code in schools.sorted() {
            updateClosePairs(of: code, skipping: { $0 < code && schools.contains($0) })
        }
    }

    /// Re-evaluates every close-by pair that involves `code`, but those with a partner `evaluated` already says
    /// is up to date.
    private func updateClosePairs(of code: SchoolCode, skipping evaluated: (SchoolCode) -> Bool) {
        var kept = Set<SchoolPair>()
        for key in closePairsOfSchool.removeValue(forKey: code) ?? [] {
            let partner = key.partner(of: code)
            if evaluated(partner) {
                kept.insert(key)
            } else if let finding = closePairs.removeValue(forKey: key) {
                replace([finding], with: [])
                closePairsOfSchool[partner]?.remove(key)
            }
        }
        if !kept.isEmpty { closePairsOfSchool[code] = kept }
        for (partner, finding) in SplitCloseSchools.pairs(of: code, in: self, skipping: evaluated) {
            let key = SchoolPair(code, partner)
            replace(closePairs.updateValue(finding, forKey: key).map { [$0] } ?? [], with: [finding])
            closePairsOfSchool[code, default: []].insert(key)
            closePairsOfSchool[partner, default: []].insert(key)
        }
    }

    /// Re-evaluates `overlapping-regions` for every pair that involves one of `changed`.
    func updateOverlaps(of changed: Set<RegionID>) throws(SpatialError) {
        for (key, finding) in overlaps where finding.regions.contains(where: changed.contains) {
            overlaps[key] = nil
            replace([finding], with: [])
        }
        let ids = registration.regions.compactMap { region in
            regionStates[region.id] == nil ? nil : (id: region.id, changed: changed.contains(region.id))
        }
        for (a, isChanged) in ids where isChanged {
            // Each pair once: skip a pair of two changed regions from the second side.
            for (b, otherChanged) in ids where b != a && !(otherChanged && b < a) {
                guard let finding = try OverlappingRegions.finding(a, b, in: self) else { continue }
                let key = RegionPair(a, b)
                replace(overlaps.updateValue(finding, forKey: key).map { [$0] } ?? [], with: [finding])
            }
        }
    }

    /// The area two territories share, km². Territories of one group each are their buffers cut by the land,
    /// so they share the land within the intersection of their buffers: convex clipping, and a small overlay
    /// only when that intersection reaches the sea or the border. Others by a GEOS overlay of the two.
    /// Remembered per pair (territories are kept by ``shapes(of:)``, so the same pair of objects is the same
    /// pair of shapes).
    func overlapArea(_ a: RegionState, _ b: RegionState) throws(SpatialError) -> Double {
        let key = OverlapKey(first: ObjectIdentifier(a.territory), second: ObjectIdentifier(b.territory))
        if let known = overlapCache[key] { return known }
        let area: Double
        if let p = a.shapes.buffer, let q = b.shapes.buffer {
            if let shared = p.intersection(with: q) {
                let clipped = a.shapes.isClipped || b.shapes.isClipped
                area = (clipped ? try territoryBuilder.landArea(within: shared) : shared.area) / 1_000_000
            } else {
                area = 0
            }
        } else {
            area = try a.territory.intersection(b.territory).area / 1_000_000
        }
        overlapCache[key] = area
        return area
    }
}
