import Foundation
import Testing

/// `regio map` in a real browser: headless Chromium, driven over the DevTools protocol by
/// `Tests/oracle/check_map.py`, opens the demo map and checks that nothing goes to the network, the
/// console stays clean, every region shape and school dot is drawn, and clicking a region in the list
/// shows its portrait. It leaves `build/map-screenshot.png` (and `-selected`, `-portrait`, `-print`
/// beside it) for a person to look at. Skipped without Debian's `chromium` or the `.venv` with
/// websocket-client (`bash Tests/oracle/setup-venv.sh`).
@Suite(.enabled(if: HeadlessChromium.available, HeadlessChromium.reason))
struct MapBrowserTests {
    let scratch = Scratch()

    @Test func demoMapWorksOfflineInChromiumAndShowsAPortraitOnClick() throws {
        let html = scratch.directory.appendingPathComponent("map.html").path
        let made = try RegioProcess.run(["map", "--output", html])
        #expect(made.status == 0, "regio map failed: \(made.stderr)")
        let screenshot = RegioProcess.packageRoot.appendingPathComponent("build/map-screenshot.png").path
        let check = try Oracle.run("check_map.py", [
            "--html", html, "--chromium", HeadlessChromium.binary!,
            "--registrations", RegioProcess.packageRoot.appendingPathComponent("geodata/demo/registrations.csv").path,
            "--screenshot", screenshot])
        #expect(check.status == 0, "check_map.py:\n\(check.combined)")
        #expect(!check.combined.contains("FAIL"), "\(check.combined)")
        #expect(FileManager.default.fileExists(atPath: screenshot))
    }
}

/// Debian's Chromium and the Python that drives it.
enum HeadlessChromium {
    static let binary: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let candidates = path.split(separator: ":").flatMap { ["\($0)/chromium", "\($0)/chromium-browser"] }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Whether the venv's Python can import websocket-client.
    static let hasWebsocketClient = Oracle.canImport("websocket")

    static var available: Bool { binary != nil && hasWebsocketClient }

    static var reason: Comment {
        binary == nil ? "needs Debian's chromium (apt-get install chromium)"
            : "needs .venv with websocket-client (bash Tests/oracle/setup-venv.sh)"
    }
}
