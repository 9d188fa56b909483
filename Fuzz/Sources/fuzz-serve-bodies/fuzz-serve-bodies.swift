import Foundation
import FuzzSupport
import RegioDomain
import RegioInputs
import RegioServer

/// The demo pre-registration and its schools, which a decoded edit is applied to (as `regio serve` on the demo
/// data applies it; the incremental re-audit after it is not part of this harness).
let demo: (registration: Registration, schools: Set<SchoolCode>) = {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../geodata/demo")
        .standardizedFileURL.path
    do {
        let dataset = try Dataset(loading: InputPaths.demo(in: folder))
        guard let registration = dataset.registration else { fatalError("the demo data in \(folder) has no pre-registration") }
        return (registration, Set(dataset.register.schools.map(\.code)))
    } catch {
        fatalError("cannot load the demo data in \(folder): \(error)")
    }
}()

/// One input as the body of `POST /api/edits` (decoded, then applied to the demo registration) and of
/// `POST /api/scenarios` (a scenario name).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzServeBodies(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let body = ScratchFile.bytes(data, size)
    do {
        let edit = try ServeRequestBodies.edit(body)
        _ = edit.description
        _ = try demo.registration.applying([edit], knownSchools: demo.schools)
    } catch {
        _ = "\(error)"
    }
    do { _ = try ServeRequestBodies.scenarioName(body) } catch { _ = error.description }
    return 0
}

/// The harness's entry point: libFuzzer with the command line's flags.
@main enum FuzzServeBodies {
    static func main() { FuzzDriver.run(fuzzServeBodies) }
}
