import Foundation
import Hummingbird
import HummingbirdTesting
@testable import RegioServer

/// A team-mode server on the demo data with three accounts, tested in-process through its router.
enum TeamFixture {
    /// Passwords of the fixture's accounts: anna (support), bert (region STO19001), cara (region STO19002).
    static let password = "correct horse battery"

    /// A new team database with the three accounts.
    static func database() async throws -> String {
        let path = ServerFixture.temporaryDatabase()
        let accounts = Accounts(try TeamDatabase(path: path))
        try await accounts.add(name: "anna", role: .support, region: nil, password: password)
        try await accounts.add(name: "bert", role: .region, region: "STO19001", password: password)
        try await accounts.add(name: "cara", role: .region, region: "STO19002", password: password)
        return path
    }

    static func withTeam<T>(database: String? = nil, team: TeamConfiguration = TeamConfiguration(),
                            _ body: @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
        let path: String
        if let database { path = database } else { path = try await Self.database() }
        let configuration = ServerConfiguration(inputs: ServerFixture.demo, port: 0, databasePath: path, team: team)
        let app = try await buildApplication(configuration)
        return try await app.test(.router, body)
    }
}

/// A signed-in user: the session cookie and the CSRF token to send.
struct SignedInUser: Sendable {
    let cookie: String
    let csrf: String

    /// Headers of a GET.
    var reading: HTTPFields { [.cookie: cookie] }
    /// Headers of a state-changing request.
    var writing: HTTPFields { [.cookie: cookie, HTTPFields.Element.Name("X-CSRF-Token")!: csrf] }
}

extension TestClientProtocol {
    /// Signs `name` in with the fixture's password.
    func signIn(_ name: String, password: String = TeamFixture.password) async throws -> SignedInUser {
        let response = try await post("/api/login", json: #"{"name": "\#(name)", "password": "\#(password)"}"#)
        guard response.status == .ok, let setCookie = response.headers[.setCookie],
              let pair = setCookie.split(separator: ";").first else {
            throw TeamTestFailure(description: "sign-in of \(name): \(response.status) \(response.text)")
        }
        let body = try response.decoded([String: AnyJSON].self)
        guard case let .string(csrf) = body["csrfToken"] else { throw TeamTestFailure(description: "no csrfToken: \(response.text)") }
        return SignedInUser(cookie: String(pair), csrf: csrf)
    }
}

struct TeamTestFailure: Error, CustomStringConvertible {
    let description: String
}

/// Any JSON value, to read answers loosely.
enum AnyJSON: Decodable, Equatable {
    case string(String), number(Double), bool(Bool), null, array([AnyJSON]), object([String: AnyJSON])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([AnyJSON].self) { self = .array(a) }
        else { self = .object(try c.decode([String: AnyJSON].self)) }
    }

    subscript(key: String) -> AnyJSON? {
        if case let .object(o) = self { return o[key] }
        return nil
    }

    var string: String? { if case let .string(s) = self { s } else { nil } }
    var number: Double? { if case let .number(n) = self { n } else { nil } }
    var array: [AnyJSON]? { if case let .array(a) = self { a } else { nil } }
}
