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
        return [Finding(.schoolOutsideMap, regions: regions, schools: [code],
            message: Message(school: facts.label(code), regions: regions, nearestMunicipality: outside.nearestMunicipality,
                             distanceMeters: outside.distanceMeters, toleranceMeters: facts.settings.outsideMapToleranceMeters,
                             atPostcodeCentroid: facts.school(code)?.placement == .postcodeCentroid),
            value: outside.distanceMeters.isFinite ? outside.distanceMeters : nil)]
    }
}

extension SchoolOutsideMap {
    struct Message: FindingMessage {
        let school: String, regions: [RegionID], nearestMunicipality: String?
        /// Metres (infinite when no municipality was found), and the tolerance setting.
        let distanceMeters: Double, toleranceMeters: Double
        let atPostcodeCentroid: Bool

        func text(in language: Language) -> String {
            let distance = distanceMeters.isFinite ? language.distance(distanceMeters) : language.pick("far", "ver")
            let tolerance = language.distance(toleranceMeters)
            let cause = SchoolPlacement.likelyCause(distanceMeters: distanceMeters, atPostcodeCentroid: atPostcodeCentroid, in: language)
            let regions = language.list(regions)
            switch language {
            case .en:
                let nearest = nearestMunicipality.map { "nearest municipality \($0)" } ?? "no municipality"
                return "\(school), listed by \(regions), lies \(distance) outside every municipality (\(nearest); tolerance \(tolerance)): \(cause); the spatial rules leave it out until its location is corrected"
            case .nl:
                let nearest = nearestMunicipality.map { "dichtstbijzijnde gemeente \($0)" } ?? "geen gemeente"
                return "\(school), opgegeven door \(regions), ligt \(distance) buiten elke gemeente (\(nearest); tolerantie \(tolerance)): \(cause); de ruimtelijke regels laten de school buiten beschouwing tot de locatie is verbeterd"
            }
        }
    }
}
