import Yams

/// Mapping keys that Yams's `load(yaml:)` cannot construct: it force-unwraps every key as a string
/// (`Constructor.swift`, `private_construct_mapping`), so a key that is a list, a mapping or an alias, as in
/// `{a: 1}: 2`, traps. Found by the fuzz harness of `--config` YAML (Fuzz/Regressions/config-yaml).
enum YAMLMappingKeys {
    /// The first key, depth first, that is not a plain scalar; nil when every key is one.
    static func firstNonScalar(in node: Node) -> Node? {
        switch node {
        case .scalar, .alias:
            return nil
        case .sequence(let sequence):
            for element in sequence { if let found = firstNonScalar(in: element) { return found } }
            return nil
        case .mapping(let mapping):
            for (key, value) in mapping {
                guard case .scalar = key else { return key }
                if let found = firstNonScalar(in: value) { return found }
            }
            return nil
        }
    }

    /// "a list", "a mapping", "an alias" (for messages).
    static func kind(of node: Node) -> String {
        switch node {
        case .scalar: "a value"
        case .sequence: "a list"
        case .mapping: "a mapping"
        case .alias: "an alias"
        }
    }
}
