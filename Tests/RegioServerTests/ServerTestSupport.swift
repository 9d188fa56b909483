import Foundation
import Hummingbird
import HummingbirdTesting
import RegioDomain
import RegioInputs
import RegioServer

/// The demo inputs and a fresh scenario database per test.
enum ServerFixture {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static var demo: InputPaths { InputPaths.demo(in: packageRoot.appendingPathComponent("geodata/demo").path) }

    /// The real public data of `../shared/geodata` with the project's real pre-registration, or nil.
    static let realData: InputPaths? = {
        let geodata = packageRoot.appendingPathComponent("../shared/geodata").standardizedFileURL.path
        guard FileManager.default.fileExists(atPath: geodata + "/gemeenten_2020_wgs84.geojson") else { return nil }
        return InputPaths(schools: geodata + "/duo_vestigingen_vo_2020-12_geocoded.csv",
                          students: geodata + "/duo_leerlingen_vo_per_vestiging_naar_onderwijstype_2019.csv",
                          municipalities: geodata + "/gemeenten_2020_wgs84.geojson",
                          registrations: packageRoot.appendingPathComponent("Tests/oracle/real/registration.csv").path)
    }()

    /// A path for a new SQLite file in a new temporary folder.
    static func temporaryDatabase() -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("regio-serve-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent("scenarios.sqlite").path
    }

    /// The application on the demo data, tested in-process through its router.
    static func withRouter<T>(database: String = temporaryDatabase(),
                              _ body: @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
        let configuration = ServerConfiguration(inputs: demo, port: 0, databasePath: database)
        let app = try await buildApplication(configuration)
        return try await app.test(.router, body)
    }

    /// The full (non-incremental) audit of the demo registration with `edits` applied, to compare with.
    static func freshAudit(_ edits: [Edit]) throws -> AuditResult {
        let dataset = try Dataset(loading: demo)
        let edited = try dataset.registration!.applying(edits, knownSchools: Set(dataset.register.schools.map(\.code)))
        let input = try dataset.auditInput(catchments: try dataset.catchments())
        let auditor = try Auditor(AuditInput(schools: input.schools, counts: input.counts, map: input.map,
                                             placement: input.placement, registration: edited, settings: input.settings,
                                             catchments: input.catchments))
        return auditor.result
    }
}

extension TestClientProtocol {
    /// `POST uri` with a JSON body (`Content-Type: application/json`).
    func post(_ uri: String, json: String? = nil, headers extra: HTTPFields = [:]) async throws -> TestResponse {
        var headers = extra
        if json != nil && headers[.contentType] == nil { headers[.contentType] = "application/json" }
        return try await execute(uri: uri, method: .post, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }

    func get(_ uri: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await execute(uri: uri, method: .get, headers: headers)
    }

    /// `GET /api/state`, decoded.
    func state() async throws -> SessionState {
        try (try await get("/api/state")).decoded(SessionState.self)
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    func decoded<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(body.readableBytesView))
    }

    /// The `error` of a `{"error": "..."}` body, or the body itself.
    var errorMessage: String {
        ((try? decoded([String: String].self))?["error"]) ?? text
    }
}

extension SessionState {
    /// The figures of region `id`, or nil.
    func figures(_ id: RegionID) -> RegionFigures? { regions.first { $0.figures.id == id }?.figures }

    /// A school in exactly one region with technical students, its region, and another region to move it to.
    func movableSchool() -> (school: String, from: RegionID, to: RegionID)? {
        let counts = Dictionary(regions.map { ($0.figures.id, $0.figures.schools.count) }, uniquingKeysWith: { a, _ in a })
        for s in map.schools where s.regions.count == 1 && s.technical && (counts[s.regions[0]] ?? 0) >= 2 {
            if let other = regions.first(where: { $0.figures.id != s.regions[0] }) {
                return (s.code, s.regions[0], other.figures.id)
            }
        }
        return nil
    }
}
