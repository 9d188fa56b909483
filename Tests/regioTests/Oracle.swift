import Foundation

/// The Python side of the tests (`Tests/oracle/*.py` in `.venv`): where it lives, whether it can run, and
/// running one of its scripts.
enum Oracle {
    static let python = RegioProcess.packageRoot.appendingPathComponent(".venv/bin/python").path
    static let available = RegioProcess.sharedGeodata != nil && FileManager.default.isExecutableFile(atPath: python)

    /// Runs `Tests/oracle/<script>` with `arguments` (and extra environment variables) and captures what it prints.
    static func run(_ script: String, _ arguments: [String], environment extra: [String: String] = [:]) throws
        -> RegioProcess.Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [RegioProcess.packageRoot.appendingPathComponent("Tests/oracle/\(script)").path] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(extra) { _, new in new }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read before waiting, so a large output cannot fill a pipe and block the child.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return RegioProcess.Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                                   stderr: String(decoding: stderr, as: UTF8.self))
    }
}
