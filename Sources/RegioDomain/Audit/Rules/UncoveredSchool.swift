/// `uncovered-school` (info).
///
/// Definition: one finding per school of the register that offers a technical profile (at least one
/// technical student, the routes setting ``AuditSettings/countTechnicalRoutes`` applied) and that no
/// region lists. All vmbo schools with technical profiles in an area must be able to join its region.
enum UncoveredSchool {
    static func findings(_ code: SchoolCode, in facts: some AuditFacts) -> [Finding] {
        guard facts.regions(listing: code).isEmpty, facts.isKnown(code), facts.offersTechnology(code) else { return [] }
        return [Finding(.uncoveredSchool, regions: [], schools: [code],
            message: Message(school: facts.label(code), technical: facts.technical(code)))]
    }
}

extension UncoveredSchool {
    struct Message: FindingMessage {
        let school: String, technical: Int

        func text(in language: Language) -> String {
            switch language {
            case .en: "\(school) offers technical profiles (\(language.count(technical, "technical student", "technical students"))) but is in no region"
            case .nl: "\(school) biedt technische profielen (\(language.count(technical, "technische leerling", "technische leerlingen"))) maar zit in geen regio"
            }
        }
    }
}
