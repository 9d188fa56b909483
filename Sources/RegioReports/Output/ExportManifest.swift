import Foundation

/// The list of files regio wrote into an output folder, kept in the folder as `.regio-export`
/// (JSON: `{"writtenBy": "regio", "files": ["regions.geojson", "regions_without_territory.csv", …]}`: every
/// `.geojson` map layer and `.csv` attribute table of the export). `--force` replaces and removes only the
/// files it lists: whatever else a person put in the folder stays, and a folder without it is never replaced.
struct ExportManifest: Equatable {
    /// The manifest's file name inside the folder.
    static let fileName = ".regio-export"
    /// A manifest is a short list: anything longer is not one of regio's.
    static let maximumBytes = 64 * 1024

    /// Plain file names (no folders), sorted.
    let files: [String]

    init(files: [String]) { self.files = files.sorted() }

    /// Whether `name` may be listed: a plain file name in the folder itself (no "/", not "." or "..", not the
    /// manifest), so a forged manifest cannot point outside the folder.
    static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && !name.contains("/") && name != "." && name != ".." && name != fileName && !name.contains("\0")
    }

    /// The manifest of `folder`; `nil` when it has none, or one that is not regio's (too large, not the format,
    /// a name that is not a plain file name).
    static func read(in folder: String) -> ExportManifest? {
        let path = (folder as NSString).appendingPathComponent(fileName)
        guard let identity = FileIdentity(at: path), identity.kind == .regular,
              let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: maximumBytes + 1), data.count <= maximumBytes,
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              object["writtenBy"] as? String == "regio", let files = object["files"] as? [String],
              files.allSatisfy(isPlainName) else { return nil }
        return ExportManifest(files: files)
    }

    /// The manifest as JSON text.
    var json: Data {
        let object: [String: Any] = ["writtenBy": "regio", "files": files]
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
    }
}
