import Foundation
import Hummingbird
import RegioDomain
import RegioInputs
import RegioReports

/// The parts of a team-mode server.
struct TeamServer: Sendable {
    let base: ScenarioBase
    let database: TeamDatabase
    let accounts: Accounts
    let sessions: Sessions
    let auditLog: AuditLog
    let throttle: LoginThrottle
    let workspaces: Workspaces
    let proposals: Proposals
    let scenarios: ScenarioStore

    init(base: ScenarioBase, database: TeamDatabase, limits: ServerLimits, team: TeamConfiguration) {
        self.base = base
        self.database = database
        accounts = Accounts(database)
        sessions = Sessions(database, lifetimeSeconds: team.sessionHours * 3600)
        auditLog = AuditLog(database)
        throttle = LoginThrottle(maximumFailures: team.loginFailuresPerMinute, windowSeconds: 60)
        workspaces = Workspaces(base: base, database: database, editLimit: limits.editsPerSession,
                                capacity: team.workspaces, idleSeconds: team.workspaceIdleSeconds)
        proposals = Proposals(database: database)
        scenarios = ScenarioStore(writer: database.pool, path: database.path, scenarioLimit: limits.savedScenarios, owner: nil)
    }
}

/// The routes of `regio serve --team`: the local mode's routes (``addWorkspaceRoutes(to:limits:workspace:)``) on
/// the caller's own workspace, and
///
/// | route | who | answer |
/// | --- | --- | --- |
/// | `GET /login` | anyone | the login page |
/// | `POST /api/login` `{"name", "password"}` | anyone | `{"csrfToken", "user"}` and the session cookie; 401, 429 |
/// | `POST /api/logout` | signed in | 204; the session ends |
/// | `GET /api/me` | signed in | `{"csrfToken", "user"}` |
/// | `POST /api/proposals` `{"name", "note"}` | region | 201 with the proposal and its comparison |
/// | `GET /api/proposals` | signed in | `{"proposals": [...]}`: a region user's own, all for support |
/// | `GET /api/proposals/{id}` | signed in | the proposal with its reviews and comparison |
/// | `GET /api/proposals/{a}/compare/{b}` | support | `{"proposals": [a, b], "regions": [...]}` |
/// | `POST /api/proposals/{id}/review` `{"decision", "comment"}` | support | the proposal, status set |
/// | `GET /api/proposals/{id}/scenario` | may see it | an accepted proposal as a scenario file |
/// | `GET /api/proposals/{id}/registrations.csv` | may see it | the pre-registration with the proposal's edits |
/// | `GET /api/proposals/{id}/registrations.xlsx` | may see it | the same as an XLSX workbook |
///
/// Every state-changing request carries `X-CSRF-Token` (``TeamGate``); docs/openapi.yaml is the contract.
func buildTeamRouter(_ team: TeamServer, configuration: ServerConfiguration, port: ListeningPort) -> Router<ServeRequestContext> {
    let router = Router(context: ServeRequestContext.self)
    router.add(middleware: RequestGuard(boundHost: configuration.host, port: port,
                                        publicHosts: configuration.team?.publicHosts ?? [], trustsForwardedProto: true))
    router.add(middleware: TeamGate(sessions: team.sessions))
    let limits = configuration.limits, readTimeout = limits.readTimeoutSeconds
    let page = ServePage.teamPage(team.base), login = LoginPage.html

    router.get("/") { _, _ in ServePage.response(page) }
    router.get("/login") { _, _ in ServePage.response(login) }

    let api = router.group("api")
    api.post("login") { request, context in
        let body = try await JSONBodyReader.collect(request, upTo: context.maxUploadSize, shape: TeamRequestBodies.loginShape,
                                                within: readTimeout)
        let login = try TeamRequestBodies.login(body)
        let keys = LoginThrottle.keys(name: login.name, address: context.client)
        if let wait = await team.throttle.wait(keys) {
            try? await team.auditLog.record(.loginThrottled, actor: login.name, address: context.client)
            var response = try APIError(.tooManyRequests, "too many failed sign-ins: try again in \(wait) s").response(from: request, context: context)
            response.headers[.retryAfter] = String(wait)
            return response
        }
        guard let user = try await sessionCall({ try await team.accounts.verify(name: login.name, password: login.password) }) else {
            await team.throttle.failed(keys)
            try await sessionCall { try await team.auditLog.record(.loginFailed, actor: login.name, address: context.client) }
            throw APIError(.unauthorized, "wrong name or password")
        }
        await team.throttle.succeeded(name: login.name)
        let (token, session) = try await sessionCall { try await team.sessions.start(for: user) }
        try await sessionCall { try await team.auditLog.record(.loginOK, actor: user.name, address: context.client) }
        var response = JSONResponse.make(SignedIn(csrfToken: session.csrfToken, user: .init(user)))
        response.headers[.setCookie] = SessionCookie.value(token, maxAge: Int(team.sessions.lifetimeSeconds),
                                                           secure: SessionCookie.isSecure(request, context))
        return response
    }
    api.post("logout") { request, context in
        let user = try context.user()
        if let session = context.session { try await sessionCall { try await team.sessions.end(tokenHash: session.tokenHash) } }
        try await sessionCall { try await team.auditLog.record(.logout, actor: user.name, address: context.client) }
        var response = Response(status: .noContent, headers: [.cacheControl: "no-store"])
        response.headers[.setCookie] = SessionCookie.value("", maxAge: 0, secure: SessionCookie.isSecure(request, context))
        return response
    }
    api.get("me") { _, context in
        guard let session = context.session else { throw APIError(.unauthorized, "sign in first") }
        return JSONResponse.make(SignedIn(csrfToken: session.csrfToken, user: .init(session.user)))
    }

    addWorkspaceRoutes(to: api, limits: limits) { context, body in
        let user = try context.user()
        let scenarios = team.scenarios.owned(by: user.id)
        return try await team.workspaces.using(user.id) { session in
            try await body(ScenarioWorkspace(session: session, scenarios: scenarios))
        }
    }
    addProposalRoutes(to: api, team, readTimeout: readTimeout)
    return router
}

/// `POST /api/login` and `GET /api/me`.
struct SignedIn: Encodable {
    let csrfToken: String
    let user: TeamUser.Answer
}

/// The session cookie: `HttpOnly` (no script reads it), `SameSite=Strict` (no other site's page sends it),
/// `Path=/`, and `Secure` when the request came over TLS.
enum SessionCookie {
    static func value(_ token: String, maxAge: Int, secure: Bool) -> String {
        "\(Sessions.cookieName)=\(token); Path=/; Max-Age=\(maxAge); HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
    }

    /// Whether the request came over TLS: regio speaks plain HTTP, so only through a reverse proxy on this
    /// machine that says so in `X-Forwarded-Proto: https`. The header is believed only from a loopback peer:
    /// anyone else could send it.
    static func isSecure(_ request: Request, _ context: ServeRequestContext) -> Bool {
        guard let address = context.clientAddress, HostAllowlist.isLoopback(address) else { return false }
        return request.headers[RequestGuard<ServeRequestContext>.forwardedProto]?.lowercased() == "https"
    }
}
