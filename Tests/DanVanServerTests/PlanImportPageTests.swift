import DanVanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import DanVanServer

@Suite("Plan upload, review and confirm")
struct PlanImportPageTests {
    private func setUp(_ app: Application) async throws -> HTTPHeaders {
        _ = try await UnitCreation.perform(.init(code: "TU", name: "Tỉnh ủy Lai Châu", kind: "party_committee", level: "province"),
                                       parentCode: nil, reportsToCode: nil, by: .commandLine, on: app.db)
        _ = try await UnitCreation.perform(.init(code: "HU-BTV", name: "Ban Thường vụ Huyện ủy Tam Đường", kind: "party_standing_board",
                                             level: "district"), parentCode: "TU", reportsToCode: nil, by: .commandLine, on: app.db)
        let fixture = Fixture(app: app)
        return try await fixture.browser(for: try await fixture.user("ql", .manager, at: "TU"))
    }

    private func draftPath(_ response: TestingHTTPResponse) throws -> String {
        try #require(response.headers.first(name: .location))
    }

    @Test("upload shows the reading beside the document; nothing is a plan until confirmed", arguments: TestDatabase.all)
    func uploadReviewConfirm(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let headers = try await setUp(app)
            let uploaded = try await app.upload("/plans/import", headers: headers, fields: ["_csrf": "csrf-test-token"],
                                                files: [("files[]", "seed-000.docx", try PlanImportTests.fixture("seed-000.docx"))])
            #expect(uploaded.status == .seeOther)
            let draft = try draftPath(uploaded)
            let review = try await app.page(.GET, draft, headers: headers)
            #expect(review.status == .ok)
            let html = review.body.string
            #expect(html.contains("Trên 85% cán bộ lãnh đạo"), "the document is shown")
            #expect(html.contains("<option value=\"HU-BTV\" selected>"), "the issuing unit is guessed from the issuer and chosen in a picker")
            #expect(html.contains("name=\"number\" value=\"159-KH/HU\""), "the number without its \"Số\"")
            let numbers = html.components(separatedBy: "<li id=\"l-").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
            #expect(!numbers.isEmpty && numbers == Array(1...numbers.count), "the document's lines are numbered one after another")
            #expect(html.contains("name=\"targets[2][value]\" value=\"85\""))
            #expect(try await Plan.query(on: app.db).count() == 0)

            let confirmed = try await app.page(.POST, draft, headers: headers, form: [
                "_csrf": "csrf-test-token", "unitCode": "HU-BTV", "subject": "Công tác dân vận năm 2023", "year": "2023",
                "targets[2][value]": "86", "targets[0][drop]": "1", "tasks[0][lead]": "Ban Dân vận Huyện ủy; Văn phòng Huyện ủy",
            ])
            #expect(confirmed.status == .seeOther)
            let plan = try #require(try await Plan.query(on: app.db).first())
            let targets = try await PlanTargetRecord.query(on: app.db).filter(\.$planID == plan.requireID).sort(\.$position).all()
            #expect(targets.count == 10, "one target was dropped")
            #expect(targets[1].value == 86, "the edited value is stored")
            let task = try #require(try await PlanTaskRecord.query(on: app.db).filter(\.$planID == plan.requireID).sort(\.$position).first())
            #expect(PlanPartsWriter.names(task.leadNames) == ["Ban Dân vận Huyện ủy", "Văn phòng Huyện ủy"])
            #expect(try await PlanImportDraft.query(on: app.db).count() == 0, "the draft goes when the plan is stored")

            let page = try await app.page(.GET, try #require(confirmed.headers.first(name: .location)), headers: headers)
            #expect(page.body.string.contains("159-KH/HU"))
            #expect(page.body.string.contains("Đã lưu kế hoạch."), "confirmation says it worked")
            #expect(page.body.string.contains("Chưa có số liệu"), "no figures reported yet")
            let document = try #require(try await CitedDocument.query(on: app.db).filter(\.$normalized == "27-CTr/TU").first())
            let documentPage = try await app.page(.GET, "/documents/\(document.requireID)", headers: headers)
            #expect(documentPage.body.string.contains("159-KH/HU"), "the citing plan is listed")
        }
    }

    @Test("a bad edit re-shows the review with the field named and stores nothing", arguments: TestDatabase.all)
    func badEdit(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let headers = try await setUp(app)
            let uploaded = try await app.upload("/plans/import", headers: headers, fields: ["_csrf": "csrf-test-token"],
                                                files: [("files[]", "kh.txt", try PlanImportTests.fixture("seed-000.txt"))])
            let draft = try draftPath(uploaded)
            for form in [["year": "hai nghìn"], ["targets[2][value]": "120"], ["targets[7][upper]": "0"], ["unitCode": "KHONG-CO"]] {
                let response = try await app.page(.POST, draft, headers: headers, form: form.merging(["_csrf": "csrf-test-token", "unitCode": "HU-BTV"]) { a, _ in a })
                #expect(response.status == .unprocessableEntity, "\(form)")
                #expect(response.body.string.contains("class=\"alert\""))
            }
            #expect(try await Plan.query(on: app.db).count() == 0)
            #expect(try await PlanImportDraft.query(on: app.db).count() == 1)
        }
    }

    @Test("files that are not plans are listed with their reason; a reporter cannot import", arguments: [TestDatabase.sqlite])
    func refusals(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let headers = try await setUp(app)
            let batch = try await app.upload("/plans/import", headers: headers, fields: ["_csrf": "csrf-test-token"],
                                             files: [("files[]", "a.pdf", Data("%PDF-1.4".utf8)), ("files[]", "b.txt", try PlanImportTests.fixture("seed-004.txt"))])
            #expect(batch.status == .ok)
            #expect(batch.body.string.contains("Không đọc được tệp PDF a.pdf"))
            #expect(batch.body.string.contains("/KH-VPUBND"))
            let fixture = Fixture(app: app)
            let reporter = try await fixture.browser(for: try await fixture.user("bc", .reporter, at: "TU"))
            #expect(try await app.page(.GET, "/plans/import", headers: reporter).status == .forbidden)
        }
    }
}
