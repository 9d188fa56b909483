import RegioDomain
import RegioReports
import RegioWebAssets

/// A letter as one self-contained HTML page (`letter.html` and `letter.css` of RegioWebAssets: inline style,
/// no script, the map inline as SVG) that prints to A4: page margins from `@page`, no list item, table row or
/// the map cut at a page edge, the map scaled to the page's width.
enum LetterHTML {
    static let template = PageTemplate("letter.html")

    /// The page of `letter`.
    static func document(_ letter: Letter) -> String {
        template.filled(["lang": letter.wording.language.tag, "title": letter.title.htmlEscaped, "body": body(letter)])
    }

    /// A page around `body` (already HTML), as the letters' index uses it.
    static func document(title: String, language: Language, body: String) -> String {
        template.filled(["lang": language.tag, "title": title.htmlEscaped, "body": body])
    }

    static func body(_ letter: Letter) -> String {
        let w = letter.wording
        var out = "<article class=\"letter\" id=\"\(letter.region.id.rawValue.htmlEscaped)\">\n"
        out += "<p class=\"sender\">\(w.sender.htmlEscaped)</p>\n"
        out += "<address class=\"to\">\(letter.address.map(\.htmlEscaped).joined(separator: "<br>\n"))</address>\n"
        out += "<p class=\"subject\">\(w.subject(letter.regionName).htmlEscaped)</p>\n"
        out += "<p>\(w.greeting.htmlEscaped)</p>\n<p>\(letter.opening.htmlEscaped)</p>\n"
        if letter.errors + letter.warnings > 0 { out += "<p>\(w.whatProblemsMean(errors: letter.errors, warnings: letter.warnings).htmlEscaped)</p>\n" }

        out += "<h2>\(w.programmeHeading.htmlEscaped)</h2>\n<ul class=\"asks\">\n"
        for sentence in letter.programme { out += "<li>\(sentence.htmlEscaped)</li>\n" }
        out += "</ul>\n"

        out += "<h2>\(w.findingsHeading.htmlEscaped)</h2>\n"
        for (severity, heading, lines) in letter.findingSections {
            out += "<h3>\(heading.htmlEscaped) (\(w.language.integer(lines.count)))</h3>\n<ul class=\"problems \(severity.rawValue)\">\n"
            for line in lines {
                out += "<li class=\"\(severity.rawValue)\">\(line.text.htmlEscaped) <span class=\"rule\">\(line.rule.rawValue)</span></li>\n"
            }
            out += "</ul>\n"
        }

        out += "<h2>\(w.proposalHeading.htmlEscaped)</h2>\n"
        if let proposal = letter.proposal {
            out += "<p class=\"proposal\">\(proposal.text.htmlEscaped)</p>\n<p>\(proposal.effect.htmlEscaped)</p>\n"
            if !proposal.rows.isEmpty {
                out += "<table class=\"figures\">\n<caption>\(proposal.figuresCaption.htmlEscaped)</caption>\n"
                out += "<thead><tr><th></th><th>\(proposal.columns.now.htmlEscaped)</th><th>\(proposal.columns.after.htmlEscaped)</th></tr></thead>\n<tbody>\n"
                for row in proposal.rows {
                    out += "<tr><th>\(row.label.htmlEscaped)</th><td>\(row.now.htmlEscaped)</td><td>\(row.after.htmlEscaped)</td></tr>\n"
                }
                out += "</tbody>\n</table>\n"
            }
        }
        if let note = letter.proposalNote { out += "<p>\(note.htmlEscaped)</p>\n" }

        out += "<h2>\(w.figuresHeading.htmlEscaped)</h2>\n<table class=\"figures\">\n<tbody>\n"
        for row in letter.figures { out += "<tr><th>\(row.label.htmlEscaped)</th><td>\(row.value.htmlEscaped)</td></tr>\n" }
        out += "</tbody>\n</table>\n"

        out += "<section class=\"map\">\n<h2>\(w.mapHeading.htmlEscaped)</h2>\n"
        if let map = letter.map {
            out += "<figure>\n\(map)<figcaption>\(w.mapCaption.htmlEscaped)</figcaption>\n</figure>\n"
        } else {
            out += "<p class=\"muted\">\(w.noMap.htmlEscaped)</p>\n"
        }
        out += "</section>\n"

        out += "<p>\(w.closing.htmlEscaped)</p>\n"
        out += "<p class=\"signature\">\(w.regards.htmlEscaped)<br>\n\(w.signature.htmlEscaped)</p>\n"
        out += "</article>\n"
        return out
    }
}
