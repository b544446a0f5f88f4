import DanVanCore
@testable import DanVanDocuments
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import DanVanServer

/// A denouncer's identity, in the mode that stores it sealed, must appear nowhere but on the
/// one page a named handler opens with a reason: not on any other page, search, export, API
/// answer, audit entry, notification, mail, log line, nor in the database outside the sealed
/// column. A citizen who asked to stay anonymous is kept out the same way.
@Suite("The denouncer's identity cannot leak")
struct IdentityLeakTests {
    static let name = "Hoàng Văn Zqxmật"
    static let address = "số 77 ngõ Ưqzq, bản Khuất Ẩn"
    static let phone = "0912 777 313"
    static let anonymous = "Lường Thị Ẩnqwv"
    /// Every marker, as written and as search folds it.
    static let markers = [name, address, phone, anonymous, "Zqxm", "zqxmat", "Ưqzq", "uqzq", "777 313", "Ẩnqwv", "anqwv"]

    @Test("a sealed denunciation and an anonymous report: zero hits in every exit", arguments: TestDatabase.all)
    func noLeak(database: TestDatabase) async throws {
        let key = try #require(IdentityKey(base64: IdentityKey.generate()))
        let log = CapturedLog()
        try await withTwoApps(database, settings: { $0.identityKey = key; $0.today = CivilDate(year: 2026, month: 11, day: 30) }) { app, _ in
            app.logger = log.logger()
            let fixture = try await Fixture.tree(app)
            let clerkUser = try await fixture.user("tiepdan", .reporter, at: "T-C")
            let people: [(String, User)] = [
                ("clerk", clerkUser), ("chair", try await fixture.user("chutich", .manager, at: "T-C")),
                ("above", try await fixture.user("cap-tren", .manager, at: "T-D")), ("viewer", try await fixture.user("xem", .viewer, at: "T-C")),
                ("admin", try await fixture.user("quan-tri", .admin, at: nil)),
            ]
            var tokens: [String: String] = [:], browsers: [String: HTTPHeaders] = [:]
            for (label, user) in people {
                tokens[label] = try await fixture.token(for: user)
                browsers[label] = try await fixture.browser(for: user)
            }
            let admin = tokens["admin"] ?? "", clerk = tokens["clerk"] ?? ""
            let mode = try await app.api(.PUT, "/api/admin/identity-mode", token: admin, json: #"{"mode": "sealed", "decision": "Quyết định số 12/QĐ-UBND ngày 01/11/2026 của UBND tỉnh"}"#)
            #expect(mode.status == .noContent, "\(mode.body.string)")

            // Received through the page form, as a clerk types it, with the name also in the summary and the letter's text.
            let form = try await app.page(.POST, "/citizens/cases/new", headers: browsers["clerk"] ?? [:], form: [
                "unitCode": "T-C", "kind": "denunciation", "channel": "letter", "receivedOn": "2026-11-02",
                "subject": "Tố cáo cán bộ địa chính (đơn của \(Self.name))",
                "content": "Tôi là \(Self.name), ở \(Self.address), điện thoại \(Self.phone), tố cáo cán bộ địa chính xã nhận tiền của dân.",
                "identityName": Self.name, "identityAddress": Self.address, "identityContact": Self.phone, "identityNote": "Viết tay, ký tên \(Self.name)"])
            #expect(form.status == .seeOther, "\(form.body.string.prefix(300))")
            let record = try #require(try await CitizenCase.query(on: app.db).filter(\.$kindRaw == "denunciation").first())
            #expect(record.identitySealed && record.subject.contains("[đã che]") && record.content.contains("[đã che]"))
            let id = record.requireID

            // Through its steps, up to a further denunciation that carries the sealed identity to a new case.
            let steps = [#"{"action": "accept", "onDate": "2026-11-03", "complexity": "complex", "version": 1}"#,
                         #"{"action": "assign", "leadUnitCode": "T-X", "version": 2}"#,
                         #"{"action": "answer", "onDate": "2026-11-20", "documentNumber": "9/KL-UBND", "documentDate": "2026-11-20", "version": 3}"#,
                         #"{"action": "escalate", "onDate": "2026-11-25", "text": "Người tố cáo tố cáo tiếp.", "version": 4}"#]
            for step in steps {
                let response = try await app.api(.POST, "/api/cases/\(id)/actions", token: clerk, json: step)
                #expect(response.status == .ok, "\(step) → \(response.body.string)")
            }
            let anonymous = try await app.api(.POST, "/api/cases", token: clerk, json: """
                {"unitCode": "T-C", "kind": "report", "receivedOn": "2026-11-10", "subject": "Phản ánh đổ rác ra suối", "anonymous": true,
                 "citizenName": "\(Self.anonymous)", "citizenAddress": "\(Self.anonymous)"}
                """)
            #expect(anonymous.status == .created)

            // Who may read: the named handler, with a reason; nobody else, and never without a reason.
            for label in ["admin", "above", "chair", "viewer"] {
                let refused = try await app.api(.POST, "/api/cases/\(id)/identity", token: tokens[label], json: #"{"reason": "Cần xác minh nội dung tố cáo"}"#)
                #expect(refused.status == .forbidden, "\(label) → \(refused.status)")
            }
            let noReason = try await app.api(.POST, "/api/cases/\(id)/identity", token: clerk, json: #"{"reason": ""}"#)
            #expect(noReason.status == .unprocessableEntity)
            let read = try await app.api(.POST, "/api/cases/\(id)/identity", token: clerk, json: #"{"reason": "Liên hệ người tố cáo để bổ sung chứng cứ"}"#)
            #expect(read.status == .ok && read.body.string.contains("Zqxm"), "the handler reads it: \(read.body.string)")
            let second = try #require(try await CitizenCase.query(on: app.db).filter(\.$parentCaseID == id).first())
            let readAgain = try await app.api(.POST, "/api/cases/\(second.requireID)/identity", token: clerk, json: #"{"reason": "Giải quyết tố cáo tiếp"}"#)
            #expect(readAgain.status == .ok && readAgain.body.string.contains("Zqxm"), "the further denunciation keeps the sealed identity")
            let page = try await app.page(.POST, "/citizens/cases/\(id)/identity", headers: browsers["clerk"] ?? [:], form: ["reason": "Đối chiếu chữ ký trên đơn"])
            #expect(page.status == .ok && page.body.string.contains("Zqxm"))

            // A scan of the letter, its handwriting and its file name the writer's, sealed like the identity.
            let scanBytes = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Data("chữ ký \(Self.name) \(Self.address)".utf8)
            let scan = try await app.upload("/citizens/cases/\(id)/scans", headers: browsers["clerk"] ?? [:], fields: [:],
                                            files: [("scans[]", "don-zqxmat.png", scanBytes)])
            #expect(scan.status == .seeOther, "\(scan.body.string.prefix(300))")
            let scanID = try #require(try await CaseScans.list(id, on: app.db).first?.id)
            for label in ["admin", "above", "chair", "viewer"] {
                let refused = try await app.api(.POST, "/api/cases/\(id)/scans/open", token: tokens[label], json: #"{"scan": \#(scanID), "reason": "Cần xem bản chụp đơn"}"#)
                #expect(refused.status == .forbidden, "\(label) opens the scan → \(refused.status)")
            }
            let opened = try await app.api(.POST, "/api/cases/\(id)/scans/open", token: clerk, json: #"{"scan": \#(scanID), "reason": "Đối chiếu chữ ký trên đơn gốc"}"#)
            #expect(opened.status == .ok && Data(buffer: opened.body) == scanBytes, "the handler opens the scan as it was uploaded")
            #expect(!(opened.headers.first(name: .contentDisposition) ?? "").contains("zqxmat"), "the download is named by the case, not by its file name")

            var exits: [(String, String)] = []
            let paths = ["/citizens?unit=T-C", "/citizens?unit=T-D", "/citizens/cases?unit=T-C", "/citizens/cases/\(id)", "/citizens/cases/\(second.requireID)", "/citizens/cases/\(id)/receipt",
                         "/audit?unit=T-C", "/audit", "/", "/notifications", "/tra-cuu?code=\(record.trackingCode)"]
            for (label, _) in people {
                for path in paths {
                    let response = try await app.page(.GET, path, headers: browsers[label] ?? [:])
                    exits.append(("\(label) page \(path)", response.body.string))
                }
                for path in ["/api/cases?unit=T-C", "/api/cases/\(id)", "/api/cases/\(second.requireID)", "/api/audit?unit=T-C",
                             "/api/notifications", "/api/todo", "/api/citizens/timeliness?unit=T-C", "/api/cases/\(id)/scans"] {
                    let response = try await app.api(.GET, path, token: tokens[label])
                    exits.append(("\(label) api \(path)", response.body.string))
                }
            }
            for period in ["2026", "11"] {
                let xlsx = try await app.page(.GET, "/citizens/report.xlsx?unit=T-C&period=\(period)", headers: browsers["chair"] ?? [:])
                exits.append(("report.xlsx", try XlsxTable.rows(Data(buffer: xlsx.body)).map { $0.cells.joined(separator: " ") }.joined(separator: "\n")))
                let docx = try await app.page(.GET, "/citizens/report.docx?unit=T-C&period=\(period)", headers: browsers["chair"] ?? [:])
                exits.append(("report.docx", try DocxPlanSource.lines(from: Data(buffer: docx.body), filename: "r.docx").map(\.text).joined(separator: "\n")))
            }
            for label in ["clerk", "chair", "above"] {
                let copy = try await app.page(.GET, "/citizens/cases/\(id)/redacted.docx", headers: browsers[label] ?? [:])
                #expect(copy.status == .ok, "\(label) redacted copy → \(copy.status)")
                exits.append(("redacted copy for \(label)", try DocxPlanSource.lines(from: Data(buffer: copy.body), filename: "c.docx").map(\.text).joined(separator: "\n")))
            }
            exits.append(("database", try await Self.dump(app.db)))
            exits.append(("log", log.text))
            if case .sqlite = database, let sql = app.db as? any SQLDatabase,
               let path = try await sql.raw("PRAGMA database_list").all().compactMap({ try? $0.decode(column: "file", as: String.self) }).first(where: { !$0.isEmpty }) {
                _ = try await sql.raw("PRAGMA wal_checkpoint(FULL)").all()
                for suffix in ["", "-wal"] {
                    if let bytes = FileManager.default.contents(atPath: path + suffix) { exits.append(("file \(suffix)", String(decoding: bytes, as: UTF8.self))) }
                }
            }
            // Searching for the name finds nothing: the folded search text never held it. (Run last: the
            // searcher's own words reach the page and the database driver's trace log, which are searched above.)
            for query in ["Zqxm%E1%BA%ADt", "zqxmat", "%C6%AFqzq", "777%20313"] {
                let found = try await app.api(.GET, "/api/cases?unit=T-C&q=\(query)", token: clerk)
                #expect(found.body.string == "[]", "search \(query) → \(found.body.string.prefix(200))")
                let shown = try await app.page(.GET, "/citizens/cases?unit=T-C&q=\(query)", headers: browsers["clerk"] ?? [:])
                #expect(shown.body.string.contains("Không có vụ việc nào"), "search page \(query)")
            }
            var hits: [String] = []
            for (place, text) in exits {
                for marker in Self.markers where text.localizedCaseInsensitiveContains(marker) { hits.append("\(marker) in \(place)") }
            }
            #expect(hits.isEmpty, "identity found: \(hits.prefix(20))")
            #expect(exits.contains { $0.0 == "log" && !$0.1.isEmpty }, "the log was captured")
            let audit = try await AuditEntry.query(on: app.db).filter(\.$action == "case.identity.read").all()
            #expect(audit.count == 3 && audit.allSatisfy { ($0.afterJSON ?? "").contains("reason") }, "every reading is audited with its reason")
            let scanReads = try await AuditEntry.query(on: app.db).filter(\.$action == "case.scan.read").all()
            #expect(scanReads.count == 1 && scanReads.allSatisfy { ($0.afterJSON ?? "").contains("Đối chiếu chữ ký") }, "opening a scan is audited with its reason")
        }
    }

    /// Every value of every table as text, except the sealed column itself.
    static func dump(_ db: any Database) async throws -> String {
        let sql = try #require(db as? any SQLDatabase)
        let tables: [String]
        if sql.dialect.name == "sqlite" {
            tables = try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table'").all().map { try $0.decode(column: "name", as: String.self) }
        } else {
            tables = try await sql.raw("SELECT CAST(table_name AS TEXT) AS name FROM information_schema.tables WHERE table_schema = current_schema()").all()
                .map { try $0.decode(column: "name", as: String.self) }
        }
        var text = ""
        // Rows in a stable order: PostgreSQL may return a table's rows in another order after a
        // rolled-back write, which is not a change.
        for table in tables.sorted() {
            var rows: [String] = []
            for row in try await sql.raw("SELECT * FROM \(ident: table)").all() {
                var line = ""
                for column in row.allColumns.sorted() where !(table == "case_identities" && column == "sealed") {
                    if let value = try? row.decode(column: column, as: String?.self) { line += (value ?? "") + "\n" }
                }
                rows.append(line)
            }
            text += rows.sorted().joined()
        }
        return text
    }
}
