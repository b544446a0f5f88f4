import DanVanCore
@testable import DanVanDocuments
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import DanVanServer

/// What a verifier receives (the redacted copy) and what DanVan keeps of the letter itself
/// (sealed scans, in the optional mode only), with their bad inputs and the key's rotation.
@Suite("Citizens: the redacted copy and sealed scans")
struct CaseScanTests {
    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Data("bản chụp đơn".utf8)

    @Test("the copy for a verifier names no sender, even one the clerk typed into the letter's text", arguments: TestDatabase.all)
    func redactedCopy(database: TestDatabase) async throws {
        try await withTestApp(database, settings: { $0.today = CitizenCaseTests.today }) { app in
            let w = try await CitizenCaseTests.world(app)
            let verifier = try await w.fixture.token(for: try await w.fixture.user("xac-minh", .reporter, at: "T-X"))
            let created = try await app.api(.POST, "/api/cases", token: w.clerk, json: """
                {"unitCode": "T-C", "kind": "recommendation", "receivedOn": "2026-11-02", "subject": "Kiến nghị sửa đường bản Pả Vi của ông Phạm Văn Rõqv",
                 "content": "Ông Phạm Văn Rõqv, ở tổ 4 thôn Mèo Vạc, đề nghị sửa 300 m đường bị sạt.", "citizenName": "Phạm Văn Rõqv",
                 "citizenAddress": "tổ 4 thôn Mèo Vạc"}
                """)
            let id = try #require((try CitizenCaseTests.json(created))["id"] as? Int)
            let refusedBefore = try await app.api(.GET, "/api/cases/\(id)/redacted.docx", token: verifier)
            #expect(refusedBefore.status == .forbidden, "a unit not handed the case sees no copy")
            #expect(try await CitizenCaseTests.act(app, id, w.clerk, #"{"action": "accept", "version": 1}"#).status == .ok)
            #expect(try await CitizenCaseTests.act(app, id, w.clerk, #"{"action": "assign", "leadUnitCode": "T-X", "version": 2}"#).status == .ok)
            let copy = try await app.api(.GET, "/api/cases/\(id)/redacted.docx", token: verifier)
            #expect(copy.status == .ok)
            let text = try DocxPlanSource.lines(from: Data(buffer: copy.body), filename: "c.docx").map(\.text).joined(separator: "\n")
            #expect(text.contains("BẢN SAO NỘI DUNG ĐƠN") && text.contains("300 m đường bị sạt") && text.contains("không chuyển kèm"))
            #expect(!text.contains("Rõqv") && !text.contains("tổ 4 thôn Mèo Vạc"), "the sender is out of the copy: \(text)")
        }
    }

    @Test("scans only in the optional mode: refused by default, bad files refused, nothing half-stored", arguments: TestDatabase.all)
    func scansRefused(database: TestDatabase) async throws {
        let key = try #require(IdentityKey(base64: IdentityKey.generate()))
        try await withTestApp(database, settings: { $0.today = CitizenCaseTests.today; $0.identityKey = key }) { app in
            let w = try await CitizenCaseTests.world(app)
            let browser = try await w.fixture.browser(for: try await w.fixture.user("tiepdan2", .reporter, at: "T-C"))
            let created = try await app.api(.POST, "/api/cases", token: w.clerk, json: """
                {"unitCode": "T-C", "kind": "denunciation", "receivedOn": "2026-11-20", "subject": "Tố cáo cán bộ thu tiền sai", "registerReference": "Sổ mật 9"}
                """)
            let id = try #require((try CitizenCaseTests.json(created))["id"] as? Int)
            let events = try await CitizenCaseTests.count("case_events", on: app.db)
            let byDefault = try await app.upload("/citizens/cases/\(id)/scans", headers: browser, fields: [:], files: [("scans[]", "a.png", Self.png)])
            #expect(byDefault.status == .unprocessableEntity && byDefault.body.string.contains("chế độ mặc định"))
            let outsider = try await app.api(.POST, "/api/cases/\(id)/scans", token: w.above, json: "{}")
            #expect(outsider.status == .unprocessableEntity || outsider.status == .forbidden)

            let mode = try await app.api(.PUT, "/api/admin/identity-mode", token: w.admin, json: #"{"mode": "sealed", "decision": "Quyết định 12/QĐ-UBND"}"#)
            #expect(mode.status == .noContent)
            let wrongKind = try await app.upload("/citizens/cases/\(id)/scans", headers: browser, fields: [:],
                                                 files: [("scans[]", "a.png", Self.png), ("scans[]", "b.docx", Data([0x50, 0x4B, 0x03, 0x04]))])
            #expect(wrongKind.status == .unprocessableEntity && wrongKind.body.string.contains("bản chụp thứ 2 không phải PDF"))
            let disguised = try await app.upload("/citizens/cases/\(id)/scans", headers: browser, fields: [:], files: [("scans[]", "c.pdf", Data("MZ".utf8))])
            #expect(disguised.status == .unprocessableEntity)
            let none = try await app.upload("/citizens/cases/\(id)/scans", headers: browser, fields: [:], files: [])
            #expect(none.status == .unprocessableEntity && none.body.string.contains("Chọn ít nhất một bản chụp"))
            #expect(try await CitizenCaseTests.count("case_scans", on: app.db) == 0)
            #expect(try await CitizenCaseTests.count("case_events", on: app.db) == events)

            let stored = try await app.upload("/citizens/cases/\(id)/scans", headers: browser, fields: [:], files: [("scans[]", "a.png", Self.png)])
            #expect(stored.status == .seeOther)
            let scanID = try #require(try await CaseScans.list(id, on: app.db).first?.id)
            let shortReason = try await app.api(.POST, "/api/cases/\(id)/scans/open", token: w.clerk, json: #"{"scan": \#(scanID), "reason": "xem"}"#)
            #expect(shortReason.status == .unprocessableEntity && shortReason.body.string.contains("quá ngắn"))
            let otherCase = try await app.api(.POST, "/api/cases/\(id + 1000)/scans/open", token: w.clerk, json: #"{"scan": \#(scanID), "reason": "Đối chiếu chữ ký"}"#)
            #expect(otherCase.status != .ok)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "case.scan.read").count() == 0, "nothing opened, nothing audited")
        }
    }

    @Test("rotating the key re-seals identities and scans together; a wrong old key changes nothing", arguments: TestDatabase.all)
    func rotation(database: TestDatabase) async throws {
        let old = try #require(IdentityKey(base64: IdentityKey.generate()))
        let new = try #require(IdentityKey(base64: IdentityKey.generate()))
        let stranger = try #require(IdentityKey(base64: IdentityKey.generate()))
        try await withTestApp(database, settings: { $0.today = CitizenCaseTests.today; $0.identityKey = old }) { app in
            let w = try await CitizenCaseTests.world(app)
            _ = try await app.api(.PUT, "/api/admin/identity-mode", token: w.admin, json: #"{"mode": "sealed", "decision": "Quyết định 12/QĐ-UBND"}"#)
            let created = try await app.api(.POST, "/api/cases", token: w.clerk, json: """
                {"unitCode": "T-C", "kind": "denunciation", "receivedOn": "2026-11-20", "subject": "Tố cáo cán bộ thu tiền sai",
                 "identityName": "Người Tố Cáo Thử", "identityAddress": "bản Thử"}
                """)
            let id = try #require((try CitizenCaseTests.json(created))["id"] as? Int)
            let actor = Actor(try #require(try await User.query(on: app.db).filter(\.$username == "tiepdan").first()))
            _ = try await CaseScans.attach(id, files: [.init(name: "don.png", data: Self.png)], key: old, today: CitizenCaseTests.today, by: actor, on: app.db)
            let before = try await IdentityLeakTests.dump(app.db)
            await #expect(throws: AppError.self) { try await IdentityRotation.perform(from: stranger, to: new, on: app.db) }
            #expect(try await IdentityLeakTests.dump(app.db) == before, "a refused rotation leaves every sealed row as it was")
            let counts = try await IdentityRotation.perform(from: old, to: new, on: app.db)
            #expect(counts.identities == 1 && counts.scans == 1)
            let scanID = try #require(try await CaseScans.list(id, on: app.db).first?.id)
            let opened = try await CaseScans.open(id, scanID: scanID, reason: "Đối chiếu sau khi đổi khóa", key: new, by: actor, on: app.db)
            #expect(opened.data == Self.png)
            await #expect(throws: AppError.self) { try await CaseScans.open(id, scanID: scanID, reason: "Đối chiếu bằng khóa cũ", key: old, by: actor, on: app.db) }
            #expect(try await IdentityReading.read(id, reason: "Đối chiếu sau khi đổi khóa", key: new, by: actor, on: app.db).name == "Người Tố Cáo Thử")
        }
    }
}
