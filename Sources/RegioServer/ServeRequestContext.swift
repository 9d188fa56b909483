import Hummingbird

/// The request context of `regio serve`: Hummingbird's basic context with a small upload limit, the client's
/// address, and in team mode the signed-in session (set by ``TeamGate``).
public struct ServeRequestContext: RequestContext {
    /// Request bodies larger than this (bytes) are refused with 413: an edit or a scenario name is a few
    /// hundred bytes, a split of a large region a few kilobytes.
    public static let maxBodyBytes = 64 * 1024

    /// Hummingbird's per-request storage (logger, route parameters).
    public var coreContext: CoreRequestContextStorage
    /// The peer's IP address (the proxy's, behind one); nil in in-process tests.
    public let clientAddress: String?
    /// Team mode: the address a reverse proxy on this machine received the request from (``TeamGate`` sets it
    /// from `X-Forwarded-For`, believed only from a loopback peer).
    var forwardedAddress: String?
    /// The client as the sign-in limit and the audit log name it: the address the proxy on this machine
    /// received the request from, else the peer's.
    var client: String? { forwardedAddress ?? clientAddress }
    /// Team mode: the signed-in session of the request, once ``TeamGate`` has found it.
    var session: Sessions.Session?

    /// The context of one request arriving from `source`.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress
    }

    /// Hummingbird's own limit when it decodes a body; this server reads bodies with ``maxBodyBytes`` too.
    public var maxUploadSize: Int { Self.maxBodyBytes }

    /// The signed-in user (team mode routes run after ``TeamGate``, which answers 401 without one).
    func user() throws(APIError) -> TeamUser {
        guard let session else { throw APIError(.unauthorized, "sign in first: POST /api/login {\"name\", \"password\"}") }
        return session.user
    }
}
