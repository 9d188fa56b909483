import RegioInputs

/// The input files of a run, by the option that named them, so that an output never overwrites one of them.
public struct OutputInputs: Sendable {
    /// (option, path) pairs such as ("--registrations", "reg.csv").
    public var files: [(option: String, path: String)]

    public init(_ files: [(option: String, path: String)] = []) { self.files = files }

    /// No inputs to protect (standard output, tests).
    public static let none = OutputInputs()

    /// The input named by the same file as `path` (device and inode, links followed), if any.
    func input(sameAs path: String) -> (option: String, path: String)? {
        guard let output = FileIdentity(following: path) else { return nil }
        return files.first { FileIdentity(following: $0.path)?.isSameFile(as: output) == true }
    }
}

extension InputPaths {
    /// Every input file named, by its option.
    public var outputInputs: OutputInputs {
        let named: [(String, String?)] = [("--schools", schools), ("--students", students),
                                          ("--municipalities", municipalities), ("--registrations", registrations),
                                          ("--postcodes", postcodes), ("--config", config)]
        return OutputInputs(named.compactMap { option, path in path.map { (option, $0) } })
    }
}
