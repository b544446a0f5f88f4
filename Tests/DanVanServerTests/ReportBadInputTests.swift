import DanVanCore
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import DanVanServer

@Suite("Reports refuse bad input and store nothing")
struct ReportBadInputTests {
    @Test("letters, a negative number and a numerator above its denominator are refused beside their fields",
          arguments: TestDatabase.all)
    func badFigures(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let setup = try await ReportingFixture.make(app)
            let reporter = try await setup.fixture.browser(for: try await setup.fixture.user("xa", .reporter, at: "T-C"))
            let before = try await setup.storedCounts(on: app.db)
            for (ratio, count, message) in [(("mười bảy", "20"), "1", "Tử số của \"Cán bộ được tập huấn\" phải là số (đã nhập \"mười bảy\")"),
                                            (("17", "20"), "-2", "không được âm"),
                                            (("21", "20"), "1", "Tử số (21) lớn hơn mẫu số (20)")] {
                let response = try await app.page(.POST, "/reports/T-C/action", headers: reporter,
                                                  form: setup.fields(ratio: ratio, count: count, coverage: "1", action: "submit"))
                #expect(response.status == .unprocessableEntity)
                #expect(response.body.string.contains(HTML.text(message).rendered), "\(message)")
                #expect(response.body.string.contains("aria-invalid=\"true\""), "the field is marked")
                #expect(response.body.string.contains("value=\"\(ratio.0)\""), "what was typed is shown again")
            }
            #expect(try await setup.storedCounts(on: app.db) == before)
        }
    }

    @Test("a period that does not exist, and one the unit has no report for, are refused with their names", arguments: TestDatabase.all)
    func badPeriods(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let setup = try await ReportingFixture.make(app)
            let reporter = try await setup.fixture.user("xa", .reporter, at: "T-C")
            let browser = try await setup.fixture.browser(for: reporter)
            let missing = try await app.page(.GET, "/reports/T-C?period=2025-13", headers: browser)
            #expect(missing.status == .unprocessableEntity && missing.body.string.contains(HTML.text("Kỳ báo cáo \"2025-13\" không tồn tại").rendered))
            let quarter = try await app.page(.GET, "/reports/T-C?period=\(setup.period.year)-Q1", headers: browser)
            #expect(quarter.status == .unprocessableEntity && quarter.body.string.contains("không nằm trong lịch báo cáo"))
            let token = try await setup.fixture.token(for: reporter)
            let api = try await app.api(.POST, "/api/reports/T-C", token: token, json: #"{"period": "2025-Q7", "action": "save"}"#)
            #expect(api.status == .unprocessableEntity && api.body.string.contains("2025-Q7"))
        }
    }

    @Test("a user cannot report for a unit that is not theirs, and a reporter cannot approve", arguments: TestDatabase.all)
    func notYourUnit(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let setup = try await ReportingFixture.make(app)
            let reporter = try await setup.fixture.browser(for: try await setup.fixture.user("xa", .reporter, at: "T-C"))
            let before = try await setup.storedCounts(on: app.db)
            let other = try await app.page(.POST, "/reports/T-D/action", headers: reporter,
                                           form: setup.fields(ratio: ("1", "2"), count: "1", coverage: "1", action: "submit"))
            #expect(other.status == .forbidden)
            #expect(try await setup.storedCounts(on: app.db) == before)

            let submitted = try await app.page(.POST, "/reports/T-C/action", headers: reporter,
                                               form: setup.fields(ratio: ("1", "2"), count: "1", coverage: "1", action: "submit"))
            #expect(submitted.status == .seeOther)
            let report = try #require(try await setup.report("T-C", on: app.db))
            let ownApproval = try await app.page(.POST, "/reports/T-C/action", headers: reporter,
                                                 form: ["period": setup.period.code, "action": "approve", "version": "\(report.version)"])
            #expect(ownApproval.status == .forbidden)
            let communeManager = try await setup.fixture.browser(for: try await setup.fixture.user("bithu", .manager, at: "T-C"))
            let sameUnit = try await app.page(.POST, "/reports/T-C/action", headers: communeManager,
                                              form: ["period": setup.period.code, "action": "approve", "version": "\(report.version)"])
            #expect(sameUnit.status == .forbidden, "approval is the level above's doing")
            #expect(try #require(try await setup.report("T-C", on: app.db)).state == .submitted)
        }
    }

    @Test("submitting twice at once from two browsers leaves exactly one submission", arguments: TestDatabase.all)
    func doubleSubmit(database: TestDatabase) async throws {
        try await withTwoApps(database) { first, second in
            let setup = try await ReportingFixture.make(first)
            let reporter = try await setup.fixture.user("xa", .reporter, at: "T-C")
            let headers = try await setup.fixture.browser(for: reporter)
            let form = setup.fields(ratio: ("17", "20"), count: "1", coverage: "1", action: "submit")
            async let one = first.page(.POST, "/reports/T-C/action", headers: headers, form: form)
            async let two = second.page(.POST, "/reports/T-C/action", headers: headers, form: form)
            let statuses = [try await one.status, try await two.status].map(\.code).sorted()
            #expect(statuses == [303, 409], "\(statuses)")
            let reports = try await Report.query(on: first.db).all()
            #expect(reports.count == 1 && reports[0].state == .submitted)
            #expect(try await AuditEntry.query(on: first.db).filter(\.$action == "report.submit").count() == 1)
        }
    }

    @Test("a denominator that jumped since last month is flagged for confirmation, not refused", arguments: TestDatabase.all)
    func denominatorJump(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let setup = try await ReportingFixture.make(app)
            let reporter = try await setup.fixture.user("xa", .reporter, at: "T-C")
            let commune = try await setup.fixture.unit("T-C")
            let last = setup.period.previous
            let lastMonth = Report(unitID: commune.requireID, period: last, deadline: last.lastDay)
            lastMonth.state = .approved
            try await lastMonth.create(on: app.db)
            try await ReportEntering.replaceValues(of: lastMonth, entries: [ReportEntry(indicatorID: setup.ratio, numerator: 10, denominator: 20,
                                                                                        comment: "")], on: app.db)
            let browser = try await setup.fixture.browser(for: reporter)
            var form = setup.fields(ratio: ("10", "40"), count: "1", coverage: "1", action: "submit")
            let flagged = try await app.page(.POST, "/reports/T-C/action", headers: browser, form: form)
            #expect(flagged.status == .unprocessableEntity && flagged.body.string.contains("thay đổi 100% so với kỳ trước (20 → 40)"))
            #expect(flagged.body.string.contains("name=\"confirmJumps\""))
            #expect(try await setup.report("T-C", on: app.db) == nil)
            form["confirmJumps"] = "1"
            #expect(try await app.page(.POST, "/reports/T-C/action", headers: browser, form: form).status == .seeOther)
            #expect(try await setup.report("T-C", on: app.db)?.state == .submitted)
        }
    }

    @Test("a CSV naming an unknown unit, an unknown indicator, a unit not the user's or a closed period stores nothing, naming the line",
          arguments: TestDatabase.all)
    func badCSV(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let setup = try await ReportingFixture.make(app)
            let manager = try await setup.fixture.browser(for: try await setup.fixture.user("huyen", .manager, at: "T-D"))
            let period = setup.period.code
            let good = "T-C,\(period),\(setup.ratio),17,20,\nT-X,\(period),\(setup.count),2,,"
            let cases: [(String, HTTPStatus, String)] = [
                ("\(good)\nT-KHONG,\(period),\(setup.ratio),1,2,", .unprocessableEntity, "Dòng 4, cột unit: Không có đơn vị mã \"T-KHONG\""),
                ("\(good)\nT-C,\(period),999,1,2,", .unprocessableEntity, "Chỉ số \"999\" không có trong báo cáo"),
                ("\(good)\nT-S,\(period),\(setup.ratio),1,2,", .forbidden, "bạn không được nhập báo cáo cho Huyện ủy Mèo Vạc"),
                ("\(good)\nT-X,\(period),\(setup.ratio),5,2,", .unprocessableEntity, "Dòng 4 (T-X, \(period))"),
                ("\(good)\nT-X,2025-13,\(setup.ratio),1,2,", .unprocessableEntity, "Dòng 4, cột period: Kỳ \"2025-13\" không tồn tại"),
            ]
            let before = try await setup.storedCounts(on: app.db)
            for (body, status, message) in cases {
                let csv = "unit,period,indicator,numerator,denominator,note\n" + body
                let response = try await app.upload("/reports/import", headers: manager, fields: [:],
                                                    files: [("file", "so-lieu.csv", Data(csv.utf8))])
                #expect(response.status == status, "\(message): \(response.status)")
                #expect(response.body.string.contains(HTML.text(message).rendered), "\(message)")
            }
            #expect(try await setup.storedCounts(on: app.db) == before, "nothing half-saved")
            let csv = "Mã đơn vị;Kỳ;Mã chỉ số;Tử số / số lượng;Mẫu số\n" + good.replacingOccurrences(of: ",", with: ";")
            let incomplete = try await app.upload("/reports/import", headers: manager, fields: ["submit": "1"],
                                                  files: [("file", "so-lieu.csv", Data(csv.utf8))])
            #expect(incomplete.status == .unprocessableEntity && incomplete.body.string.contains("Chưa nhập số liệu"),
                    "a report is submitted only with every figure")
            #expect(try await setup.storedCounts(on: app.db) == before)
            let stored = try await app.upload("/reports/import", headers: manager, fields: [:], files: [("file", "so-lieu.csv", Data(csv.utf8))])
            #expect(stored.status == .ok && stored.body.string.contains("Đã nhập 2 số liệu của 2 báo cáo"), "\(stored.body.string.prefix(800))")
            #expect(try await setup.report("T-X", on: app.db)?.state == .draft)
            let values = try await ReportLookup.values(reportID: try #require(try await setup.report("T-C", on: app.db)).requireID, on: app.db)
            #expect(values[setup.ratio]?.numerator == 17 && values[setup.ratio]?.denominator == 20)
        }
    }

    @Test("the unit's CSV template, filled in with the form's own column names, imports; a viewer gets no template", arguments: TestDatabase.all)
    func csvTemplate(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let setup = try await ReportingFixture.make(app)
            let reporter = try await setup.fixture.browser(for: try await setup.fixture.user("xa", .reporter, at: "T-C"))
            let template = try await app.page(.GET, "/reports/template.csv?period=\(setup.period.code)", headers: reporter)
            #expect(template.status == .ok && template.headers.contentType?.subType == "csv")
            var lines = template.body.string.replacingOccurrences(of: "\u{FEFF}", with: "").components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.first?.hasPrefix("Mã đơn vị,Kỳ,Mã chỉ số,Tử số / số lượng,Mẫu số,Ghi chú") == true, "\(lines.first ?? "")")
            #expect(lines.count == 4, "one row per indicator of the form")
            #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("T-C,\(setup.period.code),") })
            lines[0] = "Đơn vị,Kỳ,Chỉ số,Tử số,Mẫu số,Ghi chú,Tên"
            lines[1] = lines[1].replacingOccurrences(of: "T-C,\(setup.period.code),\(setup.ratio),,,", with: "T-C,\(setup.period.code),\(setup.ratio),17,20,")
            let imported = try await app.upload("/reports/import", headers: reporter, fields: [:],
                                                files: [("file", "mau.csv", Data(lines.prefix(2).joined(separator: "\n").utf8))])
            #expect(imported.status == .ok, "\(imported.body.string.prefix(600))")
            let values = try await ReportLookup.values(reportID: try #require(try await setup.report("T-C", on: app.db)).requireID, on: app.db)
            #expect(values[setup.ratio]?.numerator == 17 && values[setup.ratio]?.denominator == 20)
            let viewer = try await setup.fixture.browser(for: try await setup.fixture.user("xem", .viewer, at: "T-C"))
            #expect(try await app.page(.GET, "/reports/template.csv", headers: viewer).status == .forbidden)
        }
    }

    @Test("a CSV for a period already closed is refused", arguments: TestDatabase.all)
    func closedPeriodCSV(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // Due 45 days before the month ends and closed the same day: this month is already closed.
            let setup = try await ReportingFixture.make(app, deadlineDays: -45, closeDays: 0)
            let manager = try await setup.fixture.browser(for: try await setup.fixture.user("huyen", .manager, at: "T-D"))
            let csv = "unit,period,indicator,numerator,denominator\nT-C,\(setup.period.code),\(setup.ratio),1,2"
            let response = try await app.upload("/reports/import", headers: manager, fields: [:], files: [("file", "a.csv", Data(csv.utf8))])
            #expect(response.status == .unprocessableEntity && response.body.string.contains("đã khóa sổ"))
            #expect(try await Report.query(on: app.db).count() == 0)
        }
    }

    @Test("the JSON API submits with the same checks: letters are refused with the field, good figures are stored",
          arguments: TestDatabase.all)
    func api(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let setup = try await ReportingFixture.make(app)
            let token = try await setup.fixture.token(for: try await setup.fixture.user("xa", .reporter, at: "T-C"))
            let bad = try await app.api(.POST, "/api/reports/T-C", token: token, json: """
                {"period": "\(setup.period.code)", "action": "submit", "values": [{"indicator": \(setup.ratio), "numerator": "abc", "denominator": "20"}]}
                """)
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("v\(setup.ratio)_num"))
            #expect(try await Report.query(on: app.db).count() == 0)
            let good = try await app.api(.POST, "/api/reports/T-C", token: token, json: """
                {"period": "\(setup.period.code)", "action": "submit", "values": [{"indicator": \(setup.ratio), "numerator": "17", "denominator": "20"},
                 {"indicator": \(setup.count), "numerator": "3"}, {"indicator": \(setup.coverage), "numerator": "1"}]}
                """)
            #expect(good.status == .ok, "\(good.body.string)")
            #expect(good.body.string.contains("\"state\":\"submitted\""))
            let read = try await app.api(.GET, "/api/reports/T-C?period=\(setup.period.code)", token: token)
            #expect(read.body.string.contains("\"numerator\":17"))
        }
    }
}
