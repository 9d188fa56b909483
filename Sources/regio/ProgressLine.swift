import Foundation

/// A one-line progress display on standard error, for long runs: shown only when standard error is a
/// terminal and the work has taken more than a second, redrawn at most ten times a second, and erased by
/// ``finish()``. Never shown in pipes and files, so scripts see clean output.
final class ProgressLine {
    private let enabled: Bool
    private let start = DispatchTime.now()
    private var lastDraw: UInt64 = 0
    private var shown = false

    init(enabled: Bool = isatty(STDERR_FILENO) != 0) { self.enabled = enabled }

    /// Shows `text` (one line, no newline) once a second has passed.
    func update(_ text: @autoclosure () -> String) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        guard now - start.uptimeNanoseconds > 1_000_000_000, now - lastDraw > 100_000_000 else { return }
        lastDraw = now
        shown = true
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text())".utf8))
    }

    /// Erases the line, if it was shown.
    func finish() {
        guard shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        shown = false
    }
}
