import RegioFormats

/// Where `regio serve` listens and keeps its scenarios.
public struct ServerConfiguration: Sendable {
    /// The inputs of the scenario session (the demo data when the command was given none).
    public var inputs: InputPaths
    /// The address to bind; 127.0.0.1 by default, so only this machine reaches the page.
    public var host: String
    /// The TCP port; 0 lets the system choose a free one.
    public var port: Int
    /// The SQLite file of the saved scenarios (created when missing).
    public var databasePath: String
    /// Seed of the catchment regionalization.
    public var seed: UInt64

    /// The configuration of a server on `inputs`; the defaults are those of `regio serve`.
    public init(inputs: InputPaths, host: String = "127.0.0.1", port: Int = 8080,
                databasePath: String = "regio-scenarios.sqlite", seed: UInt64 = 1) {
        self.inputs = inputs
        self.host = host
        self.port = port
        self.databasePath = databasePath
        self.seed = seed
    }
}
