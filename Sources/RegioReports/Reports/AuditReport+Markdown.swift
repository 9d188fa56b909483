import RegioDomain

extension AuditReport {
    /// The briefing: the counts and totals, the regions to contact, a table of every region's figures, then a
    /// section per region with findings, close-by pairs grouped per region pair; suggestions and methods last.
    public func markdown() -> String {
        let l = language
        let outline = AuditOutline(result)
        var out = l.pick("# Audit of the pre-registrations\n\n", "# Audit van de vooraanmeldingen\n\n")
        out += l.regions(result.regions.count) + ": **\(l.count(result.count(.error), .error))**, "
        out += "\(l.count(result.count(.warning), .warning)), \(l.count(result.count(.info), .info)).\n\n"
        out += l.pick("Totals: ", "Totalen: ") + Self.totalsLine(result.totals, in: l) + ".\n\n"
        if let filter = filterLine() { out += filter + "\n\n" }
        if !outline.contacts.isEmpty {
            out += l.pick("## To contact\n\n", "## Te benaderen\n\n")
            out += l.pick("| region | name | lead | errors | warnings |\n", "| regio | naam | penvoerder | fouten | waarschuwingen |\n")
            out += "| --- | --- | --- | ---: | ---: |\n"
            for s in outline.contacts {
                let r = s.region
                let lead = r.lead.map(schools.lead) ?? "–"
                out += "| \(r.id) | \(cell(r.name)) | \(cell(lead)) | \(l.integer(s.counts.errors)) | \(l.integer(s.counts.warnings)) |\n"
            }
            out += "\n"
        }
        out += l.pick("## Regions\n\n", "## Regio's\n\n")
        out += l.pick("| region | name | schools | counted | technical | share | techniekarm | budget | errors | warnings |\n",
                      "| regio | naam | scholen | geteld | technisch | aandeel | techniekarm | budget | fouten | waarschuwingen |\n")
        out += "| --- | --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |\n"
        for s in outline.sections {
            let r = s.region
            out += "| \(r.id) | \(cell(r.name)) | \(l.integer(r.schools.count)) | \(l.integer(r.countedStudents)) | \(l.integer(r.technicalStudents)) | \(l.share(r.technicalShare)) | \(l.yesNo(r.techniekarm)) | \(BudgetText.region(r, in: l)) | \(l.integer(s.counts.errors)) | \(l.integer(s.counts.warnings)) |\n"
        }
        for s in outline.sections where !s.items.isEmpty {
            out += "\n### \(title(s.region, separator: " "))\n\n\(figuresLine(s.region)).\n\n"
            for item in s.items { out += "- **\(l.word(item.severity))** `\(item.rule.rawValue)`: \(itemText(item, in: s.region.id))\n" }
        }
        if !outline.unassigned.isEmpty {
            out += l.pick("\n### Schools in no region\n\n", "\n### Scholen in geen regio\n\n")
            for f in outline.unassigned { out += "- **\(l.word(f.severity))** `\(f.rule.rawValue)`: \(f.message(in: l))\n" }
        }
        if !result.suggestions.isEmpty {
            out += l.pick("\n## Suggestions\n\n", "\n## Voorstellen\n\n")
            for s in result.suggestions { out += "- " + SuggestionText.markdown(s, in: l) + "\n" }
        }
        out += l.pick("\n## Methods\n\n", "\n## Methoden\n\n") + "- \(result.methods.territory.text(in: l))\n- \(result.methods.catchment.text(in: l))\n"
        return out
    }

    /// Text for a table cell: a `|` would end the cell.
    func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
}
