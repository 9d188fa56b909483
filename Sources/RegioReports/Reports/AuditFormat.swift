import RegioInputs

/// Every format of `regio audit`: the text reports of ``AuditReport`` and the XLSX workbook (``AuditWorkbook``),
/// which is binary and so is written to a file only.
public enum AuditFormat: String, CaseIterable, Sendable {
    case text, markdown, json, csv, xlsx

    /// The text format of ``AuditReport``; `nil` for the workbook.
    public var textFormat: AuditReport.Format? { AuditReport.Format(rawValue: rawValue) }

    /// Whether the output is binary (never written to a terminal).
    public var isBinary: Bool { textFormat == nil }

    /// `report` in this format, as the bytes to write.
    public func bytes(of report: AuditReport) throws(InputError) -> [UInt8] {
        guard let textFormat else { return try AuditWorkbook(report.result).bytes() }
        return Array(report.render(textFormat).utf8)
    }
}
