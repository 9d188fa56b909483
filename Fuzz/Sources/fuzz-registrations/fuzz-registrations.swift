import FuzzSupport
import RegioInputs

/// One input as a pre-registration (`--registrations`): rows, roles, leads, and the registration they make.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRegistrations(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let path = ScratchFile.write(data, size, named: "registrations.csv")
    do { _ = try RegistrationReader.read(path) } catch { _ = error.description }
    return 0
}

/// The harness's entry point: libFuzzer with the command line's flags.
@main enum FuzzRegistrations {
    static func main() { FuzzDriver.run(fuzzRegistrations) }
}
