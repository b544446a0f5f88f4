import Fluent
import Testing
import Vapor
import VaporTesting
@testable import DanVanServer

@Suite("Audit log")
struct AuditLogTests {
    @Test("every change is recorded with who, what, before and after", arguments: TestDatabase.all)
    func recordsChanges(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await Fixture.tree(app)
            let manager = try await fixture.user("ql", .manager, at: "T-D")
            let token = try await fixture.token(for: manager)
            let response = try await app.api(.PUT, "/api/units/T-C", token: token, json: """
                {"code": "T-C", "name": "Đảng ủy xã Lũng Cú mới", "kind": "party_committee", "level": "commune", "version": 1}
                """)
            #expect(response.status == .ok)
            let entry = try #require(try await AuditEntry.query(on: app.db).filter(\.$action == "unit.update").first())
            #expect(entry.actorName == "ql")
            #expect(entry.actorID == manager.id)
            #expect(entry.entityKey == "T-C")
            #expect(entry.beforeJSON?.contains("Đảng ủy xã Lũng Cú\"") == true)
            #expect(entry.afterJSON?.contains("Lũng Cú mới") == true)
            let page = try await app.page(.GET, "/audit", headers: try await fixture.browser(for: manager)).body.string
            #expect(page.contains("<strong>Sửa đơn vị</strong>") && page.contains("Đơn vị T-C"), "the action and object in words")
            #expect(page.contains("<li>tên: Đảng ủy xã Lũng Cú → Đảng ủy xã Lũng Cú mới</li>"), "what changed, before and after")
            #expect(!page.contains("unit.update") && !page.contains("{\""), "no codes or JSON on the page")
        }
    }

    @Test("a manager reads the log of their subtree only; a reporter reads none", arguments: TestDatabase.all)
    func scopedToSubtree(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await Fixture.tree(app)
            let manager = try await fixture.user("ql", .manager, at: "T-D")
            let reporter = try await fixture.user("bc", .reporter, at: "T-D")
            let log = try await app.api(.GET, "/api/audit", token: try await fixture.token(for: manager))
            #expect(log.status == .ok)
            let keys = try log.content.decode([AuditEntryDTO].self).map(\.entityKey)
            #expect(Set(keys) == ["T-D", "T-C", "T-X"])
            let refused = try await app.api(.GET, "/api/audit", token: try await fixture.token(for: reporter))
            #expect(refused.status == .forbidden)
        }
    }
}
