import DanVanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import DanVanServer

@Suite("Upload limits, on every path")
struct UploadLimitTests {
    static let plan = Data(MatrixWorld.planText.replacingOccurrences(of: "Trên 150%", with: "Trên 85%").utf8)

    @Test("a body past its route's limit is refused with 413 and a Vietnamese message, on the page, with a token and as JSON",
          arguments: TestDatabase.all)
    func limitsPerRoute(database: TestDatabase) async throws {
        try await withTestApp(database, settings: { $0.uploads.fileBytes = 64 * 1024; $0.uploads.formBytes = 16 * 1024 }) { app in
            let fixture = try await Fixture.tree(app)
            let manager = try await fixture.user("quanly", .manager, at: "T-D")
            let browser = try await fixture.browser(for: manager)
            let token = try await fixture.token(for: manager)
            let big = Data(repeating: 0x41, count: 200 * 1024)
            let page = try await app.upload("/reports/import", headers: browser, fields: [:], files: [("file", "so-lieu.csv", big)])
            #expect(page.status == .payloadTooLarge && page.body.string.contains("quá lớn"), "\(page.status)")
            let api = try await app.api(.POST, "/api/plans/import?filename=k.txt", token: token, body: String(repeating: "A", count: 200 * 1024))
            #expect(api.status == .payloadTooLarge && api.body.string.contains("quá lớn"))
            let json = try await app.api(.PUT, "/api/units/T-C", token: token, json: #"{"name": "\#(String(repeating: "x", count: 40 * 1024))"}"#)
            #expect(json.status == .payloadTooLarge, "a form or JSON body is held to the form limit")
            let form = try await app.page(.POST, "/units/T-C/edit", headers: browser, form: ["name": String(repeating: "x", count: 40 * 1024)])
            #expect(form.status == .payloadTooLarge)
            #expect(try await OrgUnit.query(on: app.db).filter(\.$code == "T-C").first()?.version == 1, "nothing changed")
        }
    }

    @Test("five evidence files of 1 MB go in one post: the evidence route takes them though other forms carry 1 MB",
          arguments: TestDatabase.all)
    func evidenceFitsItsRoute(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let world = try await MatrixWorld.make(app)
            let occurrence = try #require(try await TaskOccurrence.find(world.occurrences["T-C"], on: app.db))
            occurrence.state = OccurrenceState.inProgress.rawValue
            try await occurrence.save(on: app.db)
            let reporter = try await world.fixture.browser(for: try await world.fixture.user("xa", .reporter, at: "T-C"))
            var pdf = Data("%PDF-1.4\n".utf8)
            pdf.append(Data(repeating: 0x20, count: 1_048_576))
            let files = (1...5).map { (field: "files[]", name: "bien-ban-\($0).pdf", data: pdf) }
            let posted = try await app.upload("/tasks/\(occurrence.requireID)/update", headers: reporter,
                                              fields: ["state": "done", "text": "Đã tổ chức", "version": String(occurrence.version)], files: files)
            #expect(posted.status == .seeOther, "\(posted.status) \(posted.body.string.prefix(300))")
            #expect(try await EvidenceFile.query(on: app.db).count() == 5)
        }
    }

    @Test("a file that is not a plan is refused at once and kept nowhere; a plan becomes a draft with its reading; drafts are capped per user",
          arguments: TestDatabase.all)
    func draftsOnUpload(database: TestDatabase) async throws {
        try await withTestApp(database, settings: { $0.uploads.draftsPerUser = 2 }) { app in
            let fixture = try await Fixture.tree(app)
            let manager = try await fixture.browser(for: try await fixture.user("quanly", .manager, at: "T-D"))
            let notPlan = Data("BÁO CÁO\nKết quả 6 tháng đầu năm 2024\nI. KẾT QUẢ\nĐã tổ chức 12 cuộc.".utf8)
            let pdf = Data("%PDF-1.7 ...".utf8)
            let first = try await app.upload("/plans/import", headers: manager, fields: [:],
                                             files: [("files[]", "bao-cao.txt", notPlan), ("files[]", "ke-hoach.pdf", pdf)])
            #expect(first.status == .unprocessableEntity)
            #expect(first.body.string.contains("bao-cao.txt") && first.body.string.contains("ke-hoach.pdf"))
            #expect(try await PlanImportDraft.query(on: app.db).count() == 0, "refused files are not kept")
            let second = try await app.upload("/plans/import", headers: manager, fields: [:],
                                              files: (1...3).map { ("files[]", "kh-\($0).txt", Self.plan) })
            #expect(second.status == .ok)
            let drafts = try await PlanImportDraft.query(on: app.db).all()
            #expect(drafts.count == 2, "the third is over the user's quota")
            #expect(second.body.string.contains("kh-3.txt") && second.body.string.contains("hãy lưu hoặc hủy bớt"))
            #expect(drafts.allSatisfy { $0.readingJSON != nil && $0.linesJSON != nil }, "each draft keeps what was read from it")
        }
    }
}
