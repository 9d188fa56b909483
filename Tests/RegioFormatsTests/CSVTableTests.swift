@testable import RegioInputs
import Testing

@Suite struct CSVTableTests {
    let files = TemporaryFiles()

    @Test func semicolonLatin1PaddedFieldsAreDecodedAndTrimmed() throws {
        // "Zuidwest-Friesland" with ë in Latin-1 (0xEB), padded fields as DUO writes them.
        var bytes = Array("BRIN6;NAAM;PLAATS\r\n00AB01;Scholengemeenschap ".utf8)
        bytes += [0x50, 0x6F, 0xEB, 0x74] // "Poët"
        bytes += Array(" ;   ASSEN   \r\n".utf8)
        let table = try CSVTable.read(files.write("latin1.csv", bytes: bytes), expecting: ["brin6"])
        #expect(table.encoding == "ISO-8859-1")
        #expect(table.delimiter == UInt8(ascii: ";"))
        #expect(table.rowCount == 1)
        #expect(table.fields(0) == ["00AB01", "Scholengemeenschap Poët", "ASSEN"])
        #expect(table.lines == [2])
    }

    @Test func commaUTF8WithBOMAndQuotedFields() throws {
        let path = files.write("bom.csv", "\u{FEFF}brin6,naam,lat\n00AB01,\"Het \"\"College\"\", Emmen\",52.1\n\n00AB02,\"two\nlines\",52.2\n")
        let table = try CSVTable.read(path, expecting: ["brin6"])
        #expect(table.encoding == "UTF-8")
        #expect(table.header == ["brin6", "naam", "lat"])
        #expect(table.fields(0) == ["00AB01", "Het \"College\", Emmen", "52.1"])
        #expect(table.fields(1) == ["00AB02", "two\nlines", "52.2"])
        #expect(table.lines == [2, 4])
    }

    @Test func rowsOfSeparatorsOnlyAreNotRows() throws {
        // Excel's empty rows: separators only, padded, quoted empty, between rows and at the end.
        let path = files.write("excel.csv", "regio_id;brin6;rol\n;;\nSTO19001;00AB01;penvoerder\n  ; ;\n\"\";\"\";\nSTO19001;;\n;;\r\n;;\r\n")
        let table = try CSVTable.read(path, expecting: ["regio_id"])
        #expect(table.rowCount == 2)
        #expect(table.fields(0) == ["STO19001", "00AB01", "penvoerder"])
        // A row with one cell filled is a row.
        #expect(table.fields(1) == ["STO19001", "", ""])
        #expect(table.lines == [3, 6])
    }

    @Test func tabSeparatedFileIsAWrongDelimiterError() {
        let path = files.write("tabs.csv", "brin6\tlat\tlon\n00AB01\t52\t6\n")
        #expect {
            try CSVTable.read(path, expecting: ["brin6", "lat", "lon"])
        } throws: { error in
            let e = error as! InputError
            return e.kind == .wrongDelimiter && e.description.contains("tabs.csv:1") && e.description.contains("tab")
        }
    }

    @Test func emptyFileIsAnError() {
        let path = files.write("empty.csv", "")
        #expect { try CSVTable.read(path, expecting: []) } throws: { ($0 as! InputError).kind == .emptyFile }
    }

    @Test func missingFileIsAnErrorNamingIt() {
        #expect { try CSVTable.read("/nonexistent/schools.csv", expecting: []) } throws: { error in
            let e = error as! InputError
            return e.kind == .fileNotFound && e.description.contains("/nonexistent/schools.csv")
        }
    }

    @Test func undecodableTextNamesLineAndByte() {
        // UTF-16 and a C1 control byte (0x81) on line 2.
        let utf16 = files.write("utf16.csv", bytes: [0xFF, 0xFE, 0x62, 0x00])
        #expect { try CSVTable.read(utf16, expecting: []) } throws: { ($0 as! InputError).kind == .undecodableText }
        let c1 = files.write("c1.csv", bytes: Array("brin6;naam\n00AB01;X".utf8) + [0x81] + Array("\n".utf8))
        #expect { try CSVTable.read(c1, expecting: []) } throws: { error in
            let e = error as! InputError
            return e.kind == .undecodableText && e.line == 2 && e.description.contains("0x81")
        }
        let nul = files.write("nul.csv", bytes: Array("brin6;naam\n".utf8) + [0x00, 0x01])
        #expect { try CSVTable.read(nul, expecting: []) } throws: { ($0 as! InputError).kind == .undecodableText }
    }

    @Test func missingColumnListsTheHeader() throws {
        let table = try CSVTable.read(files.write("cols.csv", "code;naam\n00AB01;x\n"), expecting: ["brin6"])
        #expect { try table.requireColumn("brin6", purpose: "the school code") } throws: { error in
            let e = error as! InputError
            return e.kind == .missingColumn && e.description.contains("'brin6'") && e.description.contains("code, naam")
        }
    }
}
