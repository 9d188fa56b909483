/// An attribute table of the export (a layer without geometry, ``ExportLayer/isSpatial`` false) as CSV beside
/// the GeoJSON files, since RFC 7946 has no place for features without geometry: UTF-8, comma-separated, one
/// header row of the field names, then one row per feature in layer order; text quoted where it holds a comma,
/// quote or line break (RFC 4180); integers as digits; reals as the GeoJSON writes them; booleans `true` and
/// `false`; a null value an empty cell. QGIS reads it as a delimited-text layer without geometry, pandas with
/// `read_csv`.
enum ExportCSV {
    /// The CSV text of `layer`, UTF-8 bytes.
    static func table(_ layer: ExportLayer) -> [UInt8] {
        var out: [UInt8] = []
        out.append(contentsOf: layer.fields.map { AuditReport.csvField($0.name) }.joined(separator: ",").utf8)
        out.append(UInt8(ascii: "\n"))
        for feature in layer.features {
            for (i, value) in feature.values.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                append(value, to: &out)
            }
            out.append(UInt8(ascii: "\n"))
        }
        return out
    }

    static func append(_ value: ExportValue, to out: inout [UInt8]) {
        switch value {
        case .text(let s): out.append(contentsOf: AuditReport.csvField(s).utf8)
        case .integer(let i): JSONText.appendInteger(i, to: &out)
        case .real(let d): if d.isFinite { JSONText.appendReal(d, to: &out) }
        case .boolean(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .null: break
        }
    }
}
