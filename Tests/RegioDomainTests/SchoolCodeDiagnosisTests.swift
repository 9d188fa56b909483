import Testing
import RegioDomain

/// A malformed school code is explained by the character that is wrong and what was expected there.
@Suite struct SchoolCodeDiagnosisTests {
    @Test(arguments: [
        ("02VJ0O", "character 6 is the letter 'O' where a digit is expected (2 digits, 2 letters, 2 digits, like 00AB01): the digit 0?"),
        ("0OAB01", "character 2 is the letter 'O' where a digit is expected (2 digits, 2 letters, 2 digits, like 00AB01): the digit 0?"),
        ("00A001", "character 4 is the digit '0' where a letter is expected (2 digits, 2 letters, 2 digits, like 00AB01): the letter O?"),
        ("00A-01", "character 4 is '-' where a letter is expected (2 digits, 2 letters, 2 digits, like 00AB01)"),
        ("00A 01", "character 4 is a space where a letter is expected (2 digits, 2 letters, 2 digits, like 00AB01)"),
        ("00AB1", "it has 5 characters, expected 6 (2 digits, 2 letters, 2 digits, like 00AB01)"),
        ("00", "it has 2 characters, expected 6 (2 digits, 2 letters, 2 digits, like 00AB01)"),
        ("  ", "it is empty, expected 6 characters (2 digits, 2 letters, 2 digits, like 00AB01)"),
    ])
    func malformedCodeNamesTheCharacter(_ text: String, _ expected: String) {
        #expect(SchoolCode(text) == nil)
        #expect(SchoolCode.diagnosis(text) == expected)
    }

    @Test func wellFormedCodesHaveNoDiagnosis() {
        for text in ["00AB01", " 02vj01 ", "99ZZ99"] {
            #expect(SchoolCode(text) != nil)
            #expect(SchoolCode.diagnosis(text) == nil, "\(text)")
        }
        #expect(SchoolCode.diagnosis("02VJ0O", withShape: false) == "character 6 is the letter 'O' where a digit is expected: the digit 0?")
    }
}
