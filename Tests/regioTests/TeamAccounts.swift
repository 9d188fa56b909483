import Foundation

/// Accounts of a `regio serve --team` database, made as an administrator makes them: `regio users add` with
/// the password on standard input.
enum TeamAccounts {
    /// `regio users add NAME --role ROLE [--region ID] --database FILE --password-stdin`, `password` written to
    /// its standard input.
    static func add(_ name: String, role: String, region: String? = nil, database: String,
                    password: String) throws -> RegioProcess.Output {
        var arguments = ["users", "add", name, "--role", role, "--database", database, "--password-stdin"]
        if let region { arguments += ["--region", region] }
        let process = Process()
        process.executableURL = RegioProcess.binary
        process.arguments = arguments
        process.currentDirectoryURL = RegioProcess.packageRoot
        let input = Pipe(), out = Pipe(), err = Pipe()
        process.standardInput = input
        process.standardOutput = out
        process.standardError = err
        try process.run()
        input.fileHandleForWriting.write(Data((password + "\n").utf8))
        try input.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return RegioProcess.Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                                   stderr: String(decoding: stderr, as: UTF8.self))
    }
}
