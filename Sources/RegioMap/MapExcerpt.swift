import RegioDomain
import RegioReports
import RegioSpatial

/// A still picture of part of a ``MapData``: one SVG element (no script, no external file) of the land, the
/// municipality borders, the territories, the schools, and the close-by pairs and overlaps of one region, inside
/// a view, with that region in front. For printed letters, where the interactive page of `regio map` does not
/// fit. It draws the path data ``MapDataBuilder`` made (the same shapes, simplification and colours as the map
/// page); the picture scales to the width it is given (`width="100%"`, `viewBox` in map units).
public struct MapExcerpt: Sendable {
    public let data: MapData
    /// The part shown, EPSG:28992 (RD New) metres.
    public let view: Envelope
    /// The region drawn in front and outlined; its schools are black, its close-by pairs and overlaps marked.
    public let focus: RegionID
    /// The picture's accessible name (`<title>`, `aria-label`).
    public let title: String

    public init(data: MapData, view: Envelope, focus: RegionID, title: String) {
        self.data = data
        self.view = view
        self.focus = focus
        self.title = title
    }

    /// The `<svg>` element, with the XML namespace, so it is also a valid SVG file on its own.
    public func svg() -> String {
        let topLeft = data.frame.position(Point(x: view.minX, y: view.maxY))
        let bottomRight = data.frame.position(Point(x: view.maxX, y: view.minY))
        let width = max(1, bottomRight.x - topLeft.x), height = max(1, bottomRight.y - topLeft.y)
        // Marks are sized in map units relative to the view: as if the picture were 600 px wide.
        let px = Double(max(width, height)) / 600
        func n(_ x: Double) -> String { String((x * 10).rounded() / 10) }

        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"regio-excerpt\" viewBox=\"\(topLeft.x) \(topLeft.y) \(width) \(height)\" "
        out += "width=\"100%\" preserveAspectRatio=\"xMidYMid meet\" role=\"img\" aria-label=\"\(title.htmlEscaped)\">\n"
        out += "<title>\(title.htmlEscaped)</title>\n"
        // Stroke widths in screen units whatever the scale (the borders stay hairlines when printed).
        out += "<style>.regio-excerpt path, .regio-excerpt line, .regio-excerpt circle { vector-effect: non-scaling-stroke; }</style>\n"
        out += "<rect x=\"\(topLeft.x)\" y=\"\(topLeft.y)\" width=\"\(width)\" height=\"\(height)\" fill=\"#dde8f0\"/>\n"
        if !data.land.isEmpty { out += "<path d=\"\(data.land)\" fill=\"#f6f4ee\" fill-rule=\"evenodd\"/>\n" }

        let focusRegion = data.regions.first { $0.id == focus }
        for region in data.regions where region.id != focus && !region.path.isEmpty {
            out += "<path d=\"\(region.path)\" fill=\"\(region.color)\" fill-opacity=\".22\" stroke=\"\(region.color)\" stroke-width=\"1\" fill-rule=\"evenodd\"/>\n"
        }
        if !data.borders.isEmpty {
            out += "<path d=\"\(data.borders)\" fill=\"none\" stroke=\"#8a97a4\" stroke-opacity=\".6\" stroke-width=\".6\" stroke-linejoin=\"round\"/>\n"
        }
        if let region = focusRegion, !region.path.isEmpty {
            out += "<path d=\"\(region.path)\" fill=\"\(region.color)\" fill-opacity=\".5\" stroke=\"#111\" stroke-width=\"2.2\" stroke-linejoin=\"round\" fill-rule=\"evenodd\"/>\n"
        }
        for overlap in data.overlaps where overlap.regions.contains(focus) {
            out += "<path d=\"\(overlap.path)\" fill=\"#c77700\" fill-opacity=\".35\" stroke=\"#c77700\" stroke-width=\"1.2\" stroke-dasharray=\"4 3\" fill-rule=\"evenodd\"/>\n"
        }
        for pair in data.pairs where pair.regions.contains(focus) {
            let l = pair.line
            out += "<line x1=\"\(l[0])\" y1=\"\(l[1])\" x2=\"\(l[2])\" y2=\"\(l[3])\" stroke=\"#b00020\" stroke-width=\"1.4\" stroke-linecap=\"round\"/>\n"
        }
        let inView = { (x: Int, y: Int) in
            x >= topLeft.x && x <= topLeft.x + width && y >= topLeft.y && y <= topLeft.y + height
        }
        // Other schools first, the focus region's on top.
        for school in data.schools where !school.regions.contains(focus) && inView(school.x, school.y) {
            let fill = school.regions.isEmpty ? "#b8c0c8" : "#fff"
            out += "<circle cx=\"\(school.x)\" cy=\"\(school.y)\" r=\"\(n(2.6 * px))\" fill=\"\(fill)\" stroke=\"#555\" stroke-width=\".8\"/>\n"
        }
        for school in data.schools where school.regions.contains(focus) {
            let r = school.technical ? 4.2 * px : 3.2 * px
            out += "<circle cx=\"\(school.x)\" cy=\"\(school.y)\" r=\"\(n(r))\" fill=\"#111\" stroke=\"#fff\" stroke-width=\"1\"/>\n"
        }
        for ring in data.rings where ring.regions.contains(focus) {
            out += "<circle cx=\"\(ring.x)\" cy=\"\(ring.y)\" r=\"\(n(8 * px))\" fill=\"none\" stroke=\"#b00020\" stroke-width=\"1.8\"/>\n"
        }
        for region in data.regions {
            guard let label = region.label, label.count == 2, inView(label[0], label[1]) else { continue }
            let size = region.id == focus ? 14 * px : 11 * px
            out += "<text x=\"\(label[0])\" y=\"\(label[1])\" font-family=\"system-ui, sans-serif\" font-size=\"\(n(size))\" font-weight=\"\(region.id == focus ? 700 : 600)\" "
            out += "text-anchor=\"middle\" dominant-baseline=\"central\" fill=\"#1f2933\" stroke=\"#fff\" stroke-opacity=\".9\" stroke-width=\"\(n(3 * px))\" paint-order=\"stroke\">\(region.id.rawValue.htmlEscaped)</text>\n"
        }
        out += "</svg>\n"
        return out
    }
}
