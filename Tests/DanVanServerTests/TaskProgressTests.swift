import DanVanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import DanVanServer

@Suite("Following tasks: progress with evidence, reminders, my tasks and overdue lists")
struct TaskProgressTests {
    struct Setup {
        let fixture: Fixture
        let occurrence: TaskOccurrence
        let dataDirectory: String
    }

    /// Seed 000 stored for T-D, its monthly task given to the commune T-C to lead.
    private func setUp(_ app: Application) async throws -> Setup {
        let fixture = try await Fixture.tree(app)
        let task = try await fixture.seed000MonthlyTaskLedByCommune()
        let occurrence = try #require(try await TaskOccurrence.query(on: app.db).filter(\.$taskID == task.requireID).filter(\.$month == 3).first())
        return Setup(fixture: fixture, occurrence: occurrence, dataDirectory: app.settings.dataDirectory)
    }

    private func evidenceFiles(_ directory: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: URL(fileURLWithPath: directory).appendingPathComponent("evidence").path)) ?? []
    }

    @Test("the lead unit reports done with a PDF; the plan's readers get the file, a sibling does not", arguments: TestDatabase.all)
    func progressWithEvidence(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let setup = try await setUp(app)
            let reporter = try await setup.fixture.browser(for: try await setup.fixture.user("baocao", .reporter, at: "T-C"))
            let id = setup.occurrence.requireID
            let response = try await app.upload("/tasks/\(id)/update", headers: reporter,
                                                fields: ["state": "done", "text": "Đã tổ chức tuyên truyền tại 5 bản.", "version": "1"],
                                                files: [("files[]", "bien-ban.pdf", Data("%PDF-1.7 biên bản".utf8))])
            #expect(response.status == .seeOther)
            let saved = try #require(try await TaskOccurrence.find(id, on: app.db))
            #expect(saved.state == "done" && saved.version == 2 && saved.doneOn == CivilDate.today().description)
            let file = try #require(try await EvidenceFile.query(on: app.db).first())
            #expect(file.originalName == "bien-ban.pdf" && file.size == Data("%PDF-1.7 biên bản".utf8).count)
            let viewer = try await setup.fixture.browser(for: try await setup.fixture.user("xem", .viewer, at: "T-D"))
            let download = try await app.page(.GET, "/evidence/\(try #require(file.id))", headers: viewer)
            #expect(download.status == .ok && download.body.string.hasPrefix("%PDF-1.7"), "\(download.status) \(download.body.string.prefix(4000))")
            #expect(download.headers.first(name: .contentDisposition)?.hasPrefix("inline") == true, "a PDF opens in the browser")
            #expect(download.headers.first(name: "X-Content-Type-Options") == "nosniff")
            let sibling = try await setup.fixture.browser(for: try await setup.fixture.user("ben", .manager, at: "T-S"))
            #expect(try await app.page(.GET, "/evidence/\(try #require(file.id))", headers: sibling).status == .forbidden)
            #expect(try await app.page(.GET, "/tasks/\(id)", headers: sibling).status == .forbidden)
            let page = try await app.page(.GET, "/tasks/\(id)", headers: viewer)
            #expect(page.body.string.contains("Đã tổ chức tuyên truyền tại 5 bản.") && page.body.string.contains("bien-ban.pdf"))
            let district = try await setup.fixture.browser(for: try await setup.fixture.user("huyen", .manager, at: "T-D"))
            let seenAbove = try await app.page(.GET, "/tasks/\(id)", headers: district).body.string
            #expect(!seenAbove.contains("Gửi đôn đốc"), "a finished task offers no reminder")
            #expect(seenAbove.contains("<h1 class=\"task-heading\">"), "the heading is the task")
        }
    }

    @Test("a refused file, a stale version, a missing text and a viewer store nothing", arguments: TestDatabase.all)
    func refusals(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let setup = try await setUp(app)
            let reporter = try await setup.fixture.browser(for: try await setup.fixture.user("baocao", .reporter, at: "T-C"))
            let id = setup.occurrence.requireID
            let path = "/tasks/\(id)/update"
            let exe = try await app.upload(path, headers: reporter, fields: ["state": "done", "text": "Xong", "version": "1"],
                                           files: [("files[]", "virus.exe", Data([0x4D, 0x5A, 0x90]))])
            #expect(exe.status == .unprocessableEntity && exe.body.string.contains("chỉ nhận tệp PDF"))
            #expect(exe.body.string.contains("Xong"), "what the user typed is kept")
            let big = try await app.upload(path, headers: reporter, fields: ["state": "done", "text": "Xong", "version": "1"],
                                           files: [("files[]", "to.pdf", Data("%PDF".utf8) + Data(count: EvidencePolicy.maxBytes))])
            #expect(big.status == .unprocessableEntity && big.body.string.contains("vượt giới hạn 10 MB"))
            let stale = try await app.upload(path, headers: reporter, fields: ["state": "done", "text": "Xong", "version": "7"], files: [])
            #expect(stale.status == .conflict && stale.body.string.contains("vừa được người khác cập nhật"))
            let empty = try await app.upload(path, headers: reporter, fields: ["state": "done", "text": "  ", "version": "1"], files: [])
            #expect(empty.status == .unprocessableEntity && empty.body.string.contains("Hãy ghi nội dung"))
            let viewer = try await setup.fixture.browser(for: try await setup.fixture.user("xem", .viewer, at: "T-C"))
            let forbidden = try await app.upload(path, headers: viewer, fields: ["state": "done", "text": "Xong", "version": "1"], files: [])
            #expect(forbidden.status == .forbidden)
            let saved = try #require(try await TaskOccurrence.find(id, on: app.db))
            #expect(saved.state == "not_started" && saved.version == 1)
            #expect(try await TaskUpdate.query(on: app.db).count() == 0)
            #expect(try await EvidenceFile.query(on: app.db).count() == 0)
            #expect(evidenceFiles(setup.dataDirectory).isEmpty, "no file is left on disk by a refused update")
        }
    }

    @Test("the district reminds the commune; the commune sees it, and the overdue list counts it", arguments: TestDatabase.all)
    func remindersAndLists(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let setup = try await setUp(app)
            let id = setup.occurrence.requireID
            let district = try await setup.fixture.browser(for: try await setup.fixture.user("huyen", .manager, at: "T-D"))
            let commune = try await setup.fixture.browser(for: try await setup.fixture.user("xa", .manager, at: "T-C"))
            #expect(try await app.page(.POST, "/tasks/\(id)/remind", headers: commune, form: ["note": "tự nhắc"]).status == .forbidden)
            let reminded = try await app.page(.POST, "/tasks/\(id)/remind", headers: district, form: ["note": "Đề nghị báo cáo trước ngày 5."])
            #expect(reminded.status == .seeOther)
            let mine = try await app.page(.GET, "/tasks", headers: commune)
            #expect(mine.status == .ok && mine.body.string.contains("Đề nghị báo cáo trước ngày 5."))
            #expect(mine.body.string.contains("Quá hạn ("), "2023's March is long past")
            let overdue = try await app.page(.GET, "/tasks/overdue", headers: district)
            #expect(overdue.status == .ok && overdue.body.string.contains("Đảng ủy xã Lũng Cú"))
            #expect(overdue.body.string.contains("Quá hạn (12)"), "the commune's twelve months of 2023, all past due, counted through the closure")
            let reporter = try await setup.fixture.browser(for: try await setup.fixture.user("bc", .reporter, at: "T-D"))
            #expect(try await app.page(.GET, "/tasks/overdue", headers: reporter).status == .forbidden)
        }
    }
}
