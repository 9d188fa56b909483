import FuzzSupport
import RegioInputs
import RegioSpatial

/// The GEOS context of this process's inputs (libFuzzer calls the harness from one thread).
nonisolated(unsafe) let context = GeometryContext()
/// The GeoPackage whose one municipality carries the input as its geometry blob.
let geoPackage = FuzzedGeoPackage()

/// One input as a GeoPackage geometry blob (header, envelope and WKB), read as `--municipalities x.gpkg`
/// reads it: through the whole GeoPackage reader, projection to RD New and polygon repair.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGeoPackageGeometry(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    geoPackage.store(data, size)
    do { _ = try PolygonLayerReader.read(path: geoPackage.path, in: context) } catch { _ = error.description }
    return 0
}

/// The harness's entry point: libFuzzer with the command line's flags.
@main enum FuzzGeoPackageGeometry {
    static func main() { FuzzDriver.run(fuzzGeoPackageGeometry) }
}
