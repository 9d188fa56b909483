import Foundation
import Testing

/// `regio serve --team` behind Debian's nginx as a TLS reverse proxy, as the README's "Running it for a team"
/// sets it up: the server blocks of `deploy/nginx-regio.conf` themselves, with a self-signed certificate made
/// by openssl for the test and loopback ports; nginx runs as a child process with every file it writes in a
/// temporary folder. `Tests/oracle/check_team_proxy.py` then logs in THROUGH nginx over HTTPS (verifying the
/// certificate): a 200 with a `csrfToken` and a Secure, HttpOnly, SameSite=Strict session cookie, the user's
/// state, an edit refused without the CSRF token and applied with it, plain HTTP redirected to HTTPS.
/// Skipped without Debian's nginx (`apt-get install nginx`), openssl, or the `.venv`.
@Suite(.enabled(if: TeamProxy.available, TeamProxy.reason))
struct TeamProxyTests {
    let scratch = Scratch()

    @Test func aRegionLogsInThroughNginxOverTLS() throws {
        let database = scratch.path("team.sqlite")
        let password = "proxy test \(UUID().uuidString.prefix(8))"
        let added = try TeamAccounts.add("noord", role: "region", region: "STO19001", database: database, password: password)
        try #require(added.status == 0, "regio users add: \(added.stderr)")

        let certificate = scratch.path("cert.pem"), key = scratch.path("key.pem")
        let made = try RegioProcess.capture(URL(fileURLWithPath: TeamProxy.openssl!), [
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
            "-keyout", key, "-out", certificate, "-subj", "/CN=127.0.0.1",
            "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"])
        try #require(made.status == 0, "openssl: \(made.stderr)")

        // The proxy's ports first: its public address is the Host regio must answer (--public-host).
        let https = try freeLoopbackPort(), http = try freeLoopbackPort()
        let server = try ServeProcess(["serve", "--team", "--database", database, "--host", "127.0.0.1", "--port", "0",
                                       "--public-host", "127.0.0.1:\(https)"])
        defer { server.stop() }
        let upstream = try #require(URL(string: try server.waitForURL())?.port)
        let nginx = try NginxProcess(configuration: NginxProcess.mainConfiguration(
            servers: try NginxProcess.deployedServers(TeamProxy.testSite(upstream: upstream, https: https, http: http,
                                                                          certificate: certificate, key: key, logs: scratch.directory)),
            folder: scratch.directory), in: scratch.directory)
        defer { nginx.stop() }

        let check = try Oracle.run("check_team_proxy.py", [
            "--url", "https://127.0.0.1:\(https)/", "--http-url", "http://127.0.0.1:\(http)/", "--cacert", certificate,
            "--name", "noord", "--password", password])
        #expect(check.status == 0, "check_team_proxy.py:\n\(check.combined)\nnginx:\n\(nginx.errorLog)\nserver:\n\(server.output)")
        #expect(!check.combined.split(separator: "\n").contains { $0.hasPrefix("FAIL") }, "\(check.combined)")
        // The requests went through nginx: its access log has the login.
        let access = (try? String(contentsOfFile: nginx.folder.appendingPathComponent("regio.access.log").path, encoding: .utf8)) ?? ""
        #expect(access.contains("POST /api/login HTTP/1.1\" 200"), "nginx's access log:\n\(access)")
        #expect(server.stop() == 0, "regio serve --team stops cleanly on SIGTERM:\n\(server.output)")
    }
}

/// What the nginx test needs, and why it is skipped without it.
enum TeamProxy {
    static let openssl: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/openssl" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// The lines of `deploy/nginx-regio.conf` replaced for the test: loopback ports, the test certificate, the
    /// server's port, logs in the test's folder; the IPv6 listeners dropped.
    static func testSite(upstream: Int, https: Int, http: Int, certificate: String, key: String,
                         logs: URL) -> [(line: String, with: String)] {
        [("server 127.0.0.1:8080;", "server 127.0.0.1:\(upstream);"),
         ("listen 80;", "listen 127.0.0.1:\(http);"),
         ("listen [::]:80;", ""),
         ("listen 443 ssl http2;", "listen 127.0.0.1:\(https) ssl http2;"),
         ("listen [::]:443 ssl http2;", ""),
         ("server_name regio.example.org;", "server_name 127.0.0.1 localhost;"),
         ("ssl_certificate     /etc/letsencrypt/live/regio.example.org/fullchain.pem;", "ssl_certificate \(certificate);"),
         ("ssl_certificate_key /etc/letsencrypt/live/regio.example.org/privkey.pem;", "ssl_certificate_key \(key);"),
         ("access_log /var/log/nginx/regio.access.log;", "access_log \(logs.path)/regio.access.log;"),
         ("error_log  /var/log/nginx/regio.error.log;", "error_log \(logs.path)/regio.error.log info;")]
    }

    static var available: Bool { NginxProcess.binary != nil && openssl != nil && FileManager.default.isExecutableFile(atPath: Oracle.python) }

    static var reason: Comment {
        if NginxProcess.binary == nil { return "needs Debian's nginx (apt-get install nginx)" }
        if openssl == nil { return "needs openssl (apt-get install openssl)" }
        return "needs .venv (bash Tests/oracle/setup-venv.sh)"
    }
}
