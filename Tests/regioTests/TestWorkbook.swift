import Foundation
import ZIPFoundation

/// Hand-made XLSX packages for the hostile-input tests: the parts a reader needs (workbook, its relationships, one
/// sheet), any of them replaced or added, zipped with ZIPFoundation.
enum TestWorkbook {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

    /// The parts of a workbook of one sheet "Regio's" holding `sheetData` (the rows' XML).
    static func parts(sheetData: String) -> [String: String] {
        let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        return [
            "xl/workbook.xml": #"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="\#(main)" xmlns:r="\#(relationships)"><sheets><sheet name="Regio's" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
            "xl/_rels/workbook.xml.rels": #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\#(relationships)/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
            "xl/worksheets/sheet1.xml": #"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="\#(main)"><sheetData>\#(sheetData)</sheetData></worksheet>"#,
        ]
    }

    /// The ZIP of `parts` (deflated), plus an entry `bombPart` of `bombBytes` spaces when given.
    static func zip(_ parts: [String: String], bombPart: String? = nil, bombBytes: Int = 0) throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        for (name, text) in parts.sorted(by: { $0.key < $1.key }) {
            let data = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) {
                data.subdata(in: Int($0)..<Int($0) + $1)
            }
        }
        if let bombPart {
            let chunk = Data(repeating: 0x20, count: 1 << 16)
            try archive.addEntry(with: bombPart, type: .file, uncompressedSize: Int64(bombBytes), compressionMethod: .deflate,
                                 bufferSize: 1 << 16) { _, size in chunk.prefix(size) }
        }
        return [UInt8](try archive.data.orThrow())
    }
}

extension Optional {
    /// Unwraps for a test helper that cannot use `#require`.
    fileprivate func orThrow() throws -> Wrapped {
        guard let self else { throw CocoaError(.fileReadCorruptFile) }
        return self
    }
}
