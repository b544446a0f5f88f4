import DanVanCore
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import DanVanServer

@Suite("The job runner: deadline notices once, one runner across servers, digests and the outbox")
struct NotificationJobTests {
    static let today = CivilDate(year: 2026, month: 11, day: 30)!

    /// Seed 000 for T-D with its monthly task led by T-C; the November occurrence due in two days.
    static func taskDueSoon(_ app: Application, fixture: Fixture) async throws -> TaskOccurrence {
        let task = try await fixture.seed000MonthlyTaskLedByCommune()
        try await (app.db as! any SQLDatabase).raw("UPDATE task_occurrences SET due_on = '2025-01-31', state = 'done'").run()
        let occurrence = try #require(try await TaskOccurrence.query(on: app.db).filter(\.$taskID == task.requireID).first())
        occurrence.dueOn = today.adding(days: 2).description
        occurrence.state = OccurrenceState.inProgress.rawValue
        try await occurrence.save(on: app.db)
        return occurrence
    }

    static func runner(_ app: Application, holder: String, transport: (any MailTransport)? = nil,
                       adjust: (inout Settings) -> Void = { _ in }) -> JobRunner {
        var settings = app.settings
        settings.digestHour = 0
        adjust(&settings)
        return JobRunner(settings: settings, group: app.eventLoopGroup, transport: transport, holder: holder)
    }

    @Test("a task due in two days notifies the lead unit's people once, however many runs and servers; passed, it notifies once more",
          arguments: TestDatabase.all)
    func deadlinesOnce(database: TestDatabase) async throws {
        try await withTwoApps(database) { first, second in
            let fixture = try await Fixture.tree(first)
            try await fixture.user("xa", .reporter, at: "T-C")
            try await fixture.user("xa.ql", .manager, at: "T-C")
            try await fixture.user("xa.xem", .viewer, at: "T-C")
            let occurrence = try await Self.taskDueSoon(first, fixture: fixture)
            let now = Date()
            let a = Self.runner(first, holder: "server-a"), b = Self.runner(second, holder: "server-b")
            let ranA = try await a.runOnce(on: first.db, now: now, today: Self.today)
            let ranB = try await b.runOnce(on: second.db, now: now, today: Self.today)
            #expect(ranA.ranAsHolder && ranA.deadlineEvents >= 1)
            #expect(!ranB.ranAsHolder, "the second server waits while the first holds the lease")
            _ = try await a.runOnce(on: first.db, now: now.addingTimeInterval(60), today: Self.today)
            // The first server stops; once its lease runs out the second takes over, the same day.
            let takeover = try await b.runOnce(on: second.db, now: now.addingTimeInterval(3_600), today: Self.today)
            #expect(takeover.ranAsHolder && takeover.deadlineEvents == 0, "the day's notices were done")
            let dueSoon = try await NotificationFlowTests.notices("xa", on: first.db).filter { $0.kind == "task.due_soon" }
            #expect(dueSoon.count == 1 && dueSoon[0].title.contains("02/12/2026"))
            #expect(try await NotificationFlowTests.notices("xa.ql", on: first.db).filter { $0.kind == "task.due_soon" }.count == 1)
            #expect(try await NotificationFlowTests.notices("xa.xem", on: first.db).isEmpty)
            // Tomorrow, still due soon: the same notice is not sent again.
            _ = try await b.runOnce(on: second.db, now: now.addingTimeInterval(90_000), today: Self.today.adding(days: 1))
            #expect(try await NotificationFlowTests.notices("xa", on: first.db).filter { $0.kind == "task.due_soon" }.count == 1)
            // Four days on, past due and not done: one overdue notice.
            for day in 4...5 {
                _ = try await b.runOnce(on: second.db, now: now.addingTimeInterval(Double(day) * 86_400), today: Self.today.adding(days: day))
            }
            #expect(try await NotificationFlowTests.notices("xa", on: first.db).map(\.kind) == ["task.due_soon", "task.overdue"])
            // Done: no more notices about it.
            occurrence.state = OccurrenceState.done.rawValue
            try await occurrence.save(on: first.db)
            #expect(try await DeadlineNotices.taskEvents(today: Self.today.adding(days: 6), on: first.db).isEmpty)
        }
    }

    @Test("the lease: one holder at a time, taken over only after it expires", arguments: TestDatabase.all)
    func lease(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let sql = app.db as! any SQLDatabase
            let now = Date()
            func take(_ holder: String, after seconds: Double) async throws -> Bool {
                try await JobLease.acquire("x", holder: holder, seconds: 60, now: now.addingTimeInterval(seconds), on: sql)
            }
            let taken = [try await take("a", after: 0), try await take("b", after: 30), try await take("a", after: 30),
                         try await take("b", after: 80), try await take("b", after: 100), try await take("a", after: 101)]
            #expect(taken == [true, false, true, false, true, false],
                    "a takes it; b waits; a renews; b waits until a's renewed lease runs out, then holds it against a")
        }
    }

    @Test("a report still owed three days before its deadline notifies the unit; one already sent does not", arguments: TestDatabase.all)
    func reportDeadlines(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let setup = try await ReportingFixture.make(app)
            try await setup.fixture.user("xa", .reporter, at: "T-C")
            try await setup.fixture.user("huyen", .manager, at: "T-D")
            _ = try await setup.submitCommune(ratio: ("17", "20"), count: "1", coverage: "1",
                                              by: try await setup.fixture.user("xa2", .reporter, at: "T-C"), on: app.db)
            // The rule of mail, as the query applies it: at once to a verified address, nothing by mail
            // for one who turned mail off for the kind, no notice for one who turned both off.
            let huyen = try #require(try await User.query(on: app.db).filter(\.$username == "huyen").first())
            huyen.email = "huyen@donvi.example"
            huyen.emailVerifiedAt = Date()
            huyen.mailTiming = MailTiming.immediate.rawValue
            try await huyen.save(on: app.db)
            let noMail = try await setup.fixture.user("khongthu", .manager, at: "T-D")
            noMail.email = "khongthu@donvi.example"
            noMail.emailVerifiedAt = Date()
            try await noMail.save(on: app.db)
            try await PreferenceSaving.save([.init(kind: "report.due_soon", inApp: true, email: false)], timing: "digest",
                                            for: noMail.requireID, by: Actor(noMail), on: app.db)
            let nothing = try await setup.fixture.user("tatca", .manager, at: "T-D")
            try await PreferenceSaving.save([.init(kind: "report.due_soon", inApp: false, email: false)], timing: "digest",
                                            for: nothing.requireID, by: Actor(nothing), on: app.db)
            let deadline = setup.period.deadline(afterDays: 5)
            let duties = try await DeadlineNotices.reportDuties(today: deadline.adding(days: -2), on: app.db)
            #expect(duties.map(\.kind) == [.reportDueSoon] && duties.first?.period == setup.period)
            _ = try await DeadlineNotices.run(today: deadline.adding(days: -2), on: app.db)
            let district = try await NotificationFlowTests.notices("huyen", on: app.db).filter { $0.kind != "report.submitted" }
            #expect(district.map(\.kind) == ["report.due_soon"], "the district owes its report")
            #expect(district.first?.title == "Báo cáo \(setup.period.label) đến hạn ngày \(deadline.vietnamese)")
            #expect(district.first?.detail == "Huyện ủy Đồng Văn chưa gửi báo cáo \(setup.period.label).", "the database put the unit's name in")
            #expect(try await NotificationFlowTests.notices("xa", on: app.db).isEmpty, "the commune sent its report")
            #expect(district.first?.mail == "mailed", "mailed at once, in the job's transaction")
            let mails = try await (app.db as! any SQLDatabase).raw("SELECT to_address FROM mail_outbox").all().map { try $0.decode(column: "to_address", as: String.self) }
            #expect(mails == ["huyen@donvi.example"])
            #expect(try await NotificationFlowTests.notices("khongthu", on: app.db).map(\.mail) == ["none"])
            #expect(try await NotificationFlowTests.notices("tatca", on: app.db).isEmpty)
            _ = try await DeadlineNotices.run(today: deadline.adding(days: -1), on: app.db)
            _ = try await DeadlineNotices.run(today: deadline.adding(days: 1), on: app.db)
            let deadlines = try await NotificationFlowTests.notices("huyen", on: app.db).filter { $0.kind != "report.submitted" }
            #expect(deadlines.map(\.kind) == ["report.due_soon", "report.overdue"], "once each, however many nights")
            let link = try await (app.db as! any SQLDatabase).raw("SELECT link FROM notifications WHERE kind = 'report.overdue'").first()?
                .decode(column: "link", as: String.self)
            #expect(link == "/reports/T-D?period=\(setup.period.code)")
        }
    }
}
