import CGEOS

/// Creating geometries from coordinates. Rings are closed by the caller or here (a ring whose last point
/// differs from its first gets the first point appended).
extension GeometryContext {
    /// A point.
    public func point(_ p: Point) throws(SpatialError) -> Geometry {
        try own(GEOSGeom_createPointFromXY_r(handle, p.x, p.y), "creating point \(p)")
    }

    /// A line string through `points` (at least 2).
    public func lineString(_ points: [Point]) throws(SpatialError) -> Geometry {
        let sequence = try coordinateSequence(points, closed: false)
        return try own(GEOSGeom_createLineString_r(handle, sequence), "creating a line of \(points.count) points")
    }

    /// A polygon from an exterior ring and holes. Each ring needs at least 3 distinct points.
    public func polygon(exterior: [Point], holes: [[Point]] = []) throws(SpatialError) -> Geometry {
        let shell = try linearRing(exterior)
        var holeRings: [OpaquePointer?] = []
        holeRings.reserveCapacity(holes.count)
        for hole in holes {
            do { holeRings.append(try linearRing(hole)) } catch {
                GEOSGeom_destroy_r(handle, shell)
                for ring in holeRings { GEOSGeom_destroy_r(handle, ring) }
                throw error
            }
        }
        // GEOSGeom_createPolygon_r takes ownership of the rings (also on failure), returns NULL on exception.
        let polygon = holeRings.withUnsafeMutableBufferPointer { buffer in
            GEOSGeom_createPolygon_r(handle, shell, buffer.baseAddress, UInt32(buffer.count))
        }
        return try own(polygon, "creating a polygon of \(exterior.count) points and \(holes.count) holes")
    }

    /// A collection of the given kind (multi-point, multi-line, multi-polygon, collection) from `members`.
    /// The members are copied; the originals stay valid.
    public func collection(_ kind: Geometry.Kind, of members: [Geometry]) throws(SpatialError) -> Geometry {
        var clones: [OpaquePointer?] = []
        clones.reserveCapacity(members.count)
        for member in members {
            guard let copy = GEOSGeom_clone_r(handle, member.pointer) else {
                for c in clones { GEOSGeom_destroy_r(handle, c) }
                throw failure("copying a member of a collection")
            }
            clones.append(copy)
        }
        // Takes ownership of the members; NULL on exception.
        let result = clones.withUnsafeMutableBufferPointer { buffer in
            GEOSGeom_createCollection_r(handle, Int32(kind.rawValue), buffer.baseAddress, UInt32(buffer.count))
        }
        return try own(result, "creating a collection of \(members.count) geometries")
    }

    /// An empty polygon.
    public func emptyPolygon() throws(SpatialError) -> Geometry {
        try own(GEOSGeom_createEmptyPolygon_r(handle), "creating an empty polygon")
    }

    func linearRing(_ points: [Point]) throws(SpatialError) -> OpaquePointer {
        // GEOS 3.11 accepts rings of 3 coordinates and fails only later; reject them here, where the
        // caller can still say which feature it was.
        let closedCount = points.count + (points.first != points.last ? 1 : 0)
        guard closedCount >= 4 else {
            throw SpatialError(.geometry, operation: "creating a ring of \(points.count) points",
                               libraryMessage: "a closed ring needs at least 4 coordinates")
        }
        let sequence = try coordinateSequence(points, closed: true)
        // Takes ownership of the sequence; NULL on exception (e.g. fewer than 4 points).
        guard let ring = GEOSGeom_createLinearRing_r(handle, sequence) else {
            throw failure("creating a ring of \(points.count) points")
        }
        return ring
    }

    func coordinateSequence(_ points: [Point], closed: Bool) throws(SpatialError) -> OpaquePointer {
        var coordinates = points
        if closed, let first = coordinates.first, first != coordinates.last { coordinates.append(first) }
        // Point is two Doubles laid out x, y: the buffer layout GEOSCoordSeq_copyFromBuffer_r expects.
        let sequence = coordinates.withUnsafeBytes { raw in
            GEOSCoordSeq_copyFromBuffer_r(handle, raw.bindMemory(to: Double.self).baseAddress,
                                         UInt32(coordinates.count), 0, 0)
        }
        guard let sequence else { throw failure("creating a sequence of \(coordinates.count) coordinates") }
        return sequence
    }
}

extension Geometry {
    /// The coordinates of a point, line string or linear ring (empty for other kinds).
    public var coordinates: [Point] {
        let sequencePointer: OpaquePointer?
        switch kind {
        case .point, .lineString, .linearRing: sequencePointer = GEOSGeom_getCoordSeq_r(handle, pointer)
        default: return []
        }
        guard let sequence = sequencePointer else { return [] }
        var size: UInt32 = 0
        guard GEOSCoordSeq_getSize_r(handle, sequence, &size) != 0, size > 0 else { return [] }
        var result = [Point](repeating: Point(x: 0, y: 0), count: Int(size))
        result.withUnsafeMutableBytes { raw in
            _ = GEOSCoordSeq_copyToBuffer_r(handle, sequence, raw.bindMemory(to: Double.self).baseAddress, 0, 0)
        }
        return result
    }

    /// The rings of a polygon, exterior first, as coordinate lists (closed). Empty for other kinds.
    public var polygonRings: [[Point]] {
        guard kind == .polygon, !isEmpty else { return [] }
        // Rings belong to the polygon: wrap them as borrowed geometries.
        guard let exterior = GEOSGetExteriorRing_r(handle, pointer) else { return [] }
        var rings = [Geometry(borrowing: exterior, from: self).coordinates]
        let holes = GEOSGetNumInteriorRings_r(handle, pointer)
        if holes > 0 {
            for i in 0..<holes {
                if let ring = GEOSGetInteriorRingN_r(handle, pointer, i) {
                    rings.append(Geometry(borrowing: ring, from: self).coordinates)
                }
            }
        }
        return rings
    }

    /// The polygons of a polygon or multi-polygon (or of a collection's polygonal parts), each as its rings.
    public var polygons: [[[Point]]] {
        switch kind {
        case .polygon: return isEmpty ? [] : [polygonRings]
        case .multiPolygon, .geometryCollection: return parts.flatMap(\.polygons)
        default: return []
        }
    }
}
