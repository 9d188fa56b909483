/// `split-institution` (info).
///
/// Definition: one finding per 4-character institution (the first four characters of the school code)
/// whose listed locations are in two or more different regions. It is allowed (each location takes part in
/// one region); the finding names the regions and the institution's listed locations.
enum SplitInstitution {
    static func findings(ofInstitution institution: String, in facts: some AuditFacts) -> [Finding] {
        let schools = facts.locations(ofInstitution: institution).filter { !facts.regions(listing: $0).isEmpty }
        let ids = Set(schools.flatMap { facts.regions(listing: $0) })
        guard ids.count > 1 else { return [] }
        return [Finding(.splitInstitution, regions: Array(ids), schools: schools,
            message: Message(institution: institution, regions: ids.sorted()))]
    }
}

extension SplitInstitution {
    struct Message: FindingMessage {
        let institution: String, regions: [RegionID]

        func text(in language: Language) -> String {
            switch language {
            case .en: "institution \(institution) has locations in \(language.list(regions)) (allowed: each location is in one region)"
            case .nl: "instelling \(institution) heeft vestigingen in \(language.list(regions)) (toegestaan: elke vestiging zit in één regio)"
            }
        }
    }
}
