/// The header of a GeoPackage geometry blob, and the offset of the WKB that follows it.
///
/// From the OGC GeoPackage Encoding Standard (1.3), clause 2.1.3.1.1 "BLOB Format":
///
/// ```
/// GeoPackageBinaryHeader {
///   byte[2] magic = 0x4750;
///   byte version;           // 8-bit unsigned integer, 0 = version 1
///   byte flags;             // see below
///   int32 srs_id;
///   double[] envelope;      // see flags envelope contents indicator code below
/// }
///
/// StandardGeoPackageBinary {
///   GeoPackageBinaryHeader header;
///   WKBGeometry geometry;   // per clause 3.1.2 of OGC 06-103r4
/// }
/// ```
///
/// Flags layout (bit 7 is the most significant):
///
/// ```
/// bit 7 6 5 4 3 2 1 0
///     R R X Y E E E B
/// R: reserved for future use; set to 0
/// X: GeoPackageBinary type: 0 = StandardGeoPackageBinary, 1 = ExtendedGeoPackageBinary
/// Y: empty geometry flag: 0 = non-empty geometry, 1 = empty geometry
/// E: envelope contents indicator code (3-bit unsigned integer)
///    0: no envelope (space saving slower indexing option), 0 bytes
///    1: envelope is [minx, maxx, miny, maxy], 32 bytes
///    2: envelope is [minx, maxx, miny, maxy, minz, maxz], 48 bytes
///    3: envelope is [minx, maxx, miny, maxy, minm, maxm], 48 bytes
///    4: envelope is [minx, maxx, miny, maxy, minz, maxz, minm, maxm], 64 bytes
///    5-7: invalid
/// B: byte order for SRS_ID and envelope values in header
///    0 = Big Endian (most significant byte first)
///    1 = Little Endian (least significant byte first)
/// ```
///
/// The WKB after the header carries its own byte order mark; GEOS reads it.
struct GeoPackageGeometryHeader: Equatable {
    /// The version byte (0 means version 1 of the blob format).
    let version: UInt8
    /// Whether the header's srs_id and envelope are little-endian (flag bit B).
    let littleEndian: Bool
    /// The envelope contents indicator code (flag bits E, 0...4).
    let envelopeCode: Int
    /// Whether the geometry is empty (flag bit Y).
    let isEmpty: Bool
    /// The spatial reference system id stored in the blob (an id in `gpkg_spatial_ref_sys`).
    let srsID: Int32
    /// The stored envelope in the layer's CRS units (the blob stores minx, maxx, miny, maxy); `nil` when absent.
    let envelope: Envelope?
    /// Where the WKB starts: 8 + the envelope size.
    let wkbOffset: Int

    /// Envelope sizes in bytes by indicator code 0...4.
    static let envelopeSizes = [0, 32, 48, 48, 64]

    /// Why a blob is not a StandardGeoPackageBinary, in words.
    struct Failure: Error, Equatable {
        let message: String
    }

    /// Parses the header at the start of `blob`.
    init(_ blob: [UInt8]) throws(Failure) {
        guard blob.count >= 8 else {
            throw Failure(message: "geometry blob has \(blob.count) bytes, expected at least 8 (a GeoPackage header)")
        }
        guard blob[0] == 0x47, blob[1] == 0x50 else {
            let magic = blob.prefix(2).map { String(format: "%02X", $0) }.joined()
            throw Failure(message: "geometry blob starts with 0x\(magic), expected 0x4750 ('GP', a GeoPackage geometry)")
        }
        version = blob[2]
        let flags = blob[3]
        guard flags & 0b0010_0000 == 0 else {
            throw Failure(message: "geometry blob is an ExtendedGeoPackageBinary (flags 0x\(String(format: "%02X", flags))), "
                + "expected a StandardGeoPackageBinary")
        }
        littleEndian = flags & 1 == 1
        envelopeCode = Int((flags >> 1) & 0b111)
        isEmpty = flags & 0b0001_0000 != 0
        guard envelopeCode < Self.envelopeSizes.count else {
            throw Failure(message: "geometry blob has envelope indicator \(envelopeCode), expected 0 to 4")
        }
        wkbOffset = 8 + Self.envelopeSizes[envelopeCode]
        guard blob.count >= wkbOffset else {
            throw Failure(message: "geometry blob has \(blob.count) bytes, expected at least \(wkbOffset) "
                + "(header with envelope indicator \(envelopeCode))")
        }
        let little = littleEndian
        srsID = Int32(bitPattern: Self.uint32(blob, at: 4, littleEndian: little))
        if envelopeCode == 0 {
            envelope = nil
        } else {
            func double(_ i: Int) -> Double {
                let low = UInt64(Self.uint32(blob, at: 8 + 8 * i + (little ? 0 : 4), littleEndian: little))
                let high = UInt64(Self.uint32(blob, at: 8 + 8 * i + (little ? 4 : 0), littleEndian: little))
                return Double(bitPattern: high << 32 | low)
            }
            envelope = Envelope(minX: double(0), minY: double(2), maxX: double(1), maxY: double(3))
        }
    }

    private static func uint32(_ bytes: [UInt8], at offset: Int, littleEndian: Bool) -> UInt32 {
        let b = (0..<4).map { UInt32(bytes[offset + $0]) }
        return littleEndian ? b[0] | b[1] << 8 | b[2] << 16 | b[3] << 24 : b[3] | b[2] << 8 | b[1] << 16 | b[0] << 24
    }
}

import Foundation
import RegioSpatial
