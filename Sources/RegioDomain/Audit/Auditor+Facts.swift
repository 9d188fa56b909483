import RegioSpatial

/// The auditor's state as the rules read it (``AuditFacts``): lookups into the register, the memberships and
/// the region shapes the engine keeps up to date.
extension Auditor: AuditFacts {
    var catchments: CatchmentPartition? { input.catchments }

    func school(_ code: SchoolCode) -> School? { schoolByCode[code] }

    func location(of code: SchoolCode) -> Point? { locationOf[code] }

    func locations(ofInstitution institution: String) -> [SchoolCode] { locationsOfInstitution[institution] ?? [] }

    func outsideMap(_ code: SchoolCode) -> SchoolPlacement.OutsideSchool? { outsideSchools[code] }

    func nearestSchools(to code: SchoolCode) -> [(school: SchoolCode, distance: Double)] { neighbours[code] ?? [] }

    /// From the static index over the located schools (by position, so without a lookup per candidate).
    func locatedSchools(within distance: Double, of code: SchoolCode) -> [(school: SchoolCode, distance: Double)] {
        guard let p = locationOf[code] else { return [] }
        return pointIndex.query(around: p, within: distance).compactMap { i in
            let d = locatedPoints[i].distance(to: p)
            return d <= distance && located[i] != code ? (located[i], d) : nil
        }
    }

    func regions(listing code: SchoolCode) -> [RegionID] { regionsOfSchool[code] ?? [] }

    func memberHull(of id: RegionID, contains point: Point) throws(SpatialError) -> Bool {
        guard let hull = regionStates[id]?.shapes.hull, let envelope = hull.base.envelope, envelope.contains(point) else {
            return false
        }
        return try hull.contains(input.map.context.point(point))
    }

    /// Territories whose boxes do not meet share nothing; of the others, those of one group each are measured
    /// by their buffers, and the rest first pass a prepared intersection test (sparing the overlay for
    /// pairs whose boxes meet but whose shapes do not).
    func sharedTerritory(_ a: RegionID, _ b: RegionID) throws(SpatialError) -> Double? {
        guard let p = regionStates[a], let q = regionStates[b], let e = p.shapes.territoryEnvelope,
              let f = q.shapes.territoryEnvelope, e.intersects(f) else { return nil }
        if p.shapes.buffer == nil || q.shapes.buffer == nil {
            guard try p.shapes.preparedTerritory.intersects(q.territory) else { return nil }
        }
        return try overlapArea(p, q)
    }
}
