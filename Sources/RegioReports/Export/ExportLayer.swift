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

/// One feature of an exported layer: a geometry in EPSG:28992 (RD New, metres), or none, and one value
/// per field of its layer, in field order.
public struct ExportFeature {
    /// EPSG:28992 metres; `nil` for a feature without a location (written as a null geometry).
    public let geometry: Geometry?
    /// One value per field of the layer, in field order.
    public let values: [ExportValue]

    /// A feature with `geometry` (EPSG:28992, or `nil`) and `values`.
    public init(geometry: Geometry?, values: [ExportValue]) {
        self.geometry = geometry
        self.values = values
    }
}

/// A map layer of the export (`schools`, `regions`, `catchments`, `findings`, `suggestions`): its fields and
/// features. Geometries are EPSG:28992 (RD New) metres and belong to one ``GeometryContext``: keep a layer in
/// one task.
public struct ExportLayer {
    /// The layer name: the GeoJSON file name without `.geojson`, the GeoPackage table name.
    public let name: String
    /// The GeoPackage geometry type name of the layer: `POINT`, `LINESTRING`, `MULTIPOLYGON` or `GEOMETRY`
    /// (mixed kinds).
    public let geometryType: String
    /// One sentence saying what a feature is (the GeoPackage `gpkg_contents.description`).
    public let description: String
    /// The property columns, in order.
    public let fields: [ExportField]
    /// The features, in a stable order (schools by code, regions in registration order, findings worst first).
    public let features: [ExportFeature]

    /// A layer; every feature must have one value per field.
    public init(name: String, geometryType: String, description: String, fields: [ExportField],
                features: [ExportFeature]) {
        precondition(features.allSatisfy { $0.values.count == fields.count }, "every feature needs one value per field")
        self.name = name
        self.geometryType = geometryType
        self.description = description
        self.fields = fields
        self.features = features
    }

    /// The features that have a (non-empty) geometry.
    public var locatedFeatureCount: Int { features.filter { $0.geometry.map { !$0.isEmpty } ?? false }.count }

    /// The value of field `name` in feature `index` (for tests and reports).
    public func value(_ name: String, of index: Int) -> ExportValue? {
        fields.firstIndex { $0.name == name }.map { features[index].values[$0] }
    }
}
