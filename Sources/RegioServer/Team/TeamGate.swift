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

    /// Compares without stopping at the first difference (no timing hint at how much of a guess was right).
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
