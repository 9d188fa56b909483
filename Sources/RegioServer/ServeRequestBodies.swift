import Foundation
import Hummingbird
import RegioDomain

/// The JSON bodies `regio serve` accepts, decoded from their bytes: the router collects a request's body
/// and hands it here, and so does the fuzz harness of the request bodies (Fuzz/).
public enum ServeRequestBodies {
    /// What `POST /api/edits` takes, for messages.
    static let editShape = #"one edit such as {"move": "00AB01", "to": "STO19007"}"#
    /// What `POST /api/scenarios` takes, for messages.
    static let saveShape = #"a name such as {"name": "Merge north"}"#

    /// The body of `POST /api/edits`: one edit in the scenario-file shape.
    /// - Throws: ``APIError`` 400 saying what is wrong with the JSON.
    public static func edit(_ body: Data) throws(APIError) -> Edit {
        try JSONBodyReader.decode(Edit.self, from: body, shape: editShape)
    }

    /// The body of `POST /api/scenarios`: the scenario's name, trimmed and checked (``SaveRequest/validName(_:)``).
    /// - Throws: ``APIError`` 400 saying what is wrong with the JSON or the name.
    public static func scenarioName(_ body: Data) throws(APIError) -> String {
        try SaveRequest.validName(JSONBodyReader.decode(SaveRequest.self, from: body, shape: saveShape).name)
    }
}

/// Reading JSON request bodies: size limit, content type, and a message that says what was wrong.
enum JSONBodyReader {
    /// The bytes of the body of `request`, a JSON body of at most `limit` bytes that arrives whole within
    /// `timeoutSeconds`.
    /// - Parameter shape: what a good body looks like, for the messages (`{"name": "..."}`).
    /// - Throws: ``APIError`` 415 for another content type, 413 for a larger body, 408 for one that takes longer.
    static func collect(_ request: Request, upTo limit: Int, shape: String,
                        within timeoutSeconds: Double) async throws(APIError) -> Data {
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        guard contentType.hasPrefix("application/json") else {
            throw APIError(.unsupportedMediaType, "send the body as JSON with Content-Type: application/json: \(shape)")
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw APIError.tooLarge
        }
        let buffer: ByteBuffer?
        do {
            // Whichever ends first: the body, or the timeout (which cancels the reading).
            buffer = try await withThrowingTaskGroup(of: ByteBuffer?.self) { group in
                group.addTask {
                    var request = request
                    return try await request.collectBody(upTo: limit)
                }
                group.addTask {
                    try await Task.sleep(for: .seconds(timeoutSeconds))
                    return nil
                }
                defer { group.cancelAll() }
                return try await group.next() ?? nil
            }
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw APIError.tooLarge
        } catch {
            throw APIError(.badRequest, "the request body could not be read: \(error)")
        }
        guard let buffer else {
            throw APIError(.requestTimeout, "the request body did not arrive within \(String(format: "%g", timeoutSeconds)) s (--read-timeout)")
        }
        return Data(buffer.readableBytesView)
    }

    /// `body` decoded as `T`.
    /// - Parameter shape: what a good body looks like, for the messages (`{"name": "..."}`).
    static func decode<T: Decodable>(_ type: T.Type, from body: Data, shape: String) throws(APIError) -> T {
        guard !body.isEmpty else { throw APIError(.badRequest, "the request has no body: expected \(shape)") }
        do {
            return try JSONDecoder().decode(T.self, from: body)
        } catch let error as DecodingError {
            throw APIError(.badRequest, describe(error, shape: shape))
        } catch {
            throw APIError(.badRequest, "cannot read the body: \(error): expected \(shape)")
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
