import FuzzSupport
import RegioInputs

/// One input as a scenario file (`regio compare --scenario`), read twice: named `.json` (JSON) and `.yaml` (YAML).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenarioFile(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    for name in ["scenario.json", "scenario.yaml"] {
        let path = ScratchFile.write(data, size, named: name)
        do { _ = try ScenarioReader.read(path) } catch { _ = error.description }
    }
    return 0
}

/// The harness's entry point: libFuzzer with the command line's flags.
@main enum FuzzScenarioFile {
    static func main() { FuzzDriver.run(fuzzScenarioFile) }
}
