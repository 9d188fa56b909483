import RegioDomain

/// The best suggestion of the audit for a letter's region, in words, with the figures of the region that
/// remains (a merge) or receives the school (a move), now and after the change. The figures after are those
/// the suggestion carries (``Suggestion/resultingFigures``): the audit computed them by carrying the suggestion
/// out and auditing again.
struct Proposal {
    /// What we propose: "We propose to merge regions A and B into one region, which continues as A."
    let text: String
    /// What it changes: "This resolves 81 errors and warnings."
    let effect: String
    /// "STO19023 (COROP 23 Amsterdam) now and after the proposal"
    let figuresCaption: String
    /// The columns' heads: now, after.
    let columns: (now: String, after: String)
    /// label, now (empty when the region does not exist yet), after.
    let rows: [(label: String, now: String, after: String)]

    init(_ s: Suggestion, names: LetterNames, settings: AuditSettings, wording w: LetterWording) {
        let l = w.language
        let surviving = names.region(s.survivingRegion)
        switch s.kind {
        case .merge:
            let regions = l.list(s.regions.map(names.region))
            text = w.t("We propose to merge regions \(regions) into one region, which continues as \(surviving).",
                       "Wij stellen voor de regio's \(regions) samen te voegen tot één regio, die verdergaat als \(surviving).")
        case .move:
            let schools = l.list(s.schools.map(names.school))
            let from = s.regions.first.map(names.region) ?? ""
            let noun = s.schools.count == 1 ? w.t("school", "school") : w.t("schools", "de scholen")
            text = w.t("We propose to move \(noun) \(schools) from region \(from) to region \(surviving).",
                       "Wij stellen voor \(noun) \(schools) over te brengen van regio \(from) naar regio \(surviving).")
        }
        let resolved = s.resolvedFindings.filter { $0.severity != .info }.count
        let newErrors = s.introducedFindings.filter { $0.severity == .error }.count
        let newWarnings = s.introducedFindings.filter { $0.severity == .warning }.count
        var effect = w.t("This resolves \(l.count(resolved, "error or warning", "errors and warnings"))",
                         "Dit lost \(l.count(resolved, "fout of waarschuwing", "fouten en waarschuwingen")) op")
        let introduced = l.list([newErrors > 0 ? l.count(newErrors, w.t("new error", "nieuwe fout"), w.t("new errors", "nieuwe fouten")) : nil,
                          newWarnings > 0 ? l.count(newWarnings, w.t("new warning", "nieuwe waarschuwing"), w.t("new warnings", "nieuwe waarschuwingen")) : nil]
            .compactMap { $0 })
        if !introduced.isEmpty { effect += w.t(" and brings \(introduced)", " en geeft \(introduced)") }
        effect += w.t(" (score \(l.number(s.score, decimals: 2)) on a scale from 0 to 1).",
                      " (score \(l.number(s.score, decimals: 2)) op een schaal van 0 tot 1).")
        self.effect = effect

        figuresCaption = w.t("\(surviving) now and after the proposal", "\(surviving) nu en na het voorstel")
        columns = (w.t("now", "nu"), w.t("after the proposal", "na het voorstel"))
        let now = names.regions[s.survivingRegion].map { w.figures($0, settings: settings) }
        let after = s.resultingFigures.map { w.figures($0, settings: settings) } ?? []
        rows = after.enumerated().map { i, row in (row.label, now?[i].value ?? "", row.value) }
    }
}
