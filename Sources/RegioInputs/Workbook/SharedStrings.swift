import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The workbook's shared strings (`xl/sharedStrings.xml`): cells of type `s` hold an index into this list. An item is
/// plain text (`<si><t>…</t></si>`) or rich text whose runs are joined (`<si><r><t>…</t></r>…</si>`); phonetic hints
/// (`<rPh>`) are not part of the text.
final class SharedStringsHandler: XMLPartHandler {
    private(set) var strings: [String] = []
    private var item: String?
    private var inText = false
    private var phoneticDepth = 0

    override func start(_ name: Substring, attributes: [String: String], parser: XMLParser) {
        switch name {
        case "si": item = ""
        case "rPh": phoneticDepth += 1
        case "t": inText = item != nil && phoneticDepth == 0
        default: break
        }
    }

    override func text(_ string: String) {
        if inText { item? += string }
    }

    override func end(_ name: Substring, parser: XMLParser) {
        switch name {
        case "si":
            strings.append(item ?? "")
            item = nil
        case "rPh": phoneticDepth -= 1
        case "t": inText = false
        default: break
        }
    }
}
