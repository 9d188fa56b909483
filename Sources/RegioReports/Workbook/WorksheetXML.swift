import RegioInputs

/// The XML of one worksheet part: the header row in bold and frozen (it stays in view while scrolling), an
/// autofilter over the header and the rows, column widths that fit the content, text as inline strings and numbers
/// as numbers in their column's style (``WorkbookStyles``).
enum WorksheetXML {
    /// The most characters a cell holds (Excel's limit); longer text is cut with "…".
    static let maximumCellCharacters = 32_767

    static func render(_ sheet: Worksheet) -> String {
        let lastColumn = CellReference.letters(max(sheet.columns.count, 1))
        let range = "A1:\(lastColumn)\(sheet.rows.count + 1)"
        var out = SpreadsheetXML.declaration
        out += #"<worksheet xmlns="\#(SpreadsheetXML.mainNamespace)" xmlns:r="\#(SpreadsheetXML.relationshipsNamespace)">"#
        out += #"<dimension ref="\#(range)"/>"#
        out += #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
        out += #"<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>"#
        out += #"<sheetFormatPr defaultRowHeight="15"/><cols>"#
        for (i, width) in widths(sheet).enumerated() {
            out += #"<col min="\#(i + 1)" max="\#(i + 1)" width="\#(width)" customWidth="1"/>"#
        }
        out += "</cols><sheetData>"
        out += row(1, sheet.columns.map { .text($0.title) }, styles: sheet.columns.map { _ in WorkbookStyles.header })
        let styles = sheet.columns.map { WorkbookStyles.style(of: $0.format) }
        for (i, cells) in sheet.rows.enumerated() { out += row(i + 2, cells, styles: styles) }
        out += #"</sheetData><autoFilter ref="\#(range)"/></worksheet>"#
        return out
    }

    /// One `<row>`: empty cells are left out.
    private static func row(_ number: Int, _ cells: [Worksheet.Cell], styles: [Int]) -> String {
        var out = #"<row r="\#(number)">"#
        for (i, cell) in cells.enumerated() {
            let reference = CellReference.letters(i + 1) + String(number)
            let style = styles[i] == 0 ? "" : #" s="\#(styles[i])""#
            switch cell {
            case .empty, .text(""): continue
            case .text(let text):
                let kept = text.count > maximumCellCharacters ? String(text.prefix(maximumCellCharacters - 1)) + "…" : text
                out += #"<c r="\#(reference)"\#(style) t="inlineStr"><is><t xml:space="preserve">\#(SpreadsheetXML.escaped(kept))</t></is></c>"#
            case .number(let value):
                guard value.isFinite else { continue }
                out += #"<c r="\#(reference)"\#(style)><v>\#(numberText(value))</v></c>"#
            }
        }
        return out + "</row>"
    }

    /// A number as `xsd:double` text: whole numbers without ".0".
    static func numberText(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    /// Each column's width in characters: its longest cell (as shown) or title, plus room for the filter button,
    /// between 8 and 60 (longer text wraps out of view rather than making the sheet unreadably wide).
    static func widths(_ sheet: Worksheet) -> [Int] {
        sheet.columns.enumerated().map { i, column in
            var longest = column.title.count + 3
            for row in sheet.rows {
                switch row[i] {
                case .text(let text): longest = max(longest, text.count)
                case .number(let value): longest = max(longest, shownLength(value, column.format))
                case .empty: break
                }
            }
            return min(max(longest + 2, 8), 60)
        }
    }

    /// About the number of characters `value` takes in `format`.
    private static func shownLength(_ value: Double, _ format: Worksheet.Format) -> Int {
        // Beyond 10^15 (and for infinities, never written) a spreadsheet shows an exponent: 1E+20.
        guard abs(value) < 1e15 else { return numberText(value).count }
        let digits = String(Int64(abs(value).rounded(.down))).count
        let separators = (digits - 1) / 3
        switch format {
        case .general: return numberText(value).count
        case .integer: return digits + separators
        case .decimal: return digits + separators + 2
        case .percent: return String(Int64((abs(value) * 100).rounded(.down))).count + 3  // 100 × below 10^15 fits
        }
    }
}
