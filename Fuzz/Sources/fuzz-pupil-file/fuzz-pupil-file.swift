import FuzzSupport
import RegioInputs

/// One input as DUO's pupil file (`--students`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPupilFile(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let path = ScratchFile.write(data, size, named: "students.csv")
    do { _ = try StudentCountsReader.read(path) } catch { _ = error.description }
    return 0
}

/// The harness's entry point: libFuzzer with the command line's flags.
@main enum FuzzPupilFile {
    static func main() { FuzzDriver.run(fuzzPupilFile) }
}
