/// `school-outside-map` (error).
///
/// Definition (domain.md): one finding per school of the register that is listed by at least one region
/// and whose location (EPSG:28992) is covered by no municipality and lies more than
/// ``AuditSettings/outsideMapToleranceMeters`` (default 1,000 m) from the nearest one. The finding names
/// every region that lists it; its value is the distance in metres. Such a location is wrong (swapped or
/// mistyped coordinates), so every spatial rule leaves the school out, as it does an unplaced school: no
/// close-by pair, fragment, enclave or territory is measured from it.
enum SchoolOutsideMap {
    static func findings(_ code: SchoolCode, listedBy regions: [RegionID], in facts: some AuditFacts) -> [Finding] {
        guard !regions.isEmpty, let outside = facts.outsideMap(code),
              outside.distanceMeters > facts.settings.outsideMapToleranceMeters else { return [] }
        let nearest = outside.nearestMunicipality.map { "nearest municipality \($0)" } ?? "no municipality"
        let distance = outside.distanceMeters.isFinite ? distanceText(outside.distanceMeters) : "far"
        return [Finding(.schoolOutsideMap, regions: regions, schools: [code],
            message: "\(facts.label(code)), listed by \(regions.joined(separator: " and ")), lies \(distance) outside every municipality (\(nearest); tolerance \(distanceText(facts.settings.outsideMapToleranceMeters))): \(outside.likelyCause); the spatial rules leave it out until its location is corrected",
            value: outside.distanceMeters.isFinite ? outside.distanceMeters : nil)]
    }
}
