import Foundation
import Hummingbird

/// The sign-in gate of team mode, after ``RequestGuard``: finds the session of the request's cookie and puts it
/// in the context. Only the login page (`GET /login`) and `POST /api/login` are open; without a live session the
/// page `/` redirects to `/login` and everything else answers 401. A request that can change state (any method
/// but `GET` and `HEAD`) must carry the session's CSRF token in `X-CSRF-Token`, or it is refused with 403.
struct TeamGate: RouterMiddleware {
    typealias Context = ServeRequestContext
    let sessions: Sessions

    /// The header of the CSRF token.
    static let csrfHeader = HTTPFields.Element.Name("X-CSRF-Token")!
    /// Paths open without a session.
    static let openPaths: Set<String> = ["/login", "/api/login"]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.forwardedAddress = Self.forwardedAddress(request, peer: context.clientAddress)
        let path = request.uri.path
        if let token = request.cookies[Sessions.cookieName]?.value, !token.isEmpty {
            context.session = try await sessionCall { try await sessions.session(token: token) }
        }
        if Self.openPaths.contains(path) { return try await next(request, context) }
        guard let session = context.session else {
            if path == "/" && (request.method == .get || request.method == .head) {
                return Response(status: .seeOther, headers: [.location: "/login", .cacheControl: "no-store"])
            }
            throw APIError(.unauthorized, "sign in first: POST /api/login {\"name\", \"password\"} (or open /login)")
        }
        if request.method != .get && request.method != .head {
            guard let sent = request.headers[Self.csrfHeader], Self.same(sent, session.csrfToken) else {
                throw APIError(.forbidden, "this request changes state: send the csrfToken that /api/login answered in an X-CSRF-Token header")
            }
        }
        return try await next(request, context)
    }

    /// `X-Forwarded-For`: the addresses a request passed through, the last one appended by the nearest proxy.
    static let forwardedFor = HTTPFields.Element.Name("X-Forwarded-For")!

    /// The client address a reverse proxy on this machine passes on: the last entry of `X-Forwarded-For`, the
    /// one the proxy appended itself (nginx's `$proxy_add_x_forwarded_for`; entries before it come from the
    /// client and prove nothing). `nil` unless the peer is loopback and that entry is an IP address: anyone
    /// else could send the header, and behind no proxy the peer's own address is the client's.
    static func forwardedAddress(_ request: Request, peer: String?) -> String? {
        guard let peer, HostAllowlist.isLoopback(peer) else { return nil }
        let entries = request.headers[values: forwardedFor].joined(separator: ",").split(separator: ",")
        guard let last = entries.last?.trimmingCharacters(in: .whitespaces), HostAllowlist.isIPAddress(last) else { return nil }
        return last
    }

    /// Compares without stopping at the first difference (no timing hint at how much of a guess was right).
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
