import RegioDomain

/// An input that cannot be read: the file, the line or feature, the value and what was expected.
/// The command-line tool prints ``description`` and exits with code 2.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case fileNotFound = "file-not-found"
        case unreadable
        case emptyFile = "empty-file"
        case undecodableText = "undecodable-text"
        case wrongDelimiter = "wrong-delimiter"
        case missingColumn = "missing-column"
        case badValue = "bad-value"
        case swappedCoordinates = "swapped-coordinates"
        case malformedCode = "malformed-code"
        case duplicateCode = "duplicate-code"
        case badGeometry = "bad-geometry"
        case unknownCRS = "unknown-crs"
        case badFormat = "bad-format"
        /// A file of another kind than the option takes (the pupil file given as `--schools`).
        case wrongFile = "wrong-file"
        /// An output that exists and may only be replaced when asked (`--force`).
        case outputExists = "output-exists"
        /// An output that cannot be written (missing folder, permissions, disk full).
        case unwritable
        /// An output that regio may not replace: one of the inputs, a folder or file it did not write.
        case protectedOutput = "protected-output"
        /// An input larger than the `maximumInputMegabytes` setting.
        case tooLarge = "too-large"
    }

    public let kind: Kind
    /// The file as the user named it.
    public let file: String
    /// 1-based line in a tabular file.
    public let line: Int?
    /// Feature index (0-based) and id in a map file, e.g. "12 (GM0363)".
    public let feature: String?
    /// A place in a workbook, e.g. "sheet 'Regio's', cell B12" (then `line` is `nil`).
    public let place: String?
    /// What is wrong and what was expected, in words a person can act on.
    public let message: String

    public init(_ kind: Kind, file: String, line: Int? = nil, feature: String? = nil, place: String? = nil, message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.feature = feature
        self.place = place
        self.message = message
    }

    /// "schools.csv:42: longitude 'abc' is not a number", "reg.xlsx, sheet 'Regio's', cell B12: regio_id is empty".
    public var description: String {
        if let place { return "\(file), \(place): \(message)" }
        return InputProblem.located(message, file: file, line: line, feature: feature)
    }
}
