import DanVanCore
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import DanVanServer

@Suite("Reports flow up: enter, submit, return, approve, reopen")
struct ReportFlowTests {
    @Test("a commune submits, the district returns it with a reason, the commune resubmits, the district approves and it locks",
          arguments: TestDatabase.all)
    func returnThenApprove(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let setup = try await ReportingFixture.make(app)
            let reporter = try await setup.fixture.browser(for: try await setup.fixture.user("xa", .reporter, at: "T-C"))
            let district = try await setup.fixture.browser(for: try await setup.fixture.user("huyen", .manager, at: "T-D"))
            let submit = try await app.page(.POST, "/reports/T-C/action", headers: reporter,
                                            form: setup.fields(ratio: ("17", "20"), count: "2", coverage: "1", action: "submit"))
            #expect(submit.status == .seeOther, "\(submit.body.string.prefix(600))")
            var report = try #require(try await setup.report("T-C", on: app.db))
            #expect(report.state == .submitted && report.submittedAt != nil && !report.late)

            let noReason = try await app.page(.POST, "/reports/T-C/action", headers: district,
                                              form: ["period": setup.period.code, "action": "return", "version": "\(report.version)"])
            #expect(noReason.status == .unprocessableEntity && noReason.body.string.contains("Hãy ghi lý do"))
            let returned = try await app.page(.POST, "/reports/T-C/action", headers: district,
                                              form: ["period": setup.period.code, "action": "return", "version": "\(report.version)",
                                                     "reason": "Mẫu số chưa khớp"])
            #expect(returned.status == .seeOther)
            report = try #require(try await setup.report("T-C", on: app.db))
            #expect(report.state == .returned && report.reason == "Mẫu số chưa khớp")

            let again = try await app.page(.POST, "/reports/T-C/action", headers: reporter,
                                           form: setup.fields(ratio: ("18", "20"), count: "2", coverage: "1", action: "submit",
                                                              version: "\(report.version)"))
            #expect(again.status == .seeOther)
            report = try #require(try await setup.report("T-C", on: app.db))
            let review = try await app.page(.GET, "/reports/T-C?period=\(setup.period.code)", headers: district).body.string
            #expect(review.contains("1 số liệu đã sửa sau lần trả lại gần nhất") && review.contains("trước khi trả lại: 17/20"),
                    "the approver sees what changed since the return")
            #expect(review.contains("Trả lại — Mẫu số chưa khớp"), "the return is in the history")
            #expect(!review.contains("<dt>Lý do</dt>"), "the old reason is not shown as if it were current")
            #expect(review.range(of: "<h2>Số liệu")!.lowerBound < review.range(of: "<h2>Duyệt báo cáo")!.lowerBound,
                    "the decision comes after the figures")
            let approve = try await app.page(.POST, "/reports/T-C/action", headers: district,
                                             form: ["period": setup.period.code, "action": "approve", "version": "\(report.version)"])
            #expect(approve.status == .seeOther)
            report = try #require(try await setup.report("T-C", on: app.db))
            #expect(report.state == .approved)

            let locked = try await app.page(.POST, "/reports/T-C/action", headers: reporter,
                                            form: setup.fields(ratio: ("1", "20"), count: "0", coverage: "0", action: "save",
                                                               version: "\(report.version)"))
            #expect(locked.status == .conflict && locked.body.string.contains("Đã duyệt"))
            let values = try await ReportLookup.values(reportID: report.requireID, on: app.db)
            #expect(values[setup.ratio]?.numerator == 18 && values[setup.ratio]?.stage == 2)
            let actions = try await AuditEntry.query(on: app.db).filter(\.$entityType == "report").all().map(\.action)
            #expect(actions == ["report.submit", "report.return", "report.submit", "report.approve"])
        }
    }

    @Test("a manager above reopens an approved report with a reason; the reopening is audited and its figures stop counting",
          arguments: TestDatabase.all)
    func reopen(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let setup = try await ReportingFixture.make(app)
            let manager = try await setup.fixture.user("huyen", .manager, at: "T-D")
            let reporter = try await setup.fixture.user("xa", .reporter, at: "T-C")
            var report = try await setup.submitCommune(ratio: ("17", "20"), count: "1", coverage: "1", by: reporter, on: app.db)
            report = try await ReportDeciding.decide(.approve, report: report, reason: "", readVersion: report.version, by: Actor(manager), on: app.db)
            let province = try await setup.fixture.unit("T-P")
            let before = try await RollupQuery.compute(rootID: province.requireID, period: setup.period, includeSubmitted: false, on: app.db)
            #expect(before.value(of: setup.ratio, at: province.requireID) == .ratio(numerator: 17, denominator: 20))
            await #expect(throws: AppError.self) {
                try await ReportDeciding.decide(.reopen, report: report, reason: " ", readVersion: report.version, by: Actor(manager), on: app.db)
            }
            report = try await ReportDeciding.decide(.reopen, report: report, reason: "Sai số liệu tập huấn", readVersion: report.version,
                                                     by: Actor(manager), on: app.db)
            #expect(report.state == .draft && report.reopened)
            let after = try await RollupQuery.compute(rootID: province.requireID, period: setup.period, includeSubmitted: false, on: app.db)
            #expect(after.value(of: setup.ratio, at: province.requireID) == nil)
            let entry = try #require(try await AuditEntry.query(on: app.db).filter(\.$action == "report.reopen").first())
            #expect(entry.afterJSON?.contains("Sai số liệu tập huấn") == true && entry.actorID == manager.id)
        }
    }

    @Test("the dashboard shows targets met and not met and who is missing, and changes as soon as a report is approved",
          arguments: TestDatabase.all)
    func dashboardFollowsApproval(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let setup = try await ReportingFixture.make(app)
            let province = try await setup.fixture.browser(for: try await setup.fixture.user("tinh", .manager, at: "T-P"))
            let reporter = try await setup.fixture.user("xa", .reporter, at: "T-C")
            let path = "/dashboard/T-P?period=\(setup.period.code)"
            let empty = try await app.page(.GET, path, headers: province)
            #expect(empty.status == .ok && empty.body.string.contains("Chưa có số liệu"))
            #expect(empty.body.string.contains("Đảng ủy xã Lũng Cú"), "the commune is named among those missing")
            #expect(empty.body.string.contains("Tỉnh ủy Thử nghiệm (báo cáo của đơn vị)"), "the province's own report has its row")
            #expect(empty.body.string.contains("<tfoot><tr><td><strong>Cộng</strong>"), "and the rows add up to a total")
            #expect(empty.body.string.contains("lấy từ báo cáo có kỳ kết thúc tháng \(setup.period.lastMonth)/\(setup.period.year)"))

            let report = try await setup.submitCommune(ratio: ("19", "20"), count: "0", coverage: "1", by: reporter, on: app.db)
            let submittedOnly = try await app.page(.GET, path + "&submitted=1", headers: province)
            #expect(submittedOnly.body.string.contains("19/20 = 95%"))
            #expect(!(try await app.page(.GET, path, headers: province)).body.string.contains("19/20"), "approved only by default")

            let district = try await setup.fixture.user("huyen", .manager, at: "T-D")
            _ = try await ReportDeciding.decide(.approve, report: report, reason: "", readVersion: report.version, by: Actor(district), on: app.db)
            let approved = try await app.page(.GET, path, headers: province).body.string
            #expect(approved.contains("19/20 = 95% so với chỉ tiêu trên 85%"))
            #expect(approved.contains("<svg class=\"chart\""))
            #expect(approved.contains("Đạt") && approved.contains("Chưa đạt"), "the ratio is met, the count of dialogues (0) is not")
            let csv = try await app.page(.GET, "/dashboard/T-P/children.csv?period=\(setup.period.code)&indicator=\(setup.ratio)", headers: province)
            #expect(csv.status == .ok && csv.body.string.contains("T-D,Huyện ủy Đồng Văn,19,20,1"))
            #expect(Array(Data(buffer: csv.body).prefix(6)) == [0xEF, 0xBB, 0xBF, 0x4D, 0xC3, 0xA3], "one byte order mark, then \"Mã\"")
            let sibling = try await setup.fixture.browser(for: try await setup.fixture.user("ben", .manager, at: "T-S"))
            #expect(try await app.page(.GET, "/dashboard/T-D?period=\(setup.period.code)", headers: sibling).status == .forbidden)
            #expect(try await app.page(.GET, "/dashboard/T-P?period=2025-13", headers: province).status == .unprocessableEntity)
        }
    }

    @Test("a unit moved out of a manager's subtree leaves their dashboards at once, cached or not", arguments: TestDatabase.all)
    func movedUnitLeavesDashboard(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let setup = try await ReportingFixture.make(app)
            let district = try await setup.fixture.browser(for: try await setup.fixture.user("huyen", .manager, at: "T-D"))
            let path = "/dashboard/T-C?period=\(setup.period.code)"
            #expect(try await app.page(.GET, path, headers: district).status == .ok)
            #expect(try await app.page(.GET, path, headers: district).status == .ok, "served from the cache")
            let commune = try await setup.fixture.unit("T-C")
            try await app.db.transaction { tx in
                try await UnitStore.reparent(commune, to: "T-S", by: .commandLine, on: tx)
            }
            #expect(try await app.page(.GET, path, headers: district).status == .forbidden)
        }
    }

    @Test("a report submitted after its deadline is marked late; a closed period refuses figures and stores nothing",
          arguments: TestDatabase.all)
    func lateAndClosed(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let setup = try await ReportingFixture.make(app)
            let reporter = try await setup.fixture.user("xa", .reporter, at: "T-C")
            let commune = try await setup.fixture.unit("T-C")
            let form = try await ReportForm.load(unitID: commune.requireID, period: setup.period, on: app.db)
            let input = setup.input(ratio: ("1", "2"), count: "1", coverage: "1")
            let closed = form.closesOn.adding(days: 1)
            let before = try await setup.storedCounts(on: app.db)
            do {
                _ = try await ReportEntering.enter(.submit, form: form, input: input, by: Actor(reporter), today: closed, on: app.db)
                Issue.record("a closed period took a report")
            } catch let error as AppError {
                #expect(error.reason.contains("đã khóa sổ"))
            }
            #expect(try await setup.storedCounts(on: app.db) == before)
            let late = try await ReportEntering.enter(.submit, form: form, input: input, by: Actor(reporter), today: form.deadline.adding(days: 1),
                                                      on: app.db)
            #expect(late.late)
        }
    }
}
