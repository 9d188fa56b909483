import Foundation
import ZIPFoundation

/// The parts of an XLSX workbook, a ZIP archive of XML parts (ECMA-376 Part 2, Open Packaging Conventions), read
/// with ZIPFoundation from bytes that ``InputFile`` already bounded (so a pipe or a device is read the same way).
///
/// Inflating is bounded too: all parts read together may not inflate to more than the input limit
/// (`maximumInputMegabytes`), counted on the bytes as they come out of the inflater rather than on the sizes the
/// archive's headers claim, so a ZIP bomb (a small archive that inflates to gigabytes) stops at the limit with an
/// error naming the part.
final class WorkbookArchive {
    /// The file as the user named it.
    let file: String
    private let archive: Archive
    /// The entries by part name, lowercased: part names in a package compare case-insensitively.
    private let entries: [String: Entry]
    /// Bytes that may still be inflated, all parts together.
    private var budget: Int
    private let maximumBytes: Int

    /// More entries than a workbook of one table holds by far; an archive with more is refused before any is read.
    static let maximumEntries = 10_000

    /// Opens `bytes` (the whole file) as a ZIP archive.
    /// - Throws: ``InputError`` `badFormat` when the bytes are no readable ZIP archive.
    init(bytes: [UInt8], file: String, maximumBytes: Int) throws(InputError) {
        self.file = file
        self.maximumBytes = maximumBytes
        self.budget = maximumBytes
        // From a file, not from memory: ZIPFoundation 0.9.20's in-memory archive lets an entry's offset seek past the
        // end of the data and then traps reading there (found by fuzz-registrations-xlsx); a file reads nothing there.
        // The file is a private copy of the bounded bytes, removed at once (the open archive keeps it until closed).
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("regio-workbook-\(UUID().uuidString).xlsx")
        do {
            try Data(bytes).write(to: copy, options: .withoutOverwriting)
        } catch {
            throw InputError(.unreadable, file: file, message: "cannot be copied to a temporary file to read it as a ZIP archive: \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: copy) }
        do { archive = try Archive(url: copy, accessMode: .read) } catch {
            throw InputError(.badFormat, file: file, message: "is not a readable ZIP archive, so not an XLSX workbook (\(error)): save it again from the spreadsheet program as .xlsx, or as CSV")
        }
        var entries: [String: Entry] = [:]
        for entry in archive {
            guard entries.count < Self.maximumEntries else {
                throw InputError(.tooLarge, file: file, message: "holds more than \(Self.maximumEntries) ZIP entries: not a workbook regio reads")
            }
            entries[entry.path.lowercased()] = entry
        }
        self.entries = entries
    }

    /// Whether the archive holds the part `name` ("xl/workbook.xml").
    func has(_ name: String) -> Bool { entries[name.lowercased()] != nil }

    /// The inflated bytes of part `name`, or `nil` when the archive has no such part.
    /// - Throws: ``InputError`` `tooLarge` when the parts read so far inflate past the limit, `badFormat` when the
    ///   part cannot be inflated (corrupt data, a wrong checksum, an unknown compression method).
    func part(_ name: String) throws(InputError) -> [UInt8]? {
        guard let entry = entries[name.lowercased()] else { return nil }
        guard entry.type == .file else {
            throw InputError(.badFormat, file: file, message: "the workbook part \(name) is not a file in the ZIP archive")
        }
        var bytes: [UInt8] = []
        let budget = self.budget
        do {
            _ = try archive.extract(entry, bufferSize: 1 << 16) { chunk in
                guard bytes.count + chunk.count <= budget else { throw InflatedTooFar() }
                bytes.append(contentsOf: chunk)
            }
        } catch is InflatedTooFar {
            throw InputError(.tooLarge, file: file, message: "the workbook part \(name) inflates past the limit of \(maximumBytes / 1_000_000) MB for all parts together (a ZIP bomb, or a sheet far larger than a pre-registration); raise the setting maximumInputMegabytes (regio config) if the file is right")
        } catch {
            throw InputError(.badFormat, file: file, message: "the workbook part \(name) cannot be inflated (\(error)): the file is damaged; save it again from the spreadsheet program")
        }
        self.budget -= bytes.count
        return bytes
    }

    /// Thrown from the inflater's consumer to stop at the limit.
    private struct InflatedTooFar: Error {}
}
