import ArgumentParser
import RegioDomain

/// `--language en|nl`: the language of what a command writes for people (default English). Rule ids, JSON
/// keys, help and error messages stay English.
struct LanguageOption: ParsableArguments {
    @Option(help: ArgumentHelp("The language of the output: en (English) or nl (Dutch).", valueName: "en|nl"))
    var language: Language = .en
}

extension Language: ExpressibleByArgument {
    /// `nl`, `NL`, `en`, …: any case.
    public init?(argument: String) { self.init(named: argument) }
}
