import ArgumentParser
import Foundation
import Hummingbird
import RegioDomain
import RegioInputs
import RegioServer
import RegioSpatial

/// `regio serve`: the local web application for a region's planning meeting.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve a local web page to try alternative groupings: move schools, merge and split regions, undo, save scenarios.",
        discussion: """
        Opens http://127.0.0.1:8080/ (--host, --port). The page shows the map of the current scenario and the \
        regions with their figures and findings, which update at once after every edit. Scenarios are saved \
        in an SQLite file of regio's own (--database) and download as scenario files for regio compare --scenario. \
        The server listens on this machine only (a loopback address), serves only its own page and JSON API \
        (under /api/), answers only the Host names of this machine, refuses requests from other sites, request \
        bodies over 64 KB, and more edits or saved scenarios than its limits. With no input options it opens the \
        demo data. Stop it with Ctrl-C.
        """)

    @OptionGroup var inputs: InputOptions

    @OptionGroup var language: LanguageOption

    @Option(help: "The loopback address to listen on (127.0.0.1, ::1 or localhost); other addresses are refused.")
    var host = "127.0.0.1"

    @Option(help: "The TCP port (0: any free port, printed at start).")
    var port = 8080

    @Option(help: ArgumentHelp("The SQLite file of the saved scenarios (created when missing; regio's own files only).",
                               valueName: "file"))
    var database = "regio-scenarios.sqlite"

    @Option(help: "Seed of the catchment regionalization.")
    var seed: UInt64 = 1

    @Option(help: "The most edits one session keeps.")
    var maxEdits = ServerLimits().editsPerSession

    @Option(help: "The most scenarios the database keeps.")
    var maxScenarios = ServerLimits().savedScenarios

    @Option(help: ArgumentHelp("Seconds before a silent connection is closed.", valueName: "seconds"))
    var idleTimeout = ServerLimits().idleTimeoutSeconds

    @Option(help: ArgumentHelp("Seconds a request body may take to arrive.", valueName: "seconds"))
    var readTimeout = ServerLimits().readTimeoutSeconds

    func run() async throws {
        let configuration: ServerConfiguration
        do {
            let limits = ServerLimits(editsPerSession: maxEdits, savedScenarios: maxScenarios,
                                      idleTimeoutSeconds: idleTimeout, readTimeoutSeconds: readTimeout)
            let paths = try inputs.paths()
            // The flag, else the config file's language key (read again when the inputs load), else English.
            var settings = AuditSettings()
            if let config = paths.config { settings = try ConfigReader.read(config) }
            configuration = ServerConfiguration(inputs: paths, host: host, port: port,
                                                databasePath: database, seed: seed, limits: limits,
                                                language: language.resolved(settings))
            // Before the inputs are loaded: a refused address or limit is told at once.
            try configuration.validate()
        } catch let error as InputError {
            Self.fail(error.description)
        }
        let host = self.host, database = self.database
        do {
            let app = try await buildApplication(configuration) { port in
                let shown = host.contains(":") ? "[\(host)]" : host
                FileHandle.standardOutput.write(Data("regio serve: http://\(shown):\(port)/ (scenarios in \(database); Ctrl-C stops)\n".utf8))
            }
            do {
                try await app.runService()
            } catch {
                Self.fail("cannot serve on \(host):\(port): \(Self.explain(error))")
            }
        } catch {
            Self.fail(error.description)
        }
    }

    /// The socket error in words, with what to do about it.
    static func explain(_ error: any Error) -> String {
        let text = "\(error)"
        if text.contains("Address already in use") {
            return "the port is in use (another regio serve?): choose another --port, or --port 0 for any free one"
        }
        if text.contains("Cannot assign requested address") {
            return "this machine has no such loopback address: use 127.0.0.1 (the default), ::1 or localhost"
        }
        return text
    }

    /// One line on standard error and exit code 2, as for every input that cannot be used.
    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("regio: error: \(message)\n".utf8))
        Projection.finishPreparing()
        Foundation.exit(2)
    }
}
