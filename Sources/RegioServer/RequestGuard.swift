import Foundation
import Hummingbird

/// The first middleware of `regio serve`: refuses requests that a page of another site could send through
/// the user's browser, adds protective headers to every answer, and turns every error into
/// `{"error": "..."}` with its status (404 for any path the server does not serve).
///
/// - DNS rebinding: the `Host` must be on the ``HostAllowlist``: exactly the bound address, `localhost`,
///   `127.0.0.1` or `[::1]`, with the port; a request without `Host` is refused too.
/// - Cross-site requests: every request that can change state (any method but `GET` and `HEAD`) must come
///   from the server's own page: its `Origin`, when sent, is `http://` and the `Host` (in team mode behind a
///   TLS proxy on this machine, `https://` and the `Host`); without an `Origin`,
///   a browser's `Sec-Fetch-Site` must not say `cross-site` or `same-site`. JSON bodies must also say
///   `Content-Type: application/json`, which a cross-site page cannot send without a preflight that this
///   server never answers.
struct RequestGuard<Context: RequestContext>: RouterMiddleware {
    /// The `Host` values answered.
    let hosts: HostAllowlist
    /// Team mode: whether `X-Forwarded-Proto: https` from a loopback peer (a reverse proxy on this machine)
    /// makes `https://` and the `Host` the page's origin.
    let trustsForwardedProto: Bool

    /// The guard of a server bound to `boundHost` (`--host`) listening on `port`, answering the `publicHosts` of
    /// a proxy in front of it too.
    init(boundHost: String, port: ListeningPort, publicHosts: [String] = [], trustsForwardedProto: Bool = false) {
        hosts = HostAllowlist(boundHost: boundHost, port: port, publicHosts: publicHosts)
        self.trustsForwardedProto = trustsForwardedProto
    }

    /// `X-Forwarded-Proto`: the scheme a reverse proxy received the request with.
    static var forwardedProto: HTTPFields.Element.Name { HTTPFields.Element.Name("X-Forwarded-Proto")! }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            let overTLS = trustsForwardedProto && (context as? ServeRequestContext).map { SessionCookie.isSecure(request, $0) } == true
            try check(request, overTLS: overTLS)
            response = try await next(request, context)
        } catch let error as APIError {
            response = try error.response(from: request, context: context)
        } catch let error as HTTPError {
            let message = error.status == .notFound
                ? "\(request.method) \(request.uri.path) is not served here: the page is /, the API under /api/"
                : error.body ?? error.status.reasonPhrase
            response = try APIError(error.status, message).response(from: request, context: context)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            // NIO's "too many bytes" from collecting a body past the limit.
            response = try APIError.tooLarge.response(from: request, context: context)
        } catch let error as any HTTPResponseError {
            response = try APIError(error.status, error.status.reasonPhrase).response(from: request, context: context)
        } catch {
            response = try APIError(.internalServerError, "\(error)").response(from: request, context: context)
        }
        response.headers[.xContentTypeOptions] = "nosniff"
        if response.headers[.contentSecurityPolicy] == nil {
            response.headers[.contentSecurityPolicy] = "default-src 'none'; frame-ancestors 'none'"
        }
        return response
    }

    /// Throws an ``APIError`` for a request from elsewhere.
    /// - Parameter overTLS: whether a trusted proxy received the request over TLS (team mode).
    func check(_ request: Request, overTLS: Bool = false) throws(APIError) {
        guard let authority = request.head.authority else {
            throw APIError(.badRequest, "the request names no Host: open the address regio serve printed")
        }
        guard hosts.allows(authority) else {
            throw APIError(.forbidden, "requests for host '\(authority)' are refused: open the address regio serve printed")
        }
        guard request.method != .get && request.method != .head else { return }
        if let origin = request.headers[.origin] {
            guard origin.lowercased() == "\(overTLS ? "https" : "http")://\(authority)".lowercased() else {
                throw APIError(.forbidden, "cross-origin request from \(origin) refused: only the page of http://\(authority) changes the session")
            }
        } else if let site = request.headers[Self.secFetchSite], site != "same-origin" && site != "none" {
            throw APIError(.forbidden, "cross-origin request (Sec-Fetch-Site: \(site)) refused: only the server's own page changes the session")
        }
    }

    /// `Sec-Fetch-Site` (W3C Fetch Metadata): where a browser says the request comes from.
    static var secFetchSite: HTTPFields.Element.Name { HTTPFields.Element.Name("Sec-Fetch-Site")! }
}
