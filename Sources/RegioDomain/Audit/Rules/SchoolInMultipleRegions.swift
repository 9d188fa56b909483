/// `school-in-multiple-regions` (error).
///
/// Definition: one finding per school that two or more regions list and that is a vmbo or vso school (its
/// register entry says vmbo or vso, or the pupil file has vmbo pupils for it). The finding names every region
/// that lists it. A vmbo school takes part in one region only; such a school is left out of the close-by
/// pairs (`split-close-schools`), which compare schools listed by exactly one region.
enum SchoolInMultipleRegions {
    static func findings(_ code: SchoolCode, in facts: some AuditFacts) -> [Finding] {
        let ids = facts.regions(listing: code)
        guard ids.count > 1, facts.isVmboOrVso(code) else { return [] }
        return [Finding(.schoolInMultipleRegions, regions: ids, schools: [code],
            message: Message(school: facts.label(code), regions: ids))]
    }
}

extension SchoolInMultipleRegions {
    struct Message: FindingMessage {
        let school: String, regions: [RegionID]

        func text(in language: Language) -> String {
            switch language {
            case .en: "\(school) is listed by \(language.list(regions)): a school takes part in one region only"
            case .nl: "\(school) staat bij \(language.list(regions)): een school neemt maar aan één regio deel"
            }
        }
    }
}
