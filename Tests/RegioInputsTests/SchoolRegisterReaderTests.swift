import RegioDomain
@testable import RegioInputs
import RegioSpatial
import RegioTestSupport
import Testing

@Suite struct SchoolRegisterReaderTests {
    let files = TemporaryFiles()

    @Test func latLonIsProjectedToRDNew() throws {
        let path = files.write("s.csv", "brin6;naam;lat;lon\n00AB01;Dam;52.3731;4.8926\n")
        let register = try SchoolRegisterReader.read(path)
        let p = try #require(register.schools.first?.location)
        #expect(abs(p.x - 121317.754) < 0.01 && abs(p.y - 487362.091) < 0.01)
        #expect(register.coordinateColumns.contains("lat/lon"))
    }

    @Test func rdColumnsAreTakenAsIs() throws {
        let register = try SchoolRegisterReader.read(files.write("rd.csv", "brin6,rd_x,rd_y\n00AB01,233161.0,558607.0\n"))
        #expect(register.schools[0].location == Point(x: 233161, y: 558607))
    }

    @Test func schoolWithoutCoordinatesIsPlacedAtItsPostcodeOrReported() throws {
        let postcodes = try PostcodeTable.read(files.write("pc.csv", "id,postcode,latitude,longitude\n1,9406,53.0,6.55\n"))
        let path = files.write("s.csv", "brin6;naam;postcode;lat;lon\n00AB01;A;9406 NN;;\n00AB02;B;1234 AB;;\n")
        let register = try SchoolRegisterReader.read(path, postcodes: postcodes)
        #expect(register.schools[0].placement == .postcodeCentroid)
        #expect(register.schools[0].location != nil)
        #expect(register.schools[1].placement == .unplaced)
        #expect(register.schools[1].location == nil)
        #expect(register.problems.map(\.kind) == ["approximate-location", "unplaced-school"])
        #expect(register.problems[1].description.contains("s.csv:3"))
    }

    @Test func nonNumericCoordinateNamesLineAndValue() {
        let path = files.write("bad.csv", "brin6;lat;lon\n00AB01;52.1;6.1\n00AB02;52.2;abc\n")
        #expect { try SchoolRegisterReader.read(path) } throws: { error in
            let e = error as! InputError
            return e.kind == .badValue && e.description == "\(path):3: longitude 'abc' is not a number"
        }
    }

    @Test func swappedLatitudeAndLongitudeIsAnError() {
        let path = files.write("swap.csv", "brin6;lat;lon\n00AB01;6.55;53.0\n")
        #expect { try SchoolRegisterReader.read(path) } throws: { error in
            let e = error as! InputError
            return e.kind == .swappedCoordinates && e.line == 2 && e.message.contains("swapped")
        }
    }

    @Test func rdCoordinatesInLatLonColumnsAreAnError() {
        let path = files.write("rdlatlon.csv", "brin6;lat;lon\n00AB01;558607;233161\n")
        #expect { try SchoolRegisterReader.read(path) } throws: { error in
            let e = error as! InputError
            return e.kind == .badValue && e.message.contains("RD New")
        }
    }

    @Test func malformedCodeIsAnError() {
        let path = files.write("code.csv", "brin6;lat;lon\n0AB01;52.1;6.1\n")
        #expect { try SchoolRegisterReader.read(path) } throws: { error in
            let e = error as! InputError
            return e.kind == .malformedCode && e.description.contains("'0AB01'") && e.line == 2
        }
    }

    @Test func duplicateCodeNamesBothLines() {
        let path = files.write("dup.csv", "brin6;lat;lon\n00AB01;52.1;6.1\n00AB02;52.1;6.1\n00ab01;52.2;6.2\n")
        #expect { try SchoolRegisterReader.read(path) } throws: { error in
            let e = error as! InputError
            return e.kind == .duplicateCode && e.message.contains("lines 2 and 4")
        }
    }
}
