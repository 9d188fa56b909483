import CGEOS

/// A GEOS STRtree over the envelopes of a fixed list of items, identified by their index in that list.
///
/// The tree is filled once, in the initializer, and then only queried. This is on purpose: in GEOS 3.11
/// inserting after the first query reads freed memory and loses the new item (see
/// `../shared/docs/c-libraries.md`), so the type offers no insert.
public final class SpatialIndex {
    private let context: GeometryContext
    private let tree: OpaquePointer
    /// Keeps the envelope geometries alive while the tree refers to them.
    private let envelopes: [Geometry]
    public var count: Int { envelopes.count }

    /// Builds an index over `items` (their envelopes, in the units of their coordinates).
    /// Items without an envelope (empty geometries) are never returned by a query.
    public convenience init(_ items: [Geometry], in context: GeometryContext) throws(SpatialError) {
        try self.init(envelopes: items.map(\.envelope), in: context)
    }

    /// Builds an index over rectangles; a `nil` rectangle is an item that no query returns.
    public init(envelopes: [Envelope?], in context: GeometryContext) throws(SpatialError) {
        self.context = context
        // Node capacity 10 is GEOS's default. NULL on exception.
        guard let tree = GEOSSTRtree_create_r(context.handle, 10) else {
            throw context.failure("creating a spatial index")
        }
        self.tree = tree
        var boxes: [Geometry] = []
        boxes.reserveCapacity(envelopes.count)
        for (index, envelope) in envelopes.enumerated() {
            guard let envelope else {
                boxes.append(try context.emptyPolygon())
                continue
            }
            let box = try context.rectangle(envelope)
            boxes.append(box)
            // The item pointer carries the index + 1 (never NULL), not an address.
            GEOSSTRtree_insert_r(context.handle, tree, box.pointer, UnsafeMutableRawPointer(bitPattern: index + 1))
        }
        self.envelopes = boxes
    }

    deinit { GEOSSTRtree_destroy_r(context.handle, tree) }

    /// The indices of the items whose envelope intersects `envelope`, in ascending order.
    public func query(_ envelope: Envelope) -> [Int] {
        guard let box = try? context.rectangle(envelope) else { return [] }
        var hits = HitList()
        withUnsafeMutablePointer(to: &hits) { hitsPointer in
            GEOSSTRtree_query_r(context.handle, tree, box.pointer, spatialIndexCollect, hitsPointer)
        }
        return hits.indices.sorted()
    }

    /// The indices of items within `distance` of `point`, by envelope (a candidate filter).
    public func query(around point: Point, within distance: Double) -> [Int] {
        query(Envelope(minX: point.x - distance, minY: point.y - distance,
                       maxX: point.x + distance, maxY: point.y + distance))
    }
}

/// The collected hits of one query.
private struct HitList { var indices: [Int] = [] }

/// The STRtree query callback. A non-generic free function, as C function pointers cannot capture
/// context (nor generic parameters); the hit list travels as `userdata`.
private func spatialIndexCollect(item: UnsafeMutableRawPointer?, userdata: UnsafeMutableRawPointer?) {
    guard let item, let userdata else { return }
    userdata.assumingMemoryBound(to: HitList.self).pointee.indices.append(Int(bitPattern: item) - 1)
}

extension GeometryContext {
    /// A rectangle polygon (GEOSGeom_createRectangle_r, GEOS 3.11+).
    public func rectangle(_ envelope: Envelope) throws(SpatialError) -> Geometry {
        try own(GEOSGeom_createRectangle_r(handle, envelope.minX, envelope.minY, envelope.maxX, envelope.maxY),
                "creating a rectangle")
    }
}
