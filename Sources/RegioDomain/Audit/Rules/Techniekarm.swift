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
            message: Message(region: region.id, share: share, counted: figures.countedStudents, threshold: facts.settings.techniekarmShareBelow),
            value: share)]
    }
}

extension Techniekarm {
    struct Message: FindingMessage {
        /// Shares 0…1.
        let region: RegionID, share: Double, counted: Int, threshold: Double

        func text(in language: Language) -> String {
            let (share, threshold) = (language.percent(share), language.percent(threshold))
            return switch language {
            case .en: "\(region) is techniekarm: \(share) of its \(language.count(counted, "counted student is", "counted students are")) in a technical profile (below \(threshold))"
            case .nl: "\(region) is techniekarm: \(share) van de \(language.count(counted, "getelde leerling zit", "getelde leerlingen zit")) in een technisch profiel (onder \(threshold))"
            }
        }
    }
}
