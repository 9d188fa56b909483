import Foundation
import RegioDomain
import RegioSpatial

/// A cell of the municipality grid: `column` counts from west (0) to east, `row` from south (0) to north.
struct Cell: Hashable, Comparable, CustomStringConvertible {
    let column: Int
    let row: Int

    init(_ column: Int, _ row: Int) {
        self.column = column
        self.row = row
    }

    static func < (a: Cell, b: Cell) -> Bool { (a.row, a.column) < (b.row, b.column) }
    var description: String { "(\(column),\(row))" }
}

/// An edge of the grid between two cells, named by its first vertex.
enum GridEdge {
    /// The edge from vertex (i, j) east to (i + 1, j): between cell (i, j − 1) below and (i, j) above.
    case horizontal(Int, Int)
    /// The edge from vertex (i, j) north to (i, j + 1): between cell (i − 1, j) left and (i, j) right.
    case vertical(Int, Int)
}

/// The mainland of the demo: a grid of 6 × 6 cells of 13.3 km over RD New x 150–230 km,
/// y 420–500 km (the Veluwe and Gelderse Vallei, a plausible inland spot), minus two corner cells,
/// whose vertices are jittered so that the cells become believable municipality shapes.
///
/// Every coordinate is in EPSG:28992 (RD New, metres). Neighbouring cells use the very same vertex
/// and edge points, so the cells tile the area without gaps or overlaps by construction; each edge is
/// a polyline of nine points (two corners and seven jittered interior points).
struct MunicipalityGrid {
    /// The south-west corner of the grid, RD New metres.
    static let origin = Point(x: 150_000, y: 420_000)
    static let columns = 6
    static let rows = 6
    /// Side of one cell, metres.
    static let cellSize = 80_000.0 / 6.0
    /// Cells left out to give the outline a less rectangular shape.
    static let removedCells: Set<Cell> = [Cell(0, 5), Cell(5, 0)]

    /// The largest corner displacement per axis, metres (15 % of a cell).
    static let cornerJitter = 0.15 * cellSize
    /// The largest sideways displacement of an edge's midpoint, metres.
    static let midpointJitter = 0.12 * cellSize
    /// The largest sideways displacement of an edge's quarter points, metres (eighth points: half of it).
    static let quarterJitter = 0.05 * cellSize

    /// All mainland cells, south-west first, row by row.
    static var cells: [Cell] {
        var result: [Cell] = []
        for row in 0..<rows {
            for column in 0..<columns where !removedCells.contains(Cell(column, row)) {
                result.append(Cell(column, row))
            }
        }
        return result
    }

    /// Jittered vertices, `[i][j]` for i in 0...columns, j in 0...rows.
    private let vertices: [[Point]]
    /// Interior points of horizontal edges, `[i][j]`, i in 0..<columns, j in 0...rows, west to east.
    private let horizontalEdges: [[[Point]]]
    /// Interior points of vertical edges, `[i][j]`, i in 0...columns, j in 0..<rows, south to north.
    private let verticalEdges: [[[Point]]]

    init(random: inout SplitMix64) {
        let s = Self.cellSize
        var vertices: [[Point]] = []
        for i in 0...Self.columns {
            var column: [Point] = []
            for j in 0...Self.rows {
                column.append(Point(x: Self.origin.x + Double(i) * s + random.jitter(Self.cornerJitter),
                                    y: Self.origin.y + Double(j) * s + random.jitter(Self.cornerJitter)))
            }
            vertices.append(column)
        }
        self.vertices = vertices

        var horizontal: [[[Point]]] = []
        for i in 0..<Self.columns {
            var column: [[Point]] = []
            for j in 0...Self.rows {
                column.append(Self.edgeInterior(from: vertices[i][j], to: vertices[i + 1][j], random: &random))
            }
            horizontal.append(column)
        }
        horizontalEdges = horizontal

        var vertical: [[[Point]]] = []
        for i in 0...Self.columns {
            var column: [[Point]] = []
            for j in 0..<Self.rows {
                column.append(Self.edgeInterior(from: vertices[i][j], to: vertices[i][j + 1], random: &random))
            }
            vertical.append(column)
        }
        verticalEdges = vertical
    }

    /// Seven interior points for the edge from `a` to `b`, by midpoint displacement: the midpoint moves
    /// sideways (and a little along), then the quarter and eighth points move sideways less and less,
    /// so that borders wiggle like real ones instead of looking ruled.
    private static func edgeInterior(from a: Point, to b: Point, random: inout SplitMix64) -> [Point] {
        let dx = b.x - a.x, dy = b.y - a.y
        let length = (dx * dx + dy * dy).squareRoot()
        let along = Point(x: dx / length, y: dy / length)
        let side = Point(x: -along.y, y: along.x)
        let sideways = random.jitter(midpointJitter)
        let lengthwise = random.jitter(0.06 * cellSize)
        let mid = Point(x: (a.x + b.x) / 2 + side.x * sideways + along.x * lengthwise,
                        y: (a.y + b.y) / 2 + side.y * sideways + along.y * lengthwise)
        /// The points strictly between `p` and `q`, displaced by up to `amplitude`, halving per level.
        func subdivide(_ p: Point, _ q: Point, amplitude: Double, levels: Int, _ random: inout SplitMix64) -> [Point] {
            guard levels > 0 else { return [] }
            let offset = random.jitter(amplitude)
            let m = Point(x: (p.x + q.x) / 2 + side.x * offset, y: (p.y + q.y) / 2 + side.y * offset)
            return subdivide(p, m, amplitude: amplitude / 2, levels: levels - 1, &random) + [m]
                + subdivide(m, q, amplitude: amplitude / 2, levels: levels - 1, &random)
        }
        return subdivide(a, mid, amplitude: quarterJitter, levels: 2, &random) + [mid]
            + subdivide(mid, b, amplitude: quarterJitter, levels: 2, &random)
    }

    /// The jittered grid vertex (i, j), RD New metres.
    func vertex(_ i: Int, _ j: Int) -> Point { vertices[i][j] }

    /// The undistorted centre of `cell`, RD New metres.
    static func centre(of cell: Cell) -> Point {
        Point(x: origin.x + (Double(cell.column) + 0.5) * cellSize, y: origin.y + (Double(cell.row) + 0.5) * cellSize)
    }

    /// The boundary of `cell`, counter-clockwise, not closed (first point not repeated), RD New metres.
    func ring(of cell: Cell) -> [Point] {
        let c = cell.column, r = cell.row
        var ring: [Point] = [vertices[c][r]]
        ring += horizontalEdges[c][r]                  // bottom, west to east
        ring.append(vertices[c + 1][r])
        ring += verticalEdges[c + 1][r]                // right, south to north
        ring.append(vertices[c + 1][r + 1])
        ring += horizontalEdges[c][r + 1].reversed()   // top, east to west
        ring.append(vertices[c][r + 1])
        ring += verticalEdges[c][r].reversed()         // left, north to south
        return ring
    }

    /// The jittered midpoint of `edge` and the unit normal of the edge's chord, pointing into the cell
    /// above (horizontal edge) or to the right (vertical edge).
    func midpoint(of edge: GridEdge) -> (point: Point, normal: Point) {
        switch edge {
        case let .horizontal(i, j):
            let a = vertices[i][j], b = vertices[i + 1][j]
            let dx = b.x - a.x, dy = b.y - a.y, length = (dx * dx + dy * dy).squareRoot()
            return (horizontalEdges[i][j][horizontalEdges[i][j].count / 2], Point(x: -dy / length, y: dx / length))
        case let .vertical(i, j):
            let a = vertices[i][j], b = vertices[i][j + 1]
            let dx = b.x - a.x, dy = b.y - a.y, length = (dx * dx + dy * dy).squareRoot()
            return (verticalEdges[i][j][verticalEdges[i][j].count / 2], Point(x: dy / length, y: -dx / length))
        }
    }
}

/// The island municipality: a lumpy ellipse in a lake north of the mainland, RD New metres.
struct Island {
    /// Where the island's centre is meant to be, before jitter: about 14 km off the northern coast.
    static let nominalCentre = Point(x: 190_000, y: 515_000)
    /// Half-axes of the ellipse, metres.
    static let halfAxes = (x: 4_500.0, y: 2_300.0)

    let centre: Point
    /// The coastline, counter-clockwise, not closed.
    let ring: [Point]

    init(random: inout SplitMix64) {
        centre = Point(x: Self.nominalCentre.x + random.jitter(1_000), y: Self.nominalCentre.y + random.jitter(800))
        let tilt = random.jitter(0.25)
        var ring: [Point] = []
        let vertexCount = 24
        for k in 0..<vertexCount {
            let angle = 2 * Double.pi * Double(k) / Double(vertexCount)
            let factor = 1 + random.jitter(0.08)
            let x = Self.halfAxes.x * factor * cos(angle), y = Self.halfAxes.y * factor * sin(angle)
            ring.append(Point(x: centre.x + x * cos(tilt) - y * sin(tilt), y: centre.y + x * sin(tilt) + y * cos(tilt)))
        }
        self.ring = ring
    }
}

/// A fictional municipality (*gemeente*) of the demo, while the dataset is drawn.
///
/// Independent of RegioDomain's `Municipality` on purpose: that one is a finished GEOS polygon with a CBS
/// code, as a reader of `municipalities.geojson` gets it. The generator needs what the files carry besides
/// the shape (province, telephone area code, main town), the grid cell it was drawn from and the ring as
/// plain points to project and write; and its CBS number is given only after all names are drawn (they
/// are numbered alphabetically).
struct DemoMunicipality {
    /// The four digits of the CBS code: 9001 and up, so that no real code is used.
    var number: Int
    var name: String
    /// The grid cell it covers; `nil` for the island.
    let cell: Cell?
    /// The boundary, counter-clockwise, not closed, RD New metres.
    let ring: [Point]
    let province: String
    /// Telephone area code, as in the PC4 file's `netnummer` column.
    let areaCode: String
    /// The centre of the main town, which carries the municipality's name, RD New metres.
    var town: Point

    /// CBS code, e.g. "GM9001".
    var statcode: String { "GM" + String(number) }
    /// DUO's GEMEENTENUMMER, e.g. "9001".
    var gemeentenummer: String { String(number) }
}

/// Dutch-sounding names that are not real places (checked against the 2018 and 2020 municipality
/// lists and the PC4 place names in `../shared/geodata`).
enum PlaceNames {
    static let municipalities = [
        "Elderveen", "Ravenshorst", "Lindewaard", "Brakelo", "Heerdenbroek", "Oosterzande", "Vlierdam",
        "Eekhorst", "Hoogmeeden", "Sluisvliet", "'s-Gravenbroek", "Zandwijk", "Dorrebeek", "Esselo",
        "Kranendijk", "Wolderwijk", "Marsloo", "Holtervaart", "Brummelveen", "Ter Haarle", "Bergsloot",
        "Nieuw-Ommelo", "Hessum", "Wittendaal", "Loenerbroek", "Kampervlied", "Garsterwoude", "Eemsloot",
        "Hunderkamp", "Rhedenhorst", "Asselwijk", "Veldhorst", "Grevenlo", "Molenrade", "Weverlo",
        "Ommerdijk", "Scherpenhorst", "Emstloo", "Heerdewijk", "Oldenhaarle",
    ]
    static let island = "Meeuwenoog"
    static let villages = [
        "Blankendijk", "Hazelaar", "Molenbroek", "Klaverlo", "Zwanenwaard", "Ganzenhoek", "Dennenrade",
        "Hulsbeek", "Ekelenburg", "Heidebroek", "Wilgenhof", "Beukenrode", "Vossenveld", "Kievitsdal",
        "Uilenhorst", "Reigersloot", "Eikelhof", "Varenbeek", "Haaksveen", "Apperlo", "Terwoude", "Epelo",
        "Doornwaard", "Ruurdam", "Loenwaard", "Staverloo", "Emmerwold", "Sint-Joriskerk", "Westerduin",
        "Oud-Brakel", "Hazenhorst", "Wulpenbroek", "Reeveld", "Koekoeksdal", "Vinkenlo", "Mossendam",
    ]
    static let areaCodes = ["033", "0318", "0341", "0342", "0343", "0577", "0578", "055", "026", "0525"]
}
