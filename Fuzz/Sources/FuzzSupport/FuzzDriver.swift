import Foundation
import CLibFuzzer

/// Starts libFuzzer from a harness's `@main`.
///
/// SwiftPM links an executable target's entry point under its own name (`<module>_main`, so tests can link
/// the module), which keeps libFuzzer's `main` out; each harness therefore has a `@main` that hands its
/// `LLVMFuzzerTestOneInput` to libFuzzer's driver, with the command line's libFuzzer flags.
public enum FuzzDriver {
    /// The signature of `LLVMFuzzerTestOneInput`: the input's bytes (nil or anything when `size` is 0) and size.
    public typealias TestOneInput = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

    /// Runs libFuzzer on `test` and returns its exit status (it exits itself on a crash).
    public static func run(_ test: TestOneInput) -> Never {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        let status = LLVMFuzzerRunDriver(&argc, &argv, test)
        exit(status)
    }
}
