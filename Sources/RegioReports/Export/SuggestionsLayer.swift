import Foundation
import RegioDomain
import RegioSpatial

/// The `suggestions` layer: one line per suggestion, EPSG:28992, with the edit and the figures it leads to. A
/// merge runs between representative points of the two regions' territories (GEOS point-on-surface, always
/// inside the territory); a move runs from the school to the receiving region's representative point. A
/// suggestion that cannot be drawn (a territory is empty, the school is not placed) is listed with the same
/// columns in the attribute table `suggestions_without_location`.
///
/// The figures are those of the regions after the edit, as the audit computes them (``SuggestionOutcome``):
/// `surviving…` the region that remains or receives the school, `source…` (moves only) the region the school
/// leaves. Never the two regions added together.
enum SuggestionsLayer {
    static let fields = [
        ExportField("kind", .text, "merge or move"),
        ExportField("region", .text, "the region the suggestion is for: merge: the flagged region; move: the region the school leaves"),
        ExportField("otherRegion", .text, "merge: the partner region; move: the region that receives the school"),
        ExportField("regions", .text, "region, otherRegion (comma-separated)"),
        ExportField("school", .text, "move: the code of the school moved; merge: null"),
        ExportField("schoolName", .text, "move: the name of the school moved; merge: null"),
        ExportField("survivingRegion", .text, "the region that remains (merge) or receives the school (move)"),
        ExportField("edit", .text, #"the edit as a scenario file holds it (JSON): {"merge":["STO19012","STO19007"],"into":"STO19007"} or {"move":"02XQ00","to":"STO19004"}"#),
        ExportField("headline", .text, "what to do, naming the region that remains by id and name"),
        ExportField("score", .real, "0–1, higher is a better proposal (README, Methods: one formula for merges and moves)"),
        ExportField("reason", .text, "why, with the numbers and the terms of the score"),
    ] + figureFields(prefix: "surviving", whose: "the surviving region after the edit")
      + figureFields(prefix: "source", whose: "move: the region the school leaves, after the move (merge: null)") + [
        ExportField("resolvedFindings", .text,
                    "JSON array of the findings it resolves, as in the audit JSON (rule, severity, regions, schools, message)"),
        ExportField("introducedFindings", .text, "JSON array of the findings it introduces, as resolvedFindings"),
    ]

    /// The figure columns of one region after the edit, named `prefix` + figure (`survivingSchoolCount`, …).
    static func figureFields(prefix: String, whose: String) -> [ExportField] {
        [
            ExportField("\(prefix)SchoolCount", .integer, "member schools of \(whose)"),
            ExportField("\(prefix)CountedStudents", .integer, "year 3–4 students in BB, KB and GL of \(whose)"),
            ExportField("\(prefix)TechnicalStudents", .integer, "counted students in the five technical profiles of \(whose)"),
            ExportField("\(prefix)TechnicalShare", .real, "technical share (0–1) of \(whose); null without counted students"),
            ExportField("\(prefix)Techniekarm", .boolean, "whether \(whose) is techniekarm"),
            ExportField("\(prefix)BudgetEUR", .real, "budget of \(whose), EUR a year; null when techniekarm"),
            ExportField("\(prefix)BudgetRangeMinimumEUR", .real, "separate techniekarm budget of \(whose), lowest, EUR for four years; null for others"),
            ExportField("\(prefix)BudgetRangeMaximumEUR", .real, "separate techniekarm budget of \(whose), highest, EUR for four years; null for others"),
        ]
    }

    /// The values of ``figureFields(prefix:whose:)`` for `figures` (all null for none).
    static func figureValues(_ figures: RegionFigures?) -> [ExportValue] {
        guard let f = figures else { return Array(repeating: .null, count: 8) }
        return [.integer(f.schools.count), .integer(f.countedStudents), .integer(f.technicalStudents),
                .real(f.technicalShare), .boolean(f.techniekarm), .real(f.budgetEUR),
                .real(f.budgetRangeEUR?.first), .real(f.budgetRangeEUR?.last)]
    }

    static func make(_ input: MapExportInput) throws(SpatialError) -> [ExportLayer] {
        var features: [ExportFeature] = []
        for (suggestion, outcome) in zip(input.result.suggestions, input.suggestionOutcomes) {
            let moved = suggestion.kind == .move ? suggestion.schools.first : nil
            var values: [ExportValue] = [
                .text(suggestion.kind.rawValue), .text(suggestion.regions.first?.rawValue),
                .text(suggestion.regions.dropFirst().first?.rawValue), .list(suggestion.regions.map(\.rawValue)), .text(moved), .text(moved.flatMap { SchoolCode($0) }.flatMap { input.schoolByCode[$0]?.name }),
                .text(suggestion.survivingRegion.rawValue), .text(json(suggestion.edit)), .text(suggestion.headline),
                .real(suggestion.score), .text(suggestion.reason),
            ]
            values += figureValues(outcome.surviving) + figureValues(outcome.source)
            values += [.text(json(suggestion.resolvedFindings)), .text(json(suggestion.introducedFindings))]
            features.append(ExportFeature(geometry: try geometry(of: suggestion, input), values: values))
        }
        return ExportLayer.parted(features, fields: fields, name: "suggestions", type: .lineString,
                                  description: "merge and move suggestions as lines between regions, or from a school to its target region, with the figures after the edit",
                                  tableName: "suggestions_without_location",
                                  tableDescription: "suggestions that cannot be drawn (a region without territory, a school not placed), with the figures after the edit")
    }

    /// The findings as the audit JSON writes them (``AuditJSON``).
    static func json(_ findings: [Finding]) -> String {
        var out: [UInt8] = []
        AuditJSON.append(findings, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The edit as a scenario file holds it (scenario.schema.json), keys sorted.
    static func json(_ edit: Edit) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(edit)).map { String(decoding: $0, as: UTF8.self) } ?? edit.description
    }

    static func geometry(of suggestion: Suggestion, _ input: MapExportInput) throws(SpatialError) -> Geometry? {
        guard let target = suggestion.regions.last, let to = try input.representativePoint(ofRegion: target) else {
            return nil
        }
        // A move starts at its school; any other kind (a merge) at its first region.
        let from: Point? = suggestion.kind == .move
            ? suggestion.schools.first.flatMap(input.location(of:))
            : try suggestion.regions.first.flatMap { r throws(SpatialError) in try input.representativePoint(ofRegion: r) }
        guard let from else { return nil }
        return try input.context.exportLine(from: from, to: to)
    }
}
