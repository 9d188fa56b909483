import Foundation

/// Runs the built `regio` as a hostile-input test needs it: under a memory bound (`ulimit -v`, so a reader that
/// reads without bound ends in an allocation failure, a signal, instead of swapping), with a generous process
/// timeout as a guard against a hang (not a performance assertion: the process is stopped and the test fails),
/// and with the cause of its end (exit status or signal).
struct HostileRun {
    /// Virtual memory for the process, KiB: room for the Swift runtime, GEOS, PROJ and a 200 MB input.
    static let memoryLimitKiB = 2_000_000
    /// Time after which a run counts as hung and is stopped.
    static let timeoutSeconds = 60.0

    let status: Int32
    /// Whether the process ended by a signal (a crash, or stopped after the timeout).
    let signalled: Bool
    let timedOut: Bool
    let stdout: String
    let stderr: String

    /// Ended with exit code 2, by itself, within the time bound.
    var refused: Bool { status == 2 && !signalled && !timedOut }

    static func run(_ arguments: [String], in directory: URL = RegioProcess.packageRoot) throws -> HostileRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "ulimit -v \(memoryLimitKiB) && exec \"$0\" \"$@\"", RegioProcess.binary.path] + arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(["NO_COLOR": "1"]) { _, new in new }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var timedOut = false
        DispatchQueue.global().async {
            if done.wait(timeout: .now() + timeoutSeconds) == .timedOut {
                timedOut = true
                process.terminate()
            }
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        done.signal()
        return HostileRun(status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
                          timedOut: timedOut, stdout: String(decoding: stdout, as: UTF8.self),
                          stderr: String(decoding: stderr, as: UTF8.self))
    }
}
