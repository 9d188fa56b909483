/// `single-technology-school` (info).
///
/// Definition: one finding per region with exactly one member school that offers a technical profile, when
/// that school is alone in its catchment (``TechnicalMembers/aloneInCatchment``). Allowed: where an area has
/// only one such school, it may form a region with other vmbo schools (and is then not `undersized-region`
/// for its number of technical schools).
enum SingleTechnologySchool {
    static func findings(_ region: Region, technical: TechnicalMembers, in facts: some AuditFacts) -> [Finding] {
        guard technical.schools.count == 1 && technical.aloneInCatchment else { return [] }
        let school = technical.schools[0]
        return [Finding(.singleTechnologySchool, regions: [region.id], schools: technical.schools,
            message: Message(region: region.id, school: facts.label(school)))]
    }
}

extension SingleTechnologySchool {
    struct Message: FindingMessage {
        let region: RegionID, school: String

        func text(in language: Language) -> String {
            switch language {
            case .en: "\(region) has one school with technical profiles, \(school), and its catchment has no other: allowed"
            case .nl: "\(region) heeft één school met technische profielen, \(school), en het verzorgingsgebied heeft er geen andere: toegestaan"
            }
        }
    }
}
