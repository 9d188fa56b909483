import RegioDomain

/// Everything one letter says, in one language, worked out once for both formats (``LetterHTML``,
/// ``LetterMarkdown``): to whom, what the programme asks, the region's problems, the best proposal with its
/// figures, the region's figures and its map. Texts are plain (the formats escape them).
struct Letter {
    let wording: LetterWording
    let region: RegionFigures
    /// "STO19029 (COROP 29 Rotterdam West)".
    let regionName: String
    /// The lead school (*penvoerder*), when the region names one the register knows.
    let lead: School?
    /// The address block: school name, attention line, town (or who else the letter goes to).
    let address: [String]
    let opening: String
    let errors: Int
    let warnings: Int
    /// What the programme asks, for the rules the region's findings concern.
    let programme: [String]
    /// Errors and warnings, errors first; close-by pairs grouped per partner region.
    let problems: [ProblemLine]
    /// The region's informative findings.
    let notes: [ProblemLine]
    /// The highest-scoring suggestion that concerns the region, if the audit has one.
    let proposal: Proposal?
    /// The sentence under the proposal: more proposals, or why there is none.
    let proposalNote: String?
    /// The region's figures: label and value.
    let figures: [(label: String, value: String)]
    /// The map of the region and its neighbours (an `<svg>` element); `nil` when it has no placed school.
    let map: String?

    init(region: RegionFigures, result: AuditResult, names: LetterNames, wording w: LetterWording,
         message: (Finding) -> String, map: String?) {
        let settings = result.settings
        self.wording = w
        self.region = region
        regionName = names.region(region.id)
        let lead = region.lead.flatMap { names.school(code: $0) }
        self.lead = lead
        if let lead {
            address = [lead.name, w.attention(regionName), names.town(lead)].filter { !$0.isEmpty }
        } else {
            address = [w.addresseeWithoutLead(regionName, hasSchools: !region.schools.isEmpty)]
        }
        let findings = result.findings(of: region.id)
        errors = findings.filter { $0.severity == .error }.count
        warnings = findings.filter { $0.severity == .warning }.count
        opening = w.opening(region: regionName, isLead: lead != nil, errors: errors, warnings: warnings)

        var rules = findings.filter { $0.severity != .info }.map(\.rule)
        if region.techniekarm { rules.append(.techniekarm) }
        programme = ProgrammeAsks.sentences(for: rules, settings: settings, wording: w)

        let lines = ProblemList.lines(region: region.id, findings: findings, names: names, wording: w,
                                      settings: settings, message: message)
        problems = lines.filter { $0.severity != .info }
        notes = lines.filter { $0.severity == .info }

        // Suggestions come best first.
        let concerning = result.suggestions.filter { $0.regions.contains(region.id) }
        proposal = concerning.first.map { Proposal($0, names: names, settings: settings, wording: w) }
        if concerning.isEmpty {
            proposalNote = w.t("The audit found no change that resolves your region's problems without causing new ones. We would like to discuss with you how to resolve them.",
                               "De controle vond geen wijziging die de problemen van uw regio oplost zonder nieuwe te veroorzaken. Wij bespreken graag met u hoe ze op te lossen zijn.")
        } else if concerning.count > 1 {
            let more = w.language.count(concerning.count - 1, w.t("other proposal", "ander voorstel"), w.t("other proposals", "andere voorstellen"))
            let one = concerning.count == 2
            proposalNote = w.t("The audit has \(more) for your region; we are glad to discuss \(one ? "it" : "them") too.",
                               "De controle heeft nog \(more) voor uw regio; ook \(one ? "dat" : "die") bespreken wij graag.")
        } else {
            proposalNote = nil
        }
        figures = w.figures(region, settings: settings)
        self.map = map
    }

    /// The findings under their headings (errors, warnings, notes), leaving out the empty ones.
    var findingSections: [(severity: Severity, heading: String, lines: [ProblemLine])] {
        [(Severity.error, wording.errorsHeading, problems.filter { $0.severity == .error }),
         (.warning, wording.warningsHeading, problems.filter { $0.severity == .warning }),
         (.info, wording.notesHeading, notes)].filter { !$0.lines.isEmpty }
    }

    /// The letter's title: "Region STO19029 (COROP 29 Rotterdam West): pre-registration".
    var title: String {
        wording.t("Region \(regionName): pre-registration", "Regio \(regionName): vooraanmelding")
    }
}
