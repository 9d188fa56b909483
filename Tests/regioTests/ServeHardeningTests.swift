import Foundation
import GRDB
import Testing

/// `regio serve` as an attacker would meet it: the built binary on a free port, spoken to over a plain
/// socket. Each case is one of issue 12's "What was seen".
struct ServeHardeningTests {
    let scratch = Scratch()

    /// The server on the demo data with `extra` options; its port once it listens.
    func serve(_ extra: [String] = []) throws -> (ServeProcess, Int) {
        let server = try ServeProcess(["serve", "--port", "0", "--database", scratch.path("scenarios.sqlite")] + extra)
        let url = try server.waitForURL()
        guard let port = URL(string: url)?.port else { throw RawHTTP.Failure(description: "no port in \(url)") }
        return (server, port)
    }

    /// A DNS-rebinding page under `127.evil.example` reads nothing and changes nothing; the page's own
    /// address is answered.
    @Test func aRebindingHostNameAndAForeignOriginAreRefused() throws {
        let (server, port) = try serve()
        defer { server.stop() }
        func get(host: String) throws -> String {
            try RawHTTP.exchange(port: port, "GET /api/state HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n").text
        }
        let rebound = try get(host: "127.evil.example:\(port)")
        #expect(RawHTTP.status(rebound) == 403, "\(rebound.prefix(300))")
        #expect(rebound.contains("requests for host '127.evil.example:\(port)' are refused"))
        #expect(RawHTTP.status(try get(host: "localhost.evil.example:\(port)")) == 403)
        #expect(RawHTTP.status(try get(host: "127.0.0.1:\(port)")) == 200)
        #expect(RawHTTP.status(try get(host: "localhost:\(port)")) == 200)

        let undo = { (origin: String) throws -> String in
            try RawHTTP.exchange(port: port, "POST /api/undo HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nOrigin: \(origin)\r\n"
                                 + "Content-Length: 0\r\nConnection: close\r\n\r\n").text
        }
        let crossSite = try undo("http://evil.example")
        #expect(RawHTTP.status(crossSite) == 403, "\(crossSite.prefix(300))")
        #expect(RawHTTP.status(try undo("null")) == 403)
        // The page's own origin reaches the session (nothing to undo: 409).
        #expect(RawHTTP.status(try undo("http://127.0.0.1:\(port)")) == 409)
    }

    /// A connection that sends half a request and then nothing is closed after the idle timeout.
    @Test func aSilentConnectionIsClosed() throws {
        let (server, port) = try serve(["--idle-timeout", "1"])
        defer { server.stop() }
        let answer = try RawHTTP.exchange(port: port, "GET /api/state HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n", seconds: 60)
        #expect(answer.closed, "the connection was still open after 60 s: \(answer.text.prefix(200))")
    }

    /// Listening on the network, or on a database that keeps nothing, is refused before any input is read:
    /// exit 2 and one line naming the option and the cause.
    @Test func aNetworkAddressAndDatabasesThatKeepNothingAreRefused() throws {
        let foreign = scratch.path("other.sqlite")
        try DatabaseQueue(path: foreign).write { db in try db.execute(sql: "CREATE TABLE customers (id INTEGER)") }
        let cases: [([String], String)] = [
            (["--host", "0.0.0.0"], "regio: error: --host: 0.0.0.0 is not a loopback address"),
            (["--host", "192.168.1.5"], "team mode"),
            (["--database", ""], "regio: error: --database: the path is empty"),
            (["--database", ":memory:"], "regio: error: --database: ':memory:' is an SQLite in-memory"),
            (["--database", foreign], "regio: error: \(foreign): is an SQLite database (application_id 0, tables customers)"),
            (["--max-edits", "0"], "regio: error: --max-edits: 0 is not a limit"),
        ]
        for (options, message) in cases {
            let server = try ServeProcess(["serve", "--port", "0", "--database", scratch.path("db.sqlite")] + options)
            // On the old code these started serving: stop them then, rather than wait for ever.
            let status = server.waitForExit(timeout: 120)
            #expect(status == 2, "\(options): \(status.map(String.init) ?? "still serving"): \(server.output)")
            #expect(server.output.contains(message), "\(options): \(server.output)")
            #expect(server.output.split(separator: "\n").count == 1, "one line: \(server.output)")
        }
    }

    /// A run refused for an input writes nothing: no scenario database is left behind.
    @Test func aRefusedInputLeavesNoDatabase() throws {
        let database = scratch.path("never.sqlite")
        let run = try RegioProcess.run(["serve", "--port", "0", "--database", database,
                                        "--schools", scratch.path("missing.csv"), "--municipalities", scratch.path("x.geojson")])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: database), "the database was made before the inputs were read")
    }
}
