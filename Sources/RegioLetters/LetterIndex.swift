import RegioDomain
import RegioReports

/// The index of a folder of letters: one row per letter with the region, its lead, its errors and warnings,
/// and a link to the letter's file.
struct LetterIndex {
    struct Entry {
        let letter: Letter
        /// The letter's file name in the folder.
        let file: String
    }

    let entries: [Entry]
    let wording: LetterWording

    var title: String { wording.t("Letters to the regions", "Brieven aan de regio's") }

    private var columns: [String] {
        [wording.t("region", "regio"), wording.t("lead applicant", "penvoerder"), wording.errorsHeading.lowercased(),
         wording.warningsHeading.lowercased(), wording.t("letter", "brief")]
    }

    private func lead(_ letter: Letter) -> String {
        letter.lead.map { "\($0.name), \($0.town.capitalizedTown)" } ?? wording.t("none", "geen")
    }

    var html: String {
        var body = "<article class=\"letter index\">\n<h1>\(title.htmlEscaped)</h1>\n<table class=\"figures\">\n<thead><tr>"
        body += columns.map { "<th>\($0.htmlEscaped)</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for entry in entries {
            let l = entry.letter
            body += "<tr><td>\(l.regionName.htmlEscaped)</td><td>\(lead(l).htmlEscaped)</td>"
            body += "<td class=\"n\">\(wording.language.integer(l.errors))</td><td class=\"n\">\(wording.language.integer(l.warnings))</td>"
            body += "<td><a href=\"\(entry.file.htmlEscaped)\">\(entry.file.htmlEscaped)</a></td></tr>\n"
        }
        body += "</tbody>\n</table>\n</article>\n"
        return LetterHTML.document(title: title, language: wording.language, body: body)
    }

    var markdown: String {
        var out = "# \(LetterMarkdown.text(title))\n\n| " + columns.map(LetterMarkdown.cell).joined(separator: " | ") + " |\n"
        out += "| --- | --- | ---: | ---: | --- |\n"
        for entry in entries {
            let l = entry.letter
            out += "| \(LetterMarkdown.cell(l.regionName)) | \(LetterMarkdown.cell(lead(l))) | \(wording.language.integer(l.errors)) "
            out += "| \(wording.language.integer(l.warnings)) | [\(LetterMarkdown.cell(entry.file))](\(entry.file)) |\n"
        }
        return out
    }
}
