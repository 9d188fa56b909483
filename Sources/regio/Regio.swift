import ArgumentParser

/// The `regio` command: forms, audits and compares school regions for Sterk Techniekonderwijs.
@main
struct Regio: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regio",
        abstract: "Form, audit and compare school regions for Sterk Techniekonderwijs.",
        discussion: """
        With no input options every command runs on the demo dataset in geodata/demo.
        Exit codes: 0 fine, 1 the audit found errors, 2 an input could not be read.
        """,
        subcommands: [Audit.self, Suggest.self, Catchments.self, Compare.self, Inspect.self, ConfigCommand.self, Export.self, Portrait.self, MapCommand.self, Serve.self, Users.self]
    )
}
