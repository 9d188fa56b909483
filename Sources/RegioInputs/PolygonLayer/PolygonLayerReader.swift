import Foundation
import RegioSpatial

/// Reads a polygon layer (the municipalities, or postcode areas with `idField: "pc4"`): GeoJSON (a
/// FeatureCollection of Polygon / MultiPolygon features) or GeoPackage (`.gpkg`, or any file that starts with
/// the SQLite header).
///
/// Every geometry is projected to EPSG:28992 (RD New, metres) and made valid; repairs are reported as
/// `repaired-polygon` problems. Every error is an ``InputError`` naming the file, the feature (0-based index
/// and code) and the offending value.
public enum PolygonLayerReader {
    /// Reads the municipalities in `path`.
    ///
    /// - Parameters:
    ///   - path: the file as the user named it (used in messages).
    ///   - override: the CRS of the coordinates, from `--crs`; overrides the file's own (`crs` member or
    ///     GeoPackage srs_id). Without it a GeoJSON file without `crs` member is WGS84 (RFC 7946).
    ///   - idField: the property holding the CBS code (`GM0363`). When it is the default `statcode` and a
    ///     feature lacks it, `gemcode`, `code` and `GM_CODE` are tried; 4-digit `gemcode`/`code` values get `GM`.
    ///   - nameField: the property holding the name; with the default `statnaam`, `gemnaam`, `naam`, `name`
    ///     and `GM_NAAM` are tried. A feature without a name is named by its code (an info problem says so).
    ///   - layer: the GeoPackage features table to read (default: the first in gpkg_contents); ignored for GeoJSON.
    ///   - measureField: a numeric property to read for every feature (such as `inwoners`), into
    ///     ``PolygonLayer/measures``; a feature without the property is an error, a null value is absent.
    ///   - maximumBytes: the largest file read (setting `maximumInputMegabytes`); a larger one is `tooLarge`.
    ///   - context: the GEOS context the geometries are created in.
    public static func read(path: String, crs override: CoordinateReferenceSystem? = nil,
                            idField: String = "statcode", nameField: String = "statnaam", layer: String? = nil,
                            measureField: String? = nil, maximumBytes: Int = InputFile.defaultMaximumBytes,
                            in context: GeometryContext) throws(InputError) -> PolygonLayer {
        if URL(fileURLWithPath: path).pathExtension.lowercased() == "gpkg" {
            _ = try InputFile.checkedSize(path, maximumBytes: maximumBytes)
            return try GeoPackagePolygonLayer.read(path: path, crs: override, idField: idField, nameField: nameField,
                                                     layer: layer, measureField: measureField, in: context)
        }
        let bytes = try InputFile.bytes(path, maximumBytes: maximumBytes)
        if bytes.starts(with: GeoPackagePolygonLayer.sqliteMagic) {
            return try GeoPackagePolygonLayer.read(path: path, crs: override, idField: idField, nameField: nameField,
                                                     layer: layer, measureField: measureField, in: context)
        }
        return try GeoJSONPolygonLayer.read(bytes: bytes, file: path, crs: override, idField: idField,
                                              nameField: nameField, measureField: measureField, in: context)
    }
}
