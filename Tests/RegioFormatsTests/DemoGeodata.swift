import Foundation
import RegioInputs

extension Fixtures {
    /// The demo dataset in the repository's `geodata/demo` (made by regio-demo-generator), found from this
    /// source file's path, so that tests on it run on every clone.
    static func demoDataset() throws -> Dataset {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("geodata/demo").path
        return try Dataset(loading: InputPaths.demo(in: folder))
    }
}
