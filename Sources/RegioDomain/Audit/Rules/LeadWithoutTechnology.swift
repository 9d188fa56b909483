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
            message: "the lead of \(region.id), \(facts.label(lead)), offers no technical profile while the region is not techniekarm (\(percent(share)) technical): choose a lead with technical profiles")]
    }
}
