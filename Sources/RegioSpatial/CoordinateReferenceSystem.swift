/// A coordinate reference system, named by its EPSG code.
public struct CoordinateReferenceSystem: Sendable, Hashable, Codable, CustomStringConvertible {
    public let epsg: Int

    public init(epsg: Int) { self.epsg = epsg }

    /// WGS 84 longitude/latitude in degrees (GeoJSON per RFC 7946).
    public static let wgs84 = CoordinateReferenceSystem(epsg: 4326)
    /// Amersfoort / RD New, metres: every computation in this project happens in it.
    public static let rdNew = CoordinateReferenceSystem(epsg: 28992)

    /// "EPSG:28992".
    public var identifier: String { "EPSG:\(epsg)" }
    public var description: String { identifier }

    /// Parses the names CRSs go by in files and on the command line: "EPSG:28992", "28992",
    /// "urn:ogc:def:crs:EPSG::28992", "urn:ogc:def:crs:OGC:1.3:CRS84", "http://www.opengis.net/def/crs/EPSG/0/4326",
    /// "WGS84", "RD". Returns `nil` for a name it cannot read.
    public init?(name: String) {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        let lower = trimmed.lowercased()
        switch lower {
        case "wgs84", "wgs 84", "crs84", "urn:ogc:def:crs:ogc:1.3:crs84", "urn:ogc:def:crs:ogc::crs84",
             "http://www.opengis.net/def/crs/ogc/1.3/crs84":
            self = .wgs84; return
        case "rd", "rd new", "rdnew", "amersfoort / rd new":
            self = .rdNew; return
        default: break
        }
        // The code is the last run of digits after "epsg".
        guard lower.contains("epsg") || lower.allSatisfy(\.isNumber) else { return nil }
        let digits = lower.reversed().prefix { $0.isNumber }.reversed()
        guard !digits.isEmpty, let code = Int(String(digits)), code > 0 else { return nil }
        self.init(epsg: code)
    }
}

import Foundation
