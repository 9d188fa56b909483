import RegioSpatial

/// Geometric rules: overlapping territories, fragmented regions, enclaves, regions inside a larger catchment.
extension Auditor {
    func geographyFindings(territories: [String: Geometry]) throws(SpatialError) -> [Finding] {
        var findings: [Finding] = []
        findings += try overlapFindings(territories)
        findings += fragmentFindings()
        findings += try enclaveFindings()
        findings += partOfLargerAreaFindings()
        return findings
    }

    /// `overlapping-regions`: territories overlapping by more than the edge tolerance.
    func overlapFindings(_ territories: [String: Geometry]) throws(SpatialError) -> [Finding] {
        let ids = regions.map(\.id).filter { territories[$0].map { !$0.isEmpty } ?? false }
        let geometries = ids.map { territories[$0]! }
        let index = try SpatialIndex(geometries, in: input.map.context)
        var findings: [Finding] = []
        for (i, a) in geometries.enumerated() {
            guard let envelope = a.envelope else { continue }
            let prepared = try PreparedGeometry(a)
            for j in index.query(envelope) where j > i {
                guard try prepared.intersects(geometries[j]) else { continue }
                let overlap = try a.intersection(geometries[j]).area / 1_000_000
                guard overlap > settings.overlapToleranceSquareKilometers else { continue }
                findings.append(Finding(.overlappingRegions, regions: [ids[i], ids[j]],
                    message: String(format: "the territories of %@ and %@ overlap by %.1f km² (edge tolerance %.1f km²): agree who serves the shared area, or merge",
                                    ids[i], ids[j], overlap, settings.overlapToleranceSquareKilometers),
                    value: overlap))
            }
        }
        return findings
    }

    /// `fragmented-region`: schools falling apart into groups farther apart than the gap distance.
    func fragmentFindings() -> [Finding] {
        var findings: [Finding] = []
        for region in regions {
            let (codes, points, groups) = schoolGroups(of: region)
            guard groups.count > 1 else { continue }
            // The smallest gap between the largest group and any other: how far the outliers are.
            let main = groups.max { $0.count < $1.count }!
            let others = groups.filter { $0 != main }.flatMap { $0 }
            let gap = others.map { o in main.map { points[$0].distance(to: points[o]) }.min()! }.min()!
            let outliers = others.map { codes[$0] }
            findings.append(Finding(.fragmentedRegion, regions: [region.id], schools: outliers,
                message: "\(region.id)'s schools fall apart into \(groups.count) groups; \(outliers.map(label).joined(separator: ", ")) \(outliers.count == 1 ? "lies" : "lie") \(distanceText(gap)) from the rest (gap distance \(distanceText(settings.fragmentGapMeters))): a region is one bounded area",
                value: gap))
        }
        return findings
    }

    /// `enclave`: a school inside the convex hull of another region's schools whose nearest registered
    /// neighbour belongs to that other region (surrounded by it).
    func enclaveFindings() throws(SpatialError) -> [Finding] {
        let context = input.map.context
        var hullRegions: [String] = []
        var hulls: [PreparedGeometry] = []
        for region in regions {
            let (_, points, _) = schoolGroups(of: region)
            guard points.count >= 3 else { continue }
            let hull = try context.collection(.multiPoint, of: points.map { p throws(SpatialError) in try context.point(p) }).convexHull()
            guard hull.kind == .polygon, hull.area > 0 else { continue }
            hullRegions.append(region.id)
            hulls.append(try PreparedGeometry(hull))
        }
        let index = try SpatialIndex(hulls.map(\.base), in: context)
        let schools = soleLocatedSchools
        var findings: [Finding] = []
        for (i, school) in schools.enumerated() {
            let candidates = index.query(Envelope(minX: school.location.x, minY: school.location.y,
                                                  maxX: school.location.x, maxY: school.location.y))
            guard !candidates.isEmpty else { continue }
            // The nearest other school listed by one region.
            var nearest: (index: Int, distance: Double)?
            for (j, other) in schools.enumerated() where j != i {
                let d = other.location.distance(to: school.location)
                if nearest == nil || d < nearest!.distance { nearest = (j, d) }
            }
            guard let nearest else { continue }
            let neighbourRegion = schools[nearest.index].region
            for c in candidates where hullRegions[c] != school.region && hullRegions[c] == neighbourRegion {
                let point = try context.point(school.location)
                guard try hulls[c].contains(point) else { continue }
                findings.append(Finding(.enclave, regions: [school.region, hullRegions[c]], schools: [school.code],
                    message: "\(label(school.code)) of \(school.region) lies inside \(hullRegions[c])'s area, surrounded by its schools (nearest: \(label(schools[nearest.index].code)), \(distanceText(nearest.distance))): consider moving it to \(hullRegions[c])"))
            }
        }
        return findings
    }

    /// `part-of-larger-area`: all of a region's schools lie in one catchment area that also holds technical
    /// schools of other regions.
    func partOfLargerAreaFindings() -> [Finding] {
        guard let catchments = input.catchments else { return [] }
        var findings: [Finding] = []
        for region in regions {
            let members = knownMembers(region).filter { schoolByCode[$0]?.location != nil }
            let areas = Set(members.compactMap { catchments.areaOfSchool[$0] })
            guard areas.count == 1, let a = areas.first else { continue }
            let area = catchments.areas[a]
            var others: [String: Int] = [:]
            for code in area.schools where offersTechnology(code) {
                for other in regionsOfSchool[code] ?? [] where other != region.id { others[other, default: 0] += 1 }
            }
            guard !others.isEmpty else { continue }
            let partners = others.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
            findings.append(Finding(.partOfLargerArea, regions: [region.id] + partners, schools: members,
                message: "all \(members.count) schools of \(region.id) lie in catchment area \(area.id), which also holds technical schools of \(partners.joined(separator: ", ")): merge candidate"))
        }
        return findings
    }
}
