/// A walk over the structure of a WKB blob (OGC 06-103r4 clause 8, with the ISO Z/M type codes 1000–3999 and
/// the EWKB Z/M/SRID flags), done before GEOS reads it: GEOS's WKB reader recurses once per nested collection
/// without a limit (a GeometryCollection nested 200,000 deep overflows its stack) and sizes arrays from the
/// counts in the blob. The walk reads no coordinates; it checks the byte-order marks and type codes, that
/// collections nest at most ``maximumDepth`` deep, and that every count fits in the bytes that are left.
public enum WKBStructure {
    /// Collections within collections, deeper than any real map needs (a MultiPolygon is depth 1).
    public static let maximumDepth = 32

    /// Why a blob is not well-formed WKB, in words.
    public struct Failure: Error, Sendable, Equatable {
        public let message: String
    }

    /// Checks `bytes` and returns how many bytes the geometry takes.
    public static func check(_ bytes: some Collection<UInt8>) throws(Failure) -> Int {
        var walk = Walk(bytes: Array(bytes))
        try walk.geometry(depth: 0)
        return walk.offset
    }

    private struct Walk {
        let bytes: [UInt8]
        var offset = 0
        var littleEndian = true

        var remaining: Int { bytes.count - offset }

        mutating func geometry(depth: Int) throws(Failure) {
            guard depth <= maximumDepth else {
                throw Failure(message: "WKB nests geometry collections more than \(maximumDepth) deep")
            }
            guard remaining >= 5 else { throw truncated("a geometry header") }
            let order = bytes[offset]
            guard order <= 1 else {
                throw Failure(message: "WKB byte-order mark at byte \(offset) is \(order), expected 0 or 1")
            }
            littleEndian = order == 1
            offset += 1
            let code = uint32()
            let ewkbZ = code & 0x8000_0000 != 0, ewkbM = code & 0x4000_0000 != 0, srid = code & 0x2000_0000 != 0
            let iso = code & 0x0FFF_FFFF
            let type = iso % 1000, isoDimensions = iso / 1000
            guard (1...7).contains(type), isoDimensions <= 3 else {
                throw Failure(message: "WKB geometry type \(code) at byte \(offset - 4) is not a type of the standard (1 to 7, with Z/M variants)")
            }
            let dimensions = 2 + (ewkbZ || isoDimensions == 1 || isoDimensions == 3 ? 1 : 0)
                + (ewkbM || isoDimensions == 2 || isoDimensions == 3 ? 1 : 0)
            if srid {
                guard remaining >= 4 else { throw truncated("an SRID") }
                offset += 4
            }
            let pointBytes = 8 * dimensions
            switch type {
            case 1:
                try skip(pointBytes, "a point")
            case 2:
                try skip(count(elementBytes: pointBytes, "points") * pointBytes, "a line's points")
            case 3:
                for _ in 0..<(try count(elementBytes: 4, "rings")) {
                    try skip(count(elementBytes: pointBytes, "points") * pointBytes, "a ring's points")
                }
            default:
                // A member geometry takes at least 5 bytes (byte order and type).
                for _ in 0..<(try count(elementBytes: 5, "member geometries")) { try geometry(depth: depth + 1) }
            }
        }

        /// A count, checked to fit in the remaining bytes at `elementBytes` each.
        mutating func count(elementBytes: Int, _ what: String) throws(Failure) -> Int {
            guard remaining >= 4 else { throw truncated("a count of \(what)") }
            let value = Int(uint32())
            guard value <= remaining / elementBytes else {
                throw Failure(message: "WKB claims \(value) \(what) at byte \(offset - 4), more than the \(remaining) bytes left can hold")
            }
            return value
        }

        mutating func skip(_ count: Int, _ what: String) throws(Failure) {
            guard remaining >= count else { throw truncated(what) }
            offset += count
        }

        mutating func uint32() -> UInt32 {
            let b = (0..<4).map { UInt32(bytes[offset + $0]) }
            offset += 4
            return littleEndian ? b[0] | b[1] << 8 | b[2] << 16 | b[3] << 24 : b[3] | b[2] << 8 | b[1] << 16 | b[0] << 24
        }

        func truncated(_ what: String) -> Failure {
            Failure(message: "WKB ends at byte \(bytes.count) where \(what) was expected")
        }
    }
}
