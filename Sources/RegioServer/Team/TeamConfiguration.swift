import RegioInputs

/// The settings of `regio serve --team`.
public struct TeamConfiguration: Sendable, Equatable {
    /// The most workspaces held in memory at once (`--max-workspaces`); see ``Workspaces``.
    public var workspaces: Int
    /// Seconds after which an unused workspace is let go from memory (`--workspace-idle`).
    public var workspaceIdleSeconds: Double
    /// Hours a sign-in lasts.
    public var sessionHours: Double
    /// Failed sign-ins per minute, per user name and per client address, before sign-ins are refused (429).
    public var loginFailuresPerMinute: Int
    /// `Host` values of a reverse proxy's public address (`--public-host`), e.g. `regio.example.org` or
    /// `localhost:8443`, answered beside the bound address and the loopback names.
    public var publicHosts: [String]

    /// Defaults: 50 workspaces (about 6 MB each on the real data, benchmarks/README.md), 15 minutes idle, 12-hour
    /// sessions, 5 failed sign-ins a minute.
    public init(workspaces: Int = 50, workspaceIdleSeconds: Double = 900, sessionHours: Double = 12,
                loginFailuresPerMinute: Int = 5, publicHosts: [String] = []) {
        self.workspaces = workspaces
        self.workspaceIdleSeconds = workspaceIdleSeconds
        self.sessionHours = sessionHours
        self.loginFailuresPerMinute = loginFailuresPerMinute
        self.publicHosts = publicHosts
    }

    /// - Throws: ``InputError`` naming the option, its value and what is expected.
    public func validate() throws(InputError) {
        guard workspaces >= 1 else {
            throw InputError(.badValue, file: "--max-workspaces", message: "\(workspaces) is not a limit: expected a whole number of at least 1")
        }
        guard workspaceIdleSeconds.isFinite && workspaceIdleSeconds > 0 else {
            throw InputError(.badValue, file: "--workspace-idle", message: "\(workspaceIdleSeconds) is not a duration: expected seconds, more than 0")
        }
        for host in publicHosts where host.isEmpty || host.contains("/") || host.contains(" ") {
            throw InputError(.badValue, file: "--public-host", message: "'\(host)' is not a Host value: expected a name with an optional port, e.g. regio.example.org or localhost:8443")
        }
    }
}
