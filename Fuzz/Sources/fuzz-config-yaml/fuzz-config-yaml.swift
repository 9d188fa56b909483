import FuzzSupport
import RegioInputs

/// One input as a `--config` file named `.yaml`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfigYAML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let path = ScratchFile.write(data, size, named: "config.yaml")
    do { _ = try ConfigReader.read(path) } catch { _ = error.description }
    return 0
}

/// The harness's entry point: libFuzzer with the command line's flags.
@main enum FuzzConfigYAML {
    static func main() { FuzzDriver.run(fuzzConfigYAML) }
}
