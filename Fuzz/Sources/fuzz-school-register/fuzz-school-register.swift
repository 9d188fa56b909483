import FuzzSupport
import RegioInputs

/// One input as a school register (`--schools`): CSV parsing, code and coordinate checks, projection to RD New.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSchoolRegister(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let path = ScratchFile.write(data, size, named: "schools.csv")
    do { _ = try SchoolRegisterReader.read(path) } catch { _ = error.description }
    return 0
}

/// The harness's entry point: libFuzzer with the command line's flags.
@main enum FuzzSchoolRegister {
    static func main() { FuzzDriver.run(fuzzSchoolRegister) }
}
