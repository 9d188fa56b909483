import ArgumentParser
import Foundation
import RegioDomain
import RegioInputs

/// `regio config`: print the settings (defaults, or those of `--config`) with one line of explanation each.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Print every setting with its value and a one-line explanation.",
        discussion: "Copy the JSON output to a file, edit it, and pass it with --config to any command.")

    @Option(help: ArgumentHelp("Settings file to show (JSON or YAML); default: the built-in defaults.", valueName: "file"))
    var config: String?

    @Option(help: "Output format: text (explained) or json (a config file to edit).")
    var format: ReportFormat = .text

    func run() throws {
        try reportingInputErrors {
            let settings = try config.map { path throws(InputError) in try ConfigReader.read(path) } ?? AuditSettings()
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            let data = try encoder.encode(settings)
            if format == .json {
                writeStandardOutput(String(decoding: data, as: UTF8.self) + "\n")
                return
            }
            let values = settings.valueTexts
            var out = config.map { "Settings from \($0) (other keys keep their defaults)\n\n" } ?? "Default settings\n\n"
            for setting in AuditSettings.table {
                out += "\(setting.key) = \(values[setting.key] ?? "?")\n    \(setting.explanation); \(setting.expectation)\n"
            }
            writeStandardOutput(out)
        }
    }
}
