import FuzzSupport
import RegioInputs
import RegioSpatial

/// The GEOS context of this process's inputs (libFuzzer calls the harness from one thread).
nonisolated(unsafe) let context = GeometryContext()

/// One input as a GeoJSON municipality file (`--municipalities`): JSON parsing, features, CRS, projection
/// to RD New and polygon repair.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGeoJSONMunicipalities(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let path = ScratchFile.write(data, size, named: "municipalities.geojson")
    do { _ = try PolygonLayerReader.read(path: path, in: context) } catch { _ = error.description }
    return 0
}

/// The harness's entry point: libFuzzer with the command line's flags.
@main enum FuzzGeoJSONMunicipalities {
    static func main() { FuzzDriver.run(fuzzGeoJSONMunicipalities) }
}
