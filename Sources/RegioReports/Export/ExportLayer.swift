import RegioSpatial

/// A property column of an exported layer: a stable name and a type.
public struct ExportField: Sendable, Hashable {
    /// The column type, as a GeoPackage feature table declares it.
    public enum Kind: String, Sendable {
        /// Strings; integers; real numbers; booleans (0/1 in SQLite).
        case text = "TEXT", integer = "INTEGER", real = "REAL", boolean = "BOOLEAN"
    }

    /// The property name (camelCase, stable across versions: tools and notebooks read it).
    public let name: String
    /// The column type.
    public let kind: Kind
    /// What the property holds, with its unit.
    public let description: String

    /// A field named `name` of type `kind`, described by `description`.
    public init(_ name: String, _ kind: Kind, _ description: String) {
        self.name = name
        self.kind = kind
        self.description = description
    }
}

/// The one geometry type of a spatial export layer: every feature of the layer has a geometry of exactly this
/// kind (GIS tools such as ArcGIS and several GDAL drivers accept no mixed or null geometries).
public enum ExportGeometryType: String, Sendable, CaseIterable {
    /// One school location.
    case point = "POINT"
    /// A straight line between two places (a close-by pair, a suggestion).
    case lineString = "LINESTRING"
    /// An area of one or more parts (a territory, a catchment area, an overlap).
    case multiPolygon = "MULTIPOLYGON"

    /// The GEOS kind of every geometry of such a layer.
    public var kind: Geometry.Kind {
        switch self {
        case .point: .point
        case .lineString: .lineString
        case .multiPolygon: .multiPolygon
        }
    }

    /// The GeoPackage `geometry_type_name` (OGC simple features name).
    public var geoPackageName: String { rawValue }

    /// The RFC 7946 geometry `type`.
    public var geoJSONName: String {
        switch self {
        case .point: "Point"
        case .lineString: "LineString"
        case .multiPolygon: "MultiPolygon"
        }
    }
}

/// One feature of an exported layer: a geometry in EPSG:28992 (RD New, metres), none in an attribute table,
/// and one value per field of its layer, in field order.
public struct ExportFeature {
    /// EPSG:28992 metres, of the layer's ``ExportGeometryType``; `nil` exactly in an attribute table.
    public let geometry: Geometry?
    /// One value per field of the layer, in field order.
    public let values: [ExportValue]

    /// A feature with `geometry` (EPSG:28992, or `nil` for a row of an attribute table) and `values`.
    public init(geometry: Geometry?, values: [ExportValue]) {
        self.geometry = geometry
        self.values = values
    }
}

/// A layer of the export: a map layer of one geometry type (`schools`, `regions`, `findings_lines`, …) or an
/// attribute table without geometry (`regions_without_territory`, `findings_without_location`), its fields and
/// features. Geometries are EPSG:28992 (RD New) metres and belong to one ``GeometryContext``: keep a layer in
/// one task.
public struct ExportLayer {
    /// The layer name: the GeoJSON (or, for a table, CSV) file name without extension, the GeoPackage table name.
    public let name: String
    /// The geometry type of every feature; `nil` for an attribute table (GeoPackage data type `attributes`,
    /// written as CSV beside the GeoJSON files).
    public let geometryType: ExportGeometryType?
    /// One sentence saying what a feature is (the GeoPackage `gpkg_contents.description`).
    public let description: String
    /// The property columns, in order.
    public let fields: [ExportField]
    /// The features, in a stable order (schools by code, regions in registration order, findings worst first).
    public let features: [ExportFeature]
    /// How QGIS draws the layer (the GeoPackage's `layer_styles`); `nil` leaves it to the tool.
    public let style: LayerStyle?

    /// A layer. Every feature has one value per field, and a non-empty geometry of `geometryType` (a map
    /// layer) or none (an attribute table, `geometryType` `nil`): the layers' builders sort features so.
    public init(name: String, geometryType: ExportGeometryType?, description: String, fields: [ExportField],
                features: [ExportFeature], style: LayerStyle? = nil) {
        precondition(features.allSatisfy { $0.values.count == fields.count }, "every feature needs one value per field")
        precondition(features.allSatisfy { feature in
            guard let type = geometryType else { return feature.geometry == nil }
            return feature.geometry.map { !$0.isEmpty && $0.kind == type.kind } ?? false
        }, "layer \(name): every feature needs a geometry of the layer's one type, or none in an attribute table")
        self.name = name
        self.geometryType = geometryType
        self.description = description
        self.fields = fields
        self.features = features
        self.style = style
    }

    /// Whether the layer is a map layer (it has a geometry type), not an attribute table.
    public var isSpatial: Bool { geometryType != nil }

    /// The value of field `name` in feature `index` (for tests and reports).
    public func value(_ name: String, of index: Int) -> ExportValue? {
        fields.firstIndex { $0.name == name }.map { features[index].values[$0] }
    }
}

extension ExportLayer {
    /// `features` parted by whether they have a geometry: a map layer `name` of `type` with those that have one,
    /// and the attribute table `tableName` with the rest (their geometry dropped), both with `fields`. So a
    /// region without territory is listed apart instead of as a null geometry.
    static func parted(_ features: [ExportFeature], fields: [ExportField], name: String, type: ExportGeometryType,
                       description: String, style: LayerStyle? = nil, tableName: String,
                       tableDescription: String) -> [ExportLayer] {
        let located = features.filter { $0.geometry.map { !$0.isEmpty } ?? false }
        let rest = features.filter { $0.geometry.map(\.isEmpty) ?? true }.map { ExportFeature(geometry: nil, values: $0.values) }
        return [ExportLayer(name: name, geometryType: type, description: description, fields: fields, features: located,
                            style: style),
                ExportLayer(name: tableName, geometryType: nil, description: tableDescription, fields: fields, features: rest)]
    }
}
