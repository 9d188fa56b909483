/// A convex polygon without holes, as its vertices counter-clockwise (not closed), in the units of its
/// coordinates (RD metres). Intersecting two of them is a few microseconds of arithmetic (Sutherland–Hodgman
/// clipping), against tens of microseconds for a GEOS overlay: a region's territory of one group is the
/// buffer of a convex hull, cut by the land where it reaches the sea or the border.
public struct ConvexPolygon: Sendable, Hashable {
    public let vertices: [Point]

    /// The polygon of `ring` (closed or not, either orientation), or `nil` when the ring is not convex or
    /// has fewer than 3 distinct vertices.
    public init?(ring: [Point]) {
        var points = ring
        if points.count > 1, points.first == points.last { points.removeLast() }
        guard points.count >= 3 else { return nil }
        let signedArea = Self.doubledSignedArea(of: points)
        guard signedArea != 0 else { return nil }
        if signedArea < 0 { points.reverse() }
        // Convex: no vertex turns clockwise (collinear vertices are allowed); the tolerance absorbs the
        // rounding of near-collinear buffer vertices.
        let scale = Swift.max(abs(signedArea), 1)
        for i in points.indices {
            let a = points[i], b = points[(i + 1) % points.count], c = points[(i + 2) % points.count]
            if (b.x - a.x) * (c.y - b.y) - (b.y - a.y) * (c.x - b.x) < -1e-12 * scale { return nil }
        }
        vertices = points
    }

    /// Area, in squared units.
    public var area: Double { Self.area(of: vertices) }

    /// The area of the intersection with `other`, in squared units.
    public func intersectionArea(with other: ConvexPolygon) -> Double {
        intersection(with: other)?.area ?? 0
    }

    /// The intersection with `other`, or `nil` when it has no area (polygons that are apart, or touch along
    /// an edge or at a vertex).
    public func intersection(with other: ConvexPolygon) -> ConvexPolygon? {
        var output = vertices
        let clip = other.vertices
        for i in clip.indices {
            guard !output.isEmpty else { break }
            let a = clip[i], b = clip[(i + 1) % clip.count]
            // Left of (or on) the directed edge a→b is inside a counter-clockwise polygon.
            func side(_ p: Point) -> Double { (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x) }
            let input = output
            output.removeAll(keepingCapacity: true)
            for j in input.indices {
                let p = input[j], q = input[(j + 1) % input.count]
                let sp = side(p), sq = side(q)
                if sp >= 0 { output.append(p) }
                if (sp >= 0) != (sq >= 0) {
                    let t = sp / (sp - sq)
                    output.append(Point(x: p.x + t * (q.x - p.x), y: p.y + t * (q.y - p.y)))
                }
            }
        }
        return output.count >= 3 && Self.area(of: output) > 0 ? ConvexPolygon(counterClockwise: output) : nil
    }

    /// Vertices known to be convex and counter-clockwise (a clipping result).
    private init(counterClockwise vertices: [Point]) { self.vertices = vertices }

    /// The bounding box of the vertices.
    public var envelope: Envelope { Envelope(points: vertices)! }

    static func area(of points: [Point]) -> Double { abs(doubledSignedArea(of: points)) / 2 }

    /// Twice the signed area of the ring `points` (shoelace sum): positive when counter-clockwise.
    static func doubledSignedArea(of points: [Point]) -> Double {
        var sum = 0.0
        for i in points.indices {
            let a = points[i], b = points[(i + 1) % points.count]
            sum += a.x * b.y - b.x * a.y
        }
        return sum
    }
}
