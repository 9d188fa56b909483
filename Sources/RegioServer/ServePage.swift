import Foundation
import Hummingbird
import RegioInputs
import RegioReports
import RegioWebAssets

/// The page of `regio serve`: one self-contained HTML document, its template `serve.html` in
/// RegioWebAssets (stylesheets and scripts inlined) filled with the title, the language and the static map
/// layers as an inline JSON blob (with the language again, from which the script takes its words). Everything else it needs comes from this server's own `/api/`; its content security
/// policy lets it load nothing from anywhere else.
enum ServePage {
    static let template = PageTemplate("serve.html")

    /// The page around `background`.
    /// - Parameter municipalities: the municipality file the background was drawn from, named in the error.
    /// - Throws: ``InputError`` `.badGeometry` when the background cannot be written as JSON (a coordinate
    ///   that is not a finite number): the page would show no map.
    static func html(_ background: MapBackground, municipalities: String) throws(InputError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let json: Data
        do {
            json = try encoder.encode(background)
        } catch {
            throw InputError(.badGeometry, file: municipalities,
                             message: "the map of the municipalities cannot be written for the page: \(error)")
        }
        return template.filled(["title": background.title.htmlEscaped, "language": background.language.htmlEscaped,
                                "data": JSONText.embeddable(json)])
    }

    /// The page's answer: HTML that may run its own inline scripts and talk to this server only.
    static func response(_ page: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers[.contentSecurityPolicy] = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
            + "img-src data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: page)))
    }
}
