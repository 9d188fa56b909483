import RegioDomain
import RegioSpatial

/// Hand-made polygon layers for the catchment tests, in RD-like metres.
enum CatchmentFixtures {
    /// An axis-aligned square (or rectangle) polygon.
    static func square(_ context: GeometryContext, x: Double, y: Double, width: Double,
                       height: Double? = nil) throws -> Geometry {
        let h = height ?? width
        return try context.polygon(exterior: [
            Point(x: x, y: y), Point(x: x + width, y: y), Point(x: x + width, y: y + h), Point(x: x, y: y + h),
        ])
    }

    /// A `columns` × `rows` grid of `size`-metre squares starting at (`x`, `y`), row by row from the south;
    /// codes "R<row>C<column>".
    static func grid(_ context: GeometryContext, columns: Int, rows: Int, size: Double = 1_000,
                     x: Double = 100_000, y: Double = 400_000) throws -> (codes: [String], geometries: [Geometry]) {
        var codes: [String] = []
        var geometries: [Geometry] = []
        for r in 0..<rows {
            for c in 0..<columns {
                codes.append("R\(r)C\(c)")
                geometries.append(try square(context, x: x + Double(c) * size, y: y + Double(r) * size, width: size))
            }
        }
        return (codes, geometries)
    }

    /// Rook adjacency of a `columns` × `rows` lattice numbered row by row, with cell-centre coordinates
    /// `spacing` metres apart: the plain inputs of a max-p problem.
    static func lattice(columns: Int, rows: Int, spacing: Double = 1_000) -> (neighbors: [[Int]], coordinates: [Point]) {
        var neighbors = [[Int]](repeating: [], count: columns * rows)
        var coordinates: [Point] = []
        for r in 0..<rows {
            for c in 0..<columns {
                let u = r * columns + c
                if c > 0 { neighbors[u].append(u - 1) }
                if c < columns - 1 { neighbors[u].append(u + 1) }
                if r > 0 { neighbors[u].append(u - columns) }
                if r < rows - 1 { neighbors[u].append(u + columns) }
                coordinates.append(Point(x: (Double(c) + 0.5) * spacing, y: (Double(r) + 0.5) * spacing))
            }
        }
        return (neighbors, coordinates)
    }

    /// An independent breadth-first search: do `units` form one connected piece of `neighbors`?
    static func isConnected(_ units: [Int], _ neighbors: [[Int]]) -> Bool {
        guard let first = units.first else { return false }
        let wanted = Set(units)
        var seen: Set<Int> = [first]
        var queue = [first]
        var head = 0
        while head < queue.count {
            let u = queue[head]
            head += 1
            for v in neighbors[u] where wanted.contains(v) && !seen.contains(v) {
                seen.insert(v)
                queue.append(v)
            }
        }
        return seen.count == wanted.count
    }
}
