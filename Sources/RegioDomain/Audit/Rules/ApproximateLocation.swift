/// `approximate-location` (info).
///
/// Definition (domain.md): one finding per school of the register that is listed by at least one region and
/// is placed at the centroid of its 4-digit postcode area, not at its address (the register gives no
/// coordinates for it). The finding names every region that lists it.
enum ApproximateLocation {
    static func findings(_ code: SchoolCode, listedBy regions: [RegionID], in facts: some AuditFacts) -> [Finding] {
        guard !regions.isEmpty, let school = facts.school(code), school.placement == .postcodeCentroid else { return [] }
        return [Finding(.approximateLocation, regions: regions, schools: [code],
            message: Message(school: facts.label(code), regions: regions, postcodeArea: String(school.postcode.prefix(4))))]
    }
}

extension ApproximateLocation {
    struct Message: FindingMessage {
        let school: String, regions: [RegionID], postcodeArea: String

        func text(in language: Language) -> String {
            switch language {
            case .en: "\(school), listed by \(language.list(regions)), has no coordinates and is placed at the centroid of postcode area \(postcodeArea): its distances are approximate (typically within a few km)"
            case .nl: "\(school), opgegeven door \(language.list(regions)), heeft geen coördinaten en staat op het middelpunt van postcodegebied \(postcodeArea): de afstanden zijn bij benadering (meestal op enkele km na)"
            }
        }
    }
}
