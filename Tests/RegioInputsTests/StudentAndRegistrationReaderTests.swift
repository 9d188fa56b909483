import RegioDomain
@testable import RegioInputs
import RegioTestSupport
import Testing

@Suite struct StudentCountsReaderTests {
    let files = TemporaryFiles()
    let header = "BRIN NUMMER;VESTIGINGSNUMMER;ONDERWIJSTYPE VO EN LEER- OF VERBLIJFSJAAR;AFDELING;LEER- OF VERBLIJFSJAAR 1 - MAN;LEER- OF VERBLIJFSJAAR 1 - VROUW;LEER- OF VERBLIJFSJAAR 3 - MAN;LEER- OF VERBLIJFSJAAR 3 - VROUW;LEER- OF VERBLIJFSJAAR 4 - MAN;LEER- OF VERBLIJFSJAAR 4 - VROUW\n"

    @Test func countsFollowTheDomainDefinitions() throws {
        let path = files.write("lln.csv", header + """
        00AB;01;VMBO BL lj 3-4;Bouwen, wonen en interieur;0;0;10;1;9;2
        00AB;01;VMBO KL lj 3-4;Zorg en welzijn;0;0;3;7;4;6
        00AB;01;VMBO GL lj 3-4;Media, vormgeving en ICT;0;0;5;0;0;0
        00AB;01;VMBO TL lj 3-4;N.v.t.;0;0;30;30;30;30
        00AB;01;VMBO KL lj 3-4;Vakmanschapsroute Techniek;0;0;2;0;2;0
        00AB;01;Brugjaar 1-2;N.v.t.;50;50;0;0;0;0
        00AB;02;HAVO lj 4-5;N.v.t.;0;0;0;0;8;8

        """)
        let file = try StudentCountsReader.read(path)
        let counts = try #require(file.counts[SchoolCode("00AB01")!])
        #expect(counts.countedStudents == 22 + 20 + 5 + 4)
        #expect(counts.technicalStudents() == 22 + 5)
        #expect(counts.technicalStudents(includingRoutes: true) == 22 + 5 + 4)
        #expect(counts.theoreticalStudents == 120)
        #expect(counts.perProfile[.bwi] == 22)
        #expect(counts.perTrack[.gl] == 5)
        #expect(counts.technicalProfilesOffered == [.bwi, .mvi])
        #expect(file.counts[SchoolCode("00AB02")!] == nil)
        #expect(file.schoolCount == 2)
        #expect(file.totalPupils == 22 + 20 + 5 + 120 + 4 + 100 + 16)
    }

    @Test func nonNumericCountNamesLineAndColumn() {
        let path = files.write("bad.csv", header + "00AB;01;VMBO BL lj 3-4;Groen;0;0;x;0;0;0\n")
        #expect { try StudentCountsReader.read(path) } throws: { error in
            let e = error as! InputError
            return e.kind == .badValue && e.line == 2 && e.message.contains("'x'")
        }
    }

    @Test func missingColumnIsAnError() {
        let path = files.write("cols.csv", "BRIN NUMMER;VESTIGINGSNUMMER;AFDELING\n00AB;01;Groen\n")
        #expect { try StudentCountsReader.read(path) } throws: { ($0 as! InputError).kind == .missingColumn }
    }
}

@Suite struct RegistrationReaderTests {
    let files = TemporaryFiles()

    @Test func rowsGroupIntoRegionsWithLeadMembersAndMalformedCodes() throws {
        let path = files.write("reg.csv", """
        regio_id,regio_naam,brin6,rol
        STO19001,Noord,00AB01,penvoerder
        STO19001,Noord,00AB02,deelnemer
        STO19001,Noord,XX12,deelnemer
        STO19002,Leeg,,penvoerder
        STO19001,Noord,00ab02,deelnemer

        """)
        let registration = try RegistrationReader.read(path)
        #expect(registration.regions.map(\.id) == ["STO19001", "STO19002"])
        let noord = registration.regions[0]
        #expect(noord.lead == SchoolCode("00AB01"))
        #expect(noord.schools == [SchoolCode("00AB01")!, SchoolCode("00AB02")!])
        #expect(noord.malformedCodes == ["XX12"])
        #expect(registration.regions[1].schools.isEmpty)
    }

    @Test func unknownRoleIsAnError() {
        let path = files.write("role.csv", "regio_id;regio_naam;brin6;rol\nSTO19001;N;00AB01;baas\n")
        #expect { try RegistrationReader.read(path) } throws: { error in
            let e = error as! InputError
            return e.kind == .badValue && e.line == 2 && e.message.contains("'baas'")
        }
    }

    @Test func twoLeadsInOneRegionIsAnError() {
        let path = files.write("lead.csv", "regio_id;regio_naam;brin6;rol\nS1;N;00AB01;penvoerder\nS1;N;00AB02;penvoerder\n")
        #expect { try RegistrationReader.read(path) } throws: { ($0 as! InputError).message.contains("line 2") }
    }
}
