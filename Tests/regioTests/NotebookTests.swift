import Foundation
import Testing

/// Every notebook in notebooks/ runs top to bottom on the demo data (REGIO_DATA=real from the environment
/// switches to ../shared/geodata), executed by nbclient through `Tests/oracle/run_notebooks.py` with the regio
/// binary of this build; a cell that raises fails the test with its error. Needs `.venv` with nbclient
/// (`bash Tests/oracle/setup-venv.sh`); skipped without it.
@Suite(.enabled(if: Notebooks.available, "needs .venv with nbclient (bash Tests/oracle/setup-venv.sh)"))
struct NotebookTests {
    @Test(arguments: Notebooks.all)
    func runsTopToBottom(_ name: String) throws {
        let scratch = Scratch()
        let out = try Oracle.run("run_notebooks.py", [Notebooks.folder.appendingPathComponent(name).path],
                                 environment: ["REGIO_BIN": RegioProcess.binary.path,
                                               "REGIO_NOTEBOOK_OUTPUT": scratch.directory.path])
        let (stdout, stderr) = (out.stdout, out.stderr)
        let failures = stderr.split(separator: "\n").filter { $0.hasPrefix("FAIL") }.joined(separator: "\n")
        #expect(out.status == 0, "\(name): \(failures.isEmpty ? stderr : failures)")
        #expect(stdout.contains("ok: \(name)"))
        // Figures and tables were saved where they were told to go.
        if name.hasPrefix("01") || name.hasPrefix("02") {
            let png = scratch.directory.appendingPathComponent(name.replacingOccurrences(of: ".ipynb", with: ".png"))
            #expect(FileManager.default.fileExists(atPath: png.path), "\(png.path)")
        }
    }
}

/// The notebooks and whether they can run here.
enum Notebooks {
    static let folder = RegioProcess.packageRoot.appendingPathComponent("notebooks")
    static let all: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        .filter { $0.hasSuffix(".ipynb") }.sorted()

    /// `.venv/bin/python` exists and imports nbclient, nbformat, ipykernel and matplotlib.
    static let available = Oracle.canImport("nbclient, nbformat, ipykernel, matplotlib, geopandas")
}
