/// Decodes the bytes of a text file: UTF-8 (with or without a byte-order mark) or ISO-8859-1 (Latin-1),
/// as DUO publishes its register. Returns UTF-8 bytes without a BOM.
enum TextDecoding {
    enum Encoding: String, Sendable { case utf8 = "UTF-8", latin1 = "ISO-8859-1" }

    /// - Throws: `.undecodableText` naming the line and byte when the bytes are neither UTF-8 nor
    ///   Latin-1 text (NUL bytes, UTF-16, control characters that text does not hold).
    static func utf8(_ bytes: [UInt8], file: String) throws(InputError) -> (bytes: [UInt8], encoding: Encoding) {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if body.starts(with: [0xFF, 0xFE]) || body.starts(with: [0xFE, 0xFF]) {
            throw InputError(.undecodableText, file: file, line: 1,
                             message: "the file is UTF-16 text; save it as UTF-8 or ISO-8859-1 (Latin-1)")
        }
        // Control bytes that no CSV text holds: NUL and C0 controls other than tab, LF, CR. The same pass
        // counts the bytes outside ASCII: text of ASCII bytes alone is UTF-8 without validating it.
        let scan = Scan(body)
        if let bad = scan.control {
            throw undecodable(body, at: bad, file: file, reason: "control byte 0x\(hex(body[bad]))")
        }
        if scan.nonASCII == 0 || String(validating: body, as: UTF8.self) != nil {
            return (Array(body), .utf8)
        }
        // Not UTF-8: Latin-1, unless it holds C1 control bytes (0x80–0x9F), which Latin-1 text never does
        // (they are a sign of Windows-1252 or binary data).
        if let bad = scan.c1Control {
            throw undecodable(body, at: bad, file: file,
                              reason: "byte 0x\(hex(body[bad])) is neither UTF-8 nor ISO-8859-1 text")
        }
        // Each byte outside ASCII becomes two.
        let out = [UInt8](unsafeUninitializedCapacity: body.count + scan.nonASCII) { buffer, count in
            body.withUnsafeBufferPointer { bytes in
                for b in bytes {
                    if b < 0x80 {
                        buffer[count] = b; count += 1
                    } else {
                        buffer[count] = 0xC0 | (b >> 6); buffer[count + 1] = 0x80 | (b & 0x3F); count += 2
                    }
                }
            }
        }
        return (out, .latin1)
    }

    /// What one pass over a file's bytes finds: the first control byte that text does not hold, the first C1
    /// control byte (0x80–0x9F), and how many bytes lie outside ASCII. Indices are the slice's own.
    private struct Scan {
        var control: Int?, c1Control: Int?, nonASCII = 0

        init(_ body: ArraySlice<UInt8>) {
            var (control, c1Control, nonASCII): (Int?, Int?, Int) = (nil, nil, 0)
            body.withUnsafeBufferPointer { bytes in
                for (offset, b) in bytes.enumerated() {
                    if b < 0x20 {
                        if b != 0x09 && b != 0x0A && b != 0x0D { control = body.startIndex + offset; return }
                    } else if b >= 0x80 {
                        nonASCII += 1
                        if b <= 0x9F && c1Control == nil { c1Control = body.startIndex + offset }
                    }
                }
            }
            (self.control, self.c1Control, self.nonASCII) = (control, c1Control, nonASCII)
        }
    }

    private static func hex(_ b: UInt8) -> String {
        let s = String(b, radix: 16, uppercase: true)
        return s.count == 1 ? "0" + s : s
    }

    private static func undecodable(_ body: ArraySlice<UInt8>, at index: Int, file: String,
                                    reason: String) -> InputError {
        let line = body[body.startIndex..<index].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
        return InputError(.undecodableText, file: file, line: line,
                          message: "\(reason) at byte \(index - body.startIndex + 1): expected UTF-8 or ISO-8859-1 text")
    }
}
