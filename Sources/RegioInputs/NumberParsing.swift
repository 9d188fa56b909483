/// Parses decimal numbers as written in Dutch and international files ("52.37", "52,37").
enum NumberParsing {
    static func double(_ text: String) -> Double? {
        if let v = Double(text) { return v.isFinite ? v : nil }
        if text.contains(","), !text.contains("."), let v = Double(text.replacingOccurrences(of: ",", with: ".")) {
            return v.isFinite ? v : nil
        }
        return nil
    }
}

/// The geographic window of the Netherlands, to recognise swapped or projected coordinates.
enum NetherlandsBounds {
    /// Latitude range in degrees (WGS84), with a margin.
    static let latitude = 50.5...53.8
    /// Longitude range in degrees (WGS84), with a margin.
    static let longitude = 3.0...7.5
}

import Foundation
