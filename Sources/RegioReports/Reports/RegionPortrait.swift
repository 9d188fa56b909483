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
    ///   - language: the language of every heading, figure and message.
    public static func html(for region: RegionFigures, result: AuditResult, schools: [SchoolCode: School],
                            counts: [SchoolCode: StudentCounts] = [:],
                            municipalityNames: [String: String] = [:], language: Language = .en) -> String {
        let l = language
        let facts = Facts(region, result: result, schools: schools, counts: counts, municipalityNames: municipalityNames, language: l)
        var out = "<section class=\"regio-portrait\" id=\"portrait-\(escape(region.id.rawValue))\">\n"
        out += "<h2><span class=\"region-id\">\(escape(region.id.rawValue))</span> \(escape(region.name))</h2>\n"
        out += "<dl class=\"facts\">\n"
        for (term, value) in facts.keyFigures {
            out += "<dt>\(escape(term))</dt><dd>\(escape(value))</dd>\n"
        }
        out += "</dl>\n"

        let words = Words(l)
        out += "<h3>\(words.members)</h3>\n<table class=\"members\">\n<thead><tr><th>code</th><th>\(words.name)</th><th>\(words.town)</th>"
        out += "<th>\(words.profiles)</th><th class=\"n\">\(words.counted)</th><th class=\"n\">\(words.technical)</th></tr></thead>\n<tbody>\n"
        for m in facts.members {
            let lead = m.isLead ? " <span class=\"tag\">\(words.lead)</span>" : ""
            out += "<tr><td class=\"code\">\(escape(m.code))\(lead)</td><td>\(escape(m.name))</td><td>\(escape(m.town))</td>"
            out += "<td>\(escape(m.profiles))</td><td class=\"n\">\(l.integer(m.counted))</td><td class=\"n\">\(l.integer(m.technical))</td></tr>\n"
        }
        out += "</tbody>\n</table>\n"

        out += "<div class=\"pupils\">\n<table class=\"profiles\">\n<caption>\(words.perProfile)</caption>\n"
        out += "<thead><tr><th>\(words.profile)</th><th>\(words.name)</th><th class=\"n\">\(words.pupils)</th></tr></thead>\n<tbody>\n"
        for row in facts.profileRows {
            out += "<tr\(row.technical ? " class=\"technical\"" : "")><td>\(escape(row.profile))</td><td>\(escape(row.name))</td><td class=\"n\">\(l.integer(row.pupils))</td></tr>\n"
        }
        out += "</tbody>\n</table>\n<table class=\"tracks\">\n<caption>\(words.perTrack)</caption>\n"
        out += "<thead><tr><th>\(words.track)</th><th class=\"n\">\(words.pupils)</th></tr></thead>\n<tbody>\n"
        for row in facts.trackRows {
            out += "<tr><td>\(escape(row.track))\(row.counted ? "" : " <span class=\"muted\">(\(words.notCounted))</span>")</td><td class=\"n\">\(l.integer(row.pupils))</td></tr>\n"
        }
        out += "</tbody>\n</table>\n</div>\n"

        out += "<h3>\(words.municipalities)</h3>\n<p class=\"municipalities\">\(escape(facts.municipalities))</p>\n"

        out += "<h3>\(words.findings) (\(l.integer(facts.findings.count)))</h3>\n"
        if facts.findings.isEmpty {
            out += "<p class=\"muted\">\(words.noFindings)</p>\n"
        } else {
            out += "<ul class=\"findings\">\n"
            for f in facts.findings {
                out += "<li class=\"\(f.severity.rawValue)\"><span class=\"severity\">\(l.word(f.severity))</span> "
                out += "<code>\(escape(f.rule.rawValue))</code>: \(escape(f.message(in: l)))</li>\n"
            }
            out += "</ul>\n"
        }
        out += "<h3>\(words.suggestions) (\(l.integer(facts.suggestions.count)))</h3>\n"
        if facts.suggestions.isEmpty {
            out += "<p class=\"muted\">\(words.noSuggestions)</p>\n"
        } else {
            out += "<ul class=\"suggestions\">\n"
            for s in facts.suggestions { out += "<li>\(SuggestionText.html(s, in: l))</li>\n" }
            out += "</ul>\n"
        }
        out += "<p class=\"method\">\(escape(result.methods.territory.text(in: l))).</p>\n"
        out += "</section>\n"
        return out
    }

    /// A self-contained HTML page (inline style, no scripts, no external files) with the portrait of each
    /// region in `regions`, one per printed page.
    public static func document(for regions: [RegionFigures], result: AuditResult, schools: [SchoolCode: School],
                                counts: [SchoolCode: StudentCounts] = [:],
                                municipalityNames: [String: String] = [:], language: Language = .en) -> String {
        let l = language
        let title = regions.count == 1 ? l.pick("Region portrait", "Regioportret") + " \(regions[0].id)"
            : l.pick("Region portraits", "Regioportretten") + " (\(regions.count))"
        let portraits = regions.map { region in
            html(for: region, result: result, schools: schools, counts: counts, municipalityNames: municipalityNames, language: l)
        }
        return documentTemplate.filled(["lang": l.tag, "title": escape(title), "portraits": portraits.joined()])
    }

    /// `portrait.html` of RegioWebAssets: the page around the portraits, with `portrait.css` inlined.
    static let documentTemplate = PageTemplate("portrait.html")

    // MARK: Markdown

    /// The portrait of `region` as Markdown (a level-2 heading, a figures list, tables and lists); same
    /// parameters as ``html(for:result:schools:counts:municipalityNames:)``.
    public static func markdown(for region: RegionFigures, result: AuditResult, schools: [SchoolCode: School],
                                counts: [SchoolCode: StudentCounts] = [:],
                                municipalityNames: [String: String] = [:], language: Language = .en) -> String {
        let l = language, words = Words(l)
        let facts = Facts(region, result: result, schools: schools, counts: counts, municipalityNames: municipalityNames, language: l)
        var out = "## \(region.id) \(cell(region.name))\n\n"
        for (term, value) in facts.keyFigures { out += "- **\(term)**: \(value)\n" }
        out += "\n### \(words.members)\n\n| code | \(words.name) | \(words.town) | \(words.profiles) | \(words.counted) | \(words.technical) |\n"
        out += "| --- | --- | --- | --- | ---: | ---: |\n"
        for m in facts.members {
            out += "| \(m.code)\(m.isLead ? " (\(words.lead))" : "") | \(cell(m.name)) | \(cell(m.town)) | \(cell(m.profiles)) | \(l.integer(m.counted)) | \(l.integer(m.technical)) |\n"
        }
        out += "\n### \(words.perProfile)\n\n| \(words.profile) | \(words.name) | \(words.pupils) |\n| --- | --- | ---: |\n"
        for row in facts.profileRows {
            let profile = row.technical ? "**\(cell(row.profile))**" : cell(row.profile)
            out += "| \(profile) | \(cell(row.name)) | \(l.integer(row.pupils)) |\n"
        }
        out += "\n### \(words.perTrack)\n\n| \(words.track) | \(words.pupils) |\n| --- | ---: |\n"
        for row in facts.trackRows { out += "| \(row.track)\(row.counted ? "" : " (\(words.notCounted))") | \(l.integer(row.pupils)) |\n" }
        out += "\n### \(words.municipalities)\n\n\(facts.municipalities)\n"
        out += "\n### \(words.findings) (\(l.integer(facts.findings.count)))\n\n"
        if facts.findings.isEmpty { out += "\(words.noFindings)\n" }
        for f in facts.findings { out += "- **\(l.word(f.severity))** `\(f.rule.rawValue)`: \(f.message(in: l))\n" }
        out += "\n### \(words.suggestions) (\(l.integer(facts.suggestions.count)))\n\n"
        if facts.suggestions.isEmpty { out += "\(words.noSuggestions)\n" }
        for s in facts.suggestions { out += "- " + SuggestionText.markdown(s, in: l) + "\n" }
        out += "\n_\(result.methods.territory.text(in: l))._\n"
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
             counts: [SchoolCode: StudentCounts], municipalityNames: [String: String], language l: Language) {
            let settings = result.settings
            let threshold = l.percent(settings.techniekarmShareBelow, decimals: 0)
            let share = region.technicalShare.map { l.percent($0) } ?? l.pick("n/a (no counted pupils)", "n.v.t. (geen getelde leerlingen)")
            let directory = SchoolDirectory(schools)
            let leadLabel = region.lead.map(directory.lead) ?? l.pick("none", "geen")
            let budget = BudgetText.region(region, in: l)
            keyFigures = l == .nl ? [
                ("Scholen", "\(l.integer(region.schools.count)) (\(l.integer(region.technicalSchools.count)) met een technisch profiel)"),
                ("Penvoerder", leadLabel),
                ("Getelde leerlingen (BB, KB, GL, leerjaar 3–4)", l.integer(region.countedStudents)),
                ("Technische leerlingen", l.integer(region.technicalStudents)),
                ("Technisch aandeel", share),
                ("Techniekarm", region.techniekarm ? "ja: aandeel onder \(threshold)" : "nee (grens \(threshold))"),
                ("Budget", region.budgetEUR == nil ? "\(budget): het aparte budget van het programma, niet leerlingen × bedrag"
                    : "\(budget) (\(l.integer(region.technicalStudents)) × \(l.money(settings.budgetPerTechnicalStudentEUR)))"),
                ("Gebied", l.squareKilometres(region.territoryAreaSquareKilometers, decimals: 0)),
            ] : [
                ("Schools", "\(l.integer(region.schools.count)) (\(l.integer(region.technicalSchools.count)) with a technical profile)"),
                ("Lead (penvoerder)", leadLabel),
                ("Counted pupils (BB, KB, GL, years 3–4)", l.integer(region.countedStudents)),
                ("Technical pupils", l.integer(region.technicalStudents)),
                ("Technical share", share),
                ("Techniekarm", region.techniekarm ? "yes: share below \(threshold)" : "no (threshold \(threshold))"),
                ("Budget", region.budgetEUR == nil ? "\(budget): the programme's separate budget, not pupils × amount"
                    : "\(budget) (\(l.integer(region.technicalStudents)) × \(l.money(settings.budgetPerTechnicalStudentEUR)))"),
                ("Territory", l.squareKilometres(region.territoryAreaSquareKilometers, decimals: 0)),
            ]
            for code in region.schools {
                let schoolCode = SchoolCode(code)
                let school = schoolCode.flatMap { schools[$0] }
                let c = schoolCode.flatMap { counts[$0] }
                members.append(Member(
                    code: code, name: school?.name ?? l.pick("not in the register", "niet in het register"), town: school?.town.capitalizedTown ?? "",
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
            municipalities = region.municipalities.isEmpty ? l.pick("none (no placed member school)", "geen (geen geplaatste school)")
                : region.municipalities.map { code in municipalityNames[code].map { "\($0) (\(code))" } ?? code }
                    .joined(separator: ", ")
            findings = result.findings(of: region.id)
            suggestions = result.suggestions.filter { $0.regions.contains(region.id) }
        }
    }

    /// The headings and column names of a portrait, in a language.
    struct Words {
        let members, name, town, profiles, counted, technical, lead, perProfile, profile, pupils, perTrack, track,
            notCounted, municipalities, findings, noFindings, suggestions, noSuggestions: String

        init(_ l: Language) {
            let nl = l == .nl
            members = nl ? "Deelnemende scholen" : "Member schools"
            name = nl ? "naam" : "name"
            town = nl ? "plaats" : "town"
            profiles = nl ? "technische profielen" : "technical profiles"
            counted = nl ? "geteld" : "counted"
            technical = nl ? "technisch" : "technical"
            lead = nl ? "penvoerder" : "lead"
            perProfile = nl ? "Leerlingen per profiel (BB, KB, GL)" : "Pupils per profile (BB, KB, GL)"
            profile = nl ? "profiel" : "profile"
            pupils = nl ? "leerlingen" : "pupils"
            perTrack = nl ? "Leerlingen per leerweg" : "Pupils per track"
            track = nl ? "leerweg" : "track"
            notCounted = nl ? "niet geteld" : "not counted"
            municipalities = nl ? "Gemeenten" : "Municipalities"
            findings = nl ? "Bevindingen" : "Findings"
            noFindings = nl ? "Geen bevindingen." : "No findings."
            suggestions = nl ? "Voorstellen" : "Suggestions"
            noSuggestions = nl ? "Geen voorstellen." : "No suggestions."
        }
    }

    /// Escapes text for HTML element content and attribute values.
    static func escape(_ text: String) -> String { text.htmlEscaped }

    /// Text for a Markdown table cell: pipes escaped, line breaks as spaces.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
