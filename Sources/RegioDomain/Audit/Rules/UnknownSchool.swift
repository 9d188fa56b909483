/// `unknown-school` (error).
///
/// Definition: one finding per region and listed code that is not a school code (malformed: not 2 digits,
/// 2 letters, 2 digits, like 00AB01, once the surrounding spaces are removed; letters in either case) or that
/// is well-formed but not in the school register.
/// A malformed code's message says what is wrong with it (``SchoolCode/diagnosis(_:)``).
enum UnknownSchool {
    static func findings(_ region: Region, in facts: some AuditFacts) -> [Finding] {
        var findings: [Finding] = []
        for raw in region.malformedCodes {
            findings.append(Finding(.unknownSchool, regions: [region.id], rawSchools: [raw],
                message: Message(region: region.id, code: raw, malformed: true)))
        }
        for code in region.schools where !facts.isKnown(code) {
            findings.append(Finding(.unknownSchool, regions: [region.id], schools: [code],
                message: Message(region: region.id, code: code.rawValue, malformed: false)))
        }
        return findings
    }
}

extension UnknownSchool {
    struct Message: FindingMessage {
        /// `code` as listed; `malformed` when it is not a school code at all.
        let region: RegionID, code: String, malformed: Bool

        func text(in language: Language) -> String {
            if malformed {
                let why = SchoolCode.diagnosis(code, in: language) ?? SchoolCode.shape(in: language)
                return language.pick("\(region) lists '\(code)', which is not a school code: \(why)",
                                     "\(region) noemt '\(code)', wat geen schoolcode is: \(why)")
            }
            return language.pick("\(region) lists \(code), which is not in the school register: check the code",
                                 "\(region) noemt \(code), die niet in het scholenregister staat: controleer de code")
        }
    }
}
