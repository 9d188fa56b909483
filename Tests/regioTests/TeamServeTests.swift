import Foundation
import Testing

/// `regio serve --team` and `regio users` as the built binary, spoken to over a socket: nothing acknowledged is
/// lost to `kill -9`, the running server answers as docs/openapi.yaml says, and `regio users` refuses what it
/// should with one line.
struct TeamServeTests {
    let scratch = Scratch()
    static let regionPassword = "region password 1"
    static let supportPassword = "support password 1"

    /// A team database with bert (region STO19001) and anna (support).
    func teamDatabase() throws -> String {
        let database = scratch.path("team.sqlite")
        for (arguments, password) in [(["bert", "--role", "region", "--region", "STO19001"], Self.regionPassword),
                                      (["anna", "--role", "support"], Self.supportPassword)] {
            let run = try RegioProcess.run(["users", "add"] + arguments + ["--database", database, "--password-stdin"], input: password + "\n")
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
        }
        return database
    }

    func serve(_ database: String) throws -> (ServeProcess, Int) {
        let server = try ServeProcess(["serve", "--team", "--port", "0", "--database", database])
        let url = try server.waitForURL()
        guard let port = URL(string: url)?.port else { throw RawHTTP.Failure(description: "no port in \(url)") }
        return (server, port)
    }

    /// Saved scenarios, proposals, reviews and the unsaved edits of a workspace survive `kill -9` and a restart;
    /// so do the sessions (the cookie still signs in).
    @Test func killNineLosesNothingAcknowledged() throws {
        let database = try teamDatabase()
        var (server, port) = try serve(database)
        let bert = try TeamHTTP.signIn(port: port, "bert", Self.regionPassword)
        let anna = try TeamHTTP.signIn(port: port, "anna", Self.supportPassword)
        let state = try TeamHTTP.json(try TeamHTTP.request(port: port, "GET", "/api/state", as: bert))
        let edits = try #require(TeamHTTP.twoMoves(state))
        #expect(try TeamHTTP.request(port: port, "POST", "/api/edits", as: bert, json: edits[0]).status == 200)
        #expect(try TeamHTTP.request(port: port, "POST", "/api/scenarios", as: bert, json: #"{"name": "Saved before the crash"}"#).status == 201)
        let proposal = try TeamHTTP.request(port: port, "POST", "/api/proposals", as: bert, json: #"{"name": "Proposed", "note": "n"}"#)
        #expect(proposal.status == 201, "\(proposal.body.prefix(300))")
        #expect(try TeamHTTP.request(port: port, "POST", "/api/proposals/1/review", as: anna,
                                     json: #"{"decision": "accepted", "comment": "yes"}"#).status == 200)
        // Unsaved: a second edit, undone, and a third (the redo stack is then empty), and anna's own edit.
        #expect(try TeamHTTP.request(port: port, "POST", "/api/edits", as: bert, json: edits[1]).status == 200)
        #expect(try TeamHTTP.request(port: port, "POST", "/api/undo", as: bert).status == 200)
        #expect(try TeamHTTP.request(port: port, "POST", "/api/edits", as: anna, json: edits[1]).status == 200)
        let before = try TeamHTTP.json(try TeamHTTP.request(port: port, "GET", "/api/state", as: bert))

        server.killHard()
        (server, port) = try serve(database)
        defer { server.stop() }
        let after = try TeamHTTP.json(try TeamHTTP.request(port: port, "GET", "/api/state", as: bert))
        for key in ["edits", "redoEdits", "totals", "findings"] {
            #expect(TeamHTTP.same(before[key], after[key]), "\(key) differs after kill -9")
        }
        #expect((after["edits"] as? [Any])?.count == 1 && (after["redoEdits"] as? [Any])?.count == 1)
        let annas = try TeamHTTP.json(try TeamHTTP.request(port: port, "GET", "/api/state", as: anna))
        #expect((annas["edits"] as? [Any])?.count == 1)
        let scenarios = try TeamHTTP.json(try TeamHTTP.request(port: port, "GET", "/api/scenarios", as: bert))
        #expect(((scenarios["scenarios"] as? [[String: Any]])?.map { $0["name"] as? String }) == ["Saved before the crash"])
        let proposals = try TeamHTTP.json(try TeamHTTP.request(port: port, "GET", "/api/proposals", as: bert))
        let first = try #require((proposals["proposals"] as? [[String: Any]])?.first)
        #expect(first["status"] as? String == "accepted")
        #expect(((first["reviews"] as? [[String: Any]])?.first?["comment"] as? String) == "yes")
        let log = try RegioProcess.run(["users", "log", "--database", database])
        for action in ["\tbert\tlogin\t", "\tanna\tlogin\t", "\tbert\tproposal\t", "\tanna\treview\tproposal 1 accepted"] {
            #expect(log.stdout.contains(action), "the audit log has \(action): \(log.stdout)")
        }
    }

    /// docs/openapi.yaml against the running server: a scripted session of both roles (Tests/oracle/check_openapi.py).
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: Oracle.python), "needs .venv (bash Tests/oracle/setup-venv.sh)"))
    func theRunningServerAnswersAsTheOpenAPIFileSays() throws {
        let database = try teamDatabase()
        let (server, port) = try serve(database)
        defer { server.stop() }
        let check = try RegioProcess.capture(URL(fileURLWithPath: Oracle.python),
                                             [RegioProcess.packageRoot.appendingPathComponent("Tests/oracle/check_openapi.py").path,
                                              "--url", "http://127.0.0.1:\(port)/", "--region", "bert", "--support", "anna"],
                                             input: Self.regionPassword + "\n" + Self.supportPassword + "\n")
        #expect(check.status == 0, "check_openapi.py:\n\(check.stdout)\n\(check.stderr)")
        #expect(check.stdout.contains("20 operations checked, 0 failures"), "\(check.stdout.suffix(500))")
    }

    /// Behind a TLS proxy on this machine (a loopback peer saying `X-Forwarded-Proto: https`) the cookie is
    /// `Secure` and the page's origin is `https://`; the proxy's public name is answered only when named with
    /// `--public-host`.
    @Test func aTLSProxyOnThisMachineMakesTheCookieSecure() throws {
        let database = try teamDatabase()
        let server = try ServeProcess(["serve", "--team", "--port", "0", "--database", database, "--public-host", "regio.example.org"])
        defer { server.stop() }
        let url = try server.waitForURL()
        let port = try #require(URL(string: url)?.port)
        let login = #"{"name": "bert", "password": "\#(Self.regionPassword)"}"#
        func cookie(_ answer: TeamHTTP.Answer) -> String {
            answer.head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("set-cookie:") }.map(String.init) ?? ""
        }
        let plain = try TeamHTTP.request(port: port, "POST", "/api/login", json: login)
        #expect(plain.status == 200 && !cookie(plain).contains("Secure"), "\(plain.head)")
        let proxied = try TeamHTTP.request(port: port, "POST", "/api/login", json: login,
                                           headers: ["Host: regio.example.org", "X-Forwarded-Proto: https", "Origin: https://regio.example.org"])
        #expect(proxied.status == 200, "\(proxied.head) \(proxied.body)")
        #expect(cookie(proxied).contains("; Secure") && cookie(proxied).contains("HttpOnly") && cookie(proxied).contains("SameSite=Strict"))
        let plainOrigin = try TeamHTTP.request(port: port, "POST", "/api/login", json: login,
                                               headers: ["Host: regio.example.org", "Origin: https://regio.example.org"])
        #expect(plainOrigin.status == 403, "https origin without the proxy's word: \(plainOrigin.status)")
        let otherName = try TeamHTTP.request(port: port, "GET", "/login", headers: ["Host: other.example.org"])
        #expect(otherName.status == 403)
    }

    @Test func usersRefusesWhatCannotBeAnAccount() throws {
        let database = try teamDatabase()
        let registrations = RegioProcess.packageRoot.appendingPathComponent("geodata/demo/registrations.csv").path
        let cases: [([String], String, String)] = [
            (["add", "cara", "--role", "region"], "long enough password", "a region user needs a region: add --region"),
            (["add", "cara", "--role", "support", "--region", "STO19001"], "long enough password", "a support user has no region"),
            (["add", "BERT", "--role", "support"], "long enough password", "there is already a user 'bert'"),
            (["add", "cara", "--role", "support"], "short", "the password has 5 characters; at least 10"),
            (["add", "cara", "--role", "support"], "", "the password is empty"),
            (["add", "cara", "--role", "region", "--region", "STO19999", "--registrations", registrations], "long enough password",
             "there is no region STO19999 in the pre-registration"),
            (["add", "cara", "--role", "boss"], "long enough password", "boss"),
            (["remove", "nobody"], "", "there is no user 'nobody'"),
            (["reset-password", "nobody"], "long enough password", "there is no user 'nobody'"),
        ]
        for (arguments, password, message) in cases {
            let run = try RegioProcess.run(["users"] + arguments + ["--database", database]
                                           + (arguments[0] == "remove" ? [] : ["--password-stdin"]), input: password + "\n")
            // A role that is not one is ArgumentParser's usage error (64); every other refusal is regio's (2).
            #expect(run.status == (arguments.contains("boss") ? 64 : 2), "\(arguments): \(run.status) \(run.stderr)")
            #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
        }
        let noStdin = try RegioProcess.run(["users", "add", "cara", "--role", "support", "--database", database])
        #expect(noStdin.status == 2 && noStdin.stderr.contains("--password-stdin"), "\(noStdin.stderr)")

        let added = try RegioProcess.run(["users", "add", "cara", "--role", "region", "--region", "sto19002", "--registrations", registrations,
                                          "--database", database, "--password-stdin"], input: "long enough password\n")
        #expect(added.status == 0 && added.stdout == "added cara (region, STO19002)\n", "\(added.stdout) \(added.stderr)")
        #expect(try RegioProcess.run(["users", "list", "--database", database]).stdout
                == "anna\tsupport\t\nbert\tregion\tSTO19001\ncara\tregion\tSTO19002\n")
        #expect(try RegioProcess.run(["users", "remove", "cara", "--database", database]).status == 0)
        let reset = try RegioProcess.run(["users", "reset-password", "bert", "--database", database, "--password-stdin"],
                                         input: "a new password 2\n")
        #expect(reset.status == 0, "\(reset.stderr)")
        #expect(try RegioProcess.run(["users", "list", "--database", database]).stdout == "anna\tsupport\t\nbert\tregion\tSTO19001\n")

        // The new password signs in; the old one no longer does.
        let (server, port) = try serve(database)
        defer { server.stop() }
        #expect(throws: (any Error).self) { try TeamHTTP.signIn(port: port, "bert", Self.regionPassword) }
        _ = try TeamHTTP.signIn(port: port, "bert", "a new password 2")
    }
}

/// HTTP/1.1 to the team server over a plain socket (``RawHTTP``), with its session cookie and CSRF token.
enum TeamHTTP {
    struct User {
        let cookie: String
        let csrf: String
    }

    struct Answer {
        let status: Int
        let head: String
        let body: String
    }

    /// - Parameter headers: more header lines, e.g. `X-Forwarded-Proto: https`; a `Host:` among them replaces the default.
    static func request(port: Int, _ method: String, _ path: String, as user: User? = nil, json: String? = nil,
                        headers: [String] = []) throws -> Answer {
        let host = headers.contains { $0.lowercased().hasPrefix("host:") } ? [] : ["Host: 127.0.0.1:\(port)"]
        var lines = ["\(method) \(path) HTTP/1.1"] + host + headers + ["Connection: close"]
        if let user {
            lines.append("Cookie: \(user.cookie)")
            if method != "GET" { lines.append("X-CSRF-Token: \(user.csrf)") }
        }
        let body = json ?? ""
        if json != nil { lines.append("Content-Type: application/json") }
        lines.append("Content-Length: \(body.utf8.count)")
        let text = try RawHTTP.exchange(port: port, lines.joined(separator: "\r\n") + "\r\n\r\n" + body).text
        guard let split = text.range(of: "\r\n\r\n"), let status = RawHTTP.status(text) else {
            throw RawHTTP.Failure(description: "no HTTP answer: \(text.prefix(200))")
        }
        return Answer(status: status, head: String(text[..<split.lowerBound]), body: String(text[split.upperBound...]))
    }

    static func signIn(port: Int, _ name: String, _ password: String) throws -> User {
        let answer = try request(port: port, "POST", "/api/login", json: #"{"name": "\#(name)", "password": "\#(password)"}"#)
        guard answer.status == 200,
              let cookieLine = answer.head.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("set-cookie:") }),
              let cookie = cookieLine.dropFirst("set-cookie:".count).split(separator: ";").first,
              let csrf = try json(answer)["csrfToken"] as? String else {
            throw RawHTTP.Failure(description: "sign-in of \(name): \(answer.status) \(answer.body)")
        }
        return User(cookie: cookie.trimmingCharacters(in: .whitespaces), csrf: csrf)
    }

    static func json(_ answer: Answer) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [String: Any] else {
            throw RawHTTP.Failure(description: "not a JSON object: \(answer.body.prefix(200))")
        }
        return object
    }

    /// Two edits that apply one after the other: a technical school in one region with others, moved to another
    /// region and then to a third.
    static func twoMoves(_ state: [String: Any]) -> [String]? {
        guard let regions = state["regions"] as? [[String: Any]], let map = state["map"] as? [String: Any],
              let schools = map["schools"] as? [[String: Any]] else { return nil }
        let ids = regions.compactMap { ($0["figures"] as? [String: Any])?["id"] as? String }
        let sizes = Dictionary(regions.compactMap { r -> (String, Int)? in
            guard let f = r["figures"] as? [String: Any], let id = f["id"] as? String, let s = f["schools"] as? [Any] else { return nil }
            return (id, s.count)
        }, uniquingKeysWith: { a, _ in a })
        for school in schools {
            guard let code = school["code"] as? String, let inRegions = school["regions"] as? [String], inRegions.count == 1,
                  school["technical"] as? Bool == true, (sizes[inRegions[0]] ?? 0) >= 2 else { continue }
            let others = ids.filter { $0 != inRegions[0] }
            guard others.count >= 2 else { return nil }
            return [#"{"move": "\#(code)", "to": "\#(others[0])"}"#, #"{"move": "\#(code)", "to": "\#(others[1])"}"#]
        }
        return nil
    }

    /// Whether two JSON values are the same.
    static func same(_ a: Any?, _ b: Any?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        let options: JSONSerialization.WritingOptions = [.sortedKeys, .fragmentsAllowed]
        return (try? JSONSerialization.data(withJSONObject: a, options: options)) == (try? JSONSerialization.data(withJSONObject: b, options: options))
    }
}
