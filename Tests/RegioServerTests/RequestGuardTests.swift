import Foundation
import Hummingbird
import RegioInputs
@testable import RegioServer
import Testing

/// The Host allowlist against DNS rebinding, the Origin check of every request that changes state, and
/// the refusal to listen beyond this machine.
@Suite struct RequestGuardTests {
    /// A request for `/api/state` (or a state change) with `authority` as its Host.
    func request(_ authority: String?, _ method: HTTPRequest.Method = .get, headers: HTTPFields = [:]) -> Request {
        var head = HTTPRequest(method: method, scheme: "http", authority: authority, path: "/api/state")
        head.headerFields = headers
        return Request(head: head, body: RequestBody(buffer: ByteBuffer()))
    }

    func refuses(_ guarding: RequestGuard<ServeRequestContext>, _ request: Request) -> Bool {
        (try? guarding.check(request)) == nil
    }

    /// DNS rebinding: a page of another site whose name was pointed at 127.0.0.1 sends its own host name,
    /// which may well start with `127.` or `localhost`.
    @Test func onlyTheExactHostNamesOfThisServerAreAnswered() {
        let local = RequestGuard<ServeRequestContext>(boundHost: "127.0.0.1", port: ListeningPort(8080))
        for authority in ["127.0.0.1:8080", "localhost:8080", "[::1]:8080", "LOCALHOST:8080", "LocalHost:8080"] {
            #expect(!refuses(local, request(authority)), "\(authority) is this server")
        }
        for authority in ["127.evil.example:8080", "127.0.0.1.evil.example:8080", "localhost.evil.example:8080",
                          "127.0.0.2:8080", "evil.example:8080", "evil.example", "192.168.1.5:8080", "[2001:db8::1]:8080",
                          "::1:8080", "[::1", "127.0.0.1:9999", "127.0.0.1", "127.0.0.1:", "127.0.0.1:8080x",
                          "127.0.0.1:080800", ":8080", ""] {
            #expect(refuses(local, request(authority)), "\(authority) must be refused")
        }
        #expect(refuses(local, request(nil)), "a request without Host")

        // Bound to another loopback address: that address answers, with the port.
        let six = RequestGuard<ServeRequestContext>(boundHost: "::1", port: ListeningPort(8080))
        #expect(!refuses(six, request("[::1]:8080")))
        let second = RequestGuard<ServeRequestContext>(boundHost: "127.0.0.2", port: ListeningPort(8080))
        #expect(!refuses(second, request("127.0.0.2:8080")))
        #expect(refuses(second, request("127.0.0.3:8080")))
        // On port 80 a browser leaves the port out.
        let eighty = RequestGuard<ServeRequestContext>(boundHost: "127.0.0.1", port: ListeningPort(80))
        #expect(!refuses(eighty, request("127.0.0.1")))
        #expect(!refuses(eighty, request("localhost:80")))
    }

    /// The port of a server started on port 0 is known once it runs; until then the host name alone is checked.
    @Test func thePortChosenBySystemIsCheckedOnceKnown() {
        let port = ListeningPort(0)
        let guarding = RequestGuard<ServeRequestContext>(boundHost: "127.0.0.1", port: port)
        #expect(!refuses(guarding, request("localhost")))
        port.value = 43_210
        #expect(!refuses(guarding, request("localhost:43210")))
        #expect(refuses(guarding, request("localhost:8080")))
        #expect(refuses(guarding, request("127.evil.example:43210")))
    }

    /// Every method but GET and HEAD can change the session: it must come from the page itself.
    @Test func everyStateChangingRequestMustComeFromTheServersOwnPage() throws {
        let local = RequestGuard<ServeRequestContext>(boundHost: "127.0.0.1", port: ListeningPort(8080))
        let host = "127.0.0.1:8080"
        for method: HTTPRequest.Method in [.post, .put, .delete, .patch] {
            #expect(refuses(local, request(host, method, headers: [.origin: "http://evil.example"])), "\(method) from another site")
            #expect(refuses(local, request(host, method, headers: [.origin: "null"])), "\(method) from a sandboxed frame")
            #expect(refuses(local, request(host, method, headers: [.origin: "http://127.0.0.1:9999"])), "\(method) from another port")
            #expect(refuses(local, request(host, method, headers: [.origin: "https://127.0.0.1:8080"])), "\(method) from https")
            #expect(refuses(local, request(host, method, headers: [RequestGuard<ServeRequestContext>.secFetchSite: "cross-site"])),
                    "\(method) a browser calls cross-site")
            #expect(refuses(local, request(host, method, headers: [RequestGuard<ServeRequestContext>.secFetchSite: "same-site"])),
                    "\(method) a browser calls same-site (another port)")
            #expect(!refuses(local, request(host, method, headers: [.origin: "http://127.0.0.1:8080"])), "\(method) from the page")
            #expect(!refuses(local, request(host, method, headers: [RequestGuard<ServeRequestContext>.secFetchSite: "same-origin"])))
            // No browser: curl, scripts (they could send any header anyway).
            #expect(!refuses(local, request(host, method)))
        }
        // Reads are guarded by the Host; the browser keeps another site from reading the answer.
        #expect(!refuses(local, request(host, .get, headers: [.origin: "http://evil.example"])))
        do {
            try local.check(request(host, .put, headers: [.origin: "http://evil.example"]))
        } catch {
            #expect(error.status == .forbidden)
            #expect(error.message.contains("cross-origin request from http://evil.example refused"), "\(error.message)")
        }
    }

    /// `--host 0.0.0.0` would open the session to the network; until a team mode exists only loopback is served.
    @Test func onlyLoopbackAddressesCanBeServed() throws {
        for host in ["127.0.0.1", "127.0.0.2", "::1", "[::1]", "localhost", "LOCALHOST"] {
            #expect(throws: Never.self, "\(host)") { try ServerConfiguration(inputs: ServerFixture.demo, host: host).validate() }
        }
        for host in ["0.0.0.0", "::", "[::]", "192.168.1.5", "10.0.0.1", "planning.local", "127.evil.example", "::2", "128.0.0.1", " "] {
            do {
                try ServerConfiguration(inputs: ServerFixture.demo, host: host).validate()
                Issue.record("--host \(host) was accepted")
            } catch {
                #expect(error.description.hasPrefix("--host: "), "\(error.description)")
                if !host.trimmingCharacters(in: .whitespaces).isEmpty {
                    #expect(error.description.contains("is not a loopback address"), "\(error.description)")
                    #expect(error.description.contains("team mode"), "\(error.description)")
                }
            }
        }
    }

    /// `buildApplication` checks the configuration itself, not only the command.
    @Test func theApplicationIsNotBuiltForANetworkAddress() async throws {
        let configuration = ServerConfiguration(inputs: ServerFixture.demo, host: "0.0.0.0", port: 0,
                                                databasePath: ServerFixture.temporaryDatabase())
        await #expect(throws: InputError.self) { _ = try await buildApplication(configuration) }
    }

    /// Behind nginx every peer is 127.0.0.1: the client is the last `X-Forwarded-For` entry (the one the proxy
    /// appended), believed only from a loopback peer and only when it is an IP address.
    @Test func theClientBehindALocalProxyIsTheLastForwardedAddress() {
        func forwarded(_ values: [String], peer: String?) -> String? {
            var headers = HTTPFields()
            for value in values { headers.append(HTTPFields.Element(name: TeamGate.forwardedFor, value: value)) }
            return TeamGate.forwardedAddress(request("127.0.0.1:8080", .post, headers: headers), peer: peer)
        }
        #expect(forwarded(["203.0.113.9"], peer: "127.0.0.1") == "203.0.113.9")
        #expect(forwarded(["198.51.100.1, 203.0.113.9"], peer: "127.0.0.1") == "203.0.113.9",
                "an entry the client sent itself comes first; the proxy's own comes last")
        #expect(forwarded(["198.51.100.1", "2001:db8::7"], peer: "::1") == "2001:db8::7", "two header lines are one list")
        #expect(forwarded(["203.0.113.9"], peer: "192.0.2.4") == nil, "a peer on another machine could send anything")
        #expect(forwarded(["203.0.113.9"], peer: nil) == nil)
        #expect(forwarded([], peer: "127.0.0.1") == nil, "no proxy: the peer is the client")
        #expect(forwarded(["unknown"], peer: "127.0.0.1") == nil)
        #expect(forwarded(["203.0.113.9, 10.0.0.1:443"], peer: "127.0.0.1") == nil, "an address with a port is not one")
    }
}
