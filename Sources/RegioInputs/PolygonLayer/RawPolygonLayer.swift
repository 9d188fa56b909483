import RegioSpatial

/// The features of a polygon file (municipalities, postcode areas) as read, before projection: codes, names
/// and polygon rings in the file's own CRS. All coordinates live in one shared buffer, so that PROJ can
/// transform them in one batch.
struct RawPolygonLayer {
    /// One feature: its rings are ranges into ``points``.
    struct Feature {
        /// 0-based position in the file.
        let index: Int
        let code: String
        let name: String?
        /// The value of the measure property that was asked for (``PolygonLayerReader``'s `measureField`);
        /// `nil` when none was asked for or the value is null.
        let measure: Double?
        /// Polygons, each a list of rings (exterior first), each a range of ``points``.
        let polygons: [[Range<Int>]]

        /// "12 (GM0363)", as messages name a feature.
        var label: String { "\(index) (\(code))" }
    }

    let file: String
    private(set) var features: [Feature] = []
    /// Every coordinate of every ring, in the file's CRS (x = longitude or easting).
    var points: [Point] = []
    private var indexByCode: [String: Int] = [:]

    init(file: String) { self.file = file }

    /// Adds a feature whose rings are `polygons` (each exterior first, then holes). Throws
    /// `duplicateCode` naming both features when `code` was seen before.
    mutating func append(index: Int, code: String, name: String?, measure: Double? = nil,
                         polygons: [[[Point]]]) throws(InputError) {
        try checkUnique(code, index: index)
        var ranges: [[Range<Int>]] = []
        ranges.reserveCapacity(polygons.count)
        for polygon in polygons {
            var rings: [Range<Int>] = []
            rings.reserveCapacity(polygon.count)
            for ring in polygon {
                let start = points.count
                points.append(contentsOf: ring)
                rings.append(start..<points.count)
            }
            ranges.append(rings)
        }
        features.append(Feature(index: index, code: code, name: name, measure: measure, polygons: ranges))
    }

    /// Adds a feature whose rings were already appended to ``points`` (the fast GeoJSON path).
    mutating func append(index: Int, code: String, name: String?, measure: Double? = nil,
                         ringRanges: [[Range<Int>]]) throws(InputError) {
        try checkUnique(code, index: index)
        features.append(Feature(index: index, code: code, name: name, measure: measure, polygons: ringRanges))
    }

    private mutating func checkUnique(_ code: String, index: Int) throws(InputError) {
        if let first = indexByCode[code] {
            throw InputError(.duplicateCode, file: file, feature: "\(index) (\(code))",
                             message: "municipality code \(code) appears twice: in feature \(first) and feature \(index); "
                                 + "expected each code once")
        }
        indexByCode[code] = index
    }

    /// The feature owning point `pointIndex` (for messages; features with an empty geometry own none).
    func feature(owning pointIndex: Int) -> Feature? {
        features.first { feature in
            guard let first = feature.polygons.first?.first?.lowerBound,
                  let last = feature.polygons.last?.last?.upperBound else { return false }
            return (first..<last).contains(pointIndex)
        }
    }
}
