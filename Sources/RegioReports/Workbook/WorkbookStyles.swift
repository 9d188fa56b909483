/// The cell styles of a written workbook (`xl/styles.xml`): the index of each in `cellXfs` is what a cell's `s`
/// attribute names.
enum WorkbookStyles {
    /// Bold: the header row.
    static let header = 1

    /// The style index of numbers in `format`: 0 is the default (General).
    static func style(of format: Worksheet.Format) -> Int {
        switch format {
        case .general: 0
        case .integer: 2
        case .decimal: 3
        case .percent: 4
        }
    }

    /// The styles part. Number formats 3 (`#,##0`) and 4 (`#,##0.00`) are built in; 164 and 165 are defined here.
    static let xml = SpreadsheetXML.declaration + """
        <styleSheet xmlns="\(SpreadsheetXML.mainNamespace)">\
        <numFmts count="2"><numFmt numFmtId="164" formatCode="#,##0.0"/><numFmt numFmtId="165" formatCode="0.0%"/></numFmts>\
        <fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>\
        <font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>\
        <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="5">\
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
        <xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        </cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
        </styleSheet>
        """
}
