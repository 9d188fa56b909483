/// Reading GeoJSON member values (``JSONValue``) as feature attributes.
enum GeoJSONValue {
    /// A property value as a ``FeatureValue``: whole numbers below 10^15 as integers.
    static func featureValue(_ value: JSONValue) -> FeatureValue {
        switch value {
        case .string(let string): return .text(string)
        case .null: return .null
        case .bool(let b): return .other(b ? "true" : "false")
        case .number(let double):
            if double == double.rounded(), abs(double) < 1e15 { return .integer(Int64(double)) }
            return .real(double)
        case .numbers, .array, .object: return .other(value.description)
        }
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}
