import RegioDomain
import RegioInputs

/// A pre-registration as a workbook of one sheet with the columns of the CSV file (`regio_id`, `regio_naam`,
/// `brin6`, `rol`), one row per region and school, which `--registrations` reads back as it reads the CSV.
public enum RegistrationWorkbook {
    /// The sheet's name.
    public static let sheetName = "vooraanmelding"

    /// The sheet of `rows`, in their order.
    public static func sheet(_ rows: [RegistrationRow]) -> Worksheet {
        Worksheet(name: sheetName, columns: RegistrationReader.columns.map { Worksheet.Column($0) },
                  rows: rows.map { [.text("\($0.regionID)"), .text($0.regionName), .text($0.schoolCode), .text($0.role.rawValue)] })
    }

    /// The `.xlsx` file's bytes.
    public static func bytes(_ rows: [RegistrationRow]) throws(InputError) -> [UInt8] {
        try XLSXWriter.bytes([sheet(rows)])
    }
}
