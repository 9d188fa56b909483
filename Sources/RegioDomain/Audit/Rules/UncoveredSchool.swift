/// `uncovered-school` (info).
///
/// Definition: one finding per school of the register that offers a technical profile (at least one
/// technical student, the routes setting ``AuditSettings/countTechnicalRoutes`` applied) and that no
/// region lists. All vmbo schools with technical profiles in an area must be able to join its region.
enum UncoveredSchool {
    static func findings(_ code: SchoolCode, in facts: some AuditFacts) -> [Finding] {
        guard facts.regions(listing: code).isEmpty, facts.isKnown(code), facts.offersTechnology(code) else { return [] }
        return [Finding(.uncoveredSchool, regions: [], schools: [code],
            message: "\(facts.label(code)) offers technical profiles (\(facts.technical(code)) technical students) but is in no region")]
    }
}
