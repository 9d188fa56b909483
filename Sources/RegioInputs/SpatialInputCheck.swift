import RegioDomain
import RegioSpatial

/// The inputs an audit must refuse rather than work around (domain.md, "Inputs the audit must refuse"):
/// a municipality map whose area is implausible for its CRS, a register without any usable location, and
/// too large a share of the register outside every municipality. Each refusal is an ``InputError`` whose
/// message names the likely cause; every command that audits stops with it (exit 2) before writing a
/// report, and `regio inspect` lists them. Areas in km² and distances in metres of EPSG:28992.
enum SpatialInputCheck {
    /// Below this average area per municipality (km²) a map is implausible: the smallest Dutch municipality
    /// (Renswoude) has 18 km², and degrees read as metres give areas of about 10⁻⁸ km².
    static let minimumAverageAreaSquareKilometers = 1.0

    /// Every refusal of these inputs, most specific cause first; empty when they are sound.
    static func refusals(register: SchoolRegister, layer: PolygonLayer, map: MunicipalityMap, file: String,
                         placement: SchoolPlacement, settings: AuditSettings) -> [InputError] {
        var refusals: [InputError] = []
        if let implausible = implausibleArea(layer: layer, map: map, file: file) { refusals.append(implausible) }
        let located = register.schools.filter { $0.location != nil }.count
        if located == 0 && !register.schools.isEmpty {
            refusals.append(noLocation(register))
        } else if located > 0 {
            let share = Double(placement.outside.count) / Double(located)
            if share > settings.refuseOutsideShareAbove {
                refusals.append(outsideShare(register: register, layer: layer, map: map, file: file,
                                             outside: placement.outside.count, located: located, settings: settings))
            }
        }
        return refusals
    }

    /// The map's area per municipality below ``minimumAverageAreaSquareKilometers``.
    static func implausibleArea(layer: PolygonLayer, map: MunicipalityMap, file: String) -> InputError? {
        guard map.count > 0 else { return nil }
        let total = map.areaSquareKilometers
        let average = total / Double(map.count)
        guard average < minimumAverageAreaSquareKilometers else { return nil }
        var cause = "a CRS that does not match the coordinates"
        if let box = layer.sourceEnvelope, box.minX >= -180, box.maxX <= 180, box.minY >= -90, box.maxY <= 90 {
            cause = "the coordinates run from (\(degrees(box.minX)), \(degrees(box.minY))) to (\(degrees(box.maxX)), \(degrees(box.maxY))), "
                + "which look like longitude/latitude degrees read as metres: the CRS \(layer.sourceCRS) (\(layer.crsSource)) "
                + "contradicts them; remove the crs member or pass --crs EPSG:4326"
        }
        return InputError(.unknownCRS, file: file,
                          message: "the \(map.count) \(map.count == 1 ? "municipality covers" : "municipalities cover") \(areaText(total)) in all (\(areaText(average)) on average, "
                              + "expected at least \(areaText(minimumAverageAreaSquareKilometers))): \(cause)")
    }

    /// A register of which no school has a location.
    static func noLocation(_ register: SchoolRegister) -> InputError {
        let why = register.coordinateColumns == "none"
            ? "the file has no coordinate columns (lat/lon or rd_x/rd_y; DUO's original register has none) and no postcode "
                + "centroid placed any school: pass --postcodes FILE (PC4 centroids) or a geocoded register"
            : "every coordinate field is empty and no postcode centroid placed any school: fill in the coordinates or pass --postcodes FILE"
        return InputError(.badValue, file: register.file,
                          message: "none of the \(register.schools.count) schools has a usable location, so every spatial rule "
                              + "would be skipped: \(why)")
    }

    /// Too large a share of the located schools outside every municipality.
    static func outsideShare(register: SchoolRegister, layer: PolygonLayer, map: MunicipalityMap, file: String,
                             outside: Int, located: Int, settings: AuditSettings) -> InputError {
        let share = Double(outside) / Double(located)
        var causes: [String] = []
        if let mapBox = map.envelope, !mapBox.intersects(netherlandsRD) {
            causes.append("the map does not lie in the Netherlands once projected: its CRS \(layer.sourceCRS) (\(layer.crsSource)) does not match its coordinates, or it is a map of another country")
        } else {
            causes.append("a map that does not cover these schools (another country or a part of the Netherlands)")
            causes.append("school coordinates in the wrong columns (RD metres in lat/lon, latitude and longitude swapped)")
            causes.append("a crs member or --crs of \(file) that does not match its coordinates")
        }
        return InputError(.badValue, file: register.file,
                          message: "\(outside) of the \(located) located schools (\(percentText(share))) lie outside every municipality of \(file), "
                              + "more than refuseOutsideShareAbove (\(percentText(settings.refuseOutsideShareAbove))) allows: "
                              + "the schools and the map do not match; likely \(causes.joined(separator: "; or "))")
    }

    /// The Netherlands in RD New metres, generously (the RD grid's validity area).
    static let netherlandsRD = Envelope(minX: -10_000, minY: 280_000, maxX: 310_000, maxY: 640_000)

    static func areaText(_ squareKilometers: Double) -> String {
        squareKilometers >= 1 ? Language.en.squareKilometres(squareKilometers, decimals: 0) : "\(shortNumber(squareKilometers)) km²"
    }

    static func percentText(_ share: Double) -> String { "\(((share * 1000).rounded() / 10)) %" }

    /// Two significant digits for small numbers ("2.3e-08").
    static func shortNumber(_ value: Double) -> String {
        value == 0 ? "0" : String(format: "%.2g", value)
    }

    static func degrees(_ value: Double) -> String { String(format: "%.2f", value) }
}

import Foundation
