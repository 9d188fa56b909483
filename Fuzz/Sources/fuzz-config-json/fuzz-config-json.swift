import FuzzSupport
import RegioInputs

/// One input as a `--config` file named `.json`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfigJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let path = ScratchFile.write(data, size, named: "config.json")
    do { _ = try ConfigReader.read(path) } catch { _ = error.description }
    return 0
}

/// The harness's entry point: libFuzzer with the command line's flags.
@main enum FuzzConfigJSON {
    static func main() { FuzzDriver.run(fuzzConfigJSON) }
}
