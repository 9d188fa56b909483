import ArgumentParser
import Foundation
import RegioInputs
import RegioServer

/// `regio users`: the accounts of `regio serve --team`, in its database.
struct Users: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage the accounts of regio serve --team: add, list, remove, reset-password, and print the audit log.",
        discussion: """
        Accounts live in the team database (--database). A support user sees and reviews every proposal; a region \
        user (--role region --region STO19042) edits their own workspace and submits proposals. Passwords are read \
        from standard input (--password-stdin, one line), never from the command line, and stored as bcrypt hashes.
        """,
        subcommands: [Add.self, List.self, Remove.self, ResetPassword.self, Log.self])

    /// `--database FILE`, shared by the subcommands.
    struct DatabaseOption: ParsableArguments {
        @Option(help: ArgumentHelp("The team database of regio serve --team (created when missing).", valueName: "file"))
        var database: String

        func open() throws(InputError) -> TeamDatabase { try TeamDatabase(path: database) }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an account; its password is read from standard input.")

        @Argument(help: "The name the person signs in with (letters, digits, '.', '_', '-', '@').")
        var name: String

        @Option(help: "support (sees and reviews every proposal) or region (one region's workspace and proposals).")
        var role: TeamUser.Role

        @Option(help: "The registration number of a region user's region, e.g. STO19042.")
        var region: String?

        @Option(help: ArgumentHelp("A pre-registration to check --region against.", valueName: "file"))
        var registrations: String?

        @Flag(help: "Read the password from standard input (required: passwords never go on the command line).")
        var passwordStdin = false

        @OptionGroup var database: DatabaseOption

        func run() async throws {
            try await Users.run {
                let password = try Users.password(required: passwordStdin)
                let known = try registrations.map { path throws(InputError) in Set(try RegistrationReader.read(path).regions.map(\.id)) }
                let user = try await Users.session { try await Accounts(try database.open()).add(
                    name: name, role: role, region: region, password: password, knownRegions: known) }
                writeStandardOutput("added \(user.name) (\(user.role.rawValue)\(user.region.map { ", \($0)" } ?? ""))\n")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the accounts: name, role, region (tab-separated).")

        @OptionGroup var database: DatabaseOption

        func run() async throws {
            try await Users.run {
                let users = try await Users.session { try await Accounts(try database.open()).list() }
                writeStandardOutput(users.map { "\($0.name)\t\($0.role.rawValue)\t\($0.region ?? "")\n" }.joined())
            }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove an account with its sessions, workspace and saved scenarios (its proposals and reviews stay).")

        @Argument var name: String
        @OptionGroup var database: DatabaseOption

        func run() async throws {
            try await Users.run {
                try await Users.session { try await Accounts(try database.open()).remove(name: name) }
                writeStandardOutput("removed \(name)\n")
            }
        }
    }

    struct ResetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset-password", abstract: "Set a new password (from standard input) and sign the account out everywhere.")

        @Argument var name: String
        @Flag(help: "Read the password from standard input (required).")
        var passwordStdin = false
        @OptionGroup var database: DatabaseOption

        func run() async throws {
            try await Users.run {
                let password = try Users.password(required: passwordStdin)
                try await Users.session { try await Accounts(try database.open()).resetPassword(name: name, to: password) }
                writeStandardOutput("changed the password of \(name)\n")
            }
        }
    }

    struct Log: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the audit log: sign-ins (and failures), sign-outs, proposals and reviews (tab-separated, oldest first).")

        @Option(help: "Only the last N entries.")
        var last: Int?
        @OptionGroup var database: DatabaseOption

        func run() async throws {
            try await Users.run {
                let entries = try await Users.session { try await AuditLog(try database.open()).entries(limit: last) }
                let format = ISO8601DateFormatter()
                writeStandardOutput(entries.map {
                    [format.string(from: $0.at), $0.actor, $0.action.rawValue, $0.detail, $0.address ?? ""].joined(separator: "\t") + "\n"
                }.joined())
            }
        }
    }

    /// One line of standard input, without its line break.
    static func password(required: Bool) throws(InputError) -> String {
        guard required else {
            throw InputError(.badValue, file: "--password-stdin", message: "give the password on standard input with --password-stdin, "
                + "e.g. printf '%s\\n' \"$PASSWORD\" | regio users add ...")
        }
        guard let line = readLine(strippingNewline: true) else {
            throw InputError(.badValue, file: "--password-stdin", message: "standard input is empty: expected the password on one line")
        }
        return line.hasSuffix("\r") ? String(line.dropLast()) : line
    }

    /// `body` (marks the calls into the database).
    static func session<T>(_ body: () async throws -> T) async throws -> T {
        try await body()
    }

    /// Runs `body`; an ``InputError`` or a refusal (``SessionError``: a duplicate name, a missing region, a short
    /// password, an unknown user) is one line on standard error and exit code 2.
    static func run(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as InputError {
            fail(error.description)
        } catch let error as SessionError {
            fail(error.message)
        }
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("regio: error: \(message)\n".utf8))
        Foundation.exit(2)
    }
}

extension TeamUser.Role: ExpressibleByArgument {}
