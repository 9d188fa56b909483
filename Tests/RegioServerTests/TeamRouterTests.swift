import Foundation
import Hummingbird
import HummingbirdTesting
import RegioDomain
import RegioInputs
import RegioReports
@testable import RegioServer
import Testing

/// `regio serve --team` through its router, in-process, on the demo data: every API route for an anonymous
/// caller, a region user and a support user; CSRF; the sign-in throttle; separate workspaces; eviction.
@Suite struct TeamRouterTests {
    /// One request of the route table: method, path and body.
    struct Call: Sendable, CustomStringConvertible {
        let method: HTTPRequest.Method
        let path: String
        var json: String?
        var description: String { "\(method) \(path)" }
    }

    func send(_ client: some TestClientProtocol, _ call: Call, as user: SignedInUser?) async throws -> TestResponse {
        var headers: HTTPFields = call.method == .get ? (user?.reading ?? [:]) : (user?.writing ?? [:])
        if call.json != nil { headers[.contentType] = "application/json" }
        return try await client.execute(uri: call.path, method: call.method, headers: headers, body: call.json.map { ByteBuffer(string: $0) })
    }

    /// Every API route × anonymous, region and support, with the status each must answer. The region user's
    /// proposal is 1 (submitted), 2 (accepted by support in the table) and cara's is 3.
    @Test func everyRouteAnswersEachRoleAsTheContractSays() async throws {
        try await TeamFixture.withTeam { client in
            let bert = try await client.signIn("bert"), anna = try await client.signIn("anna"), cara = try await client.signIn("cara")
            let state = try (try await send(client, Call(method: .get, path: "/api/state"), as: bert)).decoded(SessionState.self)
            let (school, _, to) = try #require(state.movableSchool())
            let edit = #"{"move": "\#(school)", "to": "\#(to)"}"#
            // Proposals to act on: bert's 1 and 2, cara's 3.
            for (user, name) in [(bert, "One"), (bert, "Two"), (cara, "Three")] {
                if name != "Two" { #expect(try await send(client, Call(method: .post, path: "/api/edits", json: edit), as: user).status == .ok) }
                let submitted = try await send(client, Call(method: .post, path: "/api/proposals", json: #"{"name": "\#(name)", "note": "n"}"#), as: user)
                #expect(submitted.status == .created, "\(submitted.text.prefix(300))")
            }
            #expect(try await send(client, Call(method: .post, path: "/api/scenarios", json: #"{"name": "Saved"}"#), as: bert).status == .created)
            #expect(try await send(client, Call(method: .post, path: "/api/scenarios", json: #"{"name": "Saved"}"#), as: anna).status == .created)
            // Both workspaces without edits, so that the table's edit applies to each.
            #expect(try await send(client, Call(method: .post, path: "/api/undo"), as: bert).status == .ok)

            let region = try #require(state.regions.first?.figures.id)
            // (call, anonymous, region user bert, support user anna)
            let table: [(Call, HTTPResponse.Status, HTTPResponse.Status, HTTPResponse.Status)] = [
                (Call(method: .get, path: "/api/me"), .unauthorized, .ok, .ok),
                (Call(method: .get, path: "/api/state"), .unauthorized, .ok, .ok),
                (Call(method: .get, path: "/api/regions/\(region)/portrait"), .unauthorized, .ok, .ok),
                (Call(method: .post, path: "/api/edits", json: edit), .unauthorized, .ok, .ok),
                (Call(method: .post, path: "/api/undo"), .unauthorized, .ok, .ok),
                (Call(method: .post, path: "/api/redo"), .unauthorized, .ok, .ok),
                (Call(method: .get, path: "/api/scenarios"), .unauthorized, .ok, .ok),
                (Call(method: .post, path: "/api/scenarios", json: #"{"name": "Again"}"#), .unauthorized, .created, .created),
                // Each user's first saved scenario: bert's is 1, anna's 2; neither sees the other's.
                (Call(method: .post, path: "/api/scenarios/1/load"), .unauthorized, .ok, .notFound),
                (Call(method: .get, path: "/api/scenarios/2/file"), .unauthorized, .notFound, .ok),
                (Call(method: .post, path: "/api/proposals", json: #"{"name": "Four", "note": ""}"#), .unauthorized, .created, .forbidden),
                (Call(method: .get, path: "/api/proposals"), .unauthorized, .ok, .ok),
                (Call(method: .get, path: "/api/proposals/1"), .unauthorized, .ok, .ok),
                (Call(method: .get, path: "/api/proposals/3"), .unauthorized, .notFound, .ok),
                (Call(method: .get, path: "/api/proposals/1/compare/3"), .unauthorized, .forbidden, .ok),
                (Call(method: .post, path: "/api/proposals/2/review", json: #"{"decision": "accepted", "comment": "good"}"#),
                 .unauthorized, .forbidden, .ok),
                (Call(method: .get, path: "/api/proposals/2/scenario"), .unauthorized, .ok, .ok),
                (Call(method: .get, path: "/api/proposals/2/registrations.csv"), .unauthorized, .ok, .ok),
                (Call(method: .get, path: "/api/proposals/2/registrations.xlsx"), .unauthorized, .ok, .ok),
                (Call(method: .get, path: "/api/proposals/1/scenario"), .unauthorized, .conflict, .conflict),
                (Call(method: .get, path: "/api/proposals/1/registrations.csv"), .unauthorized, .conflict, .conflict),
                (Call(method: .get, path: "/api/proposals/1/registrations.xlsx"), .unauthorized, .conflict, .conflict),
                (Call(method: .get, path: "/api/nope"), .unauthorized, .notFound, .notFound),
                (Call(method: .post, path: "/api/logout"), .unauthorized, .noContent, .noContent),
            ]
            for (call, anonymous, regionStatus, supportStatus) in table {
                let a = try await send(client, call, as: nil)
                #expect(a.status == anonymous, "anonymous \(call): \(a.status) \(a.text.prefix(200))")
                // Review the proposal as support first, so the region user's downloads of it find it accepted.
                let s = try await send(client, call, as: anna)
                let r = try await send(client, call, as: bert)
                #expect(s.status == supportStatus, "support \(call): \(s.status) \(s.text.prefix(200))")
                #expect(r.status == regionStatus, "region \(call): \(r.status) \(r.text.prefix(200))")
                if a.status == .unauthorized { #expect(a.errorMessage.contains("sign in first"), "\(a.text)") }
            }
            // After logout the cookie no longer signs in.
            #expect(try await send(client, Call(method: .get, path: "/api/state"), as: bert).status == .unauthorized)
            #expect(try await send(client, Call(method: .get, path: "/api/state"), as: cara).status == .ok)
        }
    }

    @Test func thePageNeedsASignInAndTheLoginPageDoesNot() async throws {
        try await TeamFixture.withTeam { client in
            let page = try await client.get("/")
            #expect(page.status == .seeOther && page.headers[.location] == "/login")
            let login = try await client.get("/login")
            #expect(login.status == .ok && login.text.contains("id=\"login-form\""))
            #expect(try await client.get("/favicon.ico").status == .unauthorized)
            let anna = try await client.signIn("anna")
            let signedIn = try await client.get("/", headers: anna.reading)
            #expect(signedIn.status == .ok && signedIn.text.contains("//# sourceURL=team.js"))
        }
    }

    @Test func theSessionCookieIsHttpOnlyStrictAndTheLoginAnswersTheContract() async throws {
        try await TeamFixture.withTeam { client in
            let response = try await client.post("/api/login", json: #"{"name": "bert", "password": "\#(TeamFixture.password)"}"#)
            #expect(response.status == .ok)
            let cookie = try #require(response.headers[.setCookie])
            #expect(cookie.hasPrefix("regio_session=") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/"))
            #expect(!cookie.contains("Secure"), "no TLS in front: \(cookie)")
            let body = try response.decoded([String: AnyJSON].self)
            #expect(Set(body.keys) == ["csrfToken", "user"])
            #expect(body["csrfToken"]?.string?.count == 64)
            #expect(body["user"]?["name"]?.string == "bert" && body["user"]?["role"]?.string == "region"
                    && body["user"]?["region"]?.string == "STO19001")
            let wrong = try await client.post("/api/login", json: #"{"name": "bert", "password": "wrong password!"}"#)
            #expect(wrong.status == .unauthorized && wrong.headers[.setCookie] == nil)
            let nobody = try await client.post("/api/login", json: #"{"name": "nobody", "password": "wrong password!"}"#)
            #expect(nobody.status == .unauthorized && nobody.errorMessage == wrong.errorMessage, "no telling which names exist")
        }
    }

    @Test func aStateChangingRequestWithoutTheCSRFTokenIs403() async throws {
        try await TeamFixture.withTeam { client in
            let bert = try await client.signIn("bert")
            let missing = try await client.post("/api/undo", headers: bert.reading)
            #expect(missing.status == .forbidden && missing.errorMessage.contains("X-CSRF-Token"), "\(missing.text)")
            var wrong = bert.writing
            wrong[HTTPFields.Element.Name("X-CSRF-Token")!] = String(bert.csrf.reversed())
            #expect(try await client.post("/api/undo", headers: wrong).status == .forbidden)
            #expect(try await client.post("/api/logout", headers: bert.reading).status == .forbidden)
            // With the token the request reaches the workspace (nothing to undo: 409).
            #expect(try await client.post("/api/undo", headers: bert.writing).status == .conflict)
        }
    }

    @Test func fiveFailedSignInsAMinuteAreFollowedBy429() async throws {
        try await TeamFixture.withTeam { client in
            for attempt in 1...5 {
                let r = try await client.post("/api/login", json: #"{"name": "bert", "password": "guess number \#(attempt)"}"#)
                #expect(r.status == .unauthorized, "attempt \(attempt): \(r.status)")
            }
            let throttled = try await client.post("/api/login", json: #"{"name": "bert", "password": "\#(TeamFixture.password)"}"#)
            #expect(throttled.status == .tooManyRequests, "\(throttled.text)")
            let wait = try #require(throttled.headers[.retryAfter].flatMap(Int.init))
            #expect((1...60).contains(wait))
            // Another name is not held up by bert's failures.
            #expect(try await client.post("/api/login", json: #"{"name": "cara", "password": "\#(TeamFixture.password)"}"#).status == .ok)
        }
    }

    @Test func eachUserHasTheirOwnWorkspaceAndUndoStack() async throws {
        try await TeamFixture.withTeam { client in
            let bert = try await client.signIn("bert"), cara = try await client.signIn("cara")
            let base = try (try await client.get("/api/state", headers: bert.reading)).decoded(SessionState.self)
            let (school, _, to) = try #require(base.movableSchool())
            let edited = try await client.post("/api/edits", json: #"{"move": "\#(school)", "to": "\#(to)"}"#, headers: bert.writing)
            #expect(try edited.decoded(SessionState.self).edits.count == 1)
            let caras = try (try await client.get("/api/state", headers: cara.reading)).decoded(SessionState.self)
            #expect(caras.edits.isEmpty && caras.totals == base.totals, "cara's workspace is untouched by bert's edit")
            #expect(try await client.post("/api/undo", headers: cara.writing).status == .conflict, "cara has nothing to undo")
            #expect(try (try await client.post("/api/undo", headers: bert.writing)).decoded(SessionState.self).edits.isEmpty)
        }
    }

    /// With room for one workspace, a second user's request evicts the first; the first user's next request
    /// rebuilds their workspace from its journal: the same edits, redo stack and figures.
    @Test func anEvictedWorkspaceIsRebuiltFromItsJournal() async throws {
        try await TeamFixture.withTeam(team: TeamConfiguration(workspaces: 1)) { client in
            let bert = try await client.signIn("bert"), cara = try await client.signIn("cara")
            let base = try (try await client.get("/api/state", headers: bert.reading)).decoded(SessionState.self)
            let (school, _, to) = try #require(base.movableSchool())
            let other = try #require(base.regions.map(\.figures.id).first { $0 != to })
            _ = try await client.post("/api/edits", json: #"{"move": "\#(school)", "to": "\#(to)"}"#, headers: bert.writing)
            _ = try await client.post("/api/edits", json: #"{"move": "\#(school)", "to": "\#(other)"}"#, headers: bert.writing)
            let before = try (try await client.post("/api/undo", headers: bert.writing)).decoded(SessionState.self)
            _ = try await client.get("/api/state", headers: cara.reading)  // evicts bert's workspace
            let after = try (try await client.get("/api/state", headers: bert.reading)).decoded(SessionState.self)
            #expect(after.edits == before.edits && after.redoEdits == before.redoEdits)
            #expect(after.regions.map(\.figures) == before.regions.map(\.figures))
            #expect(after.findings.map(\.key) == before.findings.map(\.key))
            let redone = try (try await client.post("/api/redo", headers: bert.writing)).decoded(SessionState.self)
            #expect(redone.edits.count == 2)
        }
    }

    /// A region user sees their own proposals and the reviews of them; the accepted one downloads as a scenario
    /// file and as a pre-registration that reads back as the base with the proposal's edits.
    @Test func anAcceptedProposalDownloadsAsScenarioAndPreRegistration() async throws {
        try await TeamFixture.withTeam { client in
            let bert = try await client.signIn("bert"), anna = try await client.signIn("anna"), cara = try await client.signIn("cara")
            let base = try (try await client.get("/api/state", headers: bert.reading)).decoded(SessionState.self)
            let (school, _, to) = try #require(base.movableSchool())
            _ = try await client.post("/api/edits", json: #"{"move": "\#(school)", "to": "\#(to)"}"#, headers: bert.writing)
            let empty = try await client.post("/api/proposals", json: #"{"name": "Nothing"}"#, headers: cara.writing)
            #expect(empty.status == .conflict, "a proposal without edits: \(empty.text)")
            let created = try await client.post("/api/proposals", json: #"{"name": "Move one", "note": "closer"}"#, headers: bert.writing)
            #expect(created.status == .created)
            let proposal = try created.decoded([String: AnyJSON].self)
            #expect(proposal["status"]?.string == "submitted" && proposal["author"]?.string == "bert" && proposal["region"]?.string == "STO19001")
            #expect(proposal["comparison"]?["edits"]?.array?.count == 1)
            let id = Int(try #require(proposal["id"]?.number))

            #expect(try (try await client.get("/api/proposals", headers: cara.reading)).decoded([String: [AnyJSON]].self)["proposals"]?.isEmpty == true)
            let reviewed = try await client.post("/api/proposals/\(id)/review", json: #"{"decision": "accepted", "comment": "fine"}"#,
                                                 headers: anna.writing)
            #expect(try reviewed.decoded([String: AnyJSON].self)["status"]?.string == "accepted")
            let again = try await client.post("/api/proposals/\(id)/review", json: #"{"decision": "rejected"}"#, headers: anna.writing)
            #expect(again.status == .conflict)
            let bad = try await client.post("/api/proposals/\(id)/review", json: #"{"decision": "maybe"}"#, headers: anna.writing)
            #expect(bad.status == .badRequest)

            let list = try (try await client.get("/api/proposals", headers: bert.reading)).decoded([String: [AnyJSON]].self)
            let mine = try #require(list["proposals"]?.first)
            #expect(mine["status"]?.string == "accepted" && mine["reviews"]?.array?.first?["reviewer"]?.string == "anna")
            #expect(mine["comparison"] == nil, "lists leave the comparisons out")

            let file = try await client.get("/api/proposals/\(id)/scenario", headers: bert.reading)
            let scenario = try JSONDecoder().decode(Scenario.self, from: Data(file.body.readableBytesView))
            #expect(scenario.edits == [.move(school: try #require(SchoolCode(school)), to: to)])
            let csv = try await client.get("/api/proposals/\(id)/registrations.csv", headers: bert.reading)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("regio-\(UUID().uuidString).csv").path
            try csv.text.write(toFile: path, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: path) }
            let dataset = try Dataset(loading: ServerFixture.demo)
            let expected = try dataset.registration!.applying(scenario.edits, knownSchools: Set(dataset.register.schools.map(\.code)))
            let read = try RegistrationReader.read(path)
            #expect(read.regions.map(\.id) == expected.regions.map(\.id))
            #expect(read.regions.map(\.schools) == expected.regions.map(\.schools))
            #expect(read.regions.map(\.lead) == expected.regions.map(\.lead))

            // The same pre-registration as a workbook, read back by `--registrations FILE.xlsx`'s reader.
            let xlsx = try await client.get("/api/proposals/\(id)/registrations.xlsx", headers: bert.reading)
            #expect(xlsx.headers[.contentType] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            let workbook = FileManager.default.temporaryDirectory.appendingPathComponent("regio-\(UUID().uuidString).xlsx").path
            try Data(xlsx.body.readableBytesView).write(to: URL(fileURLWithPath: workbook))
            defer { try? FileManager.default.removeItem(atPath: workbook) }
            let fromWorkbook = try RegistrationReader.read(workbook)
            #expect(fromWorkbook.regions.map(\.id) == expected.regions.map(\.id))
            #expect(fromWorkbook.regions.map(\.schools) == expected.regions.map(\.schools))
            #expect(fromWorkbook.regions.map(\.lead) == expected.regions.map(\.lead))
        }
    }
}
