/// An XLSX workbook opened for reading its sheets: the sheet list of `xl/workbook.xml`, where each sheet's part
/// is (`xl/_rels/workbook.xml.rels`), and the shared strings.
struct Workbook {
    private let archive: WorkbookArchive
    let sheets: [WorkbookSheet]
    private let relationships: [PartRelationship]

    /// The four bytes every ZIP archive, so every XLSX workbook, starts with ("PK\3\4").
    static let zipMagic: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
    /// The start of an OLE compound file: an Excel 97–2003 `.xls`, or an `.xlsx` encrypted with a password.
    static let compoundFileMagic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    init(bytes: [UInt8], file: String, maximumBytes: Int) throws(InputError) {
        if bytes.starts(with: Self.compoundFileMagic) {
            throw InputError(.badFormat, file: file, message: "is an Excel 97–2003 workbook (.xls) or a workbook protected with a password: save it as .xlsx without a password, or as CSV")
        }
        guard bytes.starts(with: Self.zipMagic) else {
            throw InputError(.badFormat, file: file, message: "is not an XLSX workbook (it does not start as a ZIP archive does): save it as .xlsx, or as CSV")
        }
        archive = try WorkbookArchive(bytes: bytes, file: file, maximumBytes: maximumBytes)
        guard let workbookXML = try archive.part("xl/workbook.xml") else {
            let what = archive.has("content.xml") && archive.has("mimetype")
                ? "is an OpenDocument spreadsheet (.ods), not an XLSX workbook: save it as .xlsx, or as CSV"
                : "is a ZIP archive but not an XLSX workbook (it has no xl/workbook.xml): save it as .xlsx, or as CSV"
            throw InputError(.badFormat, file: file, message: what)
        }
        let sheetList = WorkbookSheetsHandler()
        try XMLPart.parse(workbookXML, name: "xl/workbook.xml", file: file, handler: sheetList)
        let rels = RelationshipsHandler()
        if let relsXML = try archive.part("xl/_rels/workbook.xml.rels") {
            try XMLPart.parse(relsXML, name: "xl/_rels/workbook.xml.rels", file: file, handler: rels)
        }
        sheets = sheetList.sheets
        relationships = rels.relationships
    }

    private var file: String { archive.file }

    /// The sheet named `name` (exactly, else ignoring case), or the first visible worksheet when `name` is `nil`,
    /// and its part name.
    /// - Throws: ``InputError`` listing the sheets there are when there is no such sheet, or it is a chart.
    func sheet(named name: String?) throws(InputError) -> (WorkbookSheet, String) {
        let list = sheets.map { "'\($0.name)'" }.joined(separator: ", ")
        let worksheets = sheets.filter { relationship($0)?.type == "worksheet" }
        let chosen: WorkbookSheet
        if let name {
            guard let named = sheets.first(where: { $0.name == name }) ?? sheets.first(where: { $0.name.lowercased() == name.lowercased() }) else {
                throw InputError(.badValue, file: file, message: "has no sheet '\(name)': its sheets are \(list.isEmpty ? "none" : list)")
            }
            guard worksheets.contains(named) else {
                throw InputError(.badValue, file: file, message: "sheet '\(named.name)' is not a worksheet (a chart or dialog sheet): pass --sheet with one of \(worksheets.map { "'\($0.name)'" }.joined(separator: ", "))")
            }
            chosen = named
        } else {
            guard let first = worksheets.first(where: \.visible) else {
                throw InputError(.badFormat, file: file, message: "has no visible worksheet (its sheets: \(list.isEmpty ? "none" : list))")
            }
            chosen = first
        }
        guard let target = relationship(chosen)?.target, let part = RelationshipsHandler.partName(target) else {
            throw InputError(.badFormat, file: file, message: "the workbook does not say where sheet '\(chosen.name)' is stored: the file is damaged")
        }
        return (chosen, part)
    }

    private func relationship(_ sheet: WorkbookSheet) -> PartRelationship? {
        relationships.first { $0.id == sheet.relationship }
    }

    /// The workbook's shared strings (none when it has no such part).
    func sharedStrings() throws(InputError) -> [String] {
        let target = relationships.first { $0.type == "sharedStrings" }.flatMap { RelationshipsHandler.partName($0.target) }
            ?? "xl/sharedStrings.xml"
        guard let bytes = try archive.part(target) else { return [] }
        let handler = SharedStringsHandler()
        try XMLPart.parse(bytes, name: target, file: file, handler: handler)
        return handler.strings
    }

    /// Parses part `name` with `handler`.
    /// - Throws: ``InputError`` when the part is missing, too large or not well-formed.
    func parse(_ name: String, handler: XMLPartHandler) throws(InputError) {
        guard let bytes = try archive.part(name) else {
            throw InputError(.badFormat, file: file, message: "the workbook part \(name) is missing: the file is damaged")
        }
        try XMLPart.parse(bytes, name: name, file: file, handler: handler)
    }
}
