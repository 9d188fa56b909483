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

        With --team it serves a planning team: everyone signs in (accounts made with regio users add, in the \
        --database file, which is then required), each user has a workspace of their own (edits, undo, saved \
        scenarios; every change stored at once), region users submit proposals and the support team reviews them. \
        In team mode --host may name any address; put a reverse proxy with TLS in front (see the README), and \
        name its public address with --public-host.
        """)

    @OptionGroup var inputs: InputOptions

    @OptionGroup var language: LanguageOption

    @Option(help: "The address to listen on: a loopback address (127.0.0.1, ::1 or localhost); any address with --team.")
    var host = "127.0.0.1"

    @Option(help: "The TCP port (0: any free port, printed at start).")
    var port = 8080

    @Option(help: ArgumentHelp("The SQLite file of the saved scenarios (created when missing; regio's own files only; "
                               + "default regio-scenarios.sqlite). With --team: the team's accounts, workspaces and proposals (required).",
                               valueName: "file"))
    var database: String?

    @Flag(help: "Team mode: sign-in, a workspace per user, proposals and reviews (see the discussion).")
    var team = false

    @Option(help: "Team mode: the most workspaces held in memory (about 6 MB each on the national data).")
    var maxWorkspaces = TeamConfiguration().workspaces

    @Option(help: ArgumentHelp("Team mode: seconds after which an unused workspace leaves memory (it is rebuilt from the database).",
                               valueName: "seconds"))
    var workspaceIdle = TeamConfiguration().workspaceIdleSeconds

    @Option(help: ArgumentHelp("Team mode: the Host of a reverse proxy's public address, e.g. regio.example.org or localhost:8443 (repeatable).",
                               valueName: "host"))
    var publicHost: [String] = []

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
            if team && database == nil {
                throw InputError(.badValue, file: "--database", message: "team mode keeps the accounts, workspaces and proposals in a "
                    + "file: name it with --database, e.g. --database team.sqlite (made with regio users add)")
            }
            let teamConfiguration = team ? TeamConfiguration(workspaces: maxWorkspaces, workspaceIdleSeconds: workspaceIdle,
                                                             publicHosts: publicHost) : nil
            configuration = ServerConfiguration(inputs: try inputs.paths(), host: host, port: port,
                                                databasePath: database ?? "regio-scenarios.sqlite", seed: seed, limits: limits,
                                                team: teamConfiguration, language: language.language)
            // Before the inputs are loaded: a refused address or limit is told at once.
            try configuration.validate()
        } catch let error as InputError {
            Self.fail(error.description)
        }
        let host = self.host, database = configuration.databasePath, team = self.team
        do {
            let app = try await buildApplication(configuration) { port in
                let shown = host.contains(":") ? "[\(host)]" : host
                let kept = team ? "team mode, accounts and work in \(database)" : "scenarios in \(database)"
                FileHandle.standardOutput.write(Data("regio serve: http://\(shown):\(port)/ (\(kept); Ctrl-C stops)\n".utf8))
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
