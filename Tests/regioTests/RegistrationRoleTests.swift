import Foundation
import Testing

/// domain.md: two `penvoerder` rows in one region and an unknown role are input errors of the
/// pre-registration (exit 2, the line named); a region of `deelnemer` rows only is a `missing-lead` finding.
@Suite struct RegistrationRoleTests {
    let scratch = Scratch()

    func audit(_ registration: String) throws -> RegioProcess.Output {
        let demo = RegioProcess.packageRoot.appendingPathComponent("geodata/demo").path
        let first = try String(contentsOfFile: "\(demo)/registrations.csv", encoding: .utf8).split(separator: "\n")[1]
        let code = first.split(separator: ";")[2]
        return try RegioProcess.run(["audit", "--no-catchments", "--schools", "\(demo)/schools.csv",
                                     "--students", "\(demo)/students.csv", "--municipalities", "\(demo)/municipalities.geojson",
                                     "--registrations", scratch.write("r.csv", registration.replacingOccurrences(of: "CODE", with: String(code)))])
    }

    @Test func aSecondLeadIsAnInputError() throws {
        let out = try audit("regio_id;regio_naam;brin6;rol\nSTO19001;N;CODE;penvoerder\nSTO19001;N;00ZZ01;penvoerder\n")
        #expect(out.status == 2 && out.stderr.contains("r.csv:3") && out.stderr.contains("second penvoerder"), "\(out.stderr)")
    }

    @Test func anUnknownRoleIsAnInputError() throws {
        let out = try audit("regio_id;regio_naam;brin6;rol\nSTO19001;N;CODE;baas\n")
        #expect(out.status == 2 && out.stderr.contains("r.csv:2") && out.stderr.contains("'baas' is not a role"), "\(out.stderr)")
    }

    @Test func membersOnlyIsAMissingLeadFinding() throws {
        let out = try audit("regio_id;regio_naam;brin6;rol\nSTO19001;N;CODE;deelnemer\n")
        #expect(out.status == 1 && out.stdout.contains("missing-lead: STO19001"), "\(out.stderr)")
    }
}
