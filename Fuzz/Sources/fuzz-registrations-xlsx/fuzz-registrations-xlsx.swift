import FuzzSupport
import RegioInputs

/// One input as an XLSX pre-registration (`--registrations reg.xlsx`): the ZIP archive, the workbook's sheet list
/// and relationships, shared strings and the first sheet's cells, bounded as the command bounds them.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRegistrationsXLSX(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let path = ScratchFile.write(data, size, named: "registrations.xlsx")
    // A small limit, so a ZIP bomb among the mutations stops early instead of filling the fuzzer's memory.
    do { _ = try RegistrationReader.read(path, maximumBytes: 4_000_000) } catch { _ = error.description }
    return 0
}

/// The harness's entry point: libFuzzer with the command line's flags.
@main enum FuzzRegistrationsXLSX {
    static func main() { FuzzDriver.run(fuzzRegistrationsXLSX) }
}
