import RegioSpatial

/// Writes rings and lines (RD metres, already simplified) as compact SVG path data in a ``MapFrame``:
/// an absolute move to the first point, then relative line-tos (`l`) between whole map units, with
/// repeated points (after rounding to 10 m) dropped and no separator before a minus sign. A ring that
/// collapses to fewer than 3 distinct points is left out.
struct SVGPathEncoder {
    let frame: MapFrame

    /// Path data of polygons (each: exterior then holes), rings closed with `z`. Fill with `evenodd` or
    /// `nonzero`: the rings of a valid polygon give the same result with either.
    func polygons(_ polygons: [[[Point]]]) -> String {
        var out = ""
        for polygon in polygons {
            for ring in polygon { append(ring, closed: true, to: &out) }
        }
        return out
    }

    /// Path data of open lines.
    func lines(_ lines: [[Point]]) -> String {
        var out = ""
        for line in lines { append(line, closed: false, to: &out) }
        return out
    }

    private func append(_ points: [Point], closed: Bool, to out: inout String) {
        var positions: [(x: Int, y: Int)] = []
        positions.reserveCapacity(points.count)
        for p in points {
            let q = frame.position(p)
            if let last = positions.last, last == q { continue }
            positions.append(q)
        }
        // A closed ring repeats its first point: the `z` closes it instead.
        if closed, positions.count > 1, positions.first! == positions.last! { positions.removeLast() }
        guard positions.count >= (closed ? 3 : 2) else { return }
        out += "M\(positions[0].x) \(positions[0].y)l"
        var previous = positions[0]
        var first = true
        for q in positions.dropFirst() {
            for value in [q.x - previous.x, q.y - previous.y] {
                if !first && value >= 0 { out += " " }
                out += String(value)
                first = false
            }
            previous = q
        }
        if closed { out += "z" }
    }
}
