import Foundation
import Hummingbird
import HummingbirdTesting
import RegioDomain
import RegioInputs
@testable import RegioServer
import Testing

/// `regio serve` through its router, in-process (no socket), on the demo data: every endpoint and every
/// way a request can be refused.
@Suite struct ServerRouterTests {
    @Test func pageIsSelfContainedAndOnlyItsOwnPathsAreServed() async throws {
        try await ServerFixture.withRouter { client in
            let page = try await client.get("/")
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            let csp = try #require(page.headers[.contentSecurityPolicy])
            #expect(csp.contains("default-src 'none'") && csp.contains("connect-src 'self'"))
            let html = page.text
            #expect(html.contains("<svg id=\"map\""))
            #expect(html.contains("id=\"regio-background\""))
            // Nothing is loaded from elsewhere: no external scripts, styles, images, fonts or links.
            for pattern in ["src=\"http", "href=\"http", "url(http", "@import", "<link rel=\"stylesheet\"", "://cdn"] {
                #expect(!html.contains(pattern), "the page references \(pattern)")
            }
            for path in ["/index.html", "/favicon.ico", "/api", "/api/nope", "/../Package.swift", "/geodata/demo/schools.csv",
                         "/api/scenarios/1/file/../../state"] {
                let response = try await client.get(path)
                #expect(response.status == .notFound, "\(path): \(response.status)")
                #expect(response.errorMessage.contains("is not served here") || response.errorMessage.contains("saved scenario"),
                        "\(path): \(response.text)")
            }
            #expect(try await client.get("/api/edits").status == .notFound)  // POST only
        }
    }

    @Test func stateIsTheBaseAuditWithTheMapLayers() async throws {
        try await ServerFixture.withRouter { client in
            let response = try await client.get("/api/state")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            #expect(response.headers[.cacheControl] == "no-store")
            let state = try response.decoded(SessionState.self)
            let base = try ServerFixture.freshAudit([])
            #expect(state.revision == 0 && state.edits.isEmpty && state.redoEdits.isEmpty)
            #expect(state.regions.map(\.figures) == base.regions)
            #expect(state.findings.map(\.key) == base.findings.map(\.key))
            #expect(state.totals == state.baseTotals)
            #expect(state.map.regions.count == base.regions.count && !state.map.schools.isEmpty)
            #expect(state.map.land.isEmpty && state.map.borders.isEmpty, "the static layers are in the page, not the state")
            #expect(state.regions.allSatisfy { $0.base == $0.figures })
            #expect(state.map.regions.allSatisfy { $0.portrait.isEmpty }, "portraits come one at a time")

            let id = base.regions[0].id
            let portrait = try await client.get("/api/regions/\(id)/portrait")
            #expect(portrait.status == .ok)
            let html = try #require(try portrait.decoded([String: String].self)["html"])
            #expect(html.contains("id=\"portrait-\(id)\"") && html.contains("Member schools"))
            let unknown = try await client.get("/api/regions/STO19999/portrait")
            #expect(unknown.status == .notFound && unknown.errorMessage == "there is no region STO19999 in the current scenario")
        }
    }

    /// A region's portrait on the planning page speaks the page's language (`regio serve --language nl`).
    @Test func aPortraitSpeaksThePagesLanguage() async throws {
        let session = try ScenarioSession(inputs: ServerFixture.demo, language: .nl)
        let html = try await session.portrait(of: "STO19001")
        #expect(html.contains("Deelnemende scholen") && !html.contains("Member schools"), "\(html.prefix(600))")
    }

    /// The state's JSON is written in two parts (`JSONEncoder`, and the map's own writer for the map layers):
    /// it reads back as the same value as `JSONEncoder`'s text of the whole state, after an edit too.
    @Test func stateJSONReadsBackAsWhatJSONEncoderWrites() async throws {
        try await ServerFixture.withRouter { client in
            let base = try await client.state()
            let (school, _, to) = try #require(base.movableSchool())
            let response = try await client.post("/api/edits", json: #"{"move": "\#(school)", "to": "\#(to)"}"#)
            let state = try response.decoded(SessionState.self)
            let sorted = JSONEncoder()
            sorted.outputFormatting = [.sortedKeys]
            func readBack(_ json: Data) throws -> String {
                String(decoding: try sorted.encode(try JSONDecoder().decode(SessionState.self, from: json)), as: UTF8.self)
            }
            let twoParts = try state.json(), whole = try JSONEncoder().encode(state)
            #expect(try readBack(twoParts) == readBack(whole))
            #expect(try readBack(Data(response.body.readableBytesView)) == readBack(whole))
            // The same JSON value too: the same members (absent optionals left out), the same values.
            let ours = try JSONSerialization.jsonObject(with: twoParts) as? NSDictionary
            let theirs = try JSONSerialization.jsonObject(with: whole) as? NSDictionary
            #expect(ours != nil && ours == theirs)
            #expect(state.revision == 1 && !state.map.schools.isEmpty && !state.map.regions.isEmpty)
        }
    }

    @Test func anEditUpdatesFiguresAndFindingsAsAFreshAuditWould() async throws {
        try await ServerFixture.withRouter { client in
            let base = try await client.state()
            let (school, from, to) = try #require(base.movableSchool())
            let response = try await client.post("/api/edits", json: #"{"move": "\#(school)", "to": "\#(to)"}"#)
            #expect(response.status == .ok, "\(response.text)")
            let state = try response.decoded(SessionState.self)
            #expect(state.revision == 1)
            let timing = try #require(response.headers[HTTPFields.Element.Name("Server-Timing")!])
            #expect(timing.hasPrefix("audit;dur=") && timing.contains("map;dur=") && timing.contains("encode;dur="), "\(timing)")
            #expect(state.edits == [.move(school: SchoolCode(school)!, to: to)])
            #expect(state.editTexts == ["move \(school) to \(to)"])
            let fresh = try ServerFixture.freshAudit(state.edits)
            #expect(state.regions.map(\.figures) == fresh.regions)
            #expect(Set(state.findings.map(\.key)) == Set(fresh.findings.map(\.key)))
            let before = try #require(base.figures(from)), after = try #require(state.figures(from))
            #expect(after.schools.count == before.schools.count - 1)
            #expect(after.technicalStudents < before.technicalStudents)
            #expect(try #require(state.figures(to)).schools.contains(school))
            #expect(state.map.schools.first { $0.code == school }?.regions == [to], "the map moves the dot's region too")
            // The state the page fetches afterwards is the same revision.
            #expect(try await client.state().revision == 1)
        }
    }

    @Test func badEditsAreRefusedWith400NamingTheEditAndChangeNothing() async throws {
        try await ServerFixture.withRouter { client in
            let base = try await client.state()
            let (school, from, _) = try #require(base.movableSchool())
            let cases: [(body: String, message: String)] = [
                (#"{"move": "\#(school)", "to": "\#(from)"}"#, "edit 1 (move \(school) to \(from)): \(school) is already in \(from)"),
                (#"{"move": "\#(school)", "to": "STO19999"}"#, "edit 1 (move \(school) to STO19999): there is no region STO19999"),
                (#"{"move": "99ZZ99", "to": "\#(from)"}"#, "edit 1 (move 99ZZ99 to \(from)): 99ZZ99 is not in the school register"),
                (#"{"merge": ["\#(from)", "\#(from)"], "into": "\#(from)"}"#, "name each region to merge once"),
                (#"{"split": "\#(from)", "new": "\#(from)", "schools": ["\#(school)"]}"#, "region \(from) already exists"),
                (#"{"split": "\#(from)", "new": " ", "schools": ["\#(school)"]}"#, "the new region needs an id"),
                (#"{"remove": "\#(school)", "from": "STO19999"}"#, "there is no region STO19999"),
            ]
            for (body, message) in cases {
                let response = try await client.post("/api/edits", json: body)
                #expect(response.status == .badRequest, "\(body): \(response.status)")
                #expect(response.errorMessage.contains(message), "\(body): \(response.errorMessage)")
            }
            let state = try await client.state()
            #expect(state.revision == 0 && state.edits.isEmpty, "a refused edit changes nothing")
        }
    }

    @Test func malformedOversizedAndUntypedBodiesAreRefused() async throws {
        try await ServerFixture.withRouter { client in
            let malformed = try await client.post("/api/edits", json: #"{"move": "00AB01", "#)
            #expect(malformed.status == .badRequest)
            #expect(malformed.errorMessage.hasPrefix("malformed JSON"), "\(malformed.errorMessage)")

            let shapes: [(String, String)] = [
                (#"{"move": "00AB01"}"#, "missing 'to'"),
                (#"{"mov": "00AB01", "to": "STO19001"}"#, "an edit is one of move/to"),
                (#"{"move": "0XAB01", "to": "STO19001"}"#, "move: '0XAB01' is not a school code like 00AB01"),
                (#"{"move": 12, "to": "STO19001"}"#, "move: expected a string"),
                (#"[]"#, "expected a JSON object"),
                ("", "the request has no body"),
            ]
            for (body, message) in shapes {
                let response = try await client.post("/api/edits", json: body)
                #expect(response.status == .badRequest, "\(body): \(response.status)")
                #expect(response.errorMessage.contains(message), "\(body): \(response.errorMessage)")
            }

            // Larger than 64 KB: refused before decoding, with or without a length the client announced.
            let big = #"{"move": "00AB01", "to": "STO19001", "pad": ""# + String(repeating: "x", count: 70_000) + #""}"#
            let oversized = try await client.post("/api/edits", json: big)
            #expect(oversized.status == .contentTooLarge)
            #expect(oversized.errorMessage.contains("larger than 64 KB"))
            let save = try await client.post("/api/scenarios", json: big)
            #expect(save.status == .contentTooLarge)

            let untyped = try await client.post("/api/edits", json: #"{"move": "00AB01", "to": "STO19001"}"#,
                                                headers: [.contentType: "text/plain"])
            #expect(untyped.status == .unsupportedMediaType)
            #expect(untyped.errorMessage.contains("Content-Type: application/json"))
            #expect(try await client.state().revision == 0)
        }
    }

    @Test func requestsFromOtherSitesAreRefused() async throws {
        try await ServerFixture.withRouter { client in
            let crossSite = try await client.post("/api/undo", headers: [.origin: "http://evil.example"])
            #expect(crossSite.status == .forbidden)
            #expect(crossSite.errorMessage.contains("cross-origin"))
            // The page's own requests name the server as their origin.
            let own = try await client.post("/api/undo", headers: [.origin: "http://localhost"])
            #expect(own.status == .conflict, "\(own.text)")
        }
    }

    @Test func undoAndRedoWalkTheStackOfEdits() async throws {
        try await ServerFixture.withRouter { client in
            let nothing = try await client.post("/api/undo")
            #expect(nothing.status == .conflict)
            #expect(nothing.errorMessage == "nothing to undo: the scenario has no edits")
            #expect(try await client.post("/api/redo").status == .conflict)

            let base = try await client.state()
            let (school, from, to) = try #require(base.movableSchool())
            let lead = try #require(base.figures(to)?.schools.first { $0 != base.figures(to)?.lead })
            _ = try await client.post("/api/edits", json: #"{"move": "\#(school)", "to": "\#(to)"}"#)
            let two = try (try await client.post("/api/edits", json: #"{"lead": "\#(lead)", "of": "\#(to)"}"#)).decoded(SessionState.self)
            #expect(two.edits.count == 2 && two.figures(to)?.lead == lead)

            let one = try (try await client.post("/api/undo")).decoded(SessionState.self)
            #expect(one.edits == [.move(school: SchoolCode(school)!, to: to)])
            #expect(one.redoEdits == [.lead(school: SchoolCode(lead)!, of: to)])
            #expect(one.figures(to)?.lead == base.figures(to)?.lead)
            let zero = try (try await client.post("/api/undo")).decoded(SessionState.self)
            #expect(zero.edits.isEmpty && zero.redoEdits.count == 2)
            #expect(zero.regions.map(\.figures) == base.regions.map(\.figures), "undoing everything gives the base back")
            #expect(zero.totals == base.totals)

            let again = try (try await client.post("/api/redo")).decoded(SessionState.self)
            #expect(again.edits.count == 1 && again.figures(from)?.schools.contains(school) == false)
            #expect(again.redoTexts == ["make \(lead) the lead of \(to)"])
            // A new edit clears what could be redone.
            let other = try #require(base.regions.first { $0.figures.id != to && $0.figures.id != from }?.figures.id)
            let fresh = try (try await client.post("/api/edits", json: #"{"move": "\#(school)", "to": "\#(other)"}"#)).decoded(SessionState.self)
            #expect(fresh.redoEdits.isEmpty && fresh.edits.count == 2)
            #expect(try await client.post("/api/redo").status == .conflict)
        }
    }

    @Test func mergeAndSplitFromTheSideList() async throws {
        try await ServerFixture.withRouter { client in
            let base = try await client.state()
            let a = base.regions[0].figures, b = base.regions[1].figures
            let merged = try (try await client.post("/api/edits", json: #"{"merge": ["\#(a.id)", "\#(b.id)"], "into": "\#(a.id)"}"#))
                .decoded(SessionState.self)
            #expect(merged.regions.count == base.regions.count - 1)
            #expect(merged.figures(b.id) == nil && merged.removedRegions.map(\.id) == [b.id])
            let union = try #require(merged.figures(a.id))
            #expect(Set(union.schools) == Set(a.schools + b.schools))
            #expect(union.technicalStudents == a.technicalStudents + b.technicalStudents)
            #expect(merged.totals.budgetEUR == base.totals.budgetEUR)

            let off = Array(b.schools.prefix(1))
            let split = try await client.post("/api/edits", json: #"{"split": "\#(a.id)", "new": "STO19950", "schools": ["\#(off[0])"]}"#)
            #expect(split.status == .ok, "\(split.text)")
            let state = try split.decoded(SessionState.self)
            #expect(state.regions.count == base.regions.count)
            let new = try #require(state.regions.first { $0.figures.id == "STO19950" })
            #expect(new.base == nil && new.figures.schools == off)
            #expect(state.edits.count == 2)
            let fresh = try ServerFixture.freshAudit(state.edits)
            #expect(state.regions.map(\.figures) == fresh.regions)
        }
    }

    @Test func scenariosAreSavedInSQLiteListedReloadedAndExportedAsFiles() async throws {
        let database = ServerFixture.temporaryDatabase()
        let (school, to, id) = try await ServerFixture.withRouter(database: database) { client in
            let base = try await client.state()
            let (school, _, to) = try #require(base.movableSchool())
            _ = try await client.post("/api/edits", json: #"{"move": "\#(school)", "to": "\#(to)"}"#)

            for (body, message) in [(#"{"name": "   "}"#, "name the scenario"), (#"{"nom": "x"}"#, "missing 'name'"),
                                    (#"{"name": "\#(String(repeating: "n", count: 121))"}"#, "at most 120"),
                                    (#"{"name": "a\u0007b"}"#, "control character")] {
                let refused = try await client.post("/api/scenarios", json: body)
                #expect(refused.status == .badRequest, "\(body)")
                #expect(refused.errorMessage.contains(message), "\(refused.errorMessage)")
            }

            let saved = try await client.post("/api/scenarios", json: #"{"name": "  Move één school  "}"#)
            #expect(saved.status == .created, "\(saved.text)")
            struct Summary: Decodable { let id: Int64; let name: String; let createdAt: String; let edits: [Edit]; let file: String }
            let summary = try saved.decoded(Summary.self)
            #expect(summary.name == "Move één school" && summary.edits.count == 1)
            #expect(summary.file == "/api/scenarios/\(summary.id)/file")
            #expect(try await client.state().scenarioName == "Move één school")

            let listed = try (try await client.get("/api/scenarios")).decoded([String: [Summary]].self)
            #expect(listed["scenarios"]?.map(\.name) == ["Move één school"])

            // The file, exactly as `regio compare --scenario` reads it.
            let file = try await client.get(summary.file)
            #expect(file.status == .ok)
            #expect(file.headers[.contentDisposition] == "attachment; filename=\"move-een-school.json\"")
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("regio-serve-\(UUID().uuidString).json").path
            try Data(file.body.readableBytesView).write(to: URL(fileURLWithPath: path))
            let read = try ScenarioReader.read(path)
            #expect(read == Scenario(name: "Move één school", edits: [.move(school: SchoolCode(school)!, to: to)]))
            #expect(file.text == ScenarioReader.json(read))

            // Back to the base, then the saved scenario again.
            _ = try await client.post("/api/undo")
            let loaded = try await client.post("/api/scenarios/\(summary.id)/load")
            #expect(loaded.status == .ok, "\(loaded.text)")
            let state = try loaded.decoded(SessionState.self)
            #expect(state.edits == read.edits && state.scenarioName == "Move één school" && state.redoEdits.isEmpty)

            for (path, status) in [("/api/scenarios/99/load", HTTPResponse.Status.notFound), ("/api/scenarios/abc/load", .notFound),
                                   ("/api/scenarios/0/file", .notFound), ("/api/scenarios/99/file", .notFound)] {
                let response = try await client.execute(uri: path, method: path.hasSuffix("load") ? .post : .get)
                #expect(response.status == status, "\(path): \(response.status)")
            }
            return (school, to, summary.id)
        }

        // The database outlives the server: a new one over the same file lists and loads the scenario.
        let store = try ScenarioStore(path: database)
        let rows = try await store.list()
        #expect(rows.map(\.name) == ["Move één school"] && rows[0].id == id)
        #expect(try rows[0].scenario().edits == [.move(school: SchoolCode(school)!, to: to)])
        try await ServerFixture.withRouter(database: database) { client in
            let loaded = try (try await client.post("/api/scenarios/\(id)/load")).decoded(SessionState.self)
            #expect(loaded.edits.count == 1)
        }
    }

    @Test func aSavedScenarioThatNoLongerAppliesIsAConflict() async throws {
        let database = ServerFixture.temporaryDatabase()
        let store = try ScenarioStore(path: database)
        let saved = try await store.save(Scenario(name: "Other data", edits: [.move(school: SchoolCode("00AB01")!, to: "STO19001")]))
        try await ServerFixture.withRouter(database: database) { client in
            let response = try await client.post("/api/scenarios/\(saved.id!)/load")
            #expect(response.status == .conflict)
            #expect(response.errorMessage.contains("scenario 'Other data' does not apply to these inputs: edit 1 (move 00AB01 to STO19001)"),
                    "\(response.errorMessage)")
            #expect(try await client.state().edits.isEmpty)
        }
    }

    @Test func aDatabaseThatIsNotSQLiteIsAnInputError() throws {
        let path = ServerFixture.temporaryDatabase()
        try Data("not a database, just text".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: InputError.self) { try ScenarioStore(path: path) }
        do {
            _ = try ScenarioStore(path: path)
        } catch {
            #expect(error.description.hasPrefix("\(path): cannot open the scenario database"), "\(error.description)")
        }
    }

    /// One `POST /api/edits` round trip (decode, incremental re-audit, figures, map layers, JSON), timed
    /// in-process on the demo data. Printed for the record; the bound only catches a pathological slowdown.
    @Test func editRoundTripTime() async throws {
        try await Self.timeEdits(on: ServerFixture.demo, label: "the demo data")
    }

    /// The same on the real data (about 1,600 schools, 44 regions), when `../shared/geodata` is there.
    @Test(.enabled(if: ServerFixture.realData != nil, "needs ../shared/geodata"))
    func editRoundTripTimeOnRealData() async throws {
        try await Self.timeEdits(on: try #require(ServerFixture.realData), label: "the real data")
    }

    static func timeEdits(on inputs: InputPaths, label: String) async throws {
        let configuration = ServerConfiguration(inputs: inputs, port: 0, databasePath: ServerFixture.temporaryDatabase())
        let app = try await buildApplication(configuration)
        try await app.test(.router) { client in
            let base = try await client.state()
            let (school, from, to) = try #require(base.movableSchool())
            var times: [Double] = []
            let clock = ContinuousClock()
            for i in 0..<10 {
                let target = i % 2 == 0 ? to : from
                let elapsed = try await clock.measure {
                    let response = try await client.post("/api/edits", json: #"{"move": "\#(school)", "to": "\#(target)"}"#)
                    #expect(response.status == .ok)
                }
                times.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
            }
            times.sort()
            let timing = try #require((try await client.post("/api/undo")).headers[HTTPFields.Element.Name("Server-Timing")!])
            print("regio serve: POST /api/edits round trip on \(label), in-process: median \(Int(times[times.count / 2].rounded())) ms, "
                  + "min \(Int(times[0].rounded())) ms, max \(Int(times.last!.rounded())) ms; one undo: \(timing)")
            #expect(times[times.count / 2] < 5_000)
        }
    }
}
