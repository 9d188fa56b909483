import RegioSpatial

/// Centroids of 4-digit postcode areas (PC4), in the layout of `pc4_centroids_4pp.csv`
/// (`postcode`, `latitude`, `longitude`, WGS84 degrees), kept in EPSG:28992 (RD New) metres.
public struct PostcodeTable: Sendable {
    /// The file as the user named it.
    public let file: String
    /// PC4 (e.g. "9406") → centroid in RD New metres.
    public let centroids: [String: Point]

    public init(file: String, centroids: [String: Point]) {
        self.file = file
        self.centroids = centroids
    }

    /// The centroid of the PC4 area of a postcode such as "9406 NN", "9406NN" or "9406".
    public func centroid(ofPostcode postcode: String) -> Point? {
        let digits = postcode.prefix { $0.isNumber }
        guard digits.count == 4 else { return nil }
        return centroids[String(digits)]
    }

    /// Reads a postcode table; every bad coordinate is an error naming its line.
    public static func read(_ path: String, maximumBytes: Int = InputFile.defaultMaximumBytes) throws(InputError) -> PostcodeTable {
        let table = try CSVTable.read(path, expecting: ["postcode", "latitude", "longitude"], maximumBytes: maximumBytes)
        let pc = try table.requireColumn("postcode", "pc4", purpose: "the 4-digit postcode")
        let lat = try table.requireColumn("latitude", "lat", purpose: "latitude in degrees")
        let lon = try table.requireColumn("longitude", "lon", "lng", purpose: "longitude in degrees")
        var codes: [String] = []
        var points: [Point] = []
        for r in table.rowIndices {
            let line = table.lines[r]
            let code = table.field(r, pc)
            let latText = table.field(r, lat), lonText = table.field(r, lon)
            if latText.isEmpty && lonText.isEmpty { continue }
            let coordinate = try CoordinateParsing.latLon(latText, lonText, file: path, line: line)
            codes.append(code)
            points.append(coordinate)
        }
        let projected = try CoordinateParsing.toRD(points, file: path)
        var centroids: [String: Point] = [:]
        for (code, point) in zip(codes, projected) { centroids[code] = point }
        return PostcodeTable(file: path, centroids: centroids)
    }
}
