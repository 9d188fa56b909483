/// The two encodings of a ``LayerStyle``: QGIS QML (the `styleQML` column) and OGC SLD 1.1 (`styleSLD`).
extension LayerStyle {
    /// The style as a QGIS 3 QML document (symbology only): a `categorizedSymbol` or `graduatedSymbol` renderer
    /// on ``field`` with one simple symbol per class (marker, line or fill after the geometry type).
    public var qml: String {
        let graduated = classes.first?.range != nil
        var out = "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
        out += "<qgis version=\"3.28.0\" styleCategories=\"Symbology\">\n"
        out += graduated
            ? "  <renderer-v2 type=\"graduatedSymbol\" attr=\"\(field.htmlEscaped)\" graduatedMethod=\"GraduatedColor\" symbollevels=\"0\" forceraster=\"0\" enableorderby=\"0\">\n    <ranges>\n"
            : "  <renderer-v2 type=\"categorizedSymbol\" attr=\"\(field.htmlEscaped)\" symbollevels=\"0\" forceraster=\"0\" enableorderby=\"0\">\n    <categories>\n"
        for (i, c) in classes.enumerated() {
            if let range = c.range {
                out += "      <range symbol=\"\(i)\" lower=\"\(range.lowerBound)\" upper=\"\(range.upperBound)\" label=\"\(c.label.htmlEscaped)\" render=\"true\"/>\n"
            } else {
                out += "      <category symbol=\"\(i)\" value=\"\((c.value ?? "").htmlEscaped)\" type=\"string\" label=\"\(c.label.htmlEscaped)\" render=\"true\"/>\n"
            }
        }
        out += graduated ? "    </ranges>\n" : "    </categories>\n"
        out += "    <symbols>\n"
        for (i, c) in classes.enumerated() { out += symbol(named: "\(i)", color: c.color) }
        out += "    </symbols>\n  </renderer-v2>\n"
        out += "  <layerGeometryType>\(qgisGeometryType)</layerGeometryType>\n</qgis>\n"
        return out
    }

    /// QGIS's geometry type number: 0 point, 1 line, 2 polygon.
    var qgisGeometryType: Int {
        switch geometryType {
        case .point: 0
        case .lineString: 1
        case .multiPolygon: 2
        }
    }

    /// "215,25,28,255": a QML colour.
    static func qmlColor(_ c: (Int, Int, Int)) -> String { "\(c.0),\(c.1),\(c.2),255" }

    /// "#d7191c": an SLD colour.
    static func hexColor(_ c: (Int, Int, Int)) -> String {
        "#" + [c.0, c.1, c.2].map { component in
            let digits = String(Swift.min(255, Swift.max(0, component)), radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }

    /// One QML symbol: a circle of 3 mm, a line of 0.8 mm, or a fill with a thin grey outline.
    func symbol(named name: String, color: (Int, Int, Int)) -> String {
        let (kind, layerClass, options): (String, String, [(String, String)])
        switch geometryType {
        case .point:
            (kind, layerClass, options) = ("marker", "SimpleMarker", [
                ("color", Self.qmlColor(color)), ("name", "circle"), ("size", "3"), ("size_unit", "MM"),
                ("outline_color", "35,35,35,255"), ("outline_width", "0.2"), ("outline_width_unit", "MM")])
        case .lineString:
            (kind, layerClass, options) = ("line", "SimpleLine", [
                ("line_color", Self.qmlColor(color)), ("line_width", "0.8"), ("line_width_unit", "MM"),
                ("line_style", "solid"), ("capstyle", "round")])
        case .multiPolygon:
            (kind, layerClass, options) = ("fill", "SimpleFill", [
                ("color", Self.qmlColor(color)), ("style", "solid"), ("outline_color", "90,90,90,255"),
                ("outline_width", "0.2"), ("outline_width_unit", "MM"), ("outline_style", "solid")])
        }
        var out = "      <symbol type=\"\(kind)\" name=\"\(name)\" alpha=\"\(geometryType == .multiPolygon ? "0.8" : "1")\" clip_to_extent=\"1\" force_rhr=\"0\">\n"
        out += "        <layer class=\"\(layerClass)\" enabled=\"1\" locked=\"0\" pass=\"0\">\n          <Option type=\"Map\">\n"
        for (key, value) in options { out += "            <Option type=\"QString\" name=\"\(key)\" value=\"\(value)\"/>\n" }
        out += "          </Option>\n        </layer>\n      </symbol>\n"
        return out
    }

    /// The style as an OGC SLD 1.1 document for layer `layer`: one rule per class with its filter and symbolizer.
    public func sld(layer: String) -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <StyledLayerDescriptor xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc" \
            xmlns:se="http://www.opengis.net/se" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" version="1.1.0" \
            xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.1.0/StyledLayerDescriptor.xsd">
              <NamedLayer>
                <se:Name>\(layer.htmlEscaped)</se:Name>
                <UserStyle>
                  <se:Name>\(name.htmlEscaped)</se:Name>
                  <se:FeatureTypeStyle>

            """
        let property = "<ogc:PropertyName>\(field.htmlEscaped)</ogc:PropertyName>"
        for c in classes {
            out += "        <se:Rule>\n          <se:Name>\(c.label.htmlEscaped)</se:Name>\n          <ogc:Filter>"
            if let range = c.range {
                out += "<ogc:And><ogc:PropertyIsGreaterThanOrEqualTo>\(property)<ogc:Literal>\(range.lowerBound)</ogc:Literal></ogc:PropertyIsGreaterThanOrEqualTo>"
                out += "<ogc:PropertyIsLessThan\(range.upperBound >= 1 ? "OrEqualTo" : "")>\(property)<ogc:Literal>\(range.upperBound)</ogc:Literal></ogc:PropertyIsLessThan\(range.upperBound >= 1 ? "OrEqualTo" : "")></ogc:And>"
            } else {
                out += "<ogc:PropertyIsEqualTo>\(property)<ogc:Literal>\((c.value ?? "").htmlEscaped)</ogc:Literal></ogc:PropertyIsEqualTo>"
            }
            out += "</ogc:Filter>\n          \(symbolizer(Self.hexColor(c.color)))\n        </se:Rule>\n"
        }
        out += "      </se:FeatureTypeStyle>\n    </UserStyle>\n  </NamedLayer>\n</StyledLayerDescriptor>\n"
        return out
    }

    /// The SLD symbolizer of the geometry type in `color`.
    func symbolizer(_ color: String) -> String {
        func parameter(_ name: String, _ value: String) -> String { "<se:SvgParameter name=\"\(name)\">\(value)</se:SvgParameter>" }
        switch geometryType {
        case .point:
            return "<se:PointSymbolizer><se:Graphic><se:Mark><se:WellKnownName>circle</se:WellKnownName><se:Fill>\(parameter("fill", color))</se:Fill><se:Stroke>\(parameter("stroke", "#232323"))</se:Stroke></se:Mark><se:Size>11</se:Size></se:Graphic></se:PointSymbolizer>"
        case .lineString:
            return "<se:LineSymbolizer><se:Stroke>\(parameter("stroke", color))\(parameter("stroke-width", "3"))</se:Stroke></se:LineSymbolizer>"
        case .multiPolygon:
            return "<se:PolygonSymbolizer><se:Fill>\(parameter("fill", color))\(parameter("fill-opacity", "0.8"))</se:Fill><se:Stroke>\(parameter("stroke", "#5a5a5a"))\(parameter("stroke-width", "0.5"))</se:Stroke></se:PolygonSymbolizer>"
        }
    }
}
