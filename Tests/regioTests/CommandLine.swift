import Foundation

/// Runs the built `regio` binary, as a user would, and captures what it prints.
struct RegioProcess {
    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The products folder of this build (`.build/debug`), where `regio` lies beside the test bundle.
    static let binary: URL = {
        var url = Bundle.main.bundleURL
        for _ in 0..<3 where !FileManager.default.fileExists(atPath: url.appendingPathComponent("regio").path) {
            url = url.deletingLastPathComponent()
        }
        return url.appendingPathComponent("regio")
    }()

    /// The package root (for the demo data).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// - Parameter input: written to the command's standard input (then closed), e.g. a password.
    static func run(_ arguments: [String], in directory: URL = packageRoot, input: String? = nil) throws -> Output {
        try capture(binary, arguments, in: directory, environment: ["NO_COLOR": "1"], input: input)
    }

    /// Runs `executable` with `arguments` in `directory`, with `extra` added to this process's environment,
    /// and captures what it prints.
    static func capture(_ executable: URL, _ arguments: [String], in directory: URL = packageRoot,
                        environment extra: [String: String] = [:], input: String? = nil) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(extra) { _, new in new }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let stdin = input.map { _ in Pipe() }
        if let stdin { process.standardInput = stdin }
        try process.run()
        if let stdin, let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
        }
        // Read before waiting, so a large output cannot fill the pipe and block the child.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Real data folder, or nil.
    static let sharedGeodata: URL? = {
        let folder = packageRoot.appendingPathComponent("../shared/geodata").standardizedFileURL
        return FileManager.default.fileExists(atPath: folder.path) ? folder : nil
    }()
}

/// A fresh temporary folder with small hand-made inputs.
struct Scratch {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("regio-cli-\(UUID().uuidString)")

    init() { try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) }

    /// The path of `name` in the folder (not created).
    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func write(_ name: String, _ text: String) -> String {
        write(name, bytes: Array(text.utf8))
    }

    func write(_ name: String, bytes: [UInt8]) -> String {
        let url = directory.appendingPathComponent(name)
        FileManager.default.createFile(atPath: url.path, contents: Data(bytes))
        return url.path
    }
}
