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
    let base = try ScenarioBase(inputs: configuration.inputs, seed: configuration.seed, language: configuration.language)
    if let team = configuration.team {
        let database = try TeamDatabase(path: configuration.databasePath)
        let port = ListeningPort(configuration.port)
        let router = buildTeamRouter(TeamServer(base: base, database: database, limits: configuration.limits, team: team),
                                     configuration: configuration, port: port)
        return application(router, configuration: configuration, port: port, onServerRunning: onServerRunning)
    }
    let session = ScenarioSession(base: base, editLimit: configuration.limits.editsPerSession)
    let store = try ScenarioStore(path: configuration.databasePath, scenarioLimit: configuration.limits.savedScenarios)
    let port = ListeningPort(configuration.port)
    let router = await buildRouter(session: session, store: store, boundHost: configuration.host, port: port,
                                   limits: configuration.limits)
    return application(router, configuration: configuration, port: port, onServerRunning: onServerRunning)
}

/// The HTTP/1 server of `router` on the configured address, with the idle timeout.
private func application(_ router: Router<ServeRequestContext>, configuration: ServerConfiguration, port: ListeningPort,
                         onServerRunning: @escaping @Sendable (Int) async -> Void) -> Application<RouterResponder<ServeRequestContext>> {
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
/// Team mode (``buildTeamRouter(_:configuration:port:)``) serves the same routes on each user's
/// workspace, and its own.
///
/// - Parameters:
///   - boundHost: the address the server is bound to, answered as a `Host` beside the loopback names.
///   - port: the port it listens on (the `Host`'s port must be this one).
///   - limits: the read timeout of request bodies (the session and the store hold their own caps).
func buildRouter(session: ScenarioSession, store: ScenarioStore, boundHost: String, port: ListeningPort,
                 limits: ServerLimits) async -> Router<ServeRequestContext> {
    let router = Router(context: ServeRequestContext.self)
    router.add(middleware: RequestGuard(boundHost: boundHost, port: port))
    let page = session.page
    router.get("/") { _, _ in ServePage.response(page) }
    addWorkspaceRoutes(to: router.group("api"), limits: limits) { _, body in
        try await body(ScenarioWorkspace(session: session, scenarios: store))
    }
    return router
}

/// What the scenario routes act on: a session and the store of its saved scenarios (local mode: the one
/// session and the database; team mode: the caller's workspace and their scenarios).
struct ScenarioWorkspace: Sendable {
    let session: ScenarioSession
    let scenarios: ScenarioStore
}

/// Runs a route's work on the workspace of the request.
typealias WorkspaceAccess = @Sendable (ServeRequestContext, @Sendable (ScenarioWorkspace) async throws -> Response) async throws -> Response

/// The routes that act on one scenario workspace: state, portraits, edits, undo, redo and saved scenarios.
func addWorkspaceRoutes(to api: RouterGroup<ServeRequestContext>, limits: ServerLimits, workspace: @escaping WorkspaceAccess) {
    let readTimeout = limits.readTimeoutSeconds
    api.get("state") { _, context in
        try await workspace(context) { w in try await state { try await w.session.currentState() } }
    }
    api.get("regions/:id/portrait") { _, context in
        let id = context.parameters.get("id") ?? ""
        return try await workspace(context) { w in
            let html = try await sessionCall { try await w.session.portrait(of: id) }
            return JSONResponse.make(["id": id, "html": html])
        }
    }
    api.post("edits") { request, context in
        let body = try await JSONBodyReader.collect(request, upTo: context.maxUploadSize, shape: ServeRequestBodies.editShape,
                                                within: readTimeout)
        let edit = try ServeRequestBodies.edit(body)
        return try await workspace(context) { w in try await state { try await w.session.apply(edit) } }
    }
    api.post("undo") { _, context in try await workspace(context) { w in try await state { try await w.session.undo() } } }
    api.post("redo") { _, context in try await workspace(context) { w in try await state { try await w.session.redo() } } }

    api.get("scenarios") { _, context in
        try await workspace(context) { w in
            let rows = try await sessionCall { try await w.scenarios.list() }
            return JSONResponse.make(ScenarioList(scenarios: rows.map(ScenarioSummary.init)))
        }
    }
    api.post("scenarios") { request, context in
        let body = try await JSONBodyReader.collect(request, upTo: context.maxUploadSize, shape: ServeRequestBodies.saveShape,
                                                within: readTimeout)
        let name = try ServeRequestBodies.scenarioName(body)
        return try await workspace(context) { w in
            let scenario = try await sessionCall { try await w.session.scenario(named: name) }
            let saved = try await sessionCall { try await w.scenarios.save(scenario) }
            await w.session.saved(as: name, edits: scenario.edits)
            return JSONResponse.make(ScenarioSummary(saved), status: .created)
        }
    }
    api.post("scenarios/:id/load") { _, context in
        let id = try scenarioID(context)
        return try await workspace(context) { w in
            try await state {
                let scenario = try await w.scenarios.scenario(id: id).scenario()
                return try await w.session.load(scenario)
            }
        }
    }
    api.get("scenarios/:id/file") { _, context in
        let id = try scenarioID(context)
        return try await workspace(context) { w in
            let row = try await sessionCall { try await w.scenarios.scenario(id: id) }
            let scenario = try await sessionCall { try row.scenario() }
            return ScenarioDownload.response(scenario, fileName: ScenarioSummary.fileName(row.name, id: id))
        }
    }
}

/// A scenario file as a download, as `regio compare --scenario` reads it.
enum ScenarioDownload {
    static func response(_ scenario: Scenario, fileName: String) -> Response {
        download(ScenarioReader.json(scenario), contentType: "application/json; charset=utf-8", fileName: fileName)
    }

    /// `text` as an attachment named `fileName` (letters, digits, '-', '_' and '.' only).
    static func download(_ text: String, contentType: String, fileName: String) -> Response {
        download(ByteBuffer(string: text), contentType: contentType, fileName: fileName)
    }

    /// `bytes` as an attachment named `fileName` (letters, digits, '-', '_' and '.' only).
    static func download(_ bytes: ByteBuffer, contentType: String, fileName: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.contentDisposition] = "attachment; filename=\"\(fileName)\""
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: bytes))
    }
}

/// The `Server-Timing` header (W3C Server Timing), shown by browsers' developer tools.
private let serverTiming = HTTPFields.Element.Name("Server-Timing")!

/// Runs a session call that answers with the state JSON (and how long its phases took).
func state(_ body: () async throws -> ScenarioSession.StateAnswer) async throws -> Response {
    let answer = try await sessionCall(body)
    var response = JSONResponse.make(data: answer.json)
    if !answer.serverTiming.isEmpty { response.headers[serverTiming] = answer.serverTiming }
    return response
}

/// Runs `body`, turning a ``SessionError`` into an ``APIError``.
func sessionCall<T>(_ body: () async throws -> T) async throws -> T {
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
