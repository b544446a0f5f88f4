import Fluent
import Testing
import Vapor
import VaporTesting
@testable import DanVanServer

@Suite("Edits carry the version they read")
struct VersionConflictTests {
    @Test("a stale API edit gets 409 with the current data and overwrites nothing", arguments: TestDatabase.all)
    func staleAPIEdit(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await Fixture.tree(app)
            let token = try await fixture.token(for: try await fixture.user("ql", .manager, at: "T-D"))
            let first = try await app.api(.PUT, "/api/units/T-C", token: token, json: """
                {"code": "T-C", "name": "Đảng ủy xã Lũng Cú (mới)", "kind": "party_committee", "level": "commune", "version": 1}
                """)
            #expect(first.status == .ok)
            let second = try await app.api(.PUT, "/api/units/T-C", token: token, json: """
                {"code": "T-C", "name": "Tên khác", "kind": "party_committee", "level": "commune", "version": 1}
                """)
            #expect(second.status == .conflict)
            #expect(second.body.string.contains("\"field\":\"version\""))
            #expect(second.body.string.contains("Đảng ủy xã Lũng Cú (mới)"), "the answer carries the current data")
            #expect(try await fixture.unit("T-C").name == "Đảng ủy xã Lũng Cú (mới)")
        }
    }

    @Test("a stale form edit shows the Vietnamese warning, the current data and the typed values", arguments: TestDatabase.all)
    func staleFormEdit(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await Fixture.tree(app)
            let headers = try await fixture.browser(for: try await fixture.user("ql", .manager, at: "T-D"))
            let form = ["_csrf": "csrf-test-token", "code": "T-C", "name": "Tên của người thứ hai", "kind": "party_committee",
                        "level": "commune", "version": "1"]
            _ = try await UnitEditing.perform(code: "T-C", with: .init(code: "T-C", name: "Tên của người thứ nhất",
                                                                    kind: "party_committee", level: "commune"),
                                           reportsToCode: nil, readVersion: 1, by: .commandLine, on: app.db)
            let response = try await app.page(.POST, "/units/T-C/edit", headers: headers, form: form)
            #expect(response.status == .conflict)
            let html = response.body.string
            #expect(html.contains("đã được người khác sửa"))
            #expect(html.contains("Tên của người thứ nhất"), "shows what is stored now")
            #expect(html.contains("Tên của người thứ hai"), "keeps what the user typed")
            #expect(try await fixture.unit("T-C").name == "Tên của người thứ nhất")
        }
    }

    @Test("a stale user edit is refused too", arguments: TestDatabase.all)
    func staleUserEdit(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await Fixture.tree(app)
            let manager = try await fixture.user("ql", .manager, at: "T-D")
            let target = try await fixture.user("bc", .reporter, at: "T-C")
            let token = try await fixture.token(for: manager)
            let body = #"{"fullName": "Tên mới", "unitCode": "T-C", "role": "viewer", "version": 1}"#
            #expect(try await app.api(.PUT, "/api/users/\(target.requireID)", token: token, json: body).status == .ok)
            let stale = try await app.api(.PUT, "/api/users/\(target.requireID)", token: token, json: body)
            #expect(stale.status == .conflict)
            #expect(try await User.find(target.id, on: app.db)?.version == 2)
        }
    }
}
