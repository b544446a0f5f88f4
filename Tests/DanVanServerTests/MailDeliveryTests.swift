import DanVanCore
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import DanVanServer

@Suite("Mail through a real SMTP server on 127.0.0.1: verification, digest, relay down, restart, refused login")
struct MailDeliveryTests {
    static func withSink(_ body: (SMTPSink) async throws -> Void) async throws {
        let sink = SMTPSink()
        try await sink.start()
        do { try await body(sink) } catch {
            try? await sink.shutdown()
            throw error
        }
        try await sink.shutdown()
    }

    static func relay(_ sink: SMTPSink, login: String = "", tls: Bool = false) -> (inout Settings) -> Void {
        { settings in
            settings.smtpURL = "smtp://\(login.isEmpty ? "" : login + "@")127.0.0.1:\(sink.port)\(tls ? "" : "?tls=none")"
            settings.mailFrom = "danvan@donvi.example"
            settings.publicURL = "https://danvan.donvi.example"
        }
    }

    static func outbox(_ db: any Database) async throws -> [(state: String, attempts: Int, error: String?)] {
        try await (db as! any SQLDatabase).raw("SELECT state, attempts, last_error FROM mail_outbox ORDER BY id").all().map {
            (try $0.decode(column: "state", as: String.self), try $0.decode(column: "attempts", as: Int.self),
             try $0.decode(column: "last_error", as: String?.self))
        }
    }

    @Test("an address is verified by the link mailed to it; until then no notice goes to it; then the day's digest carries the new notices",
          arguments: TestDatabase.all)
    func verificationThenDigest(database: TestDatabase) async throws {
        try await Self.withSink { sink in
            try await withTestApp(database, settings: Self.relay(sink)) { app in
                let setup = try await ReportingFixture.make(app)
                let xa = try await setup.fixture.user("xa", .reporter, at: "T-C")
                let reporter = try await setup.fixture.browser(for: xa)
                let district = try await setup.fixture.browser(for: try await setup.fixture.user("huyen", .manager, at: "T-D"))
                let set = try await app.page(.POST, "/account/email", headers: reporter, form: ["email": "xa@donvi.example"])
                #expect(set.status == .ok && set.body.string.contains("Đã gửi thư xác nhận tới xa@donvi.example"))
                var report = try await setup.submitCommune(ratio: ("17", "20"), count: "1", coverage: "1", by: xa, on: app.db)
                report = try await ReportDeciding.decide(.returnToUnit, report: report, reason: "Thiếu số liệu tháng", readVersion: report.version,
                                                         by: Actor(try #require(try await User.query(on: app.db).filter(\.$username == "huyen").first())),
                                                         on: app.db)
                #expect(try await NotificationFlowTests.notices("xa", on: app.db).map(\.mail) == ["none"], "an unverified address gets no notice")

                let runner = NotificationJobTests.runner(app, holder: "a")
                let first = try await runner.runOnce(on: app.db, now: Date(), today: NotificationJobTests.today)
                let afterFirst = try await Self.outbox(app.db)
                #expect(first.sent == 1 && sink.messages.count == 1, "only the verification mail goes out: \(afterFirst)")
                let verification = try #require(sink.messages.first)
                #expect(verification.to == ["xa@donvi.example"] && verification.subject == "[DanVan] Xác nhận địa chỉ thư")
                let link = try #require(verification.text.split(whereSeparator: \.isNewline).first { $0.contains("/account/email/verify?token=") })
                #expect(link.hasPrefix("https://danvan.donvi.example/account/email/verify?token="), "links carry the site's public address")
                let path = String(link.dropFirst("https://danvan.donvi.example".count))
                let wrong = try await app.page(.GET, "/account/email/verify?token=sai", headers: [:])
                #expect(wrong.status == .unprocessableEntity && wrong.body.string.contains("không đúng hoặc đã được dùng"))
                let verified = try await app.page(.GET, path, headers: [:])
                #expect(verified.status == .ok && verified.body.string.contains("Đã xác nhận địa chỉ thư"))
                #expect(try await app.page(.GET, path, headers: [:]).status == .unprocessableEntity, "a link works once")

                report = try #require(try await setup.report("T-C", on: app.db))
                _ = try await app.page(.POST, "/reports/T-C/action", headers: reporter,
                                       form: setup.fields(ratio: ("18", "20"), count: "1", coverage: "1", action: "submit", version: "\(report.version)"))
                report = try #require(try await setup.report("T-C", on: app.db))
                _ = try await app.page(.POST, "/reports/T-C/action", headers: district,
                                       form: ["period": setup.period.code, "action": "approve", "version": "\(report.version)"])
                #expect(try await NotificationFlowTests.notices("xa", on: app.db).map(\.mail) == ["none", "digest"])
                let sameDay = try await runner.runOnce(on: app.db, now: Date().addingTimeInterval(60), today: NotificationJobTests.today)
                #expect(sameDay.digests == 0, "one digest a day")
                let nextDay = try await runner.runOnce(on: app.db, now: Date().addingTimeInterval(120), today: NotificationJobTests.today.adding(days: 1))
                #expect(nextDay.digests == 1 && sink.messages.count == 2)
                let digest = try #require(sink.messages.last)
                #expect(digest.subject == "[DanVan] 1 thông báo mới ngày 01/12/2026")
                #expect(digest.text.contains("đã được duyệt") && !digest.text.contains("Thiếu số liệu tháng"))
                #expect(digest.text.contains("https://danvan.donvi.example/reports/T-C?period="))
                #expect(digest.data.contains("Content-Type: text/html; charset=utf-8"), "plain text and HTML")
                #expect(try await NotificationFlowTests.notices("xa", on: app.db).map(\.mail) == ["none", "digested"])
            }
        }
    }

    @Test("the relay down: mails wait in the outbox; back up, a restarted server sends each exactly once", arguments: TestDatabase.all)
    func relayDownThenRestart(database: TestDatabase) async throws {
        try await Self.withSink { sink in
            try await withTestApp(database, settings: Self.relay(sink)) { app in
                let setup = try await ReportingFixture.make(app)
                let huyen = try await setup.fixture.user("huyen", .manager, at: "T-D")
                huyen.email = "huyen@donvi.example"
                huyen.emailVerifiedAt = Date()
                huyen.mailTiming = MailTiming.immediate.rawValue
                try await huyen.save(on: app.db)
                for (index, code) in ["T-C", "T-X"].enumerated() {
                    let form = try await ReportForm.load(unitID: try await setup.fixture.unit(code).requireID, period: setup.period, on: app.db)
                    _ = try await ReportEntering.enter(.submit, form: form, input: setup.input(ratio: ("1\(index)", "20"), count: "1", coverage: "1"),
                                                       by: Actor(try await setup.fixture.user("r\(index)", .reporter, at: code)), today: .today(), on: app.db)
                }
                let queued = try await Self.outbox(app.db).count
                #expect(queued == 2, "T-C has no manager, so T-X's report goes to T-D's manager too: one immediate mail each")
                try await sink.stop()
                let now = Date()
                let down = try await NotificationJobTests.runner(app, holder: "before-restart").runOnce(on: app.db, now: now, today: NotificationJobTests.today)
                #expect(down.sent == 0 && down.failed == 1)
                let waiting = try await Self.outbox(app.db)
                #expect(waiting.allSatisfy { $0.state == "queued" } && waiting[0].attempts == 1)
                #expect(waiting[0].error?.contains("Không kết nối được máy chủ thư") == true)
                try await sink.start()
                // Another process after a restart: a new holder, once the old lease has run out.
                let restarted = NotificationJobTests.runner(app, holder: "after-restart")
                let early = try await restarted.runOnce(on: app.db, now: now.addingTimeInterval(30), today: NotificationJobTests.today)
                #expect(!early.ranAsHolder)
                let back = try await restarted.runOnce(on: app.db, now: now.addingTimeInterval(400), today: NotificationJobTests.today)
                #expect(back.sent == 2)
                let again = try await restarted.runOnce(on: app.db, now: now.addingTimeInterval(800), today: NotificationJobTests.today)
                #expect(again.sent == 0)
                #expect(sink.messages.count == 2 && Set(sink.messages.map(\.subject)).count == 2, "each mail once")
                #expect(try await Self.outbox(app.db).allSatisfy { $0.state == "sent" })
            }
        }
    }

    @Test("a relay that refuses the login: the administrator reads why, the mail is kept; STARTTLS is required unless turned off",
          arguments: [TestDatabase.sqlite])
    func refusedLogin(database: TestDatabase) async throws {
        try await Self.withSink { sink in
            sink.requireLogin(("danvan", "dung-mat-khau"))
            try await withTestApp(database, settings: Self.relay(sink, login: "danvan:sai-mat-khau")) { app in
                let fixture = try await Fixture.tree(app)
                let admin = try await fixture.browser(for: try await fixture.user("quantri", .admin, at: nil))
                let xa = try await fixture.user("xa", .reporter, at: "T-C")
                try await EmailVerification.setAddress("xa@donvi.example", for: xa.requireID, by: Actor(xa), on: app.db)
                let outcome = try await NotificationJobTests.runner(app, holder: "a").runOnce(on: app.db, now: Date(), today: NotificationJobTests.today)
                #expect(outcome.failed == 1 && sink.messages.isEmpty)
                let page = try await app.page(.GET, "/admin/mail", headers: admin).body.string
                #expect(page.contains("Máy chủ thư từ chối đăng nhập với tên &quot;danvan&quot;") && page.contains("Chờ gửi"))
                #expect(page.contains("smtp://danvan:***@127.0.0.1"), "the password is never shown")
                #expect(try await Self.outbox(app.db).map(\.state) == ["queued"])

                var settings = app.settings
                Self.relay(sink, login: "danvan:dung-mat-khau")(&settings)
                let fixed = JobRunner(settings: settings, group: app.eventLoopGroup, holder: "a")
                let sent = try await fixed.runOnce(on: app.db, now: Date().addingTimeInterval(120), today: NotificationJobTests.today)
                #expect(sent.sent == 1 && sink.messages.count == 1)

                Self.relay(sink, login: "danvan:dung-mat-khau", tls: true)(&settings)
                guard case .success(let smtp?) = SMTPSettings.parse(url: settings.smtpURL, from: settings.mailFrom) else {
                    Issue.record("settings"); return
                }
                await #expect(throws: SMTPError.self) {
                    try await SMTPClient(settings: smtp, group: app.eventLoopGroup).send(to: "x@donvi.example", message: "Subject: x\r\n\r\nx\r\n")
                }
                do {
                    try await SMTPClient(settings: smtp, group: app.eventLoopGroup).send(to: "x@donvi.example", message: "x")
                } catch let error as SMTPError {
                    #expect(error.message.contains("không hỗ trợ STARTTLS"), "no password in clear: \(error.message)")
                }
            }
        }
    }

    @Test("bad input: an invalid address, a kind that does not exist, a timing that does not exist; nothing changes",
          arguments: TestDatabase.all)
    func badInput(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await Fixture.tree(app)
            let xa = try await fixture.user("xa", .reporter, at: "T-C")
            let browser = try await fixture.browser(for: xa)
            let token = try await fixture.token(for: xa)
            let bad = try await app.page(.POST, "/account/email", headers: browser, form: ["email": "xa@donvi"])
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("Địa chỉ thư &quot;xa@donvi&quot; không hợp lệ"))
            #expect(bad.body.string.contains("value=\"xa@donvi\""), "what was typed stays in the field")
            let api = try await app.api(.PUT, "/api/account/email", token: token, json: #"{"email":"a@b@c.vn"}"#)
            #expect(api.status == .unprocessableEntity && api.body.string.contains("đúng một ký tự @"))
            #expect(try await User.find(xa.requireID, on: app.db)?.email == nil)
            #expect(try await NotificationFlowTests.count("mail_outbox", on: app.db) == 0)

            let unknownKind = try await app.page(.POST, "/account/notifications", headers: browser,
                                                 form: ["timing": "digest", "kind.report.deleted": "1", "app.report.deleted": "on"])
            #expect(unknownKind.status == .unprocessableEntity && unknownKind.body.string.contains("Loại thông báo &quot;report.deleted&quot;"))
            let unknownTiming = try await app.api(.PUT, "/api/notification-preferences", token: token,
                                                  json: #"{"timing":"weekly","kinds":[]}"#)
            #expect(unknownTiming.status == .unprocessableEntity && unknownTiming.body.string.contains("weekly"))
            #expect(try await NotificationFlowTests.count("notification_preferences", on: app.db) == 0)
            #expect(try await User.find(xa.requireID, on: app.db)?.mailTiming == nil)

            let off = try await app.page(.POST, "/account/notifications", headers: browser,
                                         form: ["timing": "immediate", "kind.report.returned": "1", "kind.report.approved": "1",
                                                "app.report.approved": "on"])
            #expect(off.status == .ok && off.body.string.contains("Đã lưu lựa chọn thông báo"))
            let people = try await NotificationWriter.resolve(.unitStaff(try await fixture.unit("T-C").requireID), kind: .reportReturned, on: app.db)
            #expect(people.first?.channels.isOff == true, "a kind turned off reaches nobody")
            let approved = try await NotificationWriter.resolve(.unitStaff(try await fixture.unit("T-C").requireID), kind: .reportApproved, on: app.db)
            #expect(approved.first?.channels == NotificationChannels(inApp: true, email: false) && approved.first?.timing == .immediate)
        }
    }

    @Test("relay settings: a wrong address or a missing sender stops the start with one line, never showing the password")
    func relaySettings() throws {
        let wrongScheme = Settings(environment: ["DANVAN_SMTP_URL": "http://user:bi-mat@relay.example"])
        #expect(wrongScheme.problems.first?.contains("DANVAN_SMTP_URL") == true && wrongScheme.problems.first?.contains("bi-mat") == false)
        let noSender = Settings(environment: ["DANVAN_SMTP_URL": "smtp://user:bi-mat@relay.example:587"])
        #expect(noSender.problems.first?.contains("DANVAN_MAIL_FROM") == true)
        let good = Settings(environment: ["DANVAN_SMTP_URL": "smtp://user:m%40t@relay.example", "DANVAN_MAIL_FROM": "danvan@donvi.example"])
        #expect(good.problems.isEmpty)
        guard case .success(let smtp?) = SMTPSettings.parse(url: good.smtpURL, from: good.mailFrom) else { Issue.record("refused"); return }
        #expect(smtp.port == 587 && smtp.security == .startTLS && smtp.password == "m@t", "the default port, STARTTLS, a percent-encoded password")
        #expect(Settings(environment: ["DANVAN_DIGEST_HOUR": "25"]).problems.first?.contains("25") == true)
    }

    @Test("STARTTLS with a relay whose certificate an office's own authority signed: the login and the mail go encrypted")
    func startTLS() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("danvan-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let certificate = folder.appendingPathComponent("relay.pem").path, key = folder.appendingPathComponent("relay.key").path
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        openssl.arguments = ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate, "-days", "2",
                             "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-addext", "basicConstraints=critical,CA:TRUE"]
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        #expect(openssl.terminationStatus == 0, "openssl (Debian's openssl package) makes the relay's certificate")
        try await Self.withSink { sink in
            try sink.offerStartTLS(certificate: certificate, key: key)
            sink.requireLogin(("danvan", "mat-khau"))
            let group = MultiThreadedEventLoopGroup.singleton
            guard case .success(let smtp?) = SMTPSettings.parse(url: "smtp://danvan:mat-khau@127.0.0.1:\(sink.port)", from: "danvan@donvi.example",
                                                                 caFile: certificate) else { Issue.record("settings"); return }
            #expect(smtp.security == .startTLS)
            try await SMTPClient(settings: smtp, group: group).send(to: "xa@donvi.example", message: "Subject: thu\r\n\r\n.dong bat dau bang dau cham\r\n")
            #expect(sink.messages.count == 1 && sink.messages.first?.overTLS == true)
            #expect(sink.messages.first?.data.contains(".dong bat dau bang dau cham") == true, "a leading dot is escaped and restored")
            guard case .success(let untrusted?) = SMTPSettings.parse(url: "smtp://danvan:mat-khau@127.0.0.1:\(sink.port)", from: "danvan@donvi.example") else {
                Issue.record("settings"); return
            }
            await #expect(throws: (any Error).self, "without the office's authority the certificate is refused") {
                try await SMTPClient(settings: untrusted, group: group).send(to: "xa@donvi.example", message: "Subject: x\r\n\r\nx\r\n")
            }
            #expect(sink.messages.count == 1)
        }
    }
}
