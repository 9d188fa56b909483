import Foundation
import RegioDomain

/// A letter as Markdown: the same parts as ``LetterHTML``, the map as an SVG file beside the letter
/// (`STO19029.svg`), embedded as an image.
enum LetterMarkdown {
    /// The letter; `mapFile` is the name of the map's SVG file in the same folder (`nil`: no map).
    static func document(_ letter: Letter, mapFile: String?) -> String {
        let w = letter.wording
        var out = "# \(text(letter.title))\n\n"
        out += "_\(text(w.sender))_\n\n"
        out += letter.address.map(text).joined(separator: "  \n") + "\n\n"
        out += "**\(text(w.subject(letter.regionName)))**\n\n"
        out += "\(text(w.greeting))\n\n\(text(letter.opening))\n\n"
        if letter.errors + letter.warnings > 0 { out += "\(text(w.whatProblemsMean(errors: letter.errors, warnings: letter.warnings)))\n\n" }

        out += "## \(text(w.programmeHeading))\n\n"
        for sentence in letter.programme { out += "- \(text(sentence))\n" }

        out += "\n## \(text(w.findingsHeading))\n"
        for (_, heading, lines) in letter.findingSections {
            out += "\n### \(text(heading)) (\(w.language.integer(lines.count)))\n\n"
            for line in lines { out += "- \(text(line.text)) (`\(line.rule.rawValue)`)\n" }
        }

        out += "\n## \(text(w.proposalHeading))\n\n"
        if let proposal = letter.proposal {
            out += "\(text(proposal.text))\n\n\(text(proposal.effect))\n\n"
            if !proposal.rows.isEmpty {
                out += "\(text(proposal.figuresCaption)):\n\n"
                out += "| | \(cell(proposal.columns.now)) | \(cell(proposal.columns.after)) |\n| --- | --- | --- |\n"
                for row in proposal.rows { out += "| \(cell(row.label)) | \(cell(row.now)) | \(cell(row.after)) |\n" }
                out += "\n"
            }
        }
        if let note = letter.proposalNote { out += "\(text(note))\n\n" }

        out += "## \(text(w.figuresHeading))\n\n| \(cell(w.figureColumn)) | |\n| --- | --- |\n"
        for row in letter.figures { out += "| \(cell(row.label)) | \(cell(row.value)) |\n" }

        out += "\n## \(text(w.mapHeading))\n\n"
        if let mapFile {
            out += "![\(text(w.mapTitle(letter.regionName)))](\(mapFile))\n\n_\(text(w.mapCaption))_\n\n"
        } else {
            out += "_\(text(w.noMap))_\n\n"
        }
        out += "\(text(w.closing))\n\n\(text(w.regards))  \n\(text(w.signature))\n"
        return out
    }

    /// Text with Markdown's inline marks escaped, so a school named `*Het Anker*` stays as written.
    static func text(_ s: String) -> String {
        var out = ""
        for c in s {
            if "\\`*_[]<>|#".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }

    /// Text for a table cell: escaped, line breaks as spaces.
    static func cell(_ s: String) -> String { text(s).replacingOccurrences(of: "\n", with: " ") }
}
