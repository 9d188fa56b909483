import CGEOS

/// A GEOS geometry, owned by this object and freed when it is released (unless a parent owns it).
///
/// Coordinates are in whatever CRS the caller built it in; in this project that is EPSG:28992 (RD New,
/// metres) for every computation. A geometry belongs to the ``GeometryContext`` it was made in and keeps
/// that context alive.
public final class Geometry {
    let pointer: OpaquePointer
    public let context: GeometryContext
    /// For a part obtained with ``part(_:)``: the parent that owns the memory (kept alive here).
    private let parent: Geometry?

    init(owning pointer: OpaquePointer, in context: GeometryContext) {
        self.pointer = pointer
        self.context = context
        self.parent = nil
    }

    init(borrowing pointer: OpaquePointer, from parent: Geometry) {
        self.pointer = pointer
        self.context = parent.context
        self.parent = parent
    }

    deinit {
        // A geometry from GEOSGetGeometryN_r belongs to its parent: never destroy it.
        if parent == nil { GEOSGeom_destroy_r(context.handle, pointer) }
    }

    var handle: GEOSContextHandle_t { context.handle }

    /// The kind of geometry.
    public enum Kind: Int32, Sendable {
        case point = 0, lineString, linearRing, polygon, multiPoint, multiLineString, multiPolygon, geometryCollection
    }

    /// The geometry's kind (GEOSGeomTypeId_r returns -1 on exception).
    public var kind: Kind {
        Kind(rawValue: GEOSGeomTypeId_r(handle, pointer)) ?? .geometryCollection
    }

    /// Whether the geometry has no points (GEOSisEmpty_r returns 2 on exception, read as empty).
    public var isEmpty: Bool { GEOSisEmpty_r(handle, pointer) != 0 }

    /// The number of parts of a multi-geometry or collection; 1 for a single geometry.
    public var partCount: Int { Int(GEOSGetNumGeometries_r(handle, pointer)) }

    /// Part `index` of a multi-geometry or collection. The part borrows its parent's memory and keeps the
    /// parent alive.
    public func part(_ index: Int) -> Geometry {
        precondition(index >= 0 && index < partCount, "part index \(index) out of range 0..<\(partCount)")
        // Non-NULL for an index in range: checked above.
        return Geometry(borrowing: GEOSGetGeometryN_r(handle, pointer, Int32(index))!, from: self)
    }

    /// All parts (see ``part(_:)``).
    public var parts: [Geometry] { (0..<partCount).map(part) }

    /// An independent copy (GEOSGeom_clone_r returns NULL on exception).
    public func clone() throws(SpatialError) -> Geometry {
        try context.own(GEOSGeom_clone_r(handle, pointer), "copying a geometry")
    }
}
