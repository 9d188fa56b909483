/// The files of the web pages, in `Sources/RegioWebAssets/Web`: the pages' HTML templates, their
/// stylesheets and their scripts. SwiftPM embeds them in the binary at build time (`.embedInCode` in
/// Package.swift), so `regio` stays one file and the pages it writes and serves load nothing from anywhere.
///
/// | file | what it is |
/// | --- | --- |
/// | `map.html`, `map.css`, `map.js` | the page of `regio map` |
/// | `serve.html`, `serve.css`, `serve.js` | the page of `regio serve` |
/// | `page.css` | the rules both pages share, before their own |
/// | `strings.js` | every word both pages show, in English and Dutch (`STRINGS.en`, `STRINGS.nl`) |
/// | `page-pure.js` | pure functions both pages share (number formats, colours, view fitting, label placement), unit-tested under node (`Tests/web`) |
/// | `page.js` | what both pages share on the DOM: element builders, the map view (pan and zoom), region labels |
/// | `portrait.css` | the region portraits, in both pages and in `regio portrait --format html` |
/// | `portrait.html` | the page of `regio portrait --format html` |
package enum WebAsset {
    /// The embedded files by name. A file added to `Web/` must be added here too (a test checks that the
    /// two agree).
    static let files: [String: [UInt8]] = [
        "map.html": PackageResources.map_html,
        "map.css": PackageResources.map_css,
        "map.js": PackageResources.map_js,
        "serve.html": PackageResources.serve_html,
        "serve.css": PackageResources.serve_css,
        "serve.js": PackageResources.serve_js,
        "page.css": PackageResources.page_css,
        "strings.js": PackageResources.strings_js,
        "page-pure.js": PackageResources.page_pure_js,
        "page.js": PackageResources.page_js,
        "portrait.css": PackageResources.portrait_css,
        "portrait.html": PackageResources.portrait_html,
    ]

    /// The names of the embedded files.
    package static var names: [String] { files.keys.sorted() }

    /// The text (UTF-8) of the embedded file `name`, e.g. `"portrait.css"`; nil for a name not in `Web/`.
    package static func text(_ name: String) -> String? {
        files[name].map { String(decoding: $0, as: UTF8.self) }
    }
}
