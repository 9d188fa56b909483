import Foundation
import Testing

/// `regio serve` end to end: the built binary listens on a free port with a scenario database in a
/// temporary folder; headless Chromium, driven over the DevTools protocol by `Tests/oracle/check_serve.py`,
/// loads the page, moves a school with real clicks, sees the figures change, undoes and redoes, saves the
/// scenario, reloads the page and finds it again, and downloads its scenario file. That file, given to
/// `regio compare --scenario`, must give the figures the page showed. Leaves `build/serve-screenshot.png`
/// (and `-panel`, `-moved` beside it) for a person to look at. Skipped without Debian's `chromium` or the
/// `.venv` with websocket-client (`bash Tests/oracle/setup-venv.sh`).
@Suite(.enabled(if: HeadlessChromium.available, HeadlessChromium.reason))
struct ServeBrowserTests {
    let scratch = Scratch()

    @Test func aSchoolMovedInTheBrowserIsSavedAndComparesTheSame() throws {
        let database = scratch.directory.appendingPathComponent("scenarios.sqlite").path
        let server = try ServeProcess(["serve", "--port", "0", "--database", database])
        defer { server.stop() }
        let url = try server.waitForURL()

        let report = scratch.directory.appendingPathComponent("report.json").path
        let scenarioFile = scratch.directory.appendingPathComponent("scenario.json").path
        let screenshot = RegioProcess.packageRoot.appendingPathComponent("build/serve-screenshot.png").path
        let check = try Oracle.run("check_serve.py", [
            "--url", url, "--report", report, "--scenario-file", scenarioFile, "--screenshot", screenshot,
            "--chromium", HeadlessChromium.binary!])
        #expect(check.status == 0, "check_serve.py:\n\(check.combined)\nserver:\n\(server.output)")
        #expect(!check.combined.contains("FAIL"), "\(check.combined)")
        #expect(FileManager.default.fileExists(atPath: database), "the scenario database is where --database says")

        // The scenario file the page saved, given to `regio compare`, gives the figures the page showed.
        struct Report: Decodable {
            struct Figures: Decodable, Equatable {
                let schools: Int, counted: Int, technical: Int, share: Double?, budget: Double?, techniekarm: Bool
            }
            let figures: [String: Figures]
        }
        guard let data = FileManager.default.contents(atPath: report) else {
            Issue.record("check_serve.py wrote no report")
            return
        }
        let shown = try JSONDecoder().decode(Report.self, from: data)
        let compared = try RegioProcess.run(["compare", "--scenario", scenarioFile, "--format", "json"])
        #expect(compared.status == 0, "regio compare: \(compared.stderr)")
        struct Comparison: Decodable {
            struct Scenario: Decodable { let name: String; let audit: Audit }
            struct Audit: Decodable { let regions: [Region] }
            struct Region: Decodable {
                let id: String, schools: [String], countedStudents: Int, technicalStudents: Int
                let technicalShare: Double?, techniekarm: Bool, budgetEUR: Double?
            }
            let scenarios: [Scenario]
        }
        let comparison = try JSONDecoder().decode(Comparison.self, from: Data(compared.stdout.utf8))
        let regions = try #require(comparison.scenarios.first).audit.regions
        #expect(Set(regions.map(\.id)) == Set(shown.figures.keys), "the same regions")
        for region in regions {
            let expected = Report.Figures(schools: region.schools.count, counted: region.countedStudents,
                                          technical: region.technicalStudents, share: region.technicalShare,
                                          budget: region.budgetEUR, techniekarm: region.techniekarm)
            #expect(shown.figures[region.id] == expected, "\(region.id): page \(String(describing: shown.figures[region.id])), compare \(expected)")
        }
        #expect(server.stop() == 0, "regio serve stops cleanly on SIGTERM:\n\(server.output)")
    }

    /// The planning page's fixes of issue 14, with real mouse events (`Tests/oracle/check_serve_fixes.py`): a
    /// click opens the school nearest to the pointer, not the dot drawn on top; the tooltip is hidden under the
    /// school panel; "Move to" lists the regions nearest first with their distances; region colours stay
    /// the same after a reload, an edit and its undo; findings read "WARNING enclave …", spaced.
    @Test func planningPageFixesHoldInTheBrowser() throws {
        let database = scratch.directory.appendingPathComponent("fixes.sqlite").path
        let server = try ServeProcess(["serve", "--port", "0", "--database", database])
        defer { server.stop() }
        let url = try server.waitForURL()
        let screenshot = RegioProcess.packageRoot.appendingPathComponent("build/serve-fixes.png").path
        let check = try Oracle.run("check_serve_fixes.py", ["--url", url, "--screenshot", screenshot,
                                                            "--chromium", HeadlessChromium.binary!])
        #expect(check.status == 0, "check_serve_fixes.py:\n\(check.combined)\nserver:\n\(server.output)")
        #expect(!check.combined.contains("FAIL"), "\(check.combined)")
    }

    /// `regio map --language nl` and `regio serve --language nl` in the browser
    /// (`Tests/oracle/check_page_language.py`): Dutch labels, plurals and number formats on both pages. Leaves
    /// `build/serve-nl.png` for a person to look at.
    @Test func bothPagesSpeakDutch() throws {
        let html = scratch.directory.appendingPathComponent("map-nl.html").path
        let made = try RegioProcess.run(["map", "--language", "nl", "--output", html])
        #expect(made.status == 0, "regio map --language nl: \(made.stderr)")
        let database = scratch.directory.appendingPathComponent("nl.sqlite").path
        let server = try ServeProcess(["serve", "--language", "nl", "--port", "0", "--database", database])
        defer { server.stop() }
        let url = try server.waitForURL()
        let screenshot = RegioProcess.packageRoot.appendingPathComponent("build/serve-nl.png").path
        let check = try Oracle.run("check_page_language.py", ["--html", html, "--url", url, "--screenshot", screenshot,
                                                              "--chromium", HeadlessChromium.binary!])
        #expect(check.status == 0, "check_page_language.py:\n\(check.combined)\nserver:\n\(server.output)")
        #expect(!check.combined.contains("FAIL"), "\(check.combined)")
    }
}

/// `regio serve`'s refusals, as one line on standard error and exit code 2 (no browser needed).
struct ServeCommandTests {
    let scratch = Scratch()

    @Test func badOptionsAndAnUnusableDatabaseAreOneLineErrors() throws {
        let notSQLite = scratch.write("scenarios.sqlite", "this is not an SQLite database")
        let cases: [([String], String)] = [
            (["serve", "--port", "70000"], "regio: error: --port: 70000 is not a TCP port: expected 0 to 65535"),
            (["serve", "--port", "0", "--database", notSQLite], "regio: error: \(notSQLite): cannot open the scenario database"),
            (["serve", "--port", "0", "--database", scratch.directory.appendingPathComponent("no/such/folder/x.sqlite").path],
             "cannot open the scenario database"),
            (["serve", "--port", "0", "--schools", scratch.directory.appendingPathComponent("missing.csv").path,
              "--municipalities", "x.geojson"], "missing.csv"),
        ]
        for (arguments, message) in cases {
            let run = try RegioProcess.run(arguments)
            #expect(run.status == 2, "\(arguments): \(run.status) \(run.stderr)")
            #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
            #expect(run.stderr.split(separator: "\n").count == 1, "one line: \(run.stderr)")
        }
    }

    @Test func aPortInUseIsAOneLineError() throws {
        let database = scratch.directory.appendingPathComponent("a.sqlite").path
        let first = try ServeProcess(["serve", "--port", "0", "--database", database])
        defer { first.stop() }
        let url = try first.waitForURL()
        let port = try #require(URL(string: url)?.port)
        let second = try RegioProcess.run(["serve", "--port", "\(port)", "--database", database])
        #expect(second.status == 2, "\(second.stderr)")
        #expect(second.stderr.contains("regio: error: cannot serve on 127.0.0.1:\(port): the port is in use"), "\(second.stderr)")
        #expect(second.stderr.split(separator: "\n").count == 1, "one line: \(second.stderr)")
    }
}

/// `regio serve` running as a child process.
final class ServeProcess: @unchecked Sendable {
    private let process = Process()
    private let lock = NSLock()
    private var text = ""

    init(_ arguments: [String]) throws {
        process.executableURL = RegioProcess.binary
        process.arguments = arguments
        process.currentDirectoryURL = RegioProcess.packageRoot
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.withLock { self.text += String(decoding: data, as: UTF8.self) }
        }
        try process.run()
    }

    /// Everything the server printed so far.
    var output: String { lock.withLock { text } }

    /// The address it printed once listening ("regio serve: http://127.0.0.1:PORT/ …").
    func waitForURL(timeout: TimeInterval = 300) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let range = output.range(of: #"http://127\.0\.0\.1:\d+/"#, options: .regularExpression) {
                return String(output[range])
            }
            if !process.isRunning { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw ServeFailure(message: "regio serve did not start:\n\(output)")
    }

    /// The exit status once the process has ended, within `timeout` seconds; nil (after stopping it) if it
    /// was still running then.
    func waitForExit(timeout: TimeInterval) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            stop()
            return nil
        }
        process.waitUntilExit()
        // The pipe's last bytes may arrive after the exit.
        Thread.sleep(forTimeInterval: 0.1)
        return process.terminationStatus
    }

    /// Sends SIGTERM (a graceful shutdown) and waits; SIGKILL after 20 s. Returns the exit status.
    @discardableResult func stop() -> Int32 {
        if process.isRunning {
            process.terminate()
            let deadline = Date().addingTimeInterval(20)
            while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        process.waitUntilExit()
        return process.terminationStatus
    }

    struct ServeFailure: Error, CustomStringConvertible { let message: String; var description: String { message } }
}

