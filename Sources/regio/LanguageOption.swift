import ArgumentParser
import RegioDomain

/// `--language en|nl`: the language of the reports a command writes for people. It beats the config file's
/// `language` key; without either, English. Help and error messages stay English.
struct LanguageOption: ParsableArguments {
    @Option(help: ArgumentHelp("Language of the report: en (English) or nl (Dutch). Default: the config file's language key, else en.",
                               valueName: "en|nl"))
    var language: Language?

    /// The flag's language, else the settings' (the config file's key, English by default).
    func resolved(_ settings: AuditSettings) -> Language { language ?? settings.language }
}

extension Language: ExpressibleByArgument {
    public init?(argument: String) { self.init(named: argument) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}
