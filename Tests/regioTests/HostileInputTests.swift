import Foundation
import GRDB
import Testing

/// Issue 12's "What was seen", one test each: regio never destroys what it did not write, and a hostile file ends
/// in exit code 2 with a message naming the file and the cause: no signal, within a time and a memory bound
/// (``HostileRun``). Each case failed before the fix (deleted folder, overwritten input, SIGSEGV, trap, hang,
/// unbounded read).
@Suite struct HostileInputTests {
    let scratch = Scratch()
    let demo = RegioProcess.packageRoot.appendingPathComponent("geodata/demo").path

    /// The demo inputs, with `registrations` (and more) replaced as given.
    func demoInputs(registrations: String? = nil) -> [String] {
        ["--schools", "\(demo)/schools.csv", "--students", "\(demo)/students.csv",
         "--municipalities", "\(demo)/municipalities.geojson", "--registrations", registrations ?? "\(demo)/registrations.csv"]
    }

    func expectRefused(_ run: HostileRun, naming fragments: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!run.signalled && !run.timedOut, "ended by a signal or stopped after the timeout: \(run.stderr)",
                sourceLocation: sourceLocation)
        #expect(run.status == 2, "exit status \(run.status): \(run.stderr)", sourceLocation: sourceLocation)
        #expect(run.stderr.hasPrefix("regio: error: ") && run.stderr.split(separator: "\n").count == 1,
                "one line on stderr: \(run.stderr)", sourceLocation: sourceLocation)
        for fragment in fragments {
            #expect(run.stderr.contains(fragment), "'\(fragment)' in: \(run.stderr)", sourceLocation: sourceLocation)
        }
    }

    func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    // MARK: data loss

    @Test func mapWithForceNeverReplacesAFolder() throws {
        let folder = scratch.path("v")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        let note = scratch.write("v/note.txt", "my work")
        expectRefused(try HostileRun.run(["map", "--output", folder, "--force"]), naming: [folder, "is a folder"])
        #expect(try read(note) == "my work")
    }

    @Test func exportWithForceNeverReplacesAFolderItDidNotWrite() throws {
        let documents = scratch.path("Documents")
        try FileManager.default.createDirectory(atPath: documents, withIntermediateDirectories: false)
        let letter = scratch.write("Documents/letter.txt", "dear")
        expectRefused(try HostileRun.run(["export", "--format", "geojson", "--output", documents, "--force"]),
                      naming: [documents, "did not write"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: documents) == ["letter.txt"])
        #expect(try read(letter) == "dear")
    }

    @Test func exportWithForceReplacesOnlyTheFilesOfItsManifest() throws {
        let layers = scratch.path("layers")
        let first = try HostileRun.run(["export", "--output", layers])
        #expect(first.status == 0, "\(first.stderr)")
        let manifest = try read("\(layers)/.regio-export")
        #expect(manifest.contains("regions.geojson") && !manifest.contains("notes.txt"))
        let notes = scratch.write("layers/notes.txt", "mine")
        // A stale file of an earlier export (listed) goes; the person's file (not listed) stays.
        try manifest.replacingOccurrences(of: "\"catchments.geojson\"", with: "\"catchments.geojson\",\"old.geojson\"")
            .write(toFile: "\(layers)/.regio-export", atomically: true, encoding: .utf8)
        _ = scratch.write("layers/old.geojson", "{}")
        let again = try HostileRun.run(["export", "--output", layers, "--force"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try read(notes) == "mine")
        #expect(!FileManager.default.fileExists(atPath: "\(layers)/old.geojson"))
        #expect(FileManager.default.fileExists(atPath: "\(layers)/regions.geojson"))
        // An input is never removed, even when a (forged) manifest lists it.
        let settings = scratch.write("layers/settings.yaml", "closeByDistanceMeters: 5000\n")
        try read("\(layers)/.regio-export").replacingOccurrences(of: "\"catchments.geojson\"", with: "\"catchments.geojson\",\"settings.yaml\"")
            .write(toFile: "\(layers)/.regio-export", atomically: true, encoding: .utf8)
        let withInput = try HostileRun.run(["export", "--output", layers, "--force", "--config", settings])
        #expect(withInput.status == 0, "\(withInput.stderr)")
        #expect(try read(settings) == "closeByDistanceMeters: 5000\n")
        // A person's file under a name the export writes is never replaced.
        try FileManager.default.removeItem(atPath: "\(layers)/.regio-export")
        try "{}".write(toFile: "\(layers)/.regio-export", atomically: true, encoding: .utf8)
        expectRefused(try HostileRun.run(["export", "--output", layers, "--force"]), naming: [layers, "did not write"])
    }

    @Test func anOutputThatIsAnInputIsRefusedEvenThroughALink() throws {
        let registrations = scratch.write("reg.csv", try read("\(demo)/registrations.csv"))
        let original = try read(registrations)
        let same = try HostileRun.run(["audit", "--output", registrations, "--force"] + demoInputs(registrations: registrations))
        expectRefused(same, naming: [registrations, "--registrations", "never writes over its inputs"])
        let symbolic = scratch.path("link.csv"), hard = scratch.path("hard.csv")
        try FileManager.default.createSymbolicLink(atPath: symbolic, withDestinationPath: registrations)
        try FileManager.default.linkItem(atPath: registrations, toPath: hard)
        for alias in [symbolic, hard] {
            expectRefused(try HostileRun.run(["audit", "--output", alias, "--force"] + demoInputs(registrations: registrations)),
                          naming: [alias, "--registrations"])
        }
        expectRefused(try HostileRun.run(["map", "--output", "\(demo)/schools.csv", "--force"]), naming: ["--schools"])
        #expect(try read(registrations) == original)
    }

    @Test func everyCommandThatWritesNeedsForceToReplace() throws {
        for command in [["audit"], ["portrait", "STO19001"], ["inspect"], ["suggest"], ["catchments"]] {
            let output = scratch.write("\(command[0]).out", "keep me")
            expectRefused(try HostileRun.run(command + ["--output", output]), naming: [output, "--force"])
            #expect(try read(output) == "keep me", "\(command)")
            let forced = try HostileRun.run(command + ["--output", output, "--force"])
            #expect([0, 1].contains(forced.status) && !forced.signalled, "\(command): \(forced.stderr)")
            #expect(try read(output) != "keep me", "\(command)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.directory.path).allSatisfy { !$0.contains(".tmp-") })
    }

    @Test(arguments: [(SIGTERM, "gpkg"), (SIGINT, "geojson")])
    func anInterruptedExportLeavesNoTemporaryFile(signalNumber: Int32, format: String) throws {
        // The temporary output exists only while it is written: watch for it, then stop the run.
        var caught = false
        for attempt in 0..<10 where !caught {
            let name = "stopped-\(attempt)" + (format == "gpkg" ? ".gpkg" : "")
            let target = scratch.path(name)
            let process = Process()
            process.executableURL = RegioProcess.binary
            process.arguments = ["export", "--format", format, "--output", target]
            process.currentDirectoryURL = RegioProcess.packageRoot
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let prefix = ".\(name).tmp-"
            while process.isRunning, !caught {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: scratch.directory.path)) ?? []
                if names.contains(where: { $0.hasPrefix(prefix) }) {
                    kill(process.processIdentifier, signalNumber)
                    caught = true
                } else {
                    usleep(200)
                }
            }
            process.waitUntilExit()
            guard caught else { continue }
            #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == signalNumber,
                    "ended by \(process.terminationReason == .exit ? "exit" : "signal") \(process.terminationStatus)")
            let left = try FileManager.default.contentsOfDirectory(atPath: scratch.directory.path)
            #expect(!left.contains { $0.hasPrefix(prefix) }, "left behind: \(left)")
            // The signal may land just after the rename: then the output is whole, never half-written.
            if FileManager.default.fileExists(atPath: target) {
                if format == "gpkg" {
                    #expect(try DatabaseQueue(path: target).read { try $0.tableExists("gpkg_contents") })
                } else {
                    #expect(FileManager.default.fileExists(atPath: "\(target)/.regio-export"))
                }
            }
        }
        #expect(caught, "the export never showed its temporary output while running")
    }

    // MARK: hostile GeoPackages

    /// A one-layer GeoPackage whose metadata and geometry blob are given raw (no checks, as a hostile file).
    func geoPackage(_ name: String, srsID: DatabaseValueConvertible = 28992, organizationCode: DatabaseValueConvertible = 28992,
                    wkb: [UInt8]) throws -> String {
        let path = scratch.path(name)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: """
                CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT, srs_id INTEGER PRIMARY KEY, organization TEXT,
                  organization_coordsys_id INTEGER, definition TEXT, description TEXT);
                CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT, identifier TEXT, srs_id INTEGER);
                CREATE TABLE gpkg_geometry_columns (table_name TEXT, column_name TEXT, geometry_type_name TEXT,
                  srs_id, z TINYINT, m TINYINT);
                CREATE TABLE gemeenten (fid INTEGER PRIMARY KEY, geom BLOB, statcode TEXT, statnaam TEXT);
                INSERT INTO gpkg_contents VALUES ('gemeenten', 'features', 'gemeenten', 28992);
                """)
            try db.execute(sql: "INSERT INTO gpkg_spatial_ref_sys VALUES ('Amersfoort / RD New', 28992, 'EPSG', ?, '', NULL)",
                           arguments: [organizationCode])
            try db.execute(sql: "INSERT INTO gpkg_geometry_columns VALUES ('gemeenten', 'geom', 'MULTIPOLYGON', ?, 0, 0)",
                           arguments: [srsID])
            // Header: 'GP', version 0, flags 0x01 (little-endian, no envelope), srs_id 28992.
            let blob = [0x47, 0x50, 0, 1] + withUnsafeBytes(of: Int32(28992).littleEndian, Array.init) + wkb
            try db.execute(sql: "INSERT INTO gemeenten VALUES (1, ?, 'GM0001', 'Deep')", arguments: [Data(blob)])
        }
        return path
    }

    /// A little-endian WKB square polygon in RD New.
    static let squareWKB: [UInt8] = {
        var bytes: [UInt8] = [1, 3, 0, 0, 0, 1, 0, 0, 0, 5, 0, 0, 0]
        for (x, y) in [(150_000.0, 450_000.0), (151_000, 450_000), (151_000, 451_000), (150_000, 451_000), (150_000, 450_000)] {
            bytes += withUnsafeBytes(of: x.bitPattern.littleEndian, Array.init) + withUnsafeBytes(of: y.bitPattern.littleEndian, Array.init)
        }
        return bytes
    }()

    func inspect(map: String) throws -> HostileRun {
        try HostileRun.run(["inspect", "--schools", "\(demo)/schools.csv", "--municipalities", map])
    }

    @Test func aGeometryCollectionNested200000DeepIsRefusedBeforeGEOS() throws {
        // GeometryCollection (type 7) holding one member, 200,000 times, around an empty one.
        let level: [UInt8] = [1, 7, 0, 0, 0, 1, 0, 0, 0]
        let wkb = Array([[UInt8]](repeating: level, count: 200_000).joined()) + [1, 7, 0, 0, 0, 0, 0, 0, 0]
        let path = try geoPackage("deep.gpkg", wkb: wkb)
        expectRefused(try inspect(map: path), naming: [path, "feature 0", "more than 32 deep"])
    }

    @Test func aWKBCountLargerThanTheBlobIsRefusedBeforeGEOS() throws {
        // A polygon that claims 2^31 rings in 9 bytes.
        let path = try geoPackage("count.gpkg", wkb: [1, 3, 0, 0, 0, 0, 0, 0, 0x80])
        expectRefused(try inspect(map: path), naming: [path, "feature 0", "2147483648 rings"])
    }

    @Test func geoPackageMetadataOfAnotherTypeIsAnInputError() throws {
        let text = try geoPackage("srs-text.gpkg", srsID: "abc", wkb: Self.squareWKB)
        expectRefused(try inspect(map: text), naming: [text, "srs_id 'abc'", "gpkg_geometry_columns"])
        let huge = try geoPackage("srs-huge.gpkg", organizationCode: 1e300, wkb: Self.squareWKB)
        expectRefused(try inspect(map: huge), naming: [huge, "1e+300", "not an EPSG CRS"])
        // The same file with sound metadata is read: the refusals above are about the metadata.
        let sound = try geoPackage("sound.gpkg", wkb: Self.squareWKB)
        let run = try inspect(map: sound)
        #expect(run.status == 0 && !run.signalled, "\(run.stderr)")
    }

    // MARK: coordinates

    @Test func aCoordinateOutsideTheAreaOfUseIsAnInputErrorNamingTheFeature() throws {
        let map = scratch.write("far.geojson", #"""
            {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::28992"}},
             "features":[{"type":"Feature","properties":{"statcode":"GM0001","statnaam":"Far"},"geometry":{"type":"Polygon",
             "coordinates":[[[150000,450000],[151000,450000],[1e20,451000],[150000,450000]]]}}]}
            """#)
        for command in ["inspect", "map", "audit", "serve"] {
            var arguments = [command, "--schools", "\(demo)/schools.csv", "--municipalities", map]
            if command == "map" { arguments += ["--output", scratch.path("far.html")] }
            if command == "serve" { arguments += ["--port", "0", "--database", scratch.path("far.sqlite")] }
            expectRefused(try HostileRun.run(arguments), naming: [map, "feature 0 (GM0001)", "1e+20", "outside the area where EPSG:28992 is defined"])
        }
    }

    // MARK: settings

    func config(_ name: String, _ text: String) throws -> HostileRun {
        try HostileRun.run(["audit", "--config", scratch.write(name, text)])
    }

    @Test func aYAMLAliasBombIsNotExpanded() throws {
        var text = "closeByDistanceMeters: 5000\nlol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...12 {
            text += "lol\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        expectRefused(try config("bomb.yaml", text), naming: ["bomb.yaml", "unknown setting 'lol0'"])
        let value = "lol0: &a [x, x, x, x, x, x, x, x]\n".replacingOccurrences(of: "lol0", with: "fragmentGapMeters")
            + "closeByDistanceMeters: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n"
        expectRefused(try config("bomb2.yaml", value), naming: ["bomb2.yaml", "fragmentGapMeters must be", "got 'a list'"])
    }

    @Test func everySettingIsValidatedInWordsWithUnits() throws {
        let cases: [(String, [String])] = [
            ("closeByDistanceMeters: 3 km", ["closeByDistanceMeters must be a positive number of metres", "got '3 km'"]),
            ("closeByDistanceMeters: -5", ["closeByDistanceMeters must be a positive number of metres", "got '-5'"]),
            ("territoryBufferMeters: .inf", ["territoryBufferMeters must be a positive number of metres", "got '.inf'"]),
            ("fragmentGapMeters: .nan", ["fragmentGapMeters must be", "got '.nan'"]),
            ("techniekarmShareBelow: 10", ["techniekarmShareBelow must be a fraction from 0 to 1", "got '10'"]),
            ("minimumTechnicalSchools: 2.5", ["minimumTechnicalSchools must be a whole number of schools", "got '2.5'"]),
            ("refuseOutsideShareAbove: 1e300", ["refuseOutsideShareAbove must be a fraction", "got '1e300'"]),
            ("outsideMapToleranceMeters: -1", ["outsideMapToleranceMeters must be a number of metres from 0", "got '-1'"]),
            ("countTechnicalRoutes: maybe", ["countTechnicalRoutes must be true or false", "got 'maybe'"]),
            ("maximumInputMegabytes: 0", ["maximumInputMegabytes must be a positive number of megabytes", "got '0'"]),
            ("{\"isolationDistanceMeters\": 1e9}", ["isolationDistanceMeters must be a positive number of metres up to 400,000"]),
        ]
        for (index, (text, fragments)) in cases.enumerated() {
            expectRefused(try config("c\(index).yaml", text + "\n"), naming: ["c\(index).yaml"] + fragments)
        }
    }

    // MARK: size

    @Test func aDeviceIsReadOnlyUpToTheLimit() throws {
        // The default limit (200 MB) under the memory bound, then a small one from the settings.
        let map = "\(demo)/municipalities.geojson"
        expectRefused(try HostileRun.run(["inspect", "--schools", "/dev/zero", "--municipalities", map]),
                      naming: ["/dev/zero", "not a regular file", "200 MB", "maximumInputMegabytes"])
        let small = scratch.write("small.yaml", "maximumInputMegabytes: 1\n")
        expectRefused(try HostileRun.run(["inspect", "--schools", "/dev/zero", "--municipalities", map, "--config", small]),
                      naming: ["/dev/zero", "1 MB"])
        // A regular file over the limit is refused before it is read.
        let tiny = scratch.write("tiny.yaml", "maximumInputMegabytes: 0.001\n")
        expectRefused(try HostileRun.run(["inspect", "--config", tiny] + demoInputs()), naming: ["\(demo)/schools.csv", "larger than the limit of 1000 bytes"])
    }

    // MARK: workbooks

    /// A workbook of `parts` (``TestWorkbook``) as `--registrations` of the demo audit.
    func auditWorkbook(_ name: String, _ bytes: [UInt8], _ options: [String] = []) throws -> HostileRun {
        try HostileRun.run(["audit"] + demoInputs(registrations: scratch.write(name, bytes: bytes)) + options)
    }

    @Test func aZIPThatIsNoWorkbookIsRefused() throws {
        let notes = try TestWorkbook.zip(["notes.txt": "not a spreadsheet"])
        expectRefused(try auditWorkbook("notes.xlsx", notes), naming: ["notes.xlsx", "not an XLSX workbook", "no xl/workbook.xml"])
        let ods = try TestWorkbook.zip(["mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>"])
        expectRefused(try auditWorkbook("sheet.xlsx", ods), naming: ["sheet.xlsx", "OpenDocument spreadsheet (.ods)"])
        // Cut short: the ZIP's directory at its end is missing.
        let whole = try TestWorkbook.zip(TestWorkbook.parts(sheetData: ""))
        expectRefused(try auditWorkbook("cut.xlsx", Array(whole.prefix(whole.count / 2))), naming: ["cut.xlsx", "not a readable ZIP archive"])
        expectRefused(try auditWorkbook("text.xlsx", Array("regio_id;brin6\n".utf8)), naming: ["text.xlsx", "does not start as a ZIP archive does"])
    }

    @Test func aWorkbookThatInflatesPastTheLimitIsRefused() throws {
        var parts = TestWorkbook.parts(sheetData: "")
        parts["xl/worksheets/sheet1.xml"] = nil
        // 20 MB of spaces deflate to some 20 KB; the limit is 1 MB for the file and for what its parts inflate to.
        let bomb = try TestWorkbook.zip(parts, bombPart: "xl/worksheets/sheet1.xml", bombBytes: 20_000_000)
        #expect(bomb.count < 100_000)
        let small = scratch.write("small.yaml", "maximumInputMegabytes: 1\n")
        expectRefused(try auditWorkbook("bomb.xlsx", bomb, ["--config", small]),
                      naming: ["bomb.xlsx", "xl/worksheets/sheet1.xml inflates past the limit of 1 MB", "maximumInputMegabytes"])
    }

    @Test func entitiesInAWorkbookAreNeverExpanded() throws {
        let laughs = (1...9).map { #"<!ENTITY lol\#($0) "&lol\#($0 - 1);&lol\#($0 - 1);&lol\#($0 - 1);&lol\#($0 - 1);&lol\#($0 - 1);&lol\#($0 - 1);&lol\#($0 - 1);&lol\#($0 - 1);&lol\#($0 - 1);&lol\#($0 - 1);">"# }
        var parts = TestWorkbook.parts(sheetData: #"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#)
        parts["xl/sharedStrings.xml"] = #"<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY lol0 "lol">\#(laughs.joined())]><sst xmlns="\#(TestWorkbook.main)"><si><t>&lol9;</t></si></sst>"#
        expectRefused(try auditWorkbook("laughs.xlsx", try TestWorkbook.zip(parts)),
                      naming: ["laughs.xlsx", "xl/sharedStrings.xml", "declares a document type"])
        // An external entity would read another file into a cell.
        parts["xl/sharedStrings.xml"] = nil
        parts["xl/worksheets/sheet1.xml"] = #"<?xml version="1.0"?><!DOCTYPE w [<!ENTITY secret SYSTEM "file:///etc/passwd">]><worksheet xmlns="\#(TestWorkbook.main)"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&secret;</t></is></c></row></sheetData></worksheet>"#
        expectRefused(try auditWorkbook("external.xlsx", try TestWorkbook.zip(parts)), naming: ["external.xlsx", "declares a document type"])
        // UTF-16 would hide a DOCTYPE from a byte scan.
        parts["xl/worksheets/sheet1.xml"] = #"<?xml version="1.0" encoding="UTF-16"?><worksheet/>"#
        expectRefused(try auditWorkbook("utf16.xlsx", try TestWorkbook.zip(parts)), naming: ["utf16.xlsx", "declares the encoding 'utf-16'"])
    }

    @Test func aBadCellIsNamedBySheetAndCell() throws {
        func row(_ r: Int, _ cells: [String]) -> String {
            #"<row r="\#(r)">"# + cells.enumerated().map { i, text in
                text.isEmpty ? "" : #"<c r="\#(["A", "B", "C", "D"][i])\#(r)" t="inlineStr"><is><t>\#(text)</t></is></c>"#
            }.joined() + "</row>"
        }
        let header = row(1, ["regio_id", "regio_naam", "brin6", "rol"])
        let good = row(2, ["STO19001", "Noord", "00AB01", "penvoerder"])
        // Row 12: a name and a school, no region id (rows 3–11 are empty, as in a sheet with gaps).
        let bad = row(12, ["", "Noord", "00AC01", "deelnemer"])
        let missingID = try TestWorkbook.zip(TestWorkbook.parts(sheetData: header + good + bad))
        expectRefused(try auditWorkbook("reg.xlsx", missingID), naming: ["reg.xlsx, sheet 'Regio's', cell A12: regio_id is empty"])
        let role = try TestWorkbook.zip(TestWorkbook.parts(sheetData: header + good + row(7, ["STO19001", "Noord", "00AC01", "boss"])))
        expectRefused(try auditWorkbook("role.xlsx", role), naming: ["role.xlsx, sheet 'Regio's', cell D7: rol 'boss' is not a role"])
        let shared = try TestWorkbook.zip(TestWorkbook.parts(sheetData: header + #"<row r="2"><c r="A2" t="s"><v>5</v></c></row>"#))
        expectRefused(try auditWorkbook("shared.xlsx", shared), naming: ["shared.xlsx, sheet 'Regio's', cell A2: shared string '5' does not exist"])
        let reference = try TestWorkbook.zip(TestWorkbook.parts(sheetData: header + #"<row r="2"><c r="XFE2"><v>1</v></c></row>"#))
        expectRefused(try auditWorkbook("far.xlsx", reference), naming: ["far.xlsx, sheet 'Regio's', row 2: cell reference 'XFE2' is not a cell"])
    }
}
