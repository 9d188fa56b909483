import RegioSpatial

/// Geometric rules: overlapping territories, fragmented regions, enclaves, regions inside a larger catchment.
extension Auditor {
    /// `overlapping-regions` for every pair that involves one of `changed`: territories overlapping by more
    /// than the edge tolerance.
    func updateOverlaps(of changed: Set<String>) throws(SpatialError) {
        for (key, finding) in overlaps where finding.regions.contains(where: changed.contains) {
            overlaps[key] = nil
            replace([finding], with: [])
        }
        let ids = registration.regions.map(\.id)
        for a in ids where changed.contains(a) {
            guard let state = regionStates[a], let envelope = state.shapes.territoryEnvelope else { continue }
            for b in ids where b != a {
                // Each pair once: skip a pair of two changed regions from the second side.
                if changed.contains(b) && b < a { continue }
                guard let other = regionStates[b], let otherEnvelope = other.shapes.territoryEnvelope,
                      envelope.intersects(otherEnvelope) else { continue }
                // Two convex territories are measured directly; otherwise the prepared test spares the overlay
                // for pairs whose boxes meet but whose shapes do not.
                if state.shapes.convexTerritory == nil || other.shapes.convexTerritory == nil {
                    guard try state.shapes.preparedTerritory.intersects(other.territory) else { continue }
                }
                // In id order, so that the area is the same to the last bit whichever side changed.
                let (first, second) = a < b ? (a, b) : (b, a)
                let overlap = try overlapArea(regionStates[first]!, regionStates[second]!)
                guard overlap > settings.overlapToleranceSquareKilometers else { continue }
                let finding = Finding(.overlappingRegions, regions: [first, second],
                    message: "the territories of \(first) and \(second) overlap by \(oneDecimal(overlap)) km² (edge tolerance \(oneDecimal(settings.overlapToleranceSquareKilometers)) km²): agree who serves the shared area, or merge",
                    value: overlap)
                replace(overlaps.updateValue(finding, forKey: "\(first)|\(second)").map { [$0] } ?? [], with: [finding])
            }
        }
    }

    /// The area two territories share, km²: by convex clipping when both are convex polygons, else by a GEOS
    /// overlay; remembered per pair (territories are kept by ``shapes(of:)``, so the same pair of objects is
    /// the same pair of shapes).
    func overlapArea(_ a: RegionState, _ b: RegionState) throws(SpatialError) -> Double {
        let key = OverlapKey(first: ObjectIdentifier(a.territory), second: ObjectIdentifier(b.territory))
        if let known = overlapCache[key] { return known }
        let area: Double
        if let p = a.shapes.convexTerritory, let q = b.shapes.convexTerritory {
            area = p.intersectionArea(with: q) / 1_000_000
        } else {
            area = try a.territory.intersection(b.territory).area / 1_000_000
        }
        overlapCache[key] = area
        return area
    }

    /// `fragmented-region`: schools falling apart into groups farther apart than the gap distance.
    func fragmentFindings(_ region: Region) -> [Finding] {
        let (codes, points, groups) = schoolGroups(of: region)
        guard groups.count > 1 else { return [] }
        // The smallest gap between the largest group and any other: how far the outliers are.
        let main = groups.max { ($0.count, $1.first ?? 0) < ($1.count, $0.first ?? 0) }!
        let others = groups.filter { $0 != main }.flatMap { $0 }
        let gap = others.map { o in main.map { points[$0].distance(to: points[o]) }.min()! }.min()!
        let outliers = others.map { codes[$0] }
        return [Finding(.fragmentedRegion, regions: [region.id], schools: outliers,
            message: "\(region.id)'s schools fall apart into \(groups.count) groups; \(outliers.map(label).joined(separator: ", ")) \(outliers.count == 1 ? "lies" : "lie") \(distanceText(gap)) from the rest (gap distance \(distanceText(settings.fragmentGapMeters))): a region is one bounded area",
            value: gap)]
    }

    /// `enclave`: a school inside the convex hull of another region's schools, whose nearest neighbour
    /// listed by one region (among its 8 nearest schools) belongs to that other region: it is surrounded.
    func enclaveFindings(_ code: SchoolCode) throws(SpatialError) -> [Finding] {
        guard let own = soleRegion(of: code), let p = locationOf[code] else { return [] }
        guard let nearest = neighbours[code]?.first(where: { soleRegion(of: $0.school) != nil }),
              let host = soleRegion(of: nearest.school), host != own,
              let hull = regionStates[host]?.shapes.hull, let envelope = hull.base.envelope, envelope.contains(p),
              try hull.contains(input.map.context.point(p)) else { return [] }
        return [Finding(.enclave, regions: [own, host], schools: [code],
            message: "\(label(code)) of \(own) lies inside \(host)'s area, surrounded by its schools (nearest: \(label(nearest.school)), \(distanceText(nearest.distance))): consider moving it to \(host)", subject: own)]
    }

    /// `part-of-larger-area`: all of a region's schools lie in one catchment area that also holds technical
    /// schools of other regions.
    func partOfLargerAreaFindings(_ region: Region) -> [Finding] {
        guard let catchments = input.catchments else { return [] }
        let members = knownMembers(region).filter { locationOf[$0] != nil }
        let areas = Set(members.compactMap { catchments.areaOfSchool[$0] })
        guard areas.count == 1, let a = areas.first else { return [] }
        let area = catchments.areas[a]
        var others: [String: Int] = [:]
        for code in area.schools where offersTechnology(code) {
            for other in regionsOfSchool[code] ?? [] where other != region.id { others[other, default: 0] += 1 }
        }
        guard !others.isEmpty else { return [] }
        let partners = others.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
        return [Finding(.partOfLargerArea, regions: [region.id] + partners, schools: members,
            message: "all \(members.count) schools of \(region.id) lie in catchment area \(area.id), which also holds technical schools of \(partners.joined(separator: ", ")): merge candidate", subject: region.id)]
    }
}
