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
        let states = registration.regions.compactMap { region in
            regionStates[region.id].map { (id: region.id, state: $0, changed: changed.contains(region.id)) }
        }
        for (a, state, isChanged) in states where isChanged {
            guard let envelope = state.shapes.territoryEnvelope else { continue }
            for (b, other, otherChanged) in states where b != a {
                // Each pair once: skip a pair of two changed regions from the second side.
                if otherChanged && b < a { continue }
                guard let otherEnvelope = other.shapes.territoryEnvelope, envelope.intersects(otherEnvelope) else { continue }
                // Territories of one group each are measured by their buffers; otherwise the prepared test
                // spares the overlay for pairs whose boxes meet but whose shapes do not.
                if state.shapes.buffer == nil || other.shapes.buffer == nil {
                    guard try state.shapes.preparedTerritory.intersects(other.territory) else { continue }
                }
                // In id order, so that the area is the same to the last bit whichever side changed.
                let (first, second) = a < b ? (a, b) : (b, a)
                let overlap = try a < b ? overlapArea(state, other) : overlapArea(other, state)
                guard overlap > settings.overlapToleranceSquareKilometers else { continue }
                let finding = Finding(.overlappingRegions, regions: [first, second],
                    message: "the territories of \(first) and \(second) overlap by \(oneDecimal(overlap)) km² (edge tolerance \(oneDecimal(settings.overlapToleranceSquareKilometers)) km²): agree who serves the shared area, or merge",
                    value: overlap)
                replace(overlaps.updateValue(finding, forKey: "\(first)|\(second)").map { [$0] } ?? [], with: [finding])
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

    /// The region whose member hull decides whether `code` is an enclave: the sole region of the nearest of its
    /// 8 nearest schools that one region lists, when that region is not the school's own. It depends only on
    /// the memberships of the school and its nearest schools.
    func enclaveHost(of code: SchoolCode) -> EnclaveHost? {
        guard let own = soleRegion(of: code),
              let nearest = neighbours[code]?.first(where: { soleRegion(of: $0.school) != nil }),
              let host = soleRegion(of: nearest.school), host != own else { return nil }
        return EnclaveHost(region: host, own: own, nearest: nearest.school, distance: nearest.distance)
    }

    struct EnclaveHost {
        let region: String
        let own: String
        let nearest: SchoolCode
        /// Metres (EPSG:28992).
        let distance: Double
    }

    /// `enclave`: a school inside the convex hull of another region's schools, whose nearest neighbour
    /// listed by one region (among its 8 nearest schools) belongs to that other region: it is surrounded.
    func enclaveFindings(_ code: SchoolCode, host: EnclaveHost?) throws(SpatialError) -> [Finding] {
        guard let host, let p = locationOf[code], let hull = regionStates[host.region]?.shapes.hull,
              let envelope = hull.base.envelope, envelope.contains(p),
              try hull.contains(input.map.context.point(p)) else { return [] }
        return [Finding(.enclave, regions: [host.own, host.region], schools: [code],
            message: "\(label(code)) of \(host.own) lies inside \(host.region)'s area, surrounded by its schools (nearest: \(label(host.nearest)), \(distanceText(host.distance))): consider moving it to \(host.region)", subject: host.own)]
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
