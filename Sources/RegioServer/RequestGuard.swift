import Foundation
import Hummingbird

/// The first middleware of `regio serve`: refuses requests that a page of another site could send through
/// the user's browser, adds protective headers to every answer, and turns every error into
/// `{"error": "..."}` with its status (404 for any path the server does not serve).
///
/// - DNS rebinding: the `Host` must be a loopback name or the host the server was bound to (any host when
///   it was bound to a wildcard address such as 0.0.0.0).
/// - Cross-site requests: a `POST` whose `Origin` is not the server itself is refused (browsers send
///   `Origin` with every cross-site `POST`); JSON bodies must say `Content-Type: application/json`, which a
///   cross-site page cannot send without a preflight that this server never answers.
struct RequestGuard<Context: RequestContext>: RouterMiddleware {
    /// The host the server was bound to (`--host`).
    let boundHost: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            try check(request)
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
    func check(_ request: Request) throws {
        if let authority = request.head.authority {
            let host = Self.hostName(authority)
            guard Self.isWildcard(boundHost) || Self.isLoopback(host) || host.lowercased() == boundHost.lowercased() else {
                throw APIError(.forbidden, "requests for host '\(host)' are refused: open the address regio serve printed")
            }
            if request.method == .post, let origin = request.headers[.origin], origin != "http://\(authority)" {
                throw APIError(.forbidden, "cross-origin request from \(origin) refused")
            }
        }
    }

    /// "127.0.0.1" of "127.0.0.1:8080", "::1" of "[::1]:8080".
    static func hostName(_ authority: String) -> String {
        if authority.hasPrefix("["), let end = authority.firstIndex(of: "]") {
            return String(authority[authority.index(after: authority.startIndex)..<end])
        }
        return String(authority.split(separator: ":", maxSplits: 1).first ?? "")
    }

    static func isLoopback(_ host: String) -> Bool {
        let h = host.lowercased()
        return h == "localhost" || h == "::1" || h.hasPrefix("127.")
    }

    static func isWildcard(_ host: String) -> Bool { host == "0.0.0.0" || host == "::" }
}

/// Reading JSON request bodies: size limit, content type, and a message that says what was wrong.
enum RequestBody {
    /// The body of `request` decoded as `T`.
    /// - Parameter shape: what a good body looks like, for the messages (`{"name": "..."}`).
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, context: some RequestContext,
                                     shape: String) async throws -> T {
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        guard contentType.hasPrefix("application/json") else {
            throw APIError(.unsupportedMediaType, "send the body as JSON with Content-Type: application/json: \(shape)")
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > context.maxUploadSize {
            throw APIError.tooLarge
        }
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: context.maxUploadSize)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw APIError.tooLarge
        }
        guard buffer.readableBytes > 0 else { throw APIError(.badRequest, "the request has no body: expected \(shape)") }
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
        } catch let error as DecodingError {
            throw APIError(.badRequest, describe(error, shape: shape))
        }
    }

    /// "malformed JSON: …", "missing 'to'", "schools.1: '0XAB01' is not a school code like 00AB01".
    static func describe(_ error: DecodingError, shape: String) -> String {
        func at(_ path: [any CodingKey]) -> String {
            path.isEmpty ? "" : path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".") + ": "
        }
        func kind(_ type: Any.Type) -> String {
            let name = "\(type)"
            if type == String.self { return "a string" }
            if name.hasPrefix("Dictionary") { return "a JSON object" }
            if name.hasPrefix("Array") { return "a list" }
            if type == Int.self || type == Double.self || type == Int64.self { return "a number" }
            return name
        }
        switch error {
        case let .dataCorrupted(context)
            where context.codingPath.isEmpty && (context.underlyingError != nil || context.debugDescription.contains("not valid JSON")):
            // The JSON itself cannot be read (Foundation says "The given data was not valid JSON.").
            let detail = context.underlyingError.map { ($0 as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\($0)" }
            return "malformed JSON\(detail.map { " (\($0))" } ?? ""): expected \(shape)"
        case let .dataCorrupted(context):
            return "\(at(context.codingPath))\(context.debugDescription)"
        case let .keyNotFound(key, context):
            return "\(at(context.codingPath))missing '\(key.stringValue)': expected \(shape)"
        case let .typeMismatch(type, context):
            return "\(at(context.codingPath))expected \(kind(type)): \(shape)"
        case let .valueNotFound(type, context):
            return "\(at(context.codingPath))expected \(kind(type)), found null"
        @unknown default:
            return "cannot read the body: expected \(shape)"
        }
    }
}
