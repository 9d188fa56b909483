import Foundation
import Hummingbird
import HummingbirdTesting
import RegioDomain
@testable import RegioServer
import Testing

/// The caps on edits per session and on saved scenarios, the read timeout of request bodies, and the
/// checks of the limits themselves.
@Suite struct ServerLimitsTests {
    /// The application on the demo data with `limits`.
    func withRouter(_ limits: ServerLimits, database: String = ServerFixture.temporaryDatabase(),
                    _ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let configuration = ServerConfiguration(inputs: ServerFixture.demo, port: 0, databasePath: database, limits: limits)
        let app = try await buildApplication(configuration)
        try await app.test(.router, body)
    }

    @Test func aSessionKeepsAtMostItsEditLimit() async throws {
        try await withRouter(ServerLimits(editsPerSession: 2)) { client in
            let (school, from, to) = try #require(try await client.state().movableSchool())
            let there = #"{"move": "\#(school)", "to": "\#(to)"}"#, back = #"{"move": "\#(school)", "to": "\#(from)"}"#
            #expect(try await client.post("/api/edits", json: there).status == .ok)
            #expect(try await client.post("/api/edits", json: back).status == .ok)
            let third = try await client.post("/api/edits", json: there)
            #expect(third.status == .conflict)
            #expect(third.errorMessage.contains("the scenario has 2 edits, the most a session keeps (--max-edits 2)"), "\(third.errorMessage)")
            #expect(try await client.state().edits.count == 2)
            // Undo makes room again.
            #expect(try await client.post("/api/undo").status == .ok)
            #expect(try await client.post("/api/edits", json: back).status == .ok)
        }
    }

    @Test func theDatabaseKeepsAtMostItsScenarioLimit() async throws {
        let database = ServerFixture.temporaryDatabase()
        try await withRouter(ServerLimits(savedScenarios: 2), database: database) { client in
            #expect(try await client.post("/api/scenarios", json: #"{"name": "one"}"#).status == .created)
            #expect(try await client.post("/api/scenarios", json: #"{"name": "two"}"#).status == .created)
            let third = try await client.post("/api/scenarios", json: #"{"name": "three"}"#)
            #expect(third.status == .conflict)
            #expect(third.errorMessage.contains("holds 2 scenarios, the most it keeps (--max-scenarios 2)"), "\(third.errorMessage)")
            struct List: Decodable { struct Row: Decodable { let name: String }; let scenarios: [Row] }
            let list = try (try await client.get("/api/scenarios")).decoded(List.self)
            #expect(list.scenarios.map(\.name).sorted() == ["one", "two"])
        }
        // The cap holds across sessions: it counts what the file holds.
        let store = try ScenarioStore(path: database, scenarioLimit: 2)
        await #expect(throws: SessionError.self) { _ = try await store.save(Scenario(name: "again", edits: [])) }
    }

    /// A body that never ends (a client that stops sending) is answered 408 once the read timeout passes.
    @Test func aBodyThatDoesNotArriveIsAnsweredWithRequestTimeout() async throws {
        let (stream, continuation) = AsyncStream<ByteBuffer>.makeStream()
        continuation.yield(ByteBuffer(string: #"{"move": "#))
        var head = HTTPRequest(method: .post, scheme: "http", authority: "localhost", path: "/api/edits")
        head.headerFields[.contentType] = "application/json"
        let request = Request(head: head, body: RequestBody(asyncSequence: stream))
        do {
            _ = try await JSONBodyReader.collect(request, upTo: 64 * 1024, shape: "an edit", within: 0.2)
            Issue.record("a body that never ended was read")
        } catch {
            #expect(error.status == .requestTimeout)
            #expect(error.message == "the request body did not arrive within 0.2 s (--read-timeout)", "\(error.message)")
        }
        continuation.finish()
    }

    @Test func limitsThatAreNotNumbersOfTheirKindAreRefused() {
        let cases: [(ServerLimits, String)] = [
            (ServerLimits(editsPerSession: 0), "--max-edits: 0 is not a limit"),
            (ServerLimits(savedScenarios: -3), "--max-scenarios: -3 is not a limit"),
            (ServerLimits(idleTimeoutSeconds: .infinity), "--idle-timeout: inf is not a timeout"),
            (ServerLimits(idleTimeoutSeconds: 0), "--idle-timeout: 0.0 is not a timeout"),
            (ServerLimits(readTimeoutSeconds: .nan), "--read-timeout: nan is not a timeout"),
            (ServerLimits(readTimeoutSeconds: -1), "--read-timeout: -1.0 is not a timeout"),
        ]
        for (limits, message) in cases {
            do {
                try limits.validate()
                Issue.record("\(limits) was accepted")
            } catch {
                #expect(error.description.hasPrefix(message), "\(error.description)")
            }
        }
        #expect(throws: Never.self) { try ServerLimits().validate() }
    }
}
