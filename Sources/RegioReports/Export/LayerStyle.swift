/// How QGIS draws a layer of the GeoPackage: a row of its `layer_styles` table (the QGIS convention), with the
/// style as QGIS's own QML and as OGC SLD 1.1 for other tools. QGIS applies the default style (`useAsDefault`)
/// when it opens the layer.
public struct LayerStyle: Sendable {
    /// One class of a style: the features it draws, its colour and its legend label.
    public struct Class: Sendable {
        /// Categorized: the field value the class draws.
        public var value: String?
        /// Graduated: the values from `lower` (inclusive) to `upper`.
        public var range: ClosedRange<Double>?
        /// sRGB colour, 0–255 each.
        public var color: (Int, Int, Int)
        /// The legend entry.
        public var label: String
    }

    /// The style's name in QGIS's style list.
    public let name: String
    /// The field the classes read.
    public let field: String
    /// The geometry type it draws.
    public let geometryType: ExportGeometryType
    /// The classes, in legend order.
    public let classes: [Class]
    /// What the style shows, for the `description` column.
    public let description: String

    /// Features coloured by the value of `field` (QGIS `categorizedSymbol`).
    public static func categorized(_ name: String, field: String, geometryType: ExportGeometryType,
                                   _ categories: [(value: String, color: (Int, Int, Int), label: String)],
                                   description: String) -> LayerStyle {
        LayerStyle(name: name, field: field, geometryType: geometryType,
                   classes: categories.map { Class(value: $0.value, range: nil, color: $0.color, label: $0.label) },
                   description: description)
    }

    /// Features coloured by the range `field` falls in (QGIS `graduatedSymbol`).
    public static func graduated(_ name: String, field: String, geometryType: ExportGeometryType,
                                 _ ranges: [(range: ClosedRange<Double>, color: (Int, Int, Int), label: String)],
                                 description: String) -> LayerStyle {
        LayerStyle(name: name, field: field, geometryType: geometryType,
                   classes: ranges.map { Class(value: nil, range: $0.range, color: $0.color, label: $0.label) },
                   description: description)
    }

    /// The findings layers' style: error red, warning orange, info blue.
    static func bySeverity(_ geometryType: ExportGeometryType) -> LayerStyle {
        categorized("findings by severity", field: "severity", geometryType: geometryType, [
            ("error", (215, 25, 28), "error"), ("warning", (253, 141, 60), "warning"), ("info", (44, 123, 182), "info"),
        ], description: "findings coloured by severity: error red, warning orange, info blue")
    }

    /// The regions layer's style: technical share in five classes, the lowest those below `techniekarmBelow`
    /// (0–1, the techniekarm threshold).
    static func byTechnicalShare(techniekarmBelow threshold: Double) -> LayerStyle {
        let percent = { (share: Double) in "\(Int((share * 100).rounded())) %" }
        // Rounded to 0.01 % so that the bounds read 0.15, not 0.15000000000000002.
        let bounds = [0, threshold, threshold + 0.05, threshold + 0.10, threshold + 0.20, 1].map { min(1, ($0 * 10_000).rounded() / 10_000) }
        let colors = [(215, 48, 39), (252, 141, 89), (254, 224, 139), (145, 207, 96), (26, 152, 80)]
        var ranges: [(range: ClosedRange<Double>, color: (Int, Int, Int), label: String)] = []
        for i in 0..<5 where bounds[i] < bounds[i + 1] {
            let label = i == 0 ? "below \(percent(threshold)) (techniekarm)"
                : i == 4 ? "\(percent(bounds[i])) or more" : "\(percent(bounds[i])) – \(percent(bounds[i + 1]))"
            ranges.append((bounds[i]...bounds[i + 1], colors[i], label))
        }
        return graduated("regions by technical share", field: "technicalShare", geometryType: .multiPolygon, ranges,
                         description: "regions coloured by technical share; red below the techniekarm threshold")
    }
}
