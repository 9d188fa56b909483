import RegioSpatial

/// Encodes a GeoPackage geometry blob: a StandardGeoPackageBinary header followed by the geometry's WKB
/// (see ``GeoPackageGeometryHeader`` for the layout, OGC GeoPackage 1.3 clause 2.1.3.1.1).
///
/// The header written here: magic `GP`, version 0 (version 1 of the format), flags `0b0000_0011`
/// (standard binary, non-empty, envelope indicator 1 = [minx, maxx, miny, maxy], little-endian), the srs_id,
/// and the envelope as four little-endian doubles.
enum GeoPackageBlob {
    /// Flags: envelope contents indicator 1 (bits 1–3 = 001) and little-endian (bit 0 = 1).
    static let flags: UInt8 = 0b0000_0011

    /// The blob of `wkb` with the envelope `envelope` (in the CRS of `srsID`).
    static func encode(wkb: [UInt8], envelope: Envelope, srsID: Int32) -> [UInt8] {
        var blob: [UInt8] = [0x47, 0x50, 0, flags]
        blob.reserveCapacity(40 + wkb.count)
        append(UInt32(bitPattern: srsID), to: &blob)
        for value in [envelope.minX, envelope.maxX, envelope.minY, envelope.maxY] {
            append(value.bitPattern, to: &blob)
        }
        blob.append(contentsOf: wkb)
        return blob
    }

    private static func append<T: FixedWidthInteger>(_ value: T, to blob: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { blob.append(contentsOf: $0) }
    }
}
