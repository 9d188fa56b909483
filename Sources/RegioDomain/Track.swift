/// A vmbo learning track (*leerweg*). BB, KB and GL are the vocational tracks that count for the
/// programme; TL (theoretical) does not. DUO writes BL and KL for BB and KB.
public enum Track: String, CaseIterable, Sendable, Codable, Comparable {
    case bb = "BB", kb = "KB", gl = "GL", tl = "TL"

    /// Whether students in this track are counted students (BB, KB, GL).
    public var isCounted: Bool { self != .tl }

    /// The track of a DUO ONDERWIJSTYPE such as `VMBO BL lj 3-4`, when it is year 3–4 of vmbo.
    public init?(duoEducationType text: String) {
        let t = text.trimmedSpaces
        switch t {
        case "VMBO BL lj 3-4": self = .bb
        case "VMBO KL lj 3-4": self = .kb
        case "VMBO GL lj 3-4": self = .gl
        case "VMBO TL lj 3-4": self = .tl
        default: return nil
        }
    }

    public static func < (a: Track, b: Track) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

import Foundation
