import ArgumentParser
import Foundation
import RegioInputs
import RegioSpatial

/// Runs `body`; an ``InputError`` is printed as one line on standard error and ends the process with
/// exit code 2 (no stack trace).
func reportingInputErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as InputError {
        FileHandle.standardError.write(Data("regio: error: \(error.description)\n".utf8))
        // An early end must not race PROJ still preparing a transformation on another thread.
        Projection.finishPreparing()
        throw ExitCode(2)
    }
}

/// Writes `text` to standard output.
func writeStandardOutput(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}
