import Foundation

/// The JSON bodies of team mode's own routes, decoded and checked.
enum TeamRequestBodies {
    static let loginShape = #"{"name": "...", "password": "..."}"#
    static let proposalShape = #"{"name": "Merge north", "note": "why"}"#
    static let reviewShape = #"{"decision": "accepted" or "rejected", "comment": "..."}"#

    struct Login: Decodable {
        let name: String
        let password: String
    }

    struct ProposalRequest: Decodable {
        let name: String
        let note: String?
    }

    struct ReviewRequest: Decodable {
        let decision: String
        let comment: String?
    }

    /// `POST /api/login`.
    static func login(_ body: Data) throws(APIError) -> Login {
        try JSONBodyReader.decode(Login.self, from: body, shape: loginShape)
    }

    /// `POST /api/proposals`: the name (as a scenario's) and the note (at most 2,000 characters).
    static func proposal(_ body: Data) throws(APIError) -> (name: String, note: String) {
        let request = try JSONBodyReader.decode(ProposalRequest.self, from: body, shape: proposalShape)
        return (try SaveRequest.validName(request.name), try text(request.note ?? "", what: "note"))
    }

    /// `POST /api/proposals/{id}/review`.
    static func review(_ body: Data) throws(APIError) -> (decision: Proposal.Status, comment: String) {
        let request = try JSONBodyReader.decode(ReviewRequest.self, from: body, shape: reviewShape)
        guard let decision = Proposal.Status(rawValue: request.decision), decision != .submitted else {
            throw APIError(.badRequest, "decision '\(request.decision)' is not a decision: expected \"accepted\" or \"rejected\"")
        }
        return (decision, try text(request.comment ?? "", what: "comment"))
    }

    /// `value` trimmed, at most 2,000 characters.
    static func text(_ value: String, what: String) throws(APIError) -> String {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count <= 2_000 else { throw APIError(.badRequest, "the \(what) has \(trimmed.count) characters; at most 2000") }
        return trimmed
    }
}
