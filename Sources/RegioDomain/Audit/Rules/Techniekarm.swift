/// `techniekarm` (info).
///
/// Definition: one finding per region whose technical share (technical students / counted students over its
/// distinct member schools, see ``RegionFigures``) is below ``AuditSettings/techniekarmShareBelow`` (10 %).
/// A region without counted students has no share and is not techniekarm. Its budget is the programme's
/// separate range (``TechniekarmBudget``), and a lead without technical profiles is allowed.
enum Techniekarm {
    static func findings(_ region: Region, figures: RegionFigures, in facts: some AuditFacts) -> [Finding] {
        guard figures.techniekarm, let share = figures.technicalShare else { return [] }
        return [Finding(.techniekarm, regions: [region.id], schools: region.schools,
            message: "\(region.id) is techniekarm: \(percent(share)) of its \(figures.countedStudents) counted students are in a technical profile (below \(percent(facts.settings.techniekarmShareBelow)))",
            value: share)]
    }
}
