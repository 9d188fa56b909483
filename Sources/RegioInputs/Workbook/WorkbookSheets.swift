import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One sheet of a workbook as `xl/workbook.xml` lists it, in the order of the tabs.
struct WorkbookSheet: Equatable {
    /// The name on the tab.
    let name: String
    /// The relationship that points to its part (`r:id`).
    let relationship: String
    /// Hidden or very hidden sheets are not "the first sheet".
    let visible: Bool
}

/// The sheets of `xl/workbook.xml`.
final class WorkbookSheetsHandler: XMLPartHandler {
    private(set) var sheets: [WorkbookSheet] = []

    override func start(_ name: Substring, attributes: [String: String], parser: XMLParser) {
        guard name == "sheet" else { return }
        let state = Self.attribute(attributes, "state") ?? "visible"
        sheets.append(WorkbookSheet(name: Self.attribute(attributes, "name") ?? "",
                                    relationship: Self.attribute(attributes, "id") ?? "", visible: state == "visible"))
    }
}

/// A relationship of a part's `_rels` file: its id, type (the last path component of the type URI, such as
/// `worksheet` or `sharedStrings`) and the part it points to.
struct PartRelationship: Equatable {
    let id: String
    let type: String
    let target: String
}

/// The relationships of `xl/_rels/workbook.xml.rels`.
final class RelationshipsHandler: XMLPartHandler {
    private(set) var relationships: [PartRelationship] = []

    override func start(_ name: Substring, attributes: [String: String], parser: XMLParser) {
        guard name == "Relationship" else { return }
        let type = Self.attribute(attributes, "Type") ?? ""
        relationships.append(PartRelationship(id: Self.attribute(attributes, "Id") ?? "",
                                              type: String(type.split(separator: "/").last ?? ""),
                                              target: Self.attribute(attributes, "Target") ?? ""))
    }

    /// The package part name of a target relative to `xl/`: "worksheets/sheet1.xml" is "xl/worksheets/sheet1.xml",
    /// "/xl/worksheets/sheet1.xml" is itself, ".." steps up; `nil` for a target outside the package.
    static func partName(_ target: String) -> String? {
        var components: [Substring] = target.hasPrefix("/") ? [] : ["xl"]
        for component in target.split(separator: "/") {
            switch component {
            case ".": continue
            case "..":
                guard !components.isEmpty else { return nil }
                components.removeLast()
            default: components.append(component)
            }
        }
        return components.isEmpty || target.contains("://") ? nil : components.joined(separator: "/")
    }
}
