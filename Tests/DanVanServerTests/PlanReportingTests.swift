import DanVanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import DanVanServer

@Suite("A plan's reporting duty, set from its page")
struct PlanReportingTests {
    @Test("a manager sets quarterly reporting; wrong days, an unknown unit and a unit not theirs store nothing",
          arguments: TestDatabase.all)
    func setDuty(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await Fixture.tree(app)
            let district = try await fixture.unit("T-D")
            let planID = try await PlanCreation.perform(unitCode: district.code, year: 2026, subject: "Kế hoạch", by: .commandLine, on: app.db)
            let manager = try await fixture.browser(for: try await fixture.user("huyen", .manager, at: "T-D"))
            let path = "/plans/\(planID)/reporting"
            let refusals: [([String: String], HTTPStatus, String)] = [
                (["frequency": "quarter", "deadlineDays": "năm", "closeDays": "30"], .unprocessableEntity, "Hạn gửi phải là số ngày từ 0 đến 60"),
                (["frequency": "quarter", "deadlineDays": "5", "closeDays": "-1"], .unprocessableEntity, "Khóa sổ sau hạn phải là số ngày"),
                (["frequency": "weekly", "deadlineDays": "5", "closeDays": "30"], .unprocessableEntity, "Hãy chọn tần suất"),
                (["frequency": "quarter", "deadlineDays": "5", "closeDays": "30", "scopeCode": "T-KHONG"], .notFound, "T-KHONG"),
                (["frequency": "quarter", "deadlineDays": "5", "closeDays": "30", "scopeCode": "T-S"], .forbidden, "Huyện ủy Mèo Vạc"),
            ]
            for (form, status, message) in refusals {
                let response = try await app.page(.POST, path, headers: manager, form: form)
                #expect(response.status == status, "\(message)")
                #expect(response.body.string.contains(HTML.text(message).rendered) || response.body.string.contains(message), "\(message)")
            }
            #expect(try await ReportScheme.query(on: app.db).count() == 0)
            let saved = try await app.page(.POST, path, headers: manager,
                                           form: ["frequency": "quarter", "deadlineDays": "7", "closeDays": "20", "scopeCode": "T-C"])
            #expect(saved.status == .seeOther)
            let scheme = try #require(try await ReportScheme.query(on: app.db).first())
            #expect(scheme.reportFrequency == .quarter && scheme.deadlineDays == 7 && scheme.closeDays == 20)
            #expect(scheme.scopeUnitID == (try await fixture.unit("T-C")).id)
            let page = try await app.page(.GET, "/plans/\(planID)", headers: manager)
            #expect(page.body.string.contains("Hằng quý · đơn vị báo cáo: Đảng ủy xã Lũng Cú"))
            let viewer = try await fixture.browser(for: try await fixture.user("xem", .viewer, at: "T-D"))
            #expect(try await app.page(.POST, path, headers: viewer, form: ["frequency": "month", "deadlineDays": "1", "closeDays": "1"]).status
                    == .forbidden)
        }
    }

    @Test("the plan page evaluates each target on the latest approved figures", arguments: TestDatabase.all)
    func evaluations(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let setup = try await ReportingFixture.make(app)
            let province = try await setup.fixture.browser(for: try await setup.fixture.user("tinh", .manager, at: "T-P"))
            let before = try await app.page(.GET, "/plans/\(setup.planID)", headers: province)
            #expect(before.body.string.contains("Chưa có số liệu") && !before.body.string.contains("Đạt:"))
            let reporter = try await setup.fixture.user("xa", .reporter, at: "T-C")
            let report = try await setup.submitCommune(ratio: ("18", "20"), count: "1", coverage: "1", by: reporter, on: app.db)
            _ = try await ReportDeciding.decide(.approve, report: report, reason: "", readVersion: report.version,
                                                by: Actor(try await setup.fixture.user("huyen", .manager, at: "T-D")), on: app.db)
            let after = try await app.page(.GET, "/plans/\(setup.planID)", headers: province)
            #expect(after.body.string.contains("Đạt: 18/20 = 90% so với chỉ tiêu trên 85%."))
        }
    }
}
