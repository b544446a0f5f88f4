import DanVanCore
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import DanVanServer

@Suite("Notifications: who hears of what, in the transaction of the event, seen only while the unit is theirs")
struct NotificationFlowTests {
    static func notices(_ username: String, on db: any Database) async throws -> [(kind: String, title: String, detail: String, mail: String)] {
        try await (db as! any SQLDatabase).raw("""
            SELECT n.kind, n.title, n.detail, n.mail FROM notifications n JOIN users u ON u.id = n.user_id
            WHERE u.username = \(bind: username) ORDER BY n.id
            """).all().map { row in
            (try row.decode(column: "kind", as: String.self), try row.decode(column: "title", as: String.self),
             try row.decode(column: "detail", as: String.self), try row.decode(column: "mail", as: String.self))
        }
    }

    static func count(_ table: String, on db: any Database) async throws -> Int {
        try await (db as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()?.decode(column: "n", as: Int.self) ?? 0
    }

    @Test("a submission reaches the approvers of the unit above only; a return reaches the unit's people with its reason; an approval likewise",
          arguments: TestDatabase.all)
    func reportFlow(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let setup = try await ReportingFixture.make(app)
            let fixture = setup.fixture
            let reporter = try await fixture.browser(for: try await fixture.user("xa", .reporter, at: "T-C"))
            let district = try await fixture.browser(for: try await fixture.user("huyen", .manager, at: "T-D"))
            try await fixture.user("tinh", .manager, at: "T-P")
            try await fixture.user("xem", .viewer, at: "T-C")
            try await fixture.user("ben", .manager, at: "T-S")
            let submit = try await app.page(.POST, "/reports/T-C/action", headers: reporter,
                                            form: setup.fields(ratio: ("17", "20"), count: "2", coverage: "1", action: "submit"))
            #expect(submit.status == .seeOther)
            #expect(try await Self.notices("huyen", on: app.db).map(\.kind) == ["report.submitted"])
            #expect(try await Self.notices("tinh", on: app.db).isEmpty, "the nearest level with a manager approves, not every level above")
            #expect(try await Self.notices("xem", on: app.db).isEmpty)
            #expect(try await Self.notices("ben", on: app.db).isEmpty)
            let todo = try await app.page(.GET, "/", headers: district).body.string
            #expect(todo.contains("Duyệt báo cáo") && todo.contains("Đảng ủy xã Lũng Cú"), "the district's to-do lists the report to approve")
            #expect(todo.contains("Báo cáo <span class=\"count-badge\">1</span>"), "the menu counts the report waiting")

            var report = try #require(try await setup.report("T-C", on: app.db))
            let returned = try await app.page(.POST, "/reports/T-C/action", headers: district,
                                              form: ["period": setup.period.code, "action": "return", "version": "\(report.version)",
                                                     "reason": "Mẫu số chưa khớp danh sách"])
            #expect(returned.status == .seeOther)
            let toCommune = try await Self.notices("xa", on: app.db)
            #expect(toCommune.map(\.kind) == ["report.returned"] && toCommune[0].detail == "Lý do: Mẫu số chưa khớp danh sách")
            #expect(try await Self.notices("xem", on: app.db).isEmpty, "a viewer has no work to do and hears nothing")
            let inbox = try await app.page(.GET, "/notifications", headers: reporter).body.string
            #expect(inbox.contains("bị trả lại") && inbox.contains("Mẫu số chưa khớp danh sách"))
            let communeToDo = try await app.page(.GET, "/", headers: reporter).body.string
            #expect(communeToDo.contains("Sửa và gửi lại báo cáo") && communeToDo.contains("Bị trả lại: Mẫu số chưa khớp danh sách"))

            report = try #require(try await setup.report("T-C", on: app.db))
            _ = try await app.page(.POST, "/reports/T-C/action", headers: reporter,
                                   form: setup.fields(ratio: ("18", "20"), count: "2", coverage: "1", action: "submit", version: "\(report.version)"))
            report = try #require(try await setup.report("T-C", on: app.db))
            _ = try await app.page(.POST, "/reports/T-C/action", headers: district,
                                   form: ["period": setup.period.code, "action": "approve", "version": "\(report.version)"])
            #expect(try await Self.notices("xa", on: app.db).map(\.kind) == ["report.returned", "report.approved"])
            #expect(try await Self.notices("huyen", on: app.db).map(\.kind) == ["report.submitted", "report.submitted"])
        }
    }

    @Test("a refused action notifies nobody, and a notice written in a transaction that rolls back is gone with it",
          arguments: TestDatabase.all)
    func rolledBack(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let setup = try await ReportingFixture.make(app)
            let reporter = try await setup.fixture.browser(for: try await setup.fixture.user("xa", .reporter, at: "T-C"))
            try await setup.fixture.user("huyen", .manager, at: "T-D")
            let refused = try await app.page(.POST, "/reports/T-C/action", headers: reporter,
                                             form: setup.fields(ratio: ("21", "20"), count: "2", coverage: "1", action: "submit"))
            #expect(refused.status == .unprocessableEntity)
            #expect(try await Self.count("notifications", on: app.db) == 0)
            let unit = try await setup.fixture.unit("T-C")
            struct Boom: Error {}
            await #expect(throws: Boom.self) {
                try await app.db.writeTransaction { tx in
                    try await NotificationWriter.notify(NotificationEvent(.reportSubmitted, unitID: unit.requireID, facts: [.unit(unit.name)],
                                                                          link: "/", key: "test"),
                                                        to: .approversAbove(unit.requireID), on: tx)
                    #expect(try await Self.count("notifications", on: tx) == 1)
                    throw Boom()
                }
            }
            #expect(try await Self.count("notifications", on: app.db) == 0)
        }
    }

    @Test("a person moved to another unit no longer sees the notices about the old one; opening one is a 404",
          arguments: TestDatabase.all)
    func visibilityFollowsTheUnit(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let setup = try await ReportingFixture.make(app)
            let huyen = try await setup.fixture.user("huyen", .manager, at: "T-D")
            let headers = try await setup.fixture.browser(for: huyen)
            _ = try await setup.submitCommune(ratio: ("17", "20"), count: "1", coverage: "1",
                                              by: try await setup.fixture.user("xa", .reporter, at: "T-C"), on: app.db)
            let lines = try await NotificationQueries.inbox(for: huyen, on: app.db)
            #expect(lines.count == 1)
            huyen.unitID = try await setup.fixture.unit("T-S").requireID
            try await huyen.save(on: app.db)
            let moved = try #require(try await User.find(huyen.requireID, on: app.db))
            #expect(try await NotificationQueries.inbox(for: moved, on: app.db).isEmpty)
            #expect(try await app.page(.GET, "/notifications/\(lines[0].id)", headers: headers).status == .notFound)
            let inbox = try await app.page(.GET, "/notifications", headers: headers).body.string
            #expect(!inbox.contains("Lũng Cú"))
            let other = try await setup.fixture.browser(for: try await setup.fixture.user("khac", .manager, at: "T-D"))
            #expect(try await app.page(.GET, "/notifications/\(lines[0].id)", headers: other).status == .notFound,
                    "another person's notice is not found, even by someone who may see the unit")
        }
    }

    @Test("opening a notice marks it read and goes to its page; the unread count drops", arguments: TestDatabase.all)
    func openMarksRead(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let setup = try await ReportingFixture.make(app)
            let huyen = try await setup.fixture.user("huyen", .manager, at: "T-D")
            let token = try await setup.fixture.token(for: huyen)
            _ = try await setup.submitCommune(ratio: ("17", "20"), count: "1", coverage: "1",
                                              by: try await setup.fixture.user("xa", .reporter, at: "T-C"), on: app.db)
            let unread = try await app.api(.GET, "/api/notifications?unread=1", token: token)
            #expect(unread.status == .ok && unread.body.string.contains("report.submitted"))
            let open = try await app.page(.GET, "/notifications/\(try #require(try await NotificationQueries.inbox(for: huyen, on: app.db).first).id)",
                                          headers: try await setup.fixture.browser(for: huyen))
            #expect(open.status == .seeOther && open.headers.first(name: .location)?.hasPrefix("/reports/T-C?period=") == true)
            let todo = try await app.api(.GET, "/api/todo", token: token)
            #expect(todo.body.string.contains("\"unread\":0") && todo.body.string.contains("Duyệt báo cáo"))
        }
    }

    @Test("the to-do page by role: a viewer is told there is nothing to do; the administrator is asked to set the relay while mail waits",
          arguments: [TestDatabase.sqlite])
    func toDoByRole(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await Fixture.tree(app)
            let viewer = try await app.page(.GET, "/", headers: try await fixture.browser(for: try await fixture.user("xem", .viewer, at: "T-C")))
            #expect(viewer.status == .ok && viewer.body.string.contains("Tài khoản chỉ xem") && !viewer.body.string.contains("Khai địa chỉ thư"))
            let administrator = try await fixture.user("quantri", .admin, at: nil)
            let admin = try await fixture.browser(for: administrator)
            #expect(!(try await app.page(.GET, "/", headers: admin).body.string.contains("Đặt máy chủ thư")))
            let xa = try await fixture.user("xa", .reporter, at: "T-C")
            try await EmailVerification.setAddress("xa@donvi.example", for: xa.requireID, by: Actor(xa), on: app.db)
            let cached = try await app.page(.GET, "/", headers: admin).body.string
            #expect(!cached.contains("Đặt máy chủ thư"), "another person's change shows within the cache's half minute, not at once")
            app.personalCache.forget(administrator.requireID)
            let waiting = try await app.page(.GET, "/", headers: admin).body.string
            #expect(waiting.contains("Đặt máy chủ thư (DANVAN_SMTP_URL): 1 thư đang chờ gửi"))
            let anonymous = try await app.page(.GET, "/", headers: [:])
            #expect(anonymous.status == .seeOther && anonymous.headers.first(name: .location) == "/login")
        }
    }

    @Test("the to-do page lists tasks the unit leads and those it coordinates, each saying which, with the reminders received",
          arguments: [TestDatabase.sqlite])
    func toDoTasks(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await Fixture.tree(app)
            let task = try await fixture.seed000MonthlyTaskLedByCommune()
            let cell = try await fixture.unit("T-X")
            let xa = try await fixture.user("xa", .reporter, at: "T-C")
            try await (app.db as! any SQLDatabase).raw("INSERT INTO task_coordinators (task_id, unit_id) VALUES (\(bind: task.requireID), \(bind: cell.requireID))").run()
            let occurrence = try #require(try await TaskOccurrence.query(on: app.db).filter(\.$taskID == task.requireID).first())
            occurrence.dueOn = Today.date.adding(days: 5).description
            occurrence.state = OccurrenceState.notStarted.rawValue
            try await occurrence.save(on: app.db)
            try await TaskReminding.perform(occurrenceID: occurrence.requireID, note: "", by: Actor(try await fixture.user("huyen", .manager, at: "T-D")),
                                            on: app.db)
            let lead = try await app.page(.GET, "/", headers: try await fixture.browser(for: xa)).body.string
            #expect(lead.contains("Đảng ủy xã Lũng Cú chủ trì") && lead.contains("Cấp trên đã đôn đốc 1 lần"))
            #expect(!lead.contains("Tháng 2/2023") && !lead.contains("Tháng 12/2023"), "seed 000's 2023 months, long closed, are not on this year's list")
            #expect(lead.contains("Đôn đốc:"), "the reminder is also a new notice")
            let coordinator = try await app.page(.GET, "/", headers: try await fixture.browser(for: try await fixture.user("chibo", .reporter, at: "T-X"))).body.string
            #expect(coordinator.contains("Chi bộ thôn Lô Lô Chải phối hợp"))
        }
    }
}
