import Foundation
import Hummingbird
import RegioDomain
import RegioInputs
import RegioReports

/// The proposal routes of team mode (see ``buildTeamRouter(_:configuration:port:)``).
func addProposalRoutes(to api: RouterGroup<ServeRequestContext>, _ team: TeamServer, readTimeout: Double) {
    api.post("proposals") { request, context in
        let user = try context.user()
        guard user.role == .region else {
            throw APIError(.forbidden, "region users submit proposals; the support team reviews them")
        }
        let body = try await JSONBodyReader.collect(request, upTo: context.maxUploadSize, shape: TeamRequestBodies.proposalShape,
                                                within: readTimeout)
        let (name, note) = try TeamRequestBodies.proposal(body)
        let comparison = try await team.workspaces.using(user.id) { session in
            try await sessionCall { try await session.comparison(named: name) }
        }
        guard !comparison.edits.isEmpty else {
            throw APIError(.conflict, "your workspace has no edits: make the changes you propose first")
        }
        let proposal = try await sessionCall {
            try await team.proposals.submit(by: user, name: name, note: note, comparison: comparison, base: team.base.result)
        }
        try await sessionCall {
            try await team.auditLog.record(.proposal, actor: user.name, detail: "proposal \(proposal.id) '\(name)', \(comparison.edits.count) edits",
                                           address: context.client)
        }
        return JSONResponse.make(proposal, status: .created)
    }
    api.get("proposals") { _, context in
        let user = try context.user()
        let list = try await sessionCall { try await team.proposals.list(for: user) }
        return JSONResponse.make(ProposalList(proposals: list))
    }
    api.get("proposals/:id") { _, context in
        let user = try context.user()
        let id = try proposalID(context, "id")
        return JSONResponse.make(try await sessionCall { try await team.proposals.proposal(id, for: user) })
    }
    api.get("proposals/:id/compare/:other") { _, context in
        let user = try context.user()
        guard user.role == .support else { throw APIError(.forbidden, "the support team compares proposals") }
        let a = try await sessionCall { try await team.proposals.proposal(try proposalID(context, "id"), for: user) }
        let b = try await sessionCall { try await team.proposals.proposal(try proposalID(context, "other"), for: user) }
        return JSONResponse.make(ProposalComparison(a, b))
    }
    api.post("proposals/:id/review") { request, context in
        let user = try context.user()
        guard user.role == .support else { throw APIError(.forbidden, "only the support team reviews proposals") }
        let id = try proposalID(context, "id")
        let body = try await JSONBodyReader.collect(request, upTo: context.maxUploadSize, shape: TeamRequestBodies.reviewShape,
                                                within: readTimeout)
        let (decision, comment) = try TeamRequestBodies.review(body)
        let proposal = try await sessionCall { try await team.proposals.review(id, by: user, decision: decision, comment: comment) }
        try await sessionCall {
            try await team.auditLog.record(.review, actor: user.name, detail: "proposal \(id) \(decision.rawValue)", address: context.client)
        }
        return JSONResponse.make(proposal)
    }
    api.get("proposals/:id/scenario") { _, context in
        let (proposal, scenario) = try await accepted(context, team)
        return ScenarioDownload.response(scenario, fileName: ScenarioSummary.fileName(proposal.name, id: proposal.id))
    }
    api.get("proposals/:id/registrations.csv") { _, context in
        let (name, registration) = try await acceptedRegistration(context, team)
        return ScenarioDownload.download(RegistrationCSV.text(registration), contentType: "text/csv; charset=utf-8",
                                         fileName: "\(name)-registrations.csv")
    }
    api.get("proposals/:id/registrations.xlsx") { _, context in
        let (name, registration) = try await acceptedRegistration(context, team)
        let bytes: [UInt8]
        do { bytes = try RegistrationWorkbook.bytes(RegistrationCSV.rows(registration)) } catch {
            throw APIError(.internalServerError, "the workbook could not be written: \(error)")
        }
        return ScenarioDownload.download(ByteBuffer(bytes: bytes),
                                         contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                         fileName: "\(name)-registrations.xlsx")
    }
}

/// The file name stem and the pre-registration of the route's accepted proposal: the base with its edits.
private func acceptedRegistration(_ context: ServeRequestContext, _ team: TeamServer) async throws -> (String, Registration) {
    let (proposal, scenario) = try await accepted(context, team)
    let registration: Registration
    do { registration = try team.base.registration(with: scenario.edits) } catch let error as SessionError { throw APIError(error) }
    return (ScenarioSummary.fileName(proposal.name, id: proposal.id).replacingOccurrences(of: ".json", with: ""), registration)
}

/// The proposal of the route's `{id}` when the caller may see it and it is accepted, and its scenario.
private func accepted(_ context: ServeRequestContext, _ team: TeamServer) async throws -> (Proposal, Scenario) {
    let user = try context.user()
    let proposal = try await sessionCall { try await team.proposals.proposal(try proposalID(context, "id"), for: user) }
    guard proposal.status == .accepted else {
        throw APIError(.conflict, "proposal \(proposal.id) is \(proposal.status.rawValue): only an accepted proposal downloads")
    }
    return (proposal, Scenario(name: proposal.name, edits: proposal.edits))
}

private func proposalID(_ context: ServeRequestContext, _ key: String) throws(APIError) -> Int64 {
    guard let text = context.parameters.get(key), let id = Int64(text), id > 0 else {
        throw APIError(.notFound, "a proposal is named by its number, e.g. /api/proposals/1")
    }
    return id
}

struct ProposalList: Encodable {
    let proposals: [Proposal]
}

/// Two proposals side by side: both whole, and per region that either changes its figures in each (absent
/// where the proposal's registration has no such region).
struct ProposalComparison: Encodable {
    struct Region: Encodable {
        let id: RegionID
        let base: RegionFigures?
        let first: RegionFigures?
        let second: RegionFigures?
    }

    let proposals: [Proposal]
    let regions: [Region]

    init(_ a: Proposal, _ b: Proposal) {
        proposals = [a, b]
        var order: [RegionID] = []
        var base: [RegionID: RegionFigures] = [:], first: [RegionID: RegionFigures] = [:], second: [RegionID: RegionFigures] = [:]
        for (comparison, into) in [(a.comparison, 0), (b.comparison, 1)] {
            for change in comparison?.changes ?? [] where change.isChanged {
                if !order.contains(change.id) { order.append(change.id) }
                if let before = change.before { base[change.id] = before }
                if into == 0 { first[change.id] = change.after } else { second[change.id] = change.after }
            }
        }
        // A region one proposal changes and the other leaves as in the base.
        for id in order {
            if first[id] == nil, a.comparison?.changes.contains(where: { $0.id == id && $0.after == nil }) != true { first[id] = base[id] }
            if second[id] == nil, b.comparison?.changes.contains(where: { $0.id == id && $0.after == nil }) != true { second[id] = base[id] }
        }
        regions = order.map { Region(id: $0, base: base[$0], first: first[$0], second: second[$0]) }
    }
}
