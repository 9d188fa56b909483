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
                message: "\(region.id) lists '\(raw)', which is not a school code: \(SchoolCode.diagnosis(raw) ?? SchoolCode.shape)"))
        }
        for code in region.schools where !facts.isKnown(code) {
            findings.append(Finding(.unknownSchool, regions: [region.id], schools: [code],
                message: "\(region.id) lists \(code), which is not in the school register: check the code"))
        }
        return findings
    }
}
