import Foundation
import Hummingbird

/// An error answered as JSON, `{"error": "..."}`, with its own HTTP status.
public struct APIError: HTTPResponseError, Sendable, CustomStringConvertible {
    /// The HTTP status of the answer.
    public let status: HTTPResponse.Status
    /// One line a person can act on.
    public let message: String

    /// An error answered with `status` and `{"error": message}`.
    public init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = message
    }

    /// The answer to a refusal of the scenario session.
    public init(_ error: SessionError) {
        switch error.kind {
        case .rejected: self.init(.badRequest, error.message)
        case .conflict: self.init(.conflict, error.message)
        case .notFound: self.init(.notFound, error.message)
        case .failed: self.init(.internalServerError, error.message)
        }
    }

    /// "400 edit 1 (…): …", for logs.
    public var description: String { "\(status.code) \(message)" }

    /// 413 for a request body over ``ServeRequestContext/maxBodyBytes``.
    static let tooLarge = APIError(.contentTooLarge, "the request body is larger than \(ServeRequestContext.maxBodyBytes / 1024) KB")

    /// The JSON answer.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        JSONResponse.make(["error": message], status: status)
    }
}

/// JSON responses: UTF-8, never cached (the state changes with every edit).
enum JSONResponse {
    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Plain strings, numbers and lists: encoding cannot fail; an empty object stands in if it did.
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return make(data: data, status: status)
    }

    static func make(data: Data, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
