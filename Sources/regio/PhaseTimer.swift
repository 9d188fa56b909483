import Foundation

/// Measures the phases of a command (`--timings`), printed to standard error in milliseconds.
final class PhaseTimer {
    private let enabled: Bool
    private var last = DispatchTime.now()
    private let start = DispatchTime.now()
    private var phases: [(String, Double)] = []

    init(enabled: Bool) { self.enabled = enabled }

    /// Ends the current phase under `name`.
    func lap(_ name: String) {
        guard enabled else { return }
        let now = DispatchTime.now()
        phases.append((name, Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e6))
        last = now
    }

    /// Prints every phase and the total.
    func report() {
        guard enabled else { return }
        let total = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
        let text = phases.map { String(format: "%@ %.1f ms", $0.0, $0.1) }.joined(separator: ", ")
        FileHandle.standardError.write(Data("timings: \(text); total \(String(format: "%.1f", total)) ms\n".utf8))
    }
}
