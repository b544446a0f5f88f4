import DanVanCore
import Fluent
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import DanVanServer

@Suite("Siblings submitting at the same moment")
struct SiblingSubmissionTests {
    /// T-D and T-S are both children of T-P: their submissions recompute the same parent's sums.
    @Test("two sibling units submitting at once on two app servers both succeed, and the parent's sums hold both", arguments: TestDatabase.all)
    func siblingsAtOnce(database: TestDatabase) async throws {
        try await withTwoApps(database) { first, second in
            let setup = try await ReportingFixture.make(first)
            let district = try await setup.fixture.browser(for: try await setup.fixture.user("huyen", .reporter, at: "T-D"))
            let sibling = try await setup.fixture.browser(for: try await setup.fixture.user("meovac", .reporter, at: "T-S"))
            let province = try await setup.fixture.browser(for: try await setup.fixture.user("tinh", .manager, at: "T-P"))
            let steps: [(HTTPHeaders, HTTPHeaders, String)] = [(district, sibling, "submit"), (province, province, "return"),
                                                               (district, sibling, "submit"), (province, province, "approve")]
            for (index, (left, right, action)) in steps.enumerated() {
                var formD = setup.fields(ratio: ("\(10 + index)", "20"), count: "1", coverage: "1", action: action)
                var formS = formD
                formD["version"] = try await setup.report("T-D", on: first.db).map { String($0.version) } ?? ""
                formS["version"] = try await setup.report("T-S", on: first.db).map { String($0.version) } ?? ""
                formD["reason"] = "Xem lại"
                formS["reason"] = "Xem lại"
                async let one = first.page(.POST, "/reports/T-D/action", headers: left, form: formD)
                async let two = second.page(.POST, "/reports/T-S/action", headers: right, form: formS)
                let statuses = [try await one.status.code, try await two.status.code]
                #expect(statuses == [303, 303], "\(action) at once: \(statuses)")
            }
            #expect(try await setup.report("T-D", on: first.db)?.state == .approved)
            #expect(try await setup.report("T-S", on: first.db)?.state == .approved)
            // The parent's kept sums equal a fresh computation from the figures.
            let sql = try #require(first.db as? any SQLDatabase)
            let kept = try await sums(sql)
            let parent = try await setup.fixture.unit("T-P")
            try await ReportChildSums.refresh(parentID: parent.requireID, year: setup.period.year, endMonth: setup.period.lastMonth, on: first.db)
            #expect(try await sums(sql) == kept)
            #expect(!kept.isEmpty)
        }
    }

    private func sums(_ sql: any SQLDatabase) async throws -> [String] {
        try await sql.raw("SELECT parent_id, indicator_id, stage, numerator, denominator, reporting FROM report_child_sums ORDER BY 1, 2, 3").all()
            .map { row in
                try ["parent_id", "indicator_id", "stage", "numerator", "denominator", "reporting"]
                    .map { String(try row.decode(column: $0, as: Int.self)) }.joined(separator: ",")
            }
    }
}
