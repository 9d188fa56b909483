import RegioInputs

/// The bounds of `regio serve` on what one user (or a runaway page) can make it hold or wait for.
public struct ServerLimits: Sendable, Equatable {
    /// The most edits one session keeps (its undo stack and redo stack together); `--max-edits`.
    public var editsPerSession: Int
    /// The most scenarios the database keeps; `--max-scenarios`.
    public var savedScenarios: Int
    /// Seconds a connection may stay silent (no request, or a request head that does not arrive whole)
    /// before the server closes it; `--idle-timeout`.
    public var idleTimeoutSeconds: Double
    /// Seconds a request body may take to arrive whole; after that the answer is 408; `--read-timeout`.
    public var readTimeoutSeconds: Double

    /// The limits of `regio serve`: 1,000 edits (a planning meeting makes tens), 1,000 saved scenarios,
    /// 60 s idle, 10 s to read a body (at most 64 KB).
    public init(editsPerSession: Int = 1_000, savedScenarios: Int = 1_000, idleTimeoutSeconds: Double = 60,
                readTimeoutSeconds: Double = 10) {
        self.editsPerSession = editsPerSession
        self.savedScenarios = savedScenarios
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.readTimeoutSeconds = readTimeoutSeconds
    }

    /// Checks every limit is a usable number.
    /// - Throws: ``InputError`` naming the option, its value and what is expected.
    public func validate() throws(InputError) {
        for (option, value) in [("--max-edits", editsPerSession), ("--max-scenarios", savedScenarios)] where value < 1 {
            throw InputError(.badValue, file: option, message: "\(value) is not a limit: expected a whole number of at least 1")
        }
        for (option, value) in [("--idle-timeout", idleTimeoutSeconds), ("--read-timeout", readTimeoutSeconds)]
            where !(value.isFinite && value > 0 && value <= 86_400) {
            throw InputError(.badValue, file: option, message: "\(value) is not a timeout: expected seconds, more than 0 and at most 86400 (a day)")
        }
    }
}
