import Foundation
import RegioTestSupport

/// The hand-made test inputs in `Tests/RegioInputsTests/Fixtures` (copied into this test bundle).
extension Fixtures {
    /// The URL of `name` inside Fixtures, e.g. `url("municipalities/small-rd.geojson")`.
    static func url(_ name: String) -> URL {
        (Bundle.module.resourceURL ?? Bundle.module.bundleURL)
            .appendingPathComponent("Fixtures")
            .appendingPathComponent(name)
    }

    /// The path of `name` inside Fixtures (what the readers take).
    static func path(_ name: String) -> String { url(name).path }
}
