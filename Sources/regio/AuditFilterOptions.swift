import ArgumentParser
import RegioDomain

/// `--rule`, `--region` and `--severity` of `regio audit`: which findings to report. Rules and regions may be
/// repeated or given as comma lists; `--severity warning` keeps warnings and errors.
struct AuditFilterOptions: ParsableArguments {
    @Option(name: .customLong("rule"), help: ArgumentHelp("Only findings of this rule id (repeat, or a comma list).", valueName: "rule-id"))
    var rules: [String] = []

    @Option(name: .customLong("region"), help: ArgumentHelp("Only findings concerning this region, and its figures (repeat, or a comma list; any case).", valueName: "id"))
    var regions: [String] = []

    @Option(help: ArgumentHelp("Only findings of this severity and worse: error, warning (warnings and errors) or info (all).", valueName: "severity"))
    var severity: Severity?

    func validate() throws { _ = try parsedRules() }

    /// The rule ids given, parsed.
    func parsedRules() throws(ValidationError) -> [Rule] {
        var rules: [Rule] = []
        for text in self.rules.flatMap({ $0.split(separator: ",") }) {
            let id = text.trimmingCharacters(in: .whitespaces).lowercased()
            guard let rule = Rule(rawValue: id) else {
                throw ValidationError("unknown rule '\(text)'; the rule ids are \(Rule.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if !rules.contains(rule) { rules.append(rule) }
        }
        return rules
    }
}

extension Severity: ExpressibleByArgument {}
