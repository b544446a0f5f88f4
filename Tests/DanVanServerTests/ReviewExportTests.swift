import DanVanCore
import Foundation
import Testing
import Vapor
import ZIPFoundation
@testable import DanVanDocuments
@testable import DanVanServer

@Suite("Review reports and tables written out")
struct ReviewExportTests {
    /// The text of a written DOCX, line by line, as the plan reader sees it.
    static func lines(_ data: Data) throws -> [String] {
        try DocxPlanSource.lines(from: data, filename: "written.docx").map(\.text)
    }

    /// A part of a written package, as text.
    static func part(_ path: String, of data: Data) throws -> String {
        let archive = try Archive(data: data, accessMode: .read)
        let entry = try #require(archive[path])
        var bytes = Data()
        _ = try archive.extract(entry) { bytes.append($0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test("the province's report is headed in its name and carries the roll-up's figures; its table keeps them as numbers",
          arguments: TestDatabase.all)
    func figures(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let reporting = try await ReportingFixture.make(app)
            let reporter = try await reporting.fixture.user("xa", .reporter, at: "T-C")
            _ = try await reporting.submitCommune(ratio: ("17", "20"), count: "2", coverage: "1", by: reporter, on: app.db)
            let manager = try await reporting.fixture.user("tinh", .manager, at: "T-P")
            let headers = try await reporting.fixture.browser(for: manager)
            let query = "?period=\(reporting.period.code)&submitted=1"

            let response = try await app.page(.GET, SiteRoute.reviewReportDocx("T-P").path + query, headers: headers)
            #expect(response.status == .ok)
            let text = try Self.lines(Data(buffer: response.body))
            #expect(text.contains("ĐẢNG CỘNG SẢN VIỆT NAM"))
            #expect(text.contains("TỈNH ỦY THỬ NGHIỆM"))
            #expect(text.contains("BÁO CÁO"))
            #expect(text.contains { $0.hasPrefix("Số") && $0.hasSuffix("-BC/TU") }, "the number is left for the clerk")
            #expect(text.contains { $0.contains("17/20 = 85% so với chỉ tiêu trên 85%. Chưa đạt.") })
            #expect(text.contains { $0.contains("PHƯƠNG HƯỚNG, NHIỆM VỤ") })
            #expect(text.contains { $0.contains("Phấn đấu đạt chỉ tiêu") && $0.contains("cán bộ được tập huấn") })

            let table = try await app.page(.GET, SiteRoute.dashboardTargetsXlsx("T-P").path + query, headers: headers)
            #expect(table.status == .ok)
            let sheet = try Self.part("xl/worksheets/sheet1.xml", of: Data(buffer: table.body))
            #expect(sheet.contains("KẾT QUẢ THỰC HIỆN CHỈ TIÊU"))
            #expect(sheet.contains(reporting.period.label))
            #expect(sheet.contains(#"<c r="E7" s="5"><v>17</v></c>"#), "under the title, three lines and the header row, the numerator is a number cell, not text")
            #expect(sheet.contains(#"<c r="F7" s="5"><v>20</v></c>"#))
            #expect(sheet.contains(#"<c r="G7" s="7"><v>85</v></c>"#))
            #expect(sheet.contains(#"<c r="H7""#) && sheet.contains(">%<"), "the result says it is a percentage")
        }
    }

    @Test("a period with no figures says which are missing and who has not reported, never zeros", arguments: TestDatabase.all)
    func noData(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let reporting = try await ReportingFixture.make(app)
            let manager = try await reporting.fixture.user("tinh", .manager, at: "T-P")
            let response = try await app.page(.GET, SiteRoute.reviewReportDocx("T-P").path + "?period=\(reporting.period.code)",
                                              headers: try await reporting.fixture.browser(for: manager))
            #expect(response.status == .ok)
            let text = try Self.lines(Data(buffer: response.body))
            #expect(text.contains { $0.contains("3 chỉ tiêu chưa có số liệu") })
            #expect(text.contains { $0.hasPrefix("- trên 85% cán bộ được tập huấn: chưa có số liệu") })
            #expect(text.contains { $0.hasPrefix("Đơn vị còn thiếu báo cáo trong kỳ:") && $0.contains("Đảng ủy xã Lũng Cú") })
            #expect(!text.contains { $0.contains("0/0") || $0.contains("= 0%") })
        }
    }

    @Test("a review for the year counts every month's reports, as the dashboard counts each month", arguments: TestDatabase.all)
    func yearCountsEveryMonth(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let reporting = try await ReportingFixture.make(app)
            let province = try await reporting.fixture.unit("T-P")
            var monthly = CompletenessCounts()
            for month in 1...reporting.period.index {
                let period = try #require(ReportPeriod(frequency: .month, year: reporting.period.year, index: month))
                monthly = monthly + (try await CompletenessQuery.load(rootID: province.requireID, period: period, on: app.db)).total
            }
            let year = try #require(ReportPeriod(frequency: .year, year: reporting.period.year, index: 1))
            let review = try await ReviewReportQuery.load(unit: province, period: year, includeSubmitted: false, today: CivilDate.today(),
                                                          rollups: app.rollupCache, on: app.db)
            #expect(review.reporting.total == monthly)
            #expect(review.reporting.total.expected == reporting.period.index * (try await CompletenessQuery.load(
                rootID: province.requireID, period: reporting.period, on: app.db)).total.expected, "the same units owe every month")
        }
    }

    @Test("a committee's review carries the plan its standing board issued in its name", arguments: TestDatabase.all)
    func standingBoardPlan(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await Fixture.tree(app)
            _ = try await UnitCreation.perform(UnitDraft(code: "T-D-BTV", name: "Ban Thường vụ Huyện ủy Đồng Văn", kind: "party_standing_board",
                                                         level: "district"), parentCode: "T-D", reportsToCode: nil, by: .commandLine, on: app.db)
            let outcome = try await PlanFileImporter.importFile(named: "seed-000.txt", data: PlanImportTests.fixture("seed-000.txt"),
                                                                unitCode: "T-D-BTV", by: .commandLine, on: app.db)
            guard case .stored = outcome else {
                Issue.record("not stored: \(outcome)")
                return
            }
            let year = try #require(ReportPeriod(frequency: .year, year: 2023, index: 1))
            let review = try await ReviewReportQuery.load(unit: try await fixture.unit("T-D"), period: year, includeSubmitted: false,
                                                          today: CivilDate(year: 2026, month: 11, day: 30)!, rollups: app.rollupCache, on: app.db)
            #expect(review.planReference?.contains("159-KH/HU") == true)
            #expect(review.tasks.count == 34 && !review.tasks.contains { $0.outcome == .underWay }, "a year long over has nothing under way")
        }
    }

    @Test("a user who may not see the unit gets 403 for its report and its tables", arguments: TestDatabase.all)
    func forbidden(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let reporting = try await ReportingFixture.make(app)
            let districtPlan = try await PlanCreation.perform(unitCode: try await reporting.fixture.unit("T-D").code, year: reporting.period.year,
                                                                 subject: "Công tác dân vận", by: .commandLine, on: app.db)
            let sibling = try await reporting.fixture.user("meovac", .manager, at: "T-S")
            let headers = try await reporting.fixture.browser(for: sibling)
            let query = "?period=\(reporting.period.code)"
            for route in [SiteRoute.reviewReportDocx("T-D"), .dashboardTargetsXlsx("T-D"), .dashboardChildrenXlsx("T-D"),
                          .dashboardCompletenessXlsx("T-P"), .planGridXlsx(districtPlan), .planDocx(districtPlan)] {
                let response = try await app.page(.GET, route.path + query, headers: headers)
                #expect(response.status == .forbidden, "\(route.path)")
                #expect(response.headers.contentType?.subType.hasPrefix("vnd.openxmlformats") != true)
            }
        }
    }

    @Test("'danvan export' writes what the download gives, and names a bad period")
    func exportsAsTheCommandDoes() async throws {
        try await withTestApp(.sqlite) { app in
            let reporting = try await ReportingFixture.make(app)
            let unit = try await reporting.fixture.unit("T-P")
            let link = DashboardLink(period: reporting.period, indicatorID: nil, includeSubmitted: false)
            let file = try await DocumentExports.table(.completeness, unit: unit, link: link, rollups: app.rollupCache, on: app.db)
            #expect(file.name == "T-P \(reporting.period.code) tình hình gửi báo cáo")
            let sheet = try Self.part("xl/worksheets/sheet1.xml", of: file.data)
            #expect(sheet.contains("Tổng cộng"))
            #expect(throws: AppError.self) { try ReportPeriods.parse("2025-13") }
            await #expect(throws: AppError.self) {
                try await DocumentExports.table(.grid, unit: unit, link: link, rollups: app.rollupCache, on: app.db)
            }
        }
    }
}
