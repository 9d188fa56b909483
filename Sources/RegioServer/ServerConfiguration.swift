import Foundation
import RegioDomain
import RegioInputs

/// Where `regio serve` listens and keeps its scenarios, and its limits.
public struct ServerConfiguration: Sendable {
    /// The inputs of the scenario session (the demo data when the command was given none).
    public var inputs: InputPaths
    /// The address to bind: a loopback address (127.0.0.1 by default, `::1`, `localhost`), so only this
    /// machine reaches the page; ``validate()`` refuses any other.
    public var host: String
    /// The TCP port; 0 lets the system choose a free one.
    public var port: Int
    /// The SQLite file of the saved scenarios (created when missing; see ``ScenarioStore``).
    public var databasePath: String
    /// Seed of the catchment regionalization.
    public var seed: UInt64
    /// Caps on edits and saved scenarios, and the timeouts.
    public var limits: ServerLimits
    /// The language of the page.
    public var language: Language

    /// The configuration of a server on `inputs`; the defaults are those of `regio serve`.
    public init(inputs: InputPaths, host: String = "127.0.0.1", port: Int = 8080,
                databasePath: String = "regio-scenarios.sqlite", seed: UInt64 = 1, limits: ServerLimits = ServerLimits(),
                language: Language = .en) {
        self.inputs = inputs
        self.host = host
        self.port = port
        self.databasePath = databasePath
        self.seed = seed
        self.limits = limits
        self.language = language
    }

    /// Checks that the server can be started as configured: a port, a loopback address, usable limits.
    /// (The database is checked when it is opened, by ``ScenarioStore``.)
    /// - Throws: ``InputError`` naming the option, its value and what is expected.
    public func validate() throws(InputError) {
        guard (0...65_535).contains(port) else {
            throw InputError(.badValue, file: "--port", message: "\(port) is not a TCP port: expected 0 to 65535 (0: any free port)")
        }
        guard !host.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw InputError(.badValue, file: "--host", message: "the host is empty: expected a loopback address such as 127.0.0.1")
        }
        guard HostAllowlist.isLoopback(host) else {
            throw InputError(.badValue, file: "--host", message: """
                \(host) is not a loopback address: regio serve answers this machine only (127.0.0.1, ::1 or localhost). \
                Serving a planning meeting over the network needs a team mode with sign-in, which regio does not have yet
                """)
        }
        try limits.validate()
    }
}
