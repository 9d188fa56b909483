import Foundation

/// The `Host` values `regio serve` answers to: exactly the address it was bound to, `localhost`, `127.0.0.1`
/// and `[::1]`, each with the port it listens on (or without a port when that is 80). Any other name is
/// refused, even one that resolves to this machine: that is how a DNS-rebinding page
/// (`http://127.evil.example:8080/`, its name pointed at 127.0.0.1) would otherwise read and edit the session.
struct HostAllowlist: Sendable {
    /// Host names and addresses, lowercased; IPv6 without brackets.
    let names: Set<String>
    /// The port the server listens on, once known.
    let port: ListeningPort
    /// Team mode behind a reverse proxy: the `Host` values of its public address (`--public-host`), exactly,
    /// lowercased (`regio.example.org`, `localhost:8443`).
    let publicHosts: Set<String>

    /// The allowlist of a server bound to `boundHost` (`--host`) listening on `port`, and answering the names of
    /// a proxy in front of it.
    init(boundHost: String, port: ListeningPort, publicHosts: [String] = []) {
        names = [Self.bare(boundHost), "localhost", "127.0.0.1", "::1"]
        self.port = port
        self.publicHosts = Set(publicHosts.map { $0.lowercased() })
    }

    /// Whether `authority` (the `Host` header, e.g. `127.0.0.1:8080`, `[::1]:8080`) names this server.
    func allows(_ authority: String) -> Bool {
        if publicHosts.contains(authority.lowercased()) { return true }
        guard let (host, givenPort) = Self.split(authority), names.contains(host.lowercased()) else { return false }
        guard let listening = port.value else { return true }  // not yet listening (in-process tests)
        return (givenPort ?? 80) == listening
    }

    /// The host and the port of an authority (`name`, `name:port`, `[v6]`, `[v6]:port`); nil when it is not
    /// one of those (an unbracketed IPv6 address, a port that is not 1 to 5 digits).
    static func split(_ authority: String) -> (host: String, port: Int?)? {
        let host: Substring, rest: Substring
        if authority.hasPrefix("[") {
            guard let end = authority.firstIndex(of: "]") else { return nil }
            host = authority[authority.index(after: authority.startIndex)..<end]
            rest = authority[authority.index(after: end)...]
        } else if let colon = authority.firstIndex(of: ":") {
            host = authority[..<colon]
            rest = authority[colon...]
        } else {
            host = authority[...]
            rest = ""
        }
        guard !host.isEmpty else { return nil }
        if rest.isEmpty { return (String(host), nil) }
        let digits = rest.dropFirst()
        guard rest.first == ":", (1...5).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              let port = Int(digits) else { return nil }
        return (String(host), port)
    }

    /// `::1` of `[::1]`, lowercased.
    static func bare(_ host: String) -> String {
        host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()).lowercased() : host.lowercased()
    }

    /// Whether `text` is an IPv4 or IPv6 address as written (no brackets, no port).
    static func isIPAddress(_ text: String) -> Bool {
        var v4 = in_addr(), v6 = in6_addr()
        return inet_pton(AF_INET, text, &v4) == 1 || inet_pton(AF_INET6, text, &v6) == 1
    }

    /// Whether `host` (`--host`) is a loopback address: `localhost`, `::1`, or an IPv4 address 127.x.y.z.
    static func isLoopback(_ host: String) -> Bool {
        let bare = bare(host)
        if bare == "localhost" { return true }
        var v4 = in_addr(), v6 = in6_addr()
        if inet_pton(AF_INET, bare, &v4) == 1 {
            // s_addr is in network byte order: its first byte in memory is the first number of the address.
            return withUnsafeBytes(of: &v4) { $0[0] } == 127
        }
        if inet_pton(AF_INET6, bare, &v6) == 1 {
            return withUnsafeBytes(of: &v6) { bytes in bytes.prefix(15).allSatisfy { $0 == 0 } && bytes[15] == 1 }
        }
        return false
    }
}

/// The port the server listens on: the configured one, or the one the system chose for port 0, set once
/// the server is running.
final class ListeningPort: @unchecked Sendable {
    private let lock = NSLock()
    private var port: Int?

    /// A port known now (`port` > 0) or once the server runs (0).
    init(_ port: Int) {
        self.port = port > 0 ? port : nil
    }

    /// The port, or nil while not yet known.
    var value: Int? {
        get { lock.withLock { port } }
        set { lock.withLock { port = newValue } }
    }
}
