/// `lead-without-technology` (error).
///
/// Definition: one finding per region whose lead school (*penvoerder*) is in the register and has no
/// technical student (the routes setting applied), while the region's technical share is at least
/// ``AuditSettings/techniekarmShareBelow`` (10 %). A region without a share (no counted students) or a
/// techniekarm region may have such a lead.
enum LeadWithoutTechnology {
    static func findings(_ region: Region, figures: RegionFigures, in facts: some AuditFacts) -> [Finding] {
        guard let lead = region.lead, facts.isKnown(lead), !facts.offersTechnology(lead), let share = figures.technicalShare,
              share >= facts.settings.techniekarmShareBelow else { return [] }
        return [Finding(.leadWithoutTechnology, regions: [region.id], schools: [lead],
            message: Message(region: region.id, lead: facts.label(lead), share: share))]
    }
}

extension LeadWithoutTechnology {
    struct Message: FindingMessage {
        /// The region's technical share, 0…1.
        let region: RegionID, lead: String, share: Double

        func text(in language: Language) -> String {
            switch language {
            case .en: "the lead of \(region), \(lead), offers no technical profile while the region is not techniekarm (\(language.percent(share)) technical): choose a lead with technical profiles"
            case .nl: "de penvoerder van \(region), \(lead), biedt geen technisch profiel, terwijl de regio niet techniekarm is (\(language.percent(share)) technisch): kies een penvoerder met technische profielen"
            }
        }
    }
}
