import ArgumentParser
import Foundation
import RegioInputs
import RegioReports

/// Where a report goes: standard output, or a file given with `--output`, replaced only with `--force`. The rule
/// is the same for every command that writes (``AtomicOutput``): never over an input, never over a folder.
struct OutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(help: "Replace the --output file when it exists (never one of the inputs, never a folder).")
    var force = false

    /// Fails before the work when the output may not be written (exists without --force, is an input).
    func check(inputs: OutputInputs) throws(InputError) {
        if let output { try AtomicOutput.checkReplaceable(output, force: force, inputs: inputs) }
    }

    /// Writes `text` to the output file (atomically, flushed) or to standard output.
    func write(_ text: String, inputs: OutputInputs) throws(InputError) {
        try write(bytes: Array(text.utf8), inputs: inputs)
    }

    /// Writes `bytes` to the output file (atomically, flushed) or to standard output.
    func write(bytes: [UInt8], inputs: OutputInputs) throws(InputError) {
        guard let output else {
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        try AtomicOutput.write(output, force: force, inputs: inputs) { temporary in
            try Data(bytes).write(to: URL(fileURLWithPath: temporary))
        }
    }
}
