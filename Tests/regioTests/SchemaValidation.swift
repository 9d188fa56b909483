import Foundation
import Testing

/// The published JSON Schemas of `docs/schema` and checking documents against them with Python's
/// `jsonschema` (`Tests/oracle/validate_schema.py` in `.venv`).
enum SchemaValidation {
    /// Whether `.venv` has `jsonschema` (Tests/oracle/requirements.txt).
    static let available = Oracle.canImport("jsonschema, referencing")
    static let reason: Comment = "needs .venv with jsonschema (bash Tests/oracle/setup-venv.sh)"

    /// The folder of the schema files.
    static let folder = RegioProcess.packageRoot.appendingPathComponent("docs/schema")

    /// The answers of `regio serve` that `validate_schema.py --serve` checks: the page's background, the state,
    /// a move, an undo, a redo, a save, the list, a load, a portrait and a refused edit.
    static let servedAnswers = 10
    /// Of those, the states it writes with `--save` (`state-1.json` …): the state, the move, the undo, the redo
    /// and the load.
    static let servedStates = 5

    /// Runs the validator: `schema` is a file name in docs/schema with an optional `#/json/pointer`.
    static func run(_ schema: String, _ documents: [String], _ options: [String] = []) throws -> RegioProcess.Output {
        try Oracle.run("validate_schema.py", [schema] + documents + options)
    }

    /// A test issue naming each document of `documents` (files) that `schema` does not accept.
    static func expectValid(_ schema: String, _ documents: [String], _ options: [String] = [],
                            sourceLocation: SourceLocation = #_sourceLocation) throws {
        let out = try run(schema, documents, options)
        #expect(out.status == 0, "\(schema):\n\(out.combined)", sourceLocation: sourceLocation)
        let checked = out.stdout.split(separator: "\n").filter { $0.hasPrefix("ok ") }.count
        #expect(checked == documents.count + (options.contains("--serve") ? servedAnswers : 0), "\(out.combined)",
                sourceLocation: sourceLocation)
    }

    /// A schema file read as a JSON object.
    static func schema(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent(name))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}
