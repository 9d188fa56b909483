/// `school-outside-map` (error).
///
/// Definition (domain.md): one finding per school of the register that is listed by at least one region
/// and whose location (EPSG:28992) is covered by no municipality and lies more than
/// ``AuditSettings/outsideMapToleranceMeters`` (default 1,000 m) from the nearest one. The finding names
/// every region that lists it; its value is the distance in metres.
extension Auditor {
    func schoolOutsideMapFindings(_ code: SchoolCode, listedBy regions: [String]) -> [Finding] {
        guard !regions.isEmpty, let outside = outsideMap[code],
              outside.distanceMeters > settings.outsideMapToleranceMeters else { return [] }
        let nearest = outside.nearestMunicipality.map { "nearest municipality \($0)" } ?? "no municipality"
        let distance = outside.distanceMeters.isFinite ? distanceText(outside.distanceMeters) : "far"
        return [Finding(.schoolOutsideMap, regions: regions, schools: [code],
            message: "\(label(code)), listed by \(regions.joined(separator: " and ")), lies \(distance) outside every municipality (\(nearest); tolerance \(distanceText(settings.outsideMapToleranceMeters))): \(outside.likelyCause)",
            value: outside.distanceMeters.isFinite ? outside.distanceMeters : nil)]
    }
}
