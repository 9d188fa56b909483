import RegioSpatial

/// `enclave` (warning).
///
/// Definition: one finding per located school listed by exactly one region (its own) when, among its
/// ``Auditor/neighbourCount`` (8) nearest located schools (EPSG:28992 metres, ties by code), the nearest one
/// listed by exactly one region belongs to another region (the host), and the school lies inside the convex
/// hull of the host's located members (3 or more, a hull of positive area). The school is surrounded by the
/// host's schools; the finding names both regions, the own one as its subject.
enum Enclave {
    /// The region whose member hull decides whether `code` is an enclave. It depends only on the memberships
    /// of the school and of its nearest schools, so the engine knows whose hull each school reads.
    struct Host {
        let region: RegionID
        let own: RegionID
        let nearest: SchoolCode
        /// Metres (EPSG:28992).
        let distance: Double
    }

    static func host(of code: SchoolCode, in facts: some AuditFacts) -> Host? {
        guard let own = facts.soleRegion(of: code),
              let nearest = facts.nearestSchools(to: code).first(where: { facts.soleRegion(of: $0.school) != nil }),
              let host = facts.soleRegion(of: nearest.school), host != own else { return nil }
        return Host(region: host, own: own, nearest: nearest.school, distance: nearest.distance)
    }

    static func findings(_ code: SchoolCode, host: Host?, in facts: some AuditFacts) throws(SpatialError) -> [Finding] {
        guard let host, let p = facts.location(of: code), try facts.memberHull(of: host.region, contains: p) else { return [] }
        return [Finding(.enclave, regions: [host.own, host.region], schools: [code],
            message: "\(facts.label(code)) of \(host.own) lies inside \(host.region)'s area, surrounded by its schools (nearest: \(facts.label(host.nearest)), \(distanceText(host.distance))): consider moving it to \(host.region)", subject: host.own)]
    }
}
