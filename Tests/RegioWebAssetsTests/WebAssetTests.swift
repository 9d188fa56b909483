import Foundation
import Testing
@testable import RegioWebAssets

/// The embedded files are the files of `Sources/RegioWebAssets/Web`, every one of them, byte for byte; and
/// each can be inlined into a page without ending its `<script>` or `<style>` element early.
struct WebAssetTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/RegioWebAssets/Web").standardized

    @Test func everyFileOfTheFolderIsEmbeddedAsItIs() throws {
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).sorted()
        #expect(WebAsset.names == onDisk, "WebAsset.files lists what Web/ holds")
        for name in onDisk {
            let data = try Data(contentsOf: Self.folder.appendingPathComponent(name))
            #expect(WebAsset.text(name) == String(decoding: data, as: UTF8.self), "\(name) embedded as it is on disk")
        }
        #expect(WebAsset.text("nothing.js") == nil)
    }

    @Test func scriptsAndStylesheetsCannotEndTheirElement() throws {
        for name in WebAsset.names where name.hasSuffix(".js") || name.hasSuffix(".css") {
            let text = try #require(WebAsset.text(name)).lowercased()
            let element = name.hasSuffix(".js") ? "</script" : "</style"
            #expect(!text.contains(element), "\(name) holds \(element)")
            #expect(!text.contains("<!--"), "\(name) holds <!--")
        }
    }
}

/// The page templates: their includes inlined in order, their values filled once, never rescanned.
struct PageTemplateTests {
    /// What looks like a placeholder in `page`: `{{include name}}` or `{{key}}` (JSDoc's `{{ x: number }}`
    /// in the scripts does not).
    static func placeholders(_ page: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: #"\{\{ *(include [^}]*|[A-Za-z]+) *\}\}"#)
        return regex.matches(in: page, range: NSRange(page.startIndex..., in: page)).map { (page as NSString).substring(with: $0.range) }
    }

    @Test func theMapPageInlinesItsFilesAndNamesItsValues() throws {
        let template = PageTemplate("map.html")
        #expect(template.keys == ["title", "language", "colorBy", "frameWidth", "frameHeight", "data"])
        let page = template.filled(["title": "T", "language": "nl", "colorBy": "region", "frameWidth": "10", "frameHeight": "20",
                                    "data": "{}"])
        #expect(Self.placeholders(page).isEmpty)
        #expect(page.contains("<html lang=\"nl\">"))
        let order = ["portrait.css", "page.css", "map.css", "strings.js", "page-pure.js", "page.js", "map.js"].map { name in
            page.range(of: try! #require(WebAsset.text(name)))?.lowerBound
        }
        #expect(!order.contains(nil), "every file inlined")
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted(), "in the order of the template")
        // The shared script before the page's own, each as its own script with its name for the debugger.
        #expect(page.contains("//# sourceURL=strings.js\n</script>\n<script>\n"))
        #expect(page.contains("//# sourceURL=page-pure.js\n</script>\n<script>\n"))
        #expect(page.contains("//# sourceURL=map.js\n</script>"))
        #expect(page.contains("viewBox=\"0 0 10 20\""))
        #expect(page.contains("<body class=\"mode-region\">"))
    }

    @Test func theServePageInlinesItsFilesAndNamesItsValues() throws {
        let template = PageTemplate("serve.html")
        #expect(template.keys == ["title", "language", "data"])
        let page = template.filled(["title": "T", "language": "en", "data": "{}"])
        #expect(Self.placeholders(page).isEmpty)
        for name in ["portrait.css", "page.css", "serve.css", "strings.js", "page-pure.js", "page.js", "serve.js"] {
            #expect(page.contains(try #require(WebAsset.text(name))), "\(name) inlined")
        }
        #expect(!page.contains(try #require(WebAsset.text("map.js"))))
        #expect(page.contains("<script type=\"application/json\" id=\"regio-background\">{}</script>"))
    }

    @Test func thePortraitPageInlinesItsStylesheet() throws {
        let template = PageTemplate("portrait.html")
        #expect(template.keys == ["lang", "title", "portraits"])
        let page = template.filled(["lang": "nl", "title": "Region portrait X", "portraits": "<section></section>\n"])
        #expect(page.contains("<html lang=\"nl\">"))
        #expect(page.hasPrefix("<!DOCTYPE html>\n"))
        #expect(page.contains(try #require(WebAsset.text("portrait.css"))))
        #expect(page.hasSuffix("<body>\n<section></section>\n</body>\n</html>\n"))
    }

    @Test func theLetterPageInlinesItsStylesheetAndPrintsToA4() throws {
        let template = PageTemplate("letter.html")
        #expect(template.keys == ["lang", "title", "body"])
        let page = template.filled(["lang": "nl", "title": "Regio X", "body": "<article></article>\n"])
        let css = try #require(WebAsset.text("letter.css"))
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"nl\">"))
        #expect(page.contains(css) && css.contains("@page { size: A4;"))
        #expect(page.hasSuffix("<body>\n<article></article>\n</body>\n</html>\n"))
    }

    @Test func valuesAreInsertedAsTheyAreAndNotScannedAgain() {
        let page = PageTemplate("serve.html").filled(["title": "{{data}} & {{include map.js}}", "language": "en", "data": "[1]"])
        #expect(page.contains("<title>{{data}} & {{include map.js}} · scenarios</title>"))
        #expect(page.contains(">[1]</script>"))
    }

    @Test func adjacentTextIsOnePiece() {
        let pieces = PageTemplate("serve.html").pieces
        // text, language, text, title, text, title, text, data, text: the includes are part of the text around them.
        #expect(pieces.map { if case let .value(key) = $0 { key } else { "" } } == ["", "language", "", "title", "", "title", "", "data", ""])
        for (a, b) in zip(pieces, pieces.dropFirst()) {
            if case .text = a, case .text = b { Issue.record("two text pieces in a row") }
        }
    }
}
