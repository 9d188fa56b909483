import Foundation

/// Writes small hand-made inputs to a fresh temporary folder, so each bad-input case sits beside its test.
public struct TemporaryFiles: Sendable {
    public let directory: URL

    public init() {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("regio-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// Writes `text` as UTF-8 and returns the path.
    public func write(_ name: String, _ text: String) -> String {
        write(name, bytes: Array(text.utf8))
    }

    /// Writes raw bytes and returns the path.
    public func write(_ name: String, bytes: [UInt8]) -> String {
        let url = directory.appendingPathComponent(name)
        FileManager.default.createFile(atPath: url.path, contents: Data(bytes))
        return url.path
    }
}
