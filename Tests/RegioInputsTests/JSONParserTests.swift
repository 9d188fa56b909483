import Foundation
import RegioDomain
@testable import RegioInputs
import Testing

/// The JSON parser behind the GeoJSON reader: exact numbers, strings with escapes, precise errors.
@Suite struct JSONParserTests {
    func parse(_ text: String) throws -> JSONValue { try JSONParser.parse(Array(text.utf8)) }

    @Test(arguments: ["0", "-0", "1", "-17", "3.14159", "122183.31", "487939.19", "4.954787", "52.485456",
                      "1e3", "2.5E-3", "-1.5e+10", "0.000123", "123456789012345678901234567890",
                      "1.7976931348623157e308", "5e-324", "0.30000000000000004", "9007199254740993",
                      "3.141592653589793238462643383279"])
    func numbersAreCorrectlyRounded(_ text: String) throws {
        // The standard library's parser is correctly rounded: every number must agree with it bit for bit.
        guard case .number(let value) = try parse(text) else { Issue.record("\(text) is not a number"); return }
        #expect(value.bitPattern == Double(text)!.bitPattern, "\(text): \(value) vs \(Double(text)!)")
    }

    @Test func manyRandomCoordinatesAgreeWithTheStandardLibrary() throws {
        var generator = SplitMix64(seed: 1)
        var texts: [String] = []
        for _ in 0..<20_000 {
            let value = Double.random(in: -300_000...700_000, using: &generator)
            texts.append(String(format: "%.\(Int.random(in: 0...9, using: &generator))f", value))
        }
        guard case .numbers(let values) = try parse("[" + texts.joined(separator: ",") + "]") else {
            Issue.record("not an array of numbers"); return
        }
        #expect(values.count == texts.count)
        for (text, value) in zip(texts, values) where value.bitPattern != Double(text)!.bitPattern {
            Issue.record("\(text) read as \(value)")
        }
    }

    @Test func containersAndStrings() throws {
        let value = try parse(#" {"a": [1, 2.5], "b": [[1, 2], "x"], "c": {"d": null, "e": true, "f": false}, "s": "tab\tq\"\u00e9\ud83d\ude00/", "empty": []} "#)
        let object = try #require(value.object)
        #expect(object.keys == ["a", "b", "c", "s", "empty"])
        guard case .numbers(let a) = object["a"] else { Issue.record("a"); return }
        #expect(a == [1, 2.5])
        guard case .array(let b) = object["b"] else { Issue.record("b"); return }
        #expect(b.count == 2)
        #expect(b[1].string == "x")
        #expect(object["c"]?.object?["d"]?.isNull == true)
        #expect(object["s"]?.string == "tab\tq\"é😀/")
        #expect(object["empty"]?.elements?.isEmpty == true)
        // A key given twice keeps its last value.
        #expect(try parse(#"{"k": 1, "k": 2}"#).object?["k"]?.number == 2)
    }

    @Test(arguments: [
        ("{\"a\": 1,, \"b\": 2}", "expected a member name", 8),
        ("[1, 2", "unexpected end", 5),
        ("{\"a\" 1}", "expected ':'", 5),
        ("[01]", "leading zero", 2),
        ("[1.]", "after the decimal point", 3),
        ("\"abc", "unterminated string", 4),
        ("[1] x", "unexpected text after", 4),
        ("[tru]", "invalid literal", 1),
        ("\"\\x\"", "invalid escape", 1),
    ])
    func malformedDocumentsSayWhatAndWhere(_ input: (String, String, Int)) throws {
        do {
            _ = try JSONParser.parse(Array(input.0.utf8))
            Issue.record("\(input.0) parsed")
        } catch {
            #expect(error.message.contains(input.1), "\(error.message)")
            #expect(error.offset == input.2, "offset \(error.offset) in \(input.0)")
            #expect(error.described(in: Array(input.0.utf8)).contains("line 1, column \(input.2 + 1)"))
        }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(Array(deep.utf8)) }
    }
}
