import RegioDomain
import RegioInputs

/// Region ids as a user types them on the command line (`portrait`, `audit --region`): in any case, with
/// surrounding spaces, repeated or as comma lists (``RegionID/typed(_:knownBy:)``); each must name a region
/// of the pre-registration.
enum RegionChoice {
    /// The ids of `regions` that `typed` names, in the order typed, without repeats.
    /// - Throws: ``InputError`` naming an id that is no region, with the ids that are.
    static func resolve(_ typed: [String], in regions: [RegionFigures], file: String) throws(InputError) -> [RegionID] {
        let known = Set(regions.map(\.id))
        var chosen: [RegionID] = []
        for text in typed.flatMap({ $0.split(separator: ",") }) {
            guard let id = RegionID.typed(text, knownBy: known.contains) else {
                throw InputError(.badValue, file: file,
                                 message: "no region '\(text.trimmingCharacters(in: .whitespaces))': the known ids are \(regions.map(\.id.rawValue).joined(separator: ", "))")
            }
            if !chosen.contains(id) { chosen.append(id) }
        }
        return chosen
    }
}
