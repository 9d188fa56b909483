import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import RegioReports
import Testing

/// `regio letters`: one letter per region with an error or a warning, to its lead, in Dutch and English, as
/// HTML that prints to A4 in a real Chromium and as Markdown with the map beside it; written through the
/// never-destructive folder output.
struct LettersCommandTests {
    let scratch = Scratch()

    /// The regions the audit (JSON) gives an error or a warning, with each one's lead code (nil without one).
    func regionsWithProblems(_ inputs: [String]) throws -> [String: String?] {
        let out = try RegioProcess.run(["audit", "--format", "json"] + inputs)
        #expect(out.status == 0 || out.status == 1, "\(out.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        var flagged: Set<String> = []
        for finding in report["findings"] as? [[String: Any]] ?? [] where finding["severity"] as? String != "info" {
            flagged.formUnion(finding["regions"] as? [String] ?? [])
        }
        var result: [String: String?] = [:]
        for region in report["regions"] as? [[String: Any]] ?? [] {
            guard let id = region["id"] as? String, flagged.contains(id) else { continue }
            result[id] = region["lead"] as? String
        }
        return result
    }

    /// School code → name, from a register CSV with a `brin6` column and a `naam` or `vestigingsnaam` column.
    func schoolNames(_ csv: String) throws -> [String: String] {
        let lines = try String(contentsOfFile: csv, encoding: .utf8).split(whereSeparator: \.isNewline)
        let header = lines[0].split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        let code = try #require(header.firstIndex(of: "brin6"))
        let name = try #require(header.firstIndex(of: "naam") ?? header.firstIndex(of: "vestigingsnaam"))
        var names: [String: String] = [:]
        for line in lines.dropFirst() {
            let fields = line.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            if fields.count > max(code, name) { names[fields[code]] = fields[name] }
        }
        return names
    }

    /// Checks that `folder` holds exactly one letter per flagged region (and the index), each naming the region
    /// id and its lead school's name.
    func expectOneLetterPerFlaggedRegion(_ folder: String, flagged: [String: String?], names: [String: String],
                                         suffix: String) throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
        let letters = Set(files.filter { $0.hasSuffix(suffix) && !$0.hasPrefix("index") }.map { String($0.dropLast(suffix.count)) })
        #expect(letters == Set(flagged.keys), "letters \(letters.sorted()) vs flagged \(flagged.keys.sorted())")
        #expect(files.contains("index\(suffix)"))
        let index = try String(contentsOfFile: "\(folder)/index\(suffix)", encoding: .utf8)
        // Every lead named in the pre-registration is a school of the register, so each letter's check below runs.
        #expect(flagged.values.allSatisfy { lead in lead.map { names[$0] != nil } ?? true }, "a lead is not in the register's names")
        #expect(flagged.values.contains { $0 != nil }, "some flagged region has a lead")
        for (id, lead) in flagged {
            let text = try String(contentsOfFile: "\(folder)/\(id)\(suffix)", encoding: .utf8)
            #expect(text.contains(id))
            #expect(index.contains("\(id)\(suffix)"))
            guard let lead, let name = names[lead] else { continue }
            let shown = suffix == ".html" ? name.htmlEscaped : name
            #expect(text.contains(shown), "\(id)'s letter does not name its lead \(lead) (\(name))")
        }
    }

    var demoSchools: String { RegioProcess.packageRoot.appendingPathComponent("geodata/demo/schools.csv").path }

    @Test func oneLetterPerDemoRegionWithAProblemInEnglishAndDutch() throws {
        let flagged = try regionsWithProblems([])
        #expect(flagged.count >= 5, "the demo data has regions with errors and warnings")
        let names = try schoolNames(demoSchools)
        let english = scratch.path("en"), dutch = scratch.path("nl")
        let en = try RegioProcess.run(["letters", "--output", english])
        #expect(en.status == 0, "\(en.stderr)")
        #expect(en.stdout.contains("wrote \(flagged.count) letters (html, en)"), "\(en.stdout)")
        try expectOneLetterPerFlaggedRegion(english, flagged: flagged, names: names, suffix: ".html")
        let nl = try RegioProcess.run(["letters", "--output", dutch, "--language", "nl"])
        #expect(nl.status == 0, "\(nl.stderr)")
        try expectOneLetterPerFlaggedRegion(dutch, flagged: flagged, names: names, suffix: ".html")

        // The same letter in both languages: the Dutch greeting, closing and number formats.
        let id = try #require(flagged.keys.sorted().first)
        let enText = try String(contentsOfFile: "\(english)/\(id).html", encoding: .utf8)
        let nlText = try String(contentsOfFile: "\(dutch)/\(id).html", encoding: .utf8)
        #expect(nlText.contains("<html lang=\"nl\">") && enText.contains("<html lang=\"en\">"))
        #expect(nlText.contains("Geachte heer, mevrouw,") && nlText.contains("Met vriendelijke groet,"))
        #expect(nlText.contains("het ondersteuningsteam Sterk Techniekonderwijs"))
        #expect(enText.contains("Dear Sir or Madam,") && enText.contains("Kind regards,"))
        #expect(nlText.contains("Wat het programma vraagt") && enText.contains("What the programme asks"))
        #expect(nlText.contains("€ ") && !nlText.contains("EUR"))
        #expect(enText.range(of: #"€\d{1,3}(,\d{3})+"#, options: .regularExpression) != nil)
        #expect(nlText.range(of: #"€ \d{1,3}(\.\d{3})+"#, options: .regularExpression) != nil)
        // Each letter has its map inline, and prints to A4.
        #expect(nlText.contains("<svg") && nlText.contains("@page { size: A4"))
    }

    @Test func regionOptionRestrictsAndSaysWhichNamedRegionsHaveNoProblem() throws {
        let flagged = try regionsWithProblems([])
        let folder = scratch.path("some")
        let audit = try RegioProcess.run(["audit", "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(audit.stdout.utf8)) as? [String: Any])
        let all = (report["regions"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        let clean = try #require(all.first { flagged[$0] == nil }, "the demo data has a region without problems")
        let chosen = try #require(flagged.keys.sorted().first)
        let out = try RegioProcess.run(["letters", "--output", folder, "--region", chosen.lowercased(), clean])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("\(clean) has no error or warning: no letter"), "\(out.stdout)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == [".regio-export", "\(chosen).html", "index.html"])

        // Only a region without problems: nothing is written.
        let none = try RegioProcess.run(["letters", "--output", scratch.path("none"), "--region", clean])
        #expect(none.status == 0 && none.stdout.contains("nothing written"), "\(none.stdout)")
        #expect(!FileManager.default.fileExists(atPath: scratch.path("none")))
        // An unknown region is an input error.
        let unknown = try RegioProcess.run(["letters", "--output", scratch.path("x"), "--region", "STO99999"])
        #expect(unknown.status == 2 && unknown.stderr.contains("no region 'STO99999'"), "\(unknown.stderr)")
    }

    @Test func markdownLettersHaveTheirMapBesideThem() throws {
        let flagged = try regionsWithProblems([])
        let folder = scratch.path("md")
        let out = try RegioProcess.run(["letters", "--output", folder, "--format", "markdown", "--language", "nl"])
        #expect(out.status == 0, "\(out.stderr)")
        try expectOneLetterPerFlaggedRegion(folder, flagged: flagged, names: try schoolNames(demoSchools), suffix: ".md")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
        for id in flagged.keys {
            let text = try String(contentsOfFile: "\(folder)/\(id).md", encoding: .utf8)
            #expect(text.hasPrefix("# Regio \(id)"))
            guard files.contains("\(id).svg") else {
                // Only a region with no placed school has no map.
                #expect(text.contains("Geen kaart"), "\(id) has neither a map nor says why")
                continue
            }
            #expect(text.contains("](\(id).svg)"))
            let svg = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(id).svg"))
            let parser = XMLParser(data: svg)
            #expect(parser.parse(), "\(id).svg is not well-formed XML: \(String(describing: parser.parserError))")
            #expect(String(decoding: svg, as: UTF8.self).contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        }
    }

    @Test func aFolderRegioDidNotWriteIsNeverTouched() throws {
        let folder = scratch.path("mine")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        _ = scratch.write("mine/notes.txt", "keep me")
        for extra in [[], ["--force"]] {
            let out = try RegioProcess.run(["letters", "--output", folder] + extra)
            #expect(out.status == 2, "\(out.stdout)")
            #expect(out.stderr.contains(folder), "\(out.stderr)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["notes.txt"])
        }
        // A folder of an earlier run is replaced with --force only.
        let letters = scratch.path("letters")
        #expect(try RegioProcess.run(["letters", "--output", letters]).status == 0)
        let again = try RegioProcess.run(["letters", "--output", letters])
        #expect(again.status == 2 && again.stderr.contains("--force"), "\(again.stderr)")
        let forced = try RegioProcess.run(["letters", "--output", letters, "--format", "markdown", "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: letters)
        #expect(files.contains("index.md") && !files.contains("index.html"), "\(files.sorted())")
    }

    @Test(.enabled(if: HeadlessChromium.binary != nil, "needs Debian's chromium"))
    func htmlLettersPrintToA4InChromium() throws {
        let folder = scratch.path("print")
        #expect(try RegioProcess.run(["letters", "--output", folder, "--language", "nl"]).status == 0)
        let letters = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("STO") }
        let id = try #require(letters.sorted().first)
        try expectA4(html: "\(folder)/\(id)")
    }

    /// Prints `html` to PDF with headless Chromium and checks that every page is A4 (MediaBox 595 × 842 pt).
    func expectA4(html: String) throws {
        let pdf = scratch.path(URL(fileURLWithPath: html).deletingPathExtension().lastPathComponent + ".pdf")
        let printed = try RegioProcess.capture(URL(fileURLWithPath: HeadlessChromium.binary!), [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
            "--user-data-dir=\(scratch.path("chromium-profile"))", "--print-to-pdf=\(pdf)",
            URL(fileURLWithPath: html).absoluteString])
        #expect(printed.status == 0, "\(printed.stderr)")
        let bytes = String(decoding: try Data(contentsOf: URL(fileURLWithPath: pdf)), as: UTF8.self)
        let pages = bytes.matches(of: /\/Type\s*\/Page[^s]/).count
        let boxes = bytes.matches(of: /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/)
        #expect(pages >= 1 && boxes.count == pages, "\(pages) pages, \(boxes.count) media boxes")
        for box in boxes {
            let (width, height) = (Double(box.1) ?? 0, Double(box.2) ?? 0)
            #expect(abs(width - 595) < 1.5 && abs(height - 842) < 1.5, "page of \(width) × \(height) pt, not A4")
        }
    }

    // MARK: real data

    var realInputs: [String]? {
        guard let data = RegioProcess.sharedGeodata else { return nil }
        return ["--schools", data.appendingPathComponent("duo_vestigingen_vo_2020-12_geocoded.csv").path,
                "--students", data.appendingPathComponent("duo_leerlingen_vo_per_vestiging_naar_onderwijstype_2019.csv").path,
                "--municipalities", data.appendingPathComponent("gemeenten_2020_wgs84.geojson").path,
                "--registrations", RegioProcess.packageRoot.appendingPathComponent("Tests/oracle/real/registration.csv").path]
    }

    @Test(.enabled(if: RegioProcess.sharedGeodata != nil, "needs ../shared/geodata"))
    func oneLetterPerRealRegionWithAProblemAndRotterdamsPairsGrouped() throws {
        let inputs = try #require(realInputs)
        let flagged = try regionsWithProblems(inputs)
        let folder = scratch.path("real")
        let out = try RegioProcess.run(["letters", "--output", folder, "--language", "nl"] + inputs)
        #expect(out.status == 0, "\(out.stderr)")
        let names = try schoolNames(inputs[1])
        try expectOneLetterPerFlaggedRegion(folder, flagged: flagged, names: names, suffix: ".html")

        // STO19029 (Rotterdam West) has over 200 close-by pairs with STO19041: one line in its letter.
        let rotterdam = try String(contentsOfFile: "\(folder)/STO19029.html", encoding: .utf8)
        let pairLines = rotterdam.components(separatedBy: "\n").filter { $0.contains("split-close-schools") }
        #expect(pairLines.filter { $0.contains("STO19041") }.count == 1, "\(pairLines)")
        #expect(pairLines.count <= 5, "\(pairLines.count) lines of close-by pairs")
        #expect(rotterdam.contains("het dichtste paar"))
        // The best suggestion of a carved-out region, with the figures after it.
        let amsterdam = try String(contentsOfFile: "\(folder)/STO19042.html", encoding: .utf8)
        #expect(amsterdam.contains("samen te voegen") && amsterdam.contains("STO19023"))
        #expect(amsterdam.contains("na het voorstel"))
        if HeadlessChromium.binary != nil { try expectA4(html: "\(folder)/STO19029.html") }
    }
}
