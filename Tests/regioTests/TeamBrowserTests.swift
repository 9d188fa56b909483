import Foundation
import Testing

/// Two people on one `regio serve --team` (the demo data), each in a headless Chromium context of their own
/// (separate cookie jars), driven over the DevTools protocol by `Tests/oracle/check_team_browser.py`: a region
/// signs in on the login page, moves one of its schools with real clicks and submits the scenario as a proposal
/// (and a variant as a second one); the support team signs in (its own workspace), finds them in the proposals
/// panel, compares the two side by side and accepts the first with a comment; the region sees the decision.
/// Leaves `build/team-region*.png` and `build/team-support*.png` for a person to look at. Skipped without
/// Debian's `chromium` or the `.venv` with websocket-client, like ``ServeBrowserTests``.
@Suite(.enabled(if: HeadlessChromium.available, HeadlessChromium.reason))
struct TeamBrowserTests {
    let scratch = Scratch()

    @Test func aRegionProposesTheSupportTeamAcceptsAndTheRegionSeesIt() throws {
        let database = scratch.path("team.sqlite")
        let region = (name: "noord", password: "region password \(UUID().uuidString.prefix(6))", id: "STO19001")
        let support = (name: "anna", password: "support password \(UUID().uuidString.prefix(6))")
        let addedRegion = try TeamAccounts.add(region.name, role: "region", region: region.id, database: database,
                                               password: region.password)
        try #require(addedRegion.status == 0, "regio users add \(region.name): \(addedRegion.stderr)")
        let addedSupport = try TeamAccounts.add(support.name, role: "support", database: database, password: support.password)
        try #require(addedSupport.status == 0, "regio users add \(support.name): \(addedSupport.stderr)")

        let server = try ServeProcess(["serve", "--team", "--database", database, "--port", "0"])
        defer { server.stop() }
        let url = try server.waitForURL()

        let report = scratch.path("report.json")
        let screenshots = RegioProcess.packageRoot.appendingPathComponent("build/team").path
        let check = try Oracle.run("check_team_browser.py", [
            "--url", url, "--region-user", region.name, "--region-password", region.password, "--region", region.id,
            "--support-user", support.name, "--support-password", support.password,
            "--report", report, "--screenshots", screenshots, "--chromium", HeadlessChromium.binary!])
        #expect(check.status == 0, "check_team_browser.py:\n\(check.combined)\nserver:\n\(server.output)")
        #expect(!check.combined.contains("FAIL"), "\(check.combined)")

        // The report of what the pages showed: the proposal holds the region's edit, and was accepted.
        struct Report: Decodable {
            let proposal: Int, edit: [String: String], status: String, regionSaw: String
        }
        guard let data = FileManager.default.contents(atPath: report) else {
            Issue.record("check_team_browser.py wrote no report")
            return
        }
        let shown = try JSONDecoder().decode(Report.self, from: data)
        #expect(shown.edit["move"] != nil && shown.edit["to"] != nil, "\(shown.edit)")
        #expect(shown.status == "accepted" && shown.regionSaw == "accepted", "\(shown)")
        #expect(server.stop() == 0, "regio serve --team stops cleanly on SIGTERM:\n\(server.output)")
    }
}
