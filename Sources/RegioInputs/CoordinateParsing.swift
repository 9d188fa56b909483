import RegioSpatial

/// Reading coordinate fields and bringing them to EPSG:28992 (RD New).
enum CoordinateParsing {
    /// Parses a latitude/longitude pair (WGS84 degrees) into a lon/lat ``Point`` (x = longitude).
    /// - Throws: `.badValue` for a non-number or out-of-range value; `.swappedCoordinates` when the pair
    ///   only makes sense the other way round, or looks like RD metres.
    static func latLon(_ latText: String, _ lonText: String, file: String, line: Int) throws(InputError) -> Point {
        guard let lat = NumberParsing.double(latText) else {
            throw InputError(.badValue, file: file, line: line, message: "latitude '\(latText)' is not a number")
        }
        guard let lon = NumberParsing.double(lonText) else {
            throw InputError(.badValue, file: file, line: line, message: "longitude '\(lonText)' is not a number")
        }
        if abs(lat) > 90 || abs(lon) > 180 {
            let hint = (abs(lat) > 1000 || abs(lon) > 1000)
                ? " (these look like RD New metres: put them in rd_x/rd_y columns)" : ""
            throw InputError(.badValue, file: file, line: line,
                             message: "latitude \(latText), longitude \(lonText) is not a position on Earth\(hint)")
        }
        if NetherlandsBounds.latitude.contains(lon) && NetherlandsBounds.longitude.contains(lat) {
            throw InputError(.swappedCoordinates, file: file, line: line,
                             message: "latitude \(latText) and longitude \(lonText) look swapped: the Netherlands lies at latitude 50.7–53.6 and longitude 3.3–7.3")
        }
        return Point(x: lon, y: lat)
    }

    /// Parses an RD New pair (metres).
    static func rd(_ xText: String, _ yText: String, file: String, line: Int) throws(InputError) -> Point {
        guard let x = NumberParsing.double(xText) else {
            throw InputError(.badValue, file: file, line: line, message: "rd_x '\(xText)' is not a number")
        }
        guard let y = NumberParsing.double(yText) else {
            throw InputError(.badValue, file: file, line: line, message: "rd_y '\(yText)' is not a number")
        }
        if x >= -7_000 && x <= 300_000 && y >= 289_000 && y <= 629_000 { return Point(x: x, y: y) }
        if (280_000...650_000).contains(x) && (-7_000...300_000).contains(y) {
            throw InputError(.swappedCoordinates, file: file, line: line,
                             message: "rd_x \(xText) and rd_y \(yText) look swapped: RD New x runs 0–300000, y 300000–625000")
        }
        throw InputError(.badValue, file: file, line: line,
                         message: "rd_x \(xText), rd_y \(yText) lies outside the RD New area (x 0–300000, y 300000–625000 m)")
    }

    /// Projects lon/lat points (WGS84) to RD New metres in one batch.
    static func toRD(_ points: [Point], file: String) throws(InputError) -> [Point] {
        var projected = points
        do {
            try Projection.cached(from: .wgs84, to: .rdNew).transform(&projected)
        } catch {
            throw InputError(.badValue, file: file, message: "cannot project coordinates to RD New: \(error)")
        }
        return projected
    }
}
