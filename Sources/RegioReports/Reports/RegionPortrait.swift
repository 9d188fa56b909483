import Foundation
import RegioDomain
import RegioWebAssets

/// A region's portrait, as the programme's regional portraits (*regioportretten*) gave it: member schools
/// with their technical profiles and pupils, pupils per profile and per track, technical share, techniekarm
/// status, budget, municipalities, and the findings and suggestions concerning the region.
///
/// Pupils are year 3–4 vmbo pupils on the census date; "counted" are those in BB, KB and GL, "technical" the
/// counted pupils in the five technical profiles. Amounts are EUR; areas km² in EPSG:28992.
/// ``html(for:result:schools:counts:municipalityNames:)`` gives a fragment (no `<html>`) that a page can
/// embed with `portrait.css` of RegioWebAssets; ``document(for:result:schools:counts:municipalityNames:)`` a
/// self-contained page.
public enum RegionPortrait {
    /// The output format of `regio portrait`.
    public enum Format: String, CaseIterable, Sendable { case markdown, html }

    // MARK: HTML

    /// The portrait of `region` as an HTML fragment: one `<section class="regio-portrait">`, every text
    /// escaped. Style it with `portrait.css` of RegioWebAssets.
    /// - Parameters:
    ///   - schools: the register by code (names, towns, kinds of the members).
    ///   - counts: year 3–4 pupils per school (profiles and pupils per member); members without counts show 0.
    ///   - municipalityNames: CBS code → name, to name the municipalities (codes alone otherwise).
    public static func html(for region: RegionFigures, result: AuditResult, schools: [SchoolCode: School],
                            counts: [SchoolCode: StudentCounts] = [:],
                            municipalityNames: [String: String] = [:]) -> String {
        let facts = Facts(region, result: result, schools: schools, counts: counts, municipalityNames: municipalityNames)
        var out = "<section class=\"regio-portrait\" id=\"portrait-\(escape(region.id.rawValue))\">\n"
        out += "<h2><span class=\"region-id\">\(escape(region.id.rawValue))</span> \(escape(region.name))</h2>\n"
        out += "<dl class=\"facts\">\n"
        for (term, value) in facts.keyFigures {
            out += "<dt>\(escape(term))</dt><dd>\(escape(value))</dd>\n"
        }
        out += "</dl>\n"

        out += "<h3>Member schools</h3>\n<table class=\"members\">\n<thead><tr><th>code</th><th>name</th><th>town</th>"
        out += "<th>technical profiles</th><th class=\"n\">counted</th><th class=\"n\">technical</th></tr></thead>\n<tbody>\n"
        for m in facts.members {
            let lead = m.isLead ? " <span class=\"tag\">lead</span>" : ""
            out += "<tr><td class=\"code\">\(escape(m.code))\(lead)</td><td>\(escape(m.name))</td><td>\(escape(m.town))</td>"
            out += "<td>\(escape(m.profiles))</td><td class=\"n\">\(m.counted)</td><td class=\"n\">\(m.technical)</td></tr>\n"
        }
        out += "</tbody>\n</table>\n"

        out += "<div class=\"pupils\">\n<table class=\"profiles\">\n<caption>Pupils per profile (BB, KB, GL)</caption>\n"
        out += "<thead><tr><th>profile</th><th>name</th><th class=\"n\">pupils</th></tr></thead>\n<tbody>\n"
        for row in facts.profileRows {
            out += "<tr\(row.technical ? " class=\"technical\"" : "")><td>\(escape(row.profile))</td><td>\(escape(row.name))</td><td class=\"n\">\(row.pupils)</td></tr>\n"
        }
        out += "</tbody>\n</table>\n<table class=\"tracks\">\n<caption>Pupils per track</caption>\n"
        out += "<thead><tr><th>track</th><th class=\"n\">pupils</th></tr></thead>\n<tbody>\n"
        for row in facts.trackRows {
            out += "<tr><td>\(escape(row.track))\(row.counted ? "" : " <span class=\"muted\">(not counted)</span>")</td><td class=\"n\">\(row.pupils)</td></tr>\n"
        }
        out += "</tbody>\n</table>\n</div>\n"

        out += "<h3>Municipalities</h3>\n<p class=\"municipalities\">\(escape(facts.municipalities))</p>\n"

        out += "<h3>Findings (\(facts.findings.count))</h3>\n"
        if facts.findings.isEmpty {
            out += "<p class=\"muted\">No findings.</p>\n"
        } else {
            out += "<ul class=\"findings\">\n"
            for f in facts.findings {
                out += "<li class=\"\(f.severity.rawValue)\"><span class=\"severity\">\(f.severity.rawValue)</span> "
                out += "<code>\(escape(f.rule.rawValue))</code>: \(escape(f.message))</li>\n"
            }
            out += "</ul>\n"
        }
        out += "<h3>Suggestions (\(facts.suggestions.count))</h3>\n"
        if facts.suggestions.isEmpty {
            out += "<p class=\"muted\">No suggestions.</p>\n"
        } else {
            out += "<ul class=\"suggestions\">\n"
            for s in facts.suggestions {
                out += "<li><strong>\(escape(s.headline))</strong>"
                out += " (score \(String(format: "%.2f", s.score))): \(escape(s.reason))</li>\n"
            }
            out += "</ul>\n"
        }
        out += "<p class=\"method\">\(escape(result.methods.territory)).</p>\n"
        out += "</section>\n"
        return out
    }

    /// A self-contained HTML page (inline style, no scripts, no external files) with the portrait of each
    /// region in `regions`, one per printed page.
    public static func document(for regions: [RegionFigures], result: AuditResult, schools: [SchoolCode: School],
                                counts: [SchoolCode: StudentCounts] = [:],
                                municipalityNames: [String: String] = [:]) -> String {
        let title = regions.count == 1 ? "Region portrait \(regions[0].id)" : "Region portraits (\(regions.count))"
        let portraits = regions.map { region in
            html(for: region, result: result, schools: schools, counts: counts, municipalityNames: municipalityNames)
        }
        return documentTemplate.filled(["title": escape(title), "portraits": portraits.joined()])
    }

    /// `portrait.html` of RegioWebAssets: the page around the portraits, with `portrait.css` inlined.
    static let documentTemplate = PageTemplate("portrait.html")

    // MARK: Markdown

    /// The portrait of `region` as Markdown (a level-2 heading, a figures list, tables and lists); same
    /// parameters as ``html(for:result:schools:counts:municipalityNames:)``.
    public static func markdown(for region: RegionFigures, result: AuditResult, schools: [SchoolCode: School],
                                counts: [SchoolCode: StudentCounts] = [:],
                                municipalityNames: [String: String] = [:]) -> String {
        let facts = Facts(region, result: result, schools: schools, counts: counts, municipalityNames: municipalityNames)
        var out = "## \(region.id) \(cell(region.name))\n\n"
        for (term, value) in facts.keyFigures { out += "- **\(term)**: \(value)\n" }
        out += "\n### Member schools\n\n| code | name | town | technical profiles | counted | technical |\n"
        out += "| --- | --- | --- | --- | ---: | ---: |\n"
        for m in facts.members {
            out += "| \(m.code)\(m.isLead ? " (lead)" : "") | \(cell(m.name)) | \(cell(m.town)) | \(cell(m.profiles)) | \(m.counted) | \(m.technical) |\n"
        }
        out += "\n### Pupils per profile (BB, KB, GL)\n\n| profile | name | pupils |\n| --- | --- | ---: |\n"
        for row in facts.profileRows {
            let profile = row.technical ? "**\(cell(row.profile))**" : cell(row.profile)
            out += "| \(profile) | \(cell(row.name)) | \(row.pupils) |\n"
        }
        out += "\n### Pupils per track\n\n| track | pupils |\n| --- | ---: |\n"
        for row in facts.trackRows { out += "| \(row.track)\(row.counted ? "" : " (not counted)") | \(row.pupils) |\n" }
        out += "\n### Municipalities\n\n\(facts.municipalities)\n"
        out += "\n### Findings (\(facts.findings.count))\n\n"
        if facts.findings.isEmpty { out += "No findings.\n" }
        for f in facts.findings { out += "- **\(f.severity.rawValue)** `\(f.rule.rawValue)`: \(f.message)\n" }
        out += "\n### Suggestions (\(facts.suggestions.count))\n\n"
        if facts.suggestions.isEmpty { out += "No suggestions.\n" }
        for s in facts.suggestions {
            out += "- **\(s.headline)** (score \(String(format: "%.2f", s.score))): \(s.reason)\n"
        }
        out += "\n_\(result.methods.territory)._\n"
        return out
    }

    // MARK: figures

    /// The figures a portrait shows, computed once for both formats.
    struct Facts {
        struct Member {
            let code: String, name: String, town: String, profiles: String
            let counted: Int, technical: Int, isLead: Bool
        }

        var keyFigures: [(String, String)] = []
        var members: [Member] = []
        var profileRows: [(profile: String, name: String, technical: Bool, pupils: Int)] = []
        var trackRows: [(track: String, counted: Bool, pupils: Int)] = []
        var municipalities = ""
        var findings: [Finding] = []
        var suggestions: [Suggestion] = []

        init(_ region: RegionFigures, result: AuditResult, schools: [SchoolCode: School],
             counts: [SchoolCode: StudentCounts], municipalityNames: [String: String]) {
            let settings = result.settings
            let threshold = String(format: "%.0f %%", settings.techniekarmShareBelow * 100)
            let share = AuditReport.shareText(region.technicalShare, missing: "n/a (no counted pupils)")
            let leadLabel = region.lead.map { code in SchoolCode(code).flatMap { schools[$0]?.label } ?? code } ?? "none"
            keyFigures = [
                ("Schools", "\(region.schools.count) (\(region.technicalSchools.count) with a technical profile)"),
                ("Lead (penvoerder)", leadLabel),
                ("Counted pupils (BB, KB, GL, years 3–4)", "\(region.countedStudents)"),
                ("Technical pupils", "\(region.technicalStudents)"),
                ("Technical share", share),
                ("Techniekarm", region.techniekarm ? "yes: share below \(threshold)" : "no (threshold \(threshold))"),
                ("Budget", region.budgetEUR == nil ? "\(BudgetText.region(region)): the programme's separate budget, not pupils × amount"
                    : "\(BudgetText.region(region)) (\(region.technicalStudents) × EUR \(AuditReport.grouped(settings.budgetPerTechnicalStudentEUR)))"),
                ("Territory", String(format: "%.0f km²", region.territoryAreaSquareKilometers)),
            ]
            for code in region.schools {
                let schoolCode = SchoolCode(code)
                let school = schoolCode.flatMap { schools[$0] }
                let c = schoolCode.flatMap { counts[$0] }
                members.append(Member(
                    code: code, name: school?.name ?? "not in the register", town: school?.town.capitalizedTown ?? "",
                    profiles: c?.technicalProfilesOffered.map(\.rawValue).joined(separator: ", ") ?? "",
                    counted: c?.countedStudents ?? 0,
                    technical: c?.technicalStudents(includingRoutes: settings.countTechnicalRoutes) ?? 0,
                    isLead: code == region.lead))
            }
            for profile in Profile.allCases {
                let pupils = region.studentsPerProfile[profile.rawValue] ?? 0
                // The five technical profiles always; the others where the region has pupils in them.
                guard profile.isTechnical || pupils > 0 else { continue }
                profileRows.append((profile.rawValue, profile.dutchName, profile.isTechnical, pupils))
            }
            trackRows = Track.allCases.map { ($0.rawValue, $0.isCounted, region.studentsPerTrack[$0.rawValue] ?? 0) }
            municipalities = region.municipalities.isEmpty ? "none (no placed member school)"
                : region.municipalities.map { code in municipalityNames[code].map { "\($0) (\(code))" } ?? code }
                    .joined(separator: ", ")
            findings = result.findings(of: region.id)
            suggestions = result.suggestions.filter { $0.regions.contains(region.id) }
        }
    }

    /// Escapes text for HTML element content and attribute values.
    static func escape(_ text: String) -> String { text.htmlEscaped }

    /// Text for a Markdown table cell: pipes escaped, line breaks as spaces.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
