import CGEOS

/// Reading and writing WKB and WKT.
extension GeometryContext {
    /// Reads standard (or ISO, with Z) WKB; throws with GEOS's message on bad bytes.
    public func geometry(wkb bytes: some Collection<UInt8>) throws(SpatialError) -> Geometry {
        let array = Array(bytes)
        // GEOS recurses without a limit and trusts the counts: the structure is checked first.
        do { _ = try WKBStructure.check(array) } catch {
            throw SpatialError(.encoding, operation: "reading WKB of \(array.count) bytes", libraryMessage: error.message)
        }
        // NULL on exception.
        guard let reader = GEOSWKBReader_create_r(handle) else { throw failure("creating a WKB reader") }
        defer { GEOSWKBReader_destroy_r(handle, reader) }
        let pointer = array.withUnsafeBufferPointer { buffer in
            GEOSWKBReader_read_r(handle, reader, buffer.baseAddress, buffer.count)
        }
        guard let pointer else { throw failure("reading WKB of \(array.count) bytes", kind: .encoding) }
        return Geometry(owning: pointer, in: self)
    }

    /// Reads WKT; throws with GEOS's message on bad text.
    public func geometry(wkt text: String) throws(SpatialError) -> Geometry {
        guard let reader = GEOSWKTReader_create_r(handle) else { throw failure("creating a WKT reader") }
        defer { GEOSWKTReader_destroy_r(handle, reader) }
        guard let pointer = GEOSWKTReader_read_r(handle, reader, text) else {
            throw failure("reading WKT '\(text.prefix(40))'", kind: .encoding)
        }
        return Geometry(owning: pointer, in: self)
    }
}

extension Geometry {
    /// Little-endian 2D WKB.
    public func wkb() throws(SpatialError) -> [UInt8] {
        guard let writer = GEOSWKBWriter_create_r(handle) else { throw context.failure("creating a WKB writer") }
        defer { GEOSWKBWriter_destroy_r(handle, writer) }
        GEOSWKBWriter_setByteOrder_r(handle, writer, Int32(GEOS_WKB_NDR.rawValue))
        GEOSWKBWriter_setOutputDimension_r(handle, writer, 2)
        var size = 0
        // The buffer belongs to the caller: free with GEOSFree_r. NULL on exception.
        guard let buffer = GEOSWKBWriter_write_r(handle, writer, pointer, &size) else {
            throw context.failure("writing WKB", kind: .encoding)
        }
        defer { GEOSFree_r(handle, buffer) }
        return Array(UnsafeBufferPointer(start: buffer, count: size))
    }

    /// WKT with `decimals` digits after the point (trimmed).
    public func wkt(decimals: Int = 3) -> String {
        guard let writer = GEOSWKTWriter_create_r(handle) else { return "" }
        defer { GEOSWKTWriter_destroy_r(handle, writer) }
        GEOSWKTWriter_setRoundingPrecision_r(handle, writer, Int32(decimals))
        GEOSWKTWriter_setTrim_r(handle, writer, 1)
        guard let text = GEOSWKTWriter_write_r(handle, writer, pointer) else { return "" }
        defer { GEOSFree_r(handle, text) }
        return String(cString: text)
    }
}
