import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The XML of one workbook part, parsed as a stream of elements by Foundation's `XMLParser` (libxml2's SAX
/// parser).
///
/// `XMLParser` rather than XMLCoder: a worksheet is a long flat list of cells, and a stream hands them over one at
/// a time, so only the text a reader keeps is held; XMLCoder builds the whole document as a tree of boxes before it
/// decodes, several times the memory of the part for a large sheet, and its `Codable` model fits mixed content
/// (rich-text runs, phonetic hints in shared strings) badly. XMLCoder parses with the same `XMLParser` underneath.
///
/// Entity tricks are shut out before the parser sees a byte: a part must be UTF-8 (no UTF-16 byte order mark, no
/// NUL byte, no other declared encoding) and may hold no document type declaration (`<!DOCTYPE`), the only place
/// entities are declared. Workbook parts never have one, so "billion laughs" expansion and external entities
/// (reading a local file or a URL) cannot happen; external entities are off in the parser as well.
enum XMLPart {
    /// Parses `bytes` (part `name` of the workbook `file`), calling `handler`; returns when the part is read.
    /// - Throws: ``InputError`` `badFormat` for a DOCTYPE, another encoding or XML that is not well-formed (with
    ///   the part's line), or the handler's own error.
    static func parse(_ bytes: [UInt8], name: String, file: String, handler: XMLPartHandler) throws(InputError) {
        try checkPlainUTF8(bytes, name: name, file: file)
        let parser = XMLParser(data: Data(bytes))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.delegate = handler
        let finished = parser.parse()
        if let failure = handler.failure { throw failure }
        guard finished else {
            let cause = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "unknown error"
            throw InputError(.badFormat, file: file,
                             message: "the workbook part \(name) is not well-formed XML (line \(parser.lineNumber): \(cause)): the file is damaged; save it again from the spreadsheet program")
        }
    }

    /// Refuses a part that is not plain UTF-8 XML without a document type declaration.
    private static func checkPlainUTF8(_ bytes: [UInt8], name: String, file: String) throws(InputError) {
        func refuse(_ why: String) -> InputError {
            InputError(.badFormat, file: file, message: "the workbook part \(name) \(why): refused (workbook parts are plain UTF-8 XML)")
        }
        let hasNUL = bytes.withUnsafeBufferPointer { $0.baseAddress.map { memchr($0, 0, bytes.count) != nil } ?? false }
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) || hasNUL {
            throw refuse("is not UTF-8 (UTF-16 or binary)")
        }
        if containsDeclaration(bytes, "DOCTYPE") || containsDeclaration(bytes, "ENTITY") {
            throw refuse("declares a document type or entities (<!DOCTYPE, <!ENTITY), which can expand without bound or read other files")
        }
        // The XML declaration, when there is one, may name UTF-8 only.
        let head = String(decoding: bytes.prefix(200), as: UTF8.self)
        if head.contains("<?xml"), let declarationEnd = head.range(of: "?>") {
            let declaration = head[..<declarationEnd.lowerBound].lowercased()
            if let encoding = declaration.range(of: "encoding") {
                let value = declaration[encoding.upperBound...].drop { " =\"'".contains($0) }.prefix { !"\"' ".contains($0) }
                if value != "utf-8" && value != "utf8" { throw refuse("declares the encoding '\(value)'") }
            }
        }
    }

    /// Whether `bytes` contain a markup declaration `<!` followed by `keyword` ("DOCTYPE"). Found with `memchr` on
    /// the rare `!` rather than by comparing at every `<`: a sheet part holds hundreds of thousands of tags.
    private static func containsDeclaration(_ bytes: [UInt8], _ keyword: String) -> Bool {
        let pattern = Array(keyword.utf8)
        return bytes.withUnsafeBufferPointer { b -> Bool in
            guard let base = b.baseAddress else { return false }
            var from = 0
            while from < b.count, let hit = memchr(base + from, Int32(UInt8(ascii: "!")), b.count - from) {
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if at > 0 && b[at - 1] == UInt8(ascii: "<") && at + 1 + pattern.count <= b.count
                    && memcmp(base + at + 1, pattern, pattern.count) == 0 {
                    return true
                }
                from = at + 1
            }
            return false
        }
    }
}

/// The receiver of one part's elements: element names without their namespace prefix (`x:c` is `c`), and the
/// first error, which stops the parse. Subclasses override ``start(_:attributes:parser:)``, ``text(_:)`` and
/// ``end(_:parser:)``: on Linux `XMLParserDelegate`'s methods are bound when this class conforms, so a subclass's
/// own delegate methods would never be called.
class XMLPartHandler: NSObject, XMLParserDelegate {
    /// The error that stopped the parse.
    private(set) var failure: InputError?

    /// An element starts; `name` without prefix.
    func start(_ name: Substring, attributes: [String: String], parser: XMLParser) {}
    /// Character data.
    func text(_ string: String) {}
    /// An element ends; `name` without prefix.
    func end(_ name: Substring, parser: XMLParser) {}

    final func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                      attributes: [String: String] = [:]) {
        start(Self.local(name), attributes: attributes, parser: parser)
    }

    final func parser(_ parser: XMLParser, foundCharacters string: String) { text(string) }

    final func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        end(Self.local(name), parser: parser)
    }

    /// Stops the parse with `error` (the first one counts).
    func fail(_ parser: XMLParser, _ error: InputError) {
        if failure == nil { failure = error }
        parser.abortParsing()
    }

    /// `name` without a namespace prefix.
    static func local(_ name: String) -> Substring {
        guard let colon = name.lastIndex(of: ":") else { return name[...] }
        return name[name.index(after: colon)...]
    }

    /// The attribute whose name, without prefix, is `name` (`r:id` for "id").
    static func attribute(_ attributes: [String: String], _ name: String) -> String? {
        if let value = attributes[name] { return value }
        return attributes.first { local($0.key) == name }?.value
    }
}
