import Foundation

/// An HTML page of `Web/` (``WebAsset``) read as a template, its stylesheets and scripts inlined, so the
/// page it gives is one self-contained file. Two kinds of placeholder:
/// - `{{include NAME}}`: the embedded file `NAME`, inlined once when the template is loaded; a script gets a
///   last line `//# sourceURL=NAME`, so a browser's debugger lists it under its own name and line numbers;
/// - `{{key}}`: a value given to ``filled(_:)``, inserted as it is: the caller escapes it for its place
///   (`htmlEscaped` of RegioReports for text, embeddable JSON inside `<script type="application/json">`).
///
/// Values are never scanned for placeholders, and neither are the included files.
package struct PageTemplate: Sendable {
    enum Piece: Sendable, Equatable {
        case text(String)
        case value(String)
    }

    /// The template cut at its value placeholders: text and values in page order.
    let pieces: [Piece]

    /// The keys ``filled(_:)`` must be given, e.g. `["title", "data"]`.
    package var keys: Set<String> {
        Set(pieces.compactMap { if case let .value(key) = $0 { key } else { nil } })
    }

    /// The template `name` of `Web/` (e.g. `"map.html"`), its includes inlined. A missing template or include
    /// stops the program: the files are part of the binary, and the tests load every template.
    package init(_ name: String) {
        guard let text = WebAsset.text(name) else { preconditionFailure("no web asset \(name) in RegioWebAssets/Web") }
        var pieces: [Piece] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            guard let close = rest.range(of: "}}", range: open.upperBound..<rest.endIndex) else {
                preconditionFailure("\(name): a {{ without its }}")
            }
            pieces.append(.text(String(rest[..<open.lowerBound])))
            let key = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if key.hasPrefix("include ") {
                let file = key.dropFirst("include ".count).trimmingCharacters(in: .whitespaces)
                guard let included = WebAsset.text(file) else { preconditionFailure("\(name): no web asset \(file) to include") }
                let ended = included.hasSuffix("\n") ? included : included + "\n"
                pieces.append(.text(file.hasSuffix(".js") ? ended + "//# sourceURL=\(file)" : included))
            } else {
                pieces.append(.value(key))
            }
            rest = rest[close.upperBound...]
        }
        pieces.append(.text(String(rest)))
        self.pieces = Self.joiningText(pieces)
    }

    /// The page with every `{{key}}` replaced by `values[key]`. A key without a value stops the program (the
    /// page code and its template disagree; the tests render every page).
    package func filled(_ values: [String: String]) -> String {
        var out = ""
        out.reserveCapacity(pieces.reduce(0) { total, piece in
            switch piece {
            case let .text(text): total + text.utf8.count
            case let .value(key): total + (values[key]?.utf8.count ?? 0)
            }
        })
        for piece in pieces {
            switch piece {
            case let .text(text): out += text
            case let .value(key):
                guard let value = values[key] else { preconditionFailure("no value for {{\(key)}} in the page template") }
                out += value
            }
        }
        return out
    }

    /// Adjacent text pieces as one.
    private static func joiningText(_ pieces: [Piece]) -> [Piece] {
        var joined: [Piece] = []
        for piece in pieces {
            if case let .text(next) = piece, case let .text(previous)? = joined.last {
                joined[joined.count - 1] = .text(previous + next)
            } else {
                joined.append(piece)
            }
        }
        return joined
    }
}
