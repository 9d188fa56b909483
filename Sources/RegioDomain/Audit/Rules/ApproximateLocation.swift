/// `approximate-location` (info).
///
/// Definition (domain.md): one finding per school of the register that is listed by at least one region and
/// is placed at the centroid of its 4-digit postcode area, not at its address (the register gives no
/// coordinates for it). The finding names every region that lists it.
enum ApproximateLocation {
    static func findings(_ code: SchoolCode, listedBy regions: [RegionID], in facts: some AuditFacts) -> [Finding] {
        guard !regions.isEmpty, let school = facts.school(code), school.placement == .postcodeCentroid else { return [] }
        return [Finding(.approximateLocation, regions: regions, schools: [code],
            message: "\(facts.label(code)), listed by \(regions.joined(separator: " and ")), has no coordinates and is placed at the centroid of postcode area \(school.postcode.prefix(4)): its distances are approximate (typically within a few km)")]
    }
}
