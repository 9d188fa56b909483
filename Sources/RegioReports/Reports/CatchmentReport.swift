import Foundation
import RegioDomain
import RegioInputs
import RegioSpatial

/// The report of `regio catchments`: the areas with their units, schools and figures, the method sentence
/// and the notes (island links, units left out, areas below the thresholds).
public struct CatchmentReport {
    let partition: CatchmentPartition
    let dataset: Dataset

    public init(_ partition: CatchmentPartition, dataset: Dataset) {
        self.partition = partition
        self.dataset = dataset
    }

    /// One area as the JSON report writes it.
    struct AreaRecord: Encodable {
        let id: String
        let units: [String]
        let schools: [String]
        /// The number of schools with a technical profile (the contract's `technicalSchools: n`).
        let technicalSchools: Int
        let technicalSchoolCodes: [String]
        let technicalStudents: Int
        let meetsThresholds: Bool
        /// The sum of the bounded unit property, when there is one.
        let measureTotal: Double?
    }

    struct Document: Encodable {
        let method: String
        let p: Int
        let unitCount: Int
        let boundField: String?
        let heterogeneityMeters: Double
        let areas: [AreaRecord]
        let links: [CatchmentPartition.Link]
        let notes: [String]
    }

    /// `{"method", "p", "unitCount", "boundField", "heterogeneityMeters", "areas": [{"id", "units", "schools",
    /// "technicalSchools": n, "technicalSchoolCodes", "technicalStudents", "meetsThresholds", "measureTotal"}],
    /// "links": [{"kind": "island" or "component", "from", "to", "distanceMeters"}], "notes"}`, keys sorted, pretty-printed.
    public func json(in language: Language = .en) throws -> String {
        let areas = partition.areas.map { area in
            AreaRecord(id: area.id, units: area.units, schools: area.schools.map(\.rawValue),
                       technicalSchools: area.technicalSchoolCount,
                       technicalSchoolCodes: area.technicalSchools.map(\.rawValue),
                       technicalStudents: area.technicalStudents, meetsThresholds: area.meetsThresholds,
                       measureTotal: area.measureTotal)
        }
        let document = Document(method: partition.method.text(in: language), p: partition.count,
                                unitCount: partition.areas.reduce(0) { $0 + $1.units.count },
                                boundField: partition.measureName,
                                heterogeneityMeters: partition.heterogeneityMeters.rounded(), areas: areas,
                                links: partition.links, notes: partition.notes.map { $0.text(in: language) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }

    /// A terminal listing in `language`: a header with p and the method, one block per area, the notes.
    public func text(in language: Language = .en) -> String {
        let l = language
        let map = dataset.map
        let unitCount = partition.areas.reduce(0) { $0 + $1.units.count }
        var out = l.pick("\(l.count(partition.count, "catchment area", "catchment areas")) over \(l.count(unitCount, "unit", "units"))\n",
                         "\(l.count(partition.count, "verzorgingsgebied", "verzorgingsgebieden")) uit \(l.count(unitCount, "eenheid", "eenheden"))\n")
        out += partition.method.text(in: l) + "\n"
        out += l.pick("Heterogeneity (sum of within-area distances between unit centroids): ",
                      "Heterogeniteit (som van de afstanden tussen de middelpunten van eenheden binnen een gebied): ")
            + l.kilometres(partition.heterogeneityMeters, decimals: 0) + "\n\n"
        for area in partition.areas {
            let measure = area.measureTotal.map { ", \(l.number($0)) \(partition.measureName ?? "")" } ?? ""
            let below = area.meetsThresholds ? "" : l.pick("  (below the thresholds)", "  (onder de drempels)")
            out += "\(area.id)  " + l.pick(
                "\(l.count(area.units.count, "unit", "units")), \(l.schools(area.schools.count)), \(l.integer(area.technicalSchoolCount)) technical, \(l.count(area.technicalStudents, "technical student", "technical students"))",
                "\(l.count(area.units.count, "eenheid", "eenheden")), \(l.schools(area.schools.count)), \(l.integer(area.technicalSchoolCount)) technisch, \(l.count(area.technicalStudents, "technische leerling", "technische leerlingen"))")
                + "\(measure)\(below)\n"
            let names = area.units.prefix(12).map { code in
                map[code]?.name ?? code
            }
            let more = area.units.count > 12 ? ", … (" + l.pick("\(l.integer(area.units.count - 12)) more", "nog \(l.integer(area.units.count - 12))") + ")" : ""
            out += "      \(names.joined(separator: ", "))\(more)\n"
        }
        if !partition.notes.isEmpty { out += "\n" + l.pick("Notes", "Opmerkingen") + "\n" + partition.notes.map { "  \($0.text(in: l))\n" }.joined() }
        return out
    }
}

extension Dataset {
    /// The areas of `partition` dissolved from this dataset's map, as an RFC 7946 GeoJSON FeatureCollection
    /// (WGS 84) with the fields of the export's `catchments` layer.
    public func catchmentsGeoJSON(_ partition: CatchmentPartition) throws(InputError) -> String {
        do {
            return String(decoding: try CatchmentsLayer.geoJSON(partition, map: map, in: context), as: UTF8.self)
        } catch {
            throw InputError(.badGeometry, file: paths.municipalities ?? "--municipalities",
                             message: "cannot dissolve the catchment areas: \(error)")
        }
    }
}
