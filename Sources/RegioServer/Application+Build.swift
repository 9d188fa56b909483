import Foundation
import Hummingbird
import RegioDomain
import RegioInputs

/// Checks the configuration, loads the inputs into a ``ScenarioSession``, opens the scenario database and
/// builds the application (Hummingbird's pattern: kept apart from the command, so tests drive the router
/// in-process).
/// - Parameter onServerRunning: called with the port once the server listens (the one the system chose
///   when ``ServerConfiguration/port`` is 0).
/// - Throws: ``InputError`` for a configuration that cannot be served (``ServerConfiguration/validate()``), an
///   input or a database that cannot be read.
public func buildApplication(_ configuration: ServerConfiguration,
                             onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws(InputError) -> some ApplicationProtocol {
    try configuration.validate()
    // The inputs first: a run refused for an input leaves no database file behind.
    let session = try ScenarioSession(inputs: configuration.inputs, seed: configuration.seed,
                                      editLimit: configuration.limits.editsPerSession, language: configuration.language)
    let store = try ScenarioStore(path: configuration.databasePath, scenarioLimit: configuration.limits.savedScenarios)
    return try await buildApplication(session: session, store: store, configuration: configuration, onServerRunning: onServerRunning)
}

/// The application over an open session and store.
/// - Throws: ``InputError`` for a configuration that cannot be served (``ServerConfiguration/validate()``).
public func buildApplication(session: ScenarioSession, store: ScenarioStore, configuration: ServerConfiguration,
                             onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws(InputError) -> some ApplicationProtocol {
    try configuration.validate()
    let port = ListeningPort(configuration.port)
    let router = await buildRouter(session: session, store: store, boundHost: configuration.host, port: port,
                                   limits: configuration.limits)
    let idleNanoseconds = Int64(configuration.limits.idleTimeoutSeconds * 1e9)
    return Application(
        router: router,
        server: .http1(configuration: .init(idleTimeout: .nanoseconds(idleNanoseconds))),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
        onServerRunning: { channel in
            let listening = channel.localAddress?.port ?? configuration.port
            port.value = listening
            await onServerRunning(listening)
        })
}

/// The routes of `regio serve`: the page at `/` and the JSON API under `/api/`. Nothing else is served
/// (any other path is a 404).
///
/// | route | answer |
/// | --- | --- |
/// | `GET /` | the page (self-contained HTML) |
/// | `GET /api/state` | ``SessionState`` (with a `Server-Timing` header) |
/// | `GET /api/regions/{id}/portrait` | `{"id", "html"}`: the region's portrait in the current scenario |
/// | `POST /api/edits` | one edit in the scenario-file shape, e.g. `{"move": "00AB01", "to": "STO19007"}`; the new state |
/// | `POST /api/undo`, `POST /api/redo` | the new state |
/// | `GET /api/scenarios` | `{"scenarios": [{"id", "name", "createdAt", "edits", "file"}]}`, newest first |
/// | `POST /api/scenarios` | `{"name": "..."}`: saves the current edits; 201 with the saved scenario |
/// | `POST /api/scenarios/{id}/load` | replaces the edits by the saved ones; the new state |
/// | `GET /api/scenarios/{id}/file` | the scenario file, as `regio compare --scenario` reads it |
///
/// - Parameters:
///   - boundHost: the address the server is bound to, answered as a `Host` beside the loopback names.
///   - port: the port it listens on (the `Host`'s port must be this one).
///   - limits: the read timeout of request bodies (the session and the store hold their own caps).
func buildRouter(session: ScenarioSession, store: ScenarioStore, boundHost: String, port: ListeningPort,
                 limits: ServerLimits) async -> Router<ServeRequestContext> {
    let router = Router(context: ServeRequestContext.self)
    router.add(middleware: RequestGuard(boundHost: boundHost, port: port))
    let readTimeout = limits.readTimeoutSeconds
    let page = session.page

    router.get("/") { _, _ in ServePage.response(page) }

    let api = router.group("api")
    api.get("state") { _, _ in try await state { try await session.currentState() } }
    api.get("regions/:id/portrait") { _, context in
        let id = context.parameters.get("id") ?? ""
        let html = try await sessionCall { try await session.portrait(of: id) }
        return JSONResponse.make(["id": id, "html": html])
    }
    api.post("edits") { request, context in
        let body = try await JSONBodyReader.collect(request, upTo: context.maxUploadSize, shape: ServeRequestBodies.editShape,
                                                within: readTimeout)
        let edit = try ServeRequestBodies.edit(body)
        return try await state { try await session.apply(edit) }
    }
    api.post("undo") { _, _ in try await state { try await session.undo() } }
    api.post("redo") { _, _ in try await state { try await session.redo() } }

    api.get("scenarios") { _, _ in
        let rows = try await sessionCall { try await store.list() }
        return JSONResponse.make(ScenarioList(scenarios: rows.map(ScenarioSummary.init)))
    }
    api.post("scenarios") { request, context in
        let body = try await JSONBodyReader.collect(request, upTo: context.maxUploadSize, shape: ServeRequestBodies.saveShape,
                                                within: readTimeout)
        let name = try ServeRequestBodies.scenarioName(body)
        let scenario = await session.scenario(named: name)
        let saved = try await sessionCall { try await store.save(scenario) }
        await session.saved(as: name, edits: scenario.edits)
        return JSONResponse.make(ScenarioSummary(saved), status: .created)
    }
    api.post("scenarios/:id/load") { _, context in
        let id = try scenarioID(context)
        return try await state {
            let scenario = try await store.scenario(id: id).scenario()
            return try await session.load(scenario)
        }
    }
    api.get("scenarios/:id/file") { _, context in
        let id = try scenarioID(context)
        let row = try await sessionCall { try await store.scenario(id: id) }
        let scenario = try await sessionCall { try row.scenario() }
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.contentDisposition] = "attachment; filename=\"\(ScenarioSummary.fileName(row.name, id: id))\""
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers,
                        body: .init(byteBuffer: ByteBuffer(string: ScenarioReader.json(scenario))))
    }
    return router
}

/// The `Server-Timing` header (W3C Server Timing), shown by browsers' developer tools.
private let serverTiming = HTTPFields.Element.Name("Server-Timing")!

/// Runs a session call that answers with the state JSON (and how long its phases took).
private func state(_ body: () async throws -> ScenarioSession.StateAnswer) async throws -> Response {
    let answer = try await sessionCall(body)
    var response = JSONResponse.make(data: answer.json)
    if !answer.serverTiming.isEmpty { response.headers[serverTiming] = answer.serverTiming }
    return response
}

/// Runs `body`, turning a ``SessionError`` into an ``APIError``.
private func sessionCall<T>(_ body: () async throws -> T) async throws -> T {
    do { return try await body() } catch let error as SessionError { throw APIError(error) }
}

private func scenarioID(_ context: ServeRequestContext) throws(APIError) -> Int64 {
    guard let text = context.parameters.get("id"), let id = Int64(text), id > 0 else {
        throw APIError(.notFound, "a saved scenario is named by its number, e.g. /api/scenarios/1/load")
    }
    return id
}

/// `POST /api/scenarios`.
struct SaveRequest: Decodable {
    let name: String

    /// The trimmed name, 1 to 120 characters without control characters.
    static func validName(_ name: String) throws(APIError) -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw APIError(.badRequest, "name the scenario: {\"name\": \"Merge north\"}") }
        guard trimmed.count <= 120 else { throw APIError(.badRequest, "the name has \(trimmed.count) characters; at most 120") }
        guard !trimmed.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) }) else {
            throw APIError(.badRequest, "the name contains a control character")
        }
        return trimmed
    }
}

/// One saved scenario in `GET /api/scenarios`.
struct ScenarioSummary: Encodable {
    let id: Int64
    let name: String
    /// ISO 8601, UTC.
    let createdAt: String
    let edits: [Edit]
    /// Where to download it as a scenario file.
    let file: String

    init(_ row: SavedScenario) {
        id = row.id ?? 0
        name = row.name
        createdAt = ISO8601DateFormatter().string(from: row.createdAt)
        edits = (try? row.scenario().edits) ?? []
        file = "/api/scenarios/\(id)/file"
    }

    /// "merge-north.json", "move-een-school.json": the name without accents, its ASCII letters and digits,
    /// '-' and '_' kept and anything else one '-' (else "scenario-ID.json").
    static func fileName(_ name: String, id: Int64) -> String {
        var slug = ""
        for c in name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased().unicodeScalars {
            if CharacterSet.alphanumerics.contains(c) && c.isASCII { slug.unicodeScalars.append(c) }
            else if c == "_" || c == "-" { slug.unicodeScalars.append(c) }
            else if !slug.hasSuffix("-") { slug += "-" }
        }
        slug = String(slug.trimmingCharacters(in: CharacterSet(charactersIn: "-")).prefix(60))
        return (slug.isEmpty ? "scenario-\(id)" : slug) + ".json"
    }
}

struct ScenarioList: Encodable {
    let scenarios: [ScenarioSummary]
}
