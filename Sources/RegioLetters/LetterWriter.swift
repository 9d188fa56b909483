import RegioDomain
import RegioSpatial

/// The output format of `regio letters`.
public enum LetterFormat: String, CaseIterable, Sendable {
    /// One self-contained HTML page per letter (the map inline as SVG), printing to A4, and `index.html`.
    case html
    /// One Markdown file per letter with its map as an SVG file beside it, and `index.md`.
    case markdown
}

/// The letters to the regions that have an error or a warning, addressed to each region's lead (*penvoerder*):
/// what the programme asks, the region's problems, the best suggestion with its figures, the region's figures
/// and a small map. Files are named by region id (`STO19029.html`).
public struct LetterWriter {
    public let result: AuditResult
    private let names: LetterNames
    private let map: NeighbourhoodMap

    /// - Parameters:
    ///   - territories: region id → territory, EPSG:28992 metres, as the audit made them.
    ///   - municipalities: EPSG:28992 metres, in the territories' ``GeometryContext``.
    ///   - schools: the register.
    ///   - counts: year 3–4 pupils per school (the technical-profile mark on the map).
    public init(result: AuditResult, territories: [RegionID: Geometry], municipalities: [Municipality],
                schools: [School], counts: [SchoolCode: StudentCounts] = [:]) {
        self.result = result
        names = LetterNames(regions: result.regions, schools: schools)
        map = NeighbourhoodMap(result: result, territories: territories, municipalities: municipalities,
                               schools: schools, counts: counts)
    }

    /// The regions with at least one error or warning, in the audit's order: those that get a letter.
    public var regionsWithProblems: [RegionID] {
        let counts = result.severityCountsByRegion()
        return result.regions.map(\.id).filter { counts[$0].map { $0.errors + $0.warnings > 0 } ?? false }
    }

    /// The files of the letters to `regions` (ids of the audit; each should have a problem), with an index:
    /// plain names and their bytes, for ``AtomicOutput/writeFolder(_:files:force:inputs:)``.
    public func files(for regions: [RegionID], format: LetterFormat, language: Language) throws(SpatialError) -> [(name: String, bytes: [UInt8])] {
        let wording = LetterWording(language: language)
        var files: [(name: String, bytes: [UInt8])] = []
        var entries: [LetterIndex.Entry] = []
        var taken: Set<String> = ["index"]
        for id in regions {
            guard let region = names.regions[id] else { continue }
            let base = Self.fileBase(id.rawValue, taken: &taken)
            let svg = try map.svg(for: region, names: names, title: wording.mapTitle(names.region(id)))
            let letter = Letter(region: region, result: result, names: names, wording: wording,
                                message: { $0.message(in: language) }, map: svg)
            switch format {
            case .html:
                files.append(("\(base).html", Array(LetterHTML.document(letter).utf8)))
                entries.append(.init(letter: letter, file: "\(base).html"))
            case .markdown:
                let mapFile = svg.map { _ in "\(base).svg" }
                files.append(("\(base).md", Array(LetterMarkdown.document(letter, mapFile: mapFile).utf8)))
                if let svg, let mapFile { files.append((mapFile, Array(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg).utf8))) }
                entries.append(.init(letter: letter, file: "\(base).md"))
            }
        }
        let index = LetterIndex(entries: entries, wording: wording)
        switch format {
        case .html: files.append(("index.html", Array(index.html.utf8)))
        case .markdown: files.append(("index.md", Array(index.markdown.utf8)))
        }
        return files
    }

    /// The file name (without extension) of a region's letter: its id, with any character other than a
    /// letter, digit, `-` or `_` as `_` (a malformed id may hold anything), made unique in `taken`.
    static func fileBase(_ id: String, taken: inout Set<String>) -> String {
        let plain = String(id.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "_" })
        var base = plain.isEmpty ? "region" : plain
        var n = 2
        while taken.contains(base.lowercased()) {
            base = "\(plain)-\(n)"
            n += 1
        }
        taken.insert(base.lowercased())
        return base
    }
}
