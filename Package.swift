// swift-tools-version: 6.1
// regio: forms, audits and compares school regions for Sterk Techniekonderwijs.
//
// Dependencies point one way: regio (command) → RegioServer → RegioMap → RegioReports → RegioInputs → RegioDomain
// → RegioSpatial → CGEOS/CPROJ; RegioReports (the portrait page), RegioMap and RegioServer also use RegioWebAssets
// (the pages' files).
import PackageDescription

let package = Package(
    name: "regio",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "regio", targets: ["regio"]),
        .library(name: "RegioSpatial", targets: ["RegioSpatial"]),
        .library(name: "RegioDomain", targets: ["RegioDomain"]),
        .library(name: "RegioInputs", targets: ["RegioInputs"]),
        .library(name: "RegioReports", targets: ["RegioReports"]),
        .library(name: "RegioMap", targets: ["RegioMap"]),
        .library(name: "RegioServer", targets: ["RegioServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // XLSX workbooks (pre-registrations in, the audit out) are ZIP archives; zlib from Debian's zlib1g-dev.
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        // System libraries: GEOS (C API, reentrant functions only) and PROJ, from Debian's -dev packages.
        .systemLibrary(name: "CGEOS", pkgConfig: "geos", providers: [.apt(["libgeos-dev"])]),
        .systemLibrary(name: "CPROJ", pkgConfig: "proj", providers: [.apt(["libproj-dev"])]),

        // The only module that imports the C libraries: contexts, geometries, prepared geometries,
        // the spatial index and projections.
        .target(name: "RegioSpatial", dependencies: ["CGEOS", "CPROJ"]),

        // Schools, municipalities, regions, rules and audit: pure computation, no file I/O.
        .target(name: "RegioDomain", dependencies: ["RegioSpatial"]),

        // The web pages' HTML templates, stylesheets and scripts, as files in Sources/RegioWebAssets/Web,
        // embedded in the binary at build time. Its API is `package`: nothing outside regio sees the files.
        .target(name: "RegioWebAssets", resources: [.embedInCode("Web")]),

        // Reading inputs: DUO CSV, polygon layers (GeoJSON, GeoPackage), postcodes, pre-registrations, config and
        // scenario files, into a checked `Dataset`; every failure an `InputError` naming the file and the value.
        .target(name: "RegioInputs", dependencies: [
            "RegioDomain", "RegioSpatial",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Yams", package: "Yams"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),

        // Writing results: the text, Markdown, JSON and HTML reports (region portraits), the GIS exports (GeoJSON,
        // GeoPackage) and the atomic, never-destructive output files.
        .target(name: "RegioReports", dependencies: [
            "RegioInputs", "RegioDomain", "RegioSpatial", "RegioWebAssets",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),

        // The map: its data (territories, schools, findings as SVG paths) and the self-contained page of
        // `regio map`; the planning server draws from the same data.
        .target(name: "RegioMap", dependencies: ["RegioReports", "RegioInputs", "RegioDomain", "RegioSpatial", "RegioWebAssets"]),

        // `regio serve`: the local web application (Hummingbird) over one scenario session; scenarios in SQLite (GRDB).
        .target(name: "RegioServer", dependencies: [
            "RegioMap", "RegioReports", "RegioInputs", "RegioDomain", "RegioSpatial", "RegioWebAssets",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),

        // The command-line tool, thin.
        .executableTarget(name: "regio", dependencies: [
            "RegioInputs", "RegioReports", "RegioMap", "RegioDomain", "RegioSpatial", "RegioServer",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Hummingbird", package: "hummingbird"),
        ]),

        // Generates the fictional demo dataset in geodata/demo (reproducible, seeded).
        .executableTarget(name: "regio-demo-generator", dependencies: ["RegioDomain", "RegioSpatial", .product(name: "ArgumentParser", package: "swift-argument-parser")]),

        // In-process timings on the real data, run by `make bench` (benchmarks/run), never in CI.
        .executableTarget(name: "regio-bench", dependencies: ["RegioInputs", "RegioReports", "RegioMap", "RegioDomain", "RegioSpatial"],
                          path: "benchmarks/swift"),

        .testTarget(name: "RegioSpatialTests", dependencies: ["RegioSpatial"]),
        .testTarget(name: "RegioWebAssetsTests", dependencies: ["RegioWebAssets"]),
        .testTarget(name: "RegioDomainTests", dependencies: ["RegioDomain", "RegioSpatial"]),
        // The readers', reports' and map's tests share their fixtures and real-data helpers, so they stay one target.
        .testTarget(name: "RegioFormatsTests", dependencies: ["RegioInputs", "RegioReports", "RegioMap", "RegioDomain", "RegioSpatial"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "RegioServerTests", dependencies: [
            "RegioServer", "RegioMap", "RegioReports", "RegioInputs", "RegioDomain",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
        .testTarget(name: "regioTests", dependencies: ["regio", "RegioInputs", "RegioReports", "RegioMap", .product(name: "GRDB", package: "GRDB.swift"),
                                                   .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
    ],
    swiftLanguageModes: [.v6]
)
