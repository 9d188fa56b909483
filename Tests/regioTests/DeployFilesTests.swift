import Foundation
import Testing

/// The systemd unit of the README's "Running it for a team" (`deploy/regio.service`) stays in step with the
/// program: the command it starts takes every option the unit gives it, and systemd reads every line of it.
/// (The nginx file is run for real by ``TeamProxyTests``.)
struct DeployFilesTests {
    static let unit = RegioProcess.packageRoot.appendingPathComponent("deploy/regio.service")

    /// The words of `ExecStart=`, its continuation lines joined.
    static func execStart() throws -> [String] {
        let text = try String(contentsOf: unit, encoding: .utf8).replacingOccurrences(of: "\\\n", with: " ")
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("ExecStart=") })
        return line.dropFirst("ExecStart=".count).split(separator: " ").map(String.init)
    }

    @Test func theUnitStartsTheTeamServerWithOptionsItTakes() throws {
        let words = try Self.execStart()
        #expect(words.first == "/usr/local/bin/regio", "\(words)")
        #expect(Array(words.dropFirst().prefix(2)) == ["serve", "--team"], "\(words)")
        let help = try RegioProcess.run(["serve", "--help"])
        #expect(help.status == 0, "\(help.stderr)")
        let options = words.filter { $0.hasPrefix("--") }
        #expect(options.contains("--database") && options.contains("--host"), "\(options)")
        for option in options {
            #expect(help.stdout.contains(option), "regio serve --help names no \(option), which deploy/regio.service passes")
        }
        let host = words.firstIndex(of: "--host").map { words[$0 + 1] }
        #expect(host == "127.0.0.1", "the service listens on loopback only, behind the proxy: --host \(host ?? "none")")
    }

    @Test(.enabled(if: systemdAnalyze != nil, "needs systemd-analyze (Debian's systemd)"))
    func systemdReadsEveryLineOfTheUnit() throws {
        // The unit with the built binary in place of /usr/local/bin/regio (systemd checks that it exists).
        let scratch = Scratch()
        let text = try String(contentsOf: Self.unit, encoding: .utf8)
            .replacingOccurrences(of: "/usr/local/bin/regio", with: RegioProcess.binary.path)
        let copy = scratch.write("regio.service", text)
        let verify = try RegioProcess.capture(URL(fileURLWithPath: Self.systemdAnalyze!), ["verify", copy])
        #expect(verify.status == 0 && verify.stderr.isEmpty && verify.stdout.isEmpty,
                "systemd-analyze verify deploy/regio.service:\n\(verify.stdout)\(verify.stderr)")
    }

    static let systemdAnalyze: String? = ["/usr/bin/systemd-analyze", "/bin/systemd-analyze"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }
}
