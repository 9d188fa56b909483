// swift-tools-version: 6.1
// The fuzz harnesses of regio: one libFuzzer target per reader of untrusted bytes, each an executable that
// exports `LLVMFuzzerTestOneInput` and hands it to libFuzzer's driver from its `@main`. A package of its own beside regio's,
// so that `swift build` and `swift test` of regio never see them; `Fuzz/run` builds them with
// `-sanitize=fuzzer,address` in .build-fuzz and runs them (`make fuzz`, and a short smoke in `make test`).
import PackageDescription

/// One harness: `Sources/<name>/<name>.swift`.
func harness(_ name: String, _ dependencies: [Target.Dependency]) -> Target {
    .executableTarget(name: name, dependencies: ["FuzzSupport"] + dependencies)
}

let inputs: Target.Dependency = .product(name: "RegioInputs", package: "regio")

let package = Package(
    name: "regio-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "regio", path: ".."),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // libFuzzer's driver (LLVMFuzzerRunDriver), declared for Swift.
        .target(name: "CLibFuzzer"),
        // The driver call, scratch files for the readers that take a path, and the GeoPackage that carries one
        // fuzzed blob.
        .target(name: "FuzzSupport", dependencies: ["CLibFuzzer", .product(name: "GRDB", package: "GRDB.swift")]),
        harness("fuzz-school-register", [inputs]),
        harness("fuzz-pupil-file", [inputs]),
        harness("fuzz-registrations", [inputs]),
        harness("fuzz-registrations-xlsx", [inputs]),
        harness("fuzz-geojson-municipalities", [inputs, .product(name: "RegioSpatial", package: "regio")]),
        harness("fuzz-geopackage-geometry", [inputs, .product(name: "RegioSpatial", package: "regio")]),
        harness("fuzz-config-json", [inputs]),
        harness("fuzz-config-yaml", [inputs]),
        harness("fuzz-scenario-file", [inputs]),
        harness("fuzz-serve-bodies", [inputs, .product(name: "RegioDomain", package: "regio"),
                                      .product(name: "RegioServer", package: "regio")]),
    ],
    swiftLanguageModes: [.v6]
)
