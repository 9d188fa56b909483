import RegioDomain

extension AuditReport {
    /// The terminal report: the counts and totals, the regions to contact (errors first), then every region
    /// worst first with its lead, figures and findings, close-by pairs grouped per region pair.
    public func text() -> String {
        let l = language
        let outline = AuditOutline(result)
        var out = bold("regio audit") + ": " + l.regions(result.regions.count) + ", "
        out += [Severity.error, .warning].map { paint(l.count(result.count($0), $0), $0) }.joined(separator: ", ")
        out += ", \(l.count(result.count(.info), .info))\n"
        out += l.pick("Totals: ", "Totalen: ") + Self.totalsLine(result.totals, in: l) + "\n"
        if let filter = filterLine() { out += filter + "\n" }
        if !outline.contacts.isEmpty {
            out += "\n" + bold(l.pick("To contact (errors first):", "Te benaderen (fouten eerst):")) + "\n"
            for s in outline.contacts {
                let r = s.region
                let name = r.name.isEmpty ? r.id.rawValue : "\(r.id)  \(r.name)"
                let lead = r.lead.map(schools.lead) ?? l.pick("none", "geen")
                out += "  \(name): \(contactCounts(s.counts)); " + l.pick("lead ", "penvoerder ") + lead + "\n"
            }
        }
        let width = Severity.allCases.map { l.word($0).count }.max() ?? 7
        func line(_ severity: Severity, _ rule: Rule, _ text: String) -> String {
            "  " + paint(l.word(severity).padding(toLength: width, withPad: " ", startingAt: 0), severity) + " \(rule.rawValue): \(text)\n"
        }
        for s in outline.sections {
            out += "\n" + bold(title(s.region)) + "\n"
            out += "  " + figuresLine(s.region) + "\n"
            for item in s.items { out += line(item.severity, item.rule, itemText(item, in: s.region.id)) }
        }
        if !outline.unassigned.isEmpty {
            out += "\n" + bold(l.pick("Schools in no region", "Scholen in geen regio")) + "\n"
            for f in outline.unassigned { out += line(f.severity, f.rule, f.message(in: l)) }
        }
        if !result.suggestions.isEmpty {
            out += "\n" + bold(l.pick("Suggestions", "Voorstellen")) + "\n"
            for s in result.suggestions { out += "  " + SuggestionText.line(s, in: l) + "\n" }
        }
        let methods = methodsText()
        out += "\n" + l.pick("Methods: ", "Methoden: ") + "\(methods.territory); \(methods.catchment).\n"
        return out
    }

    func bold(_ s: String) -> String { colour ? "\u{1B}[1m\(s)\u{1B}[0m" : s }

    func paint(_ s: String, _ severity: Severity) -> String {
        guard colour else { return s }
        let code = severity == .error ? "31" : severity == .warning ? "33" : "36"
        return "\u{1B}[\(code)m\(s)\u{1B}[0m"
    }
}
