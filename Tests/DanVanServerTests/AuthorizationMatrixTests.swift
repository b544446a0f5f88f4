import DanVanCore
import Testing
import Vapor
import VaporTesting
@testable import DanVanServer

/// Every role × every position of the target unit × every unit action, on real requests
/// through the whole middleware chain. The expected table is written out by hand: it is the
/// specification, not a copy of the policy.
@Suite("Authorization matrix")
struct AuthorizationMatrixTests {
    enum Target: String, CaseIterable {
        case own = "T-D", descendant = "T-C", ancestor = "T-P", sibling = "T-S", otherTree = "T-O"
    }

    enum Action: CaseIterable {
        case view, edit, createChild, move, end, viewUsers, manageUsers, viewAudit
    }

    /// ✓ = allowed. Columns: view, edit, createChild, move, end, viewUsers, manageUsers, viewAudit.
    static let expected: [Role: [Target: String]] = [
        .admin: [.own: "✓✓✓✓✓✓✓✓", .descendant: "✓✓✓✓✓✓✓✓", .ancestor: "✓✓✓✓✓✓✓✓", .sibling: "✓✓✓✓✓✓✓✓", .otherTree: "✓✓✓✓✓✓✓✓"],
        .manager: [.own: "✓✓✓··✓✓✓", .descendant: "✓✓✓✓✓✓✓✓", .ancestor: "········", .sibling: "········", .otherTree: "········"],
        .reporter: [.own: "✓·······", .descendant: "✓·······", .ancestor: "········", .sibling: "········", .otherTree: "········"],
        .viewer: [.own: "✓·······", .descendant: "✓·······", .ancestor: "········", .sibling: "········", .otherTree: "········"],
    ]

    @Test("each role at T-D against each unit and action", arguments: TestDatabase.all)
    func matrix(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await Fixture.tree(app)
            for role in Role.allCases {
                let user = try await fixture.user("u-\(role.rawValue)", role, at: role == .admin ? nil : "T-D")
                let token = try await fixture.token(for: user)
                for target in Target.allCases {
                    let row = Array(Self.expected[role]?[target] ?? "")
                    for (index, action) in Action.allCases.enumerated() {
                        let unit = try await fixture.unit(target.rawValue)
                        let response = try await send(action, to: unit, token: token, app: app)
                        let allowed = row[index] == "✓"
                        let context = Comment(rawValue: "\(role) \(target) \(action) → \(response.status.code)")
                        if allowed {
                            #expect(![.forbidden, .unauthorized].contains(response.status), context)
                        } else {
                            #expect(response.status == .forbidden, context)
                            #expect(!response.body.string.contains(unit.name), "a refusal must not leak the unit's name")
                        }
                    }
                }
            }
            let units = try await OrgUnit.query(on: app.db).count()
            #expect(units == 6, "no request of the matrix may change the tree")
        }
    }

    /// Each request is built to be refused by validation after authorization (bad data, stale
    /// version), so "allowed" shows as 4xx other than 403 and nothing is stored.
    private func send(_ action: Action, to unit: OrgUnit, token: String, app: Application) async throws -> TestingHTTPResponse {
        let code = unit.code
        switch action {
        case .view:
            return try await app.api(.GET, "/api/units/\(code)", token: token)
        case .edit:
            return try await app.api(.PUT, "/api/units/\(code)", token: token, json: #"{"name": "", "version": -1}"#)
        case .createChild:
            return try await app.api(.POST, "/api/units", token: token, json: #"{"parentCode": "\#(code)", "name": ""}"#)
        case .move:
            let parent = try await unit.parentID.asyncMap { try await OrgUnit.find($0, on: app.db)?.code } ?? nil
            let parentJSON = parent.map { "\"\($0)\"" } ?? "null"
            return try await app.api(.POST, "/api/units/\(code)/move", token: token, json: #"{"parentCode": \#(parentJSON), "version": -1}"#)
        case .end:
            return try await app.api(.POST, "/api/units/\(code)/end", token: token, json: #"{"validTo": "không phải ngày", "version": -1}"#)
        case .viewUsers:
            return try await app.api(.GET, "/api/units/\(code)/users", token: token)
        case .manageUsers:
            return try await app.api(.POST, "/api/users", token: token,
                                     json: #"{"username": "!", "fullName": "", "unitCode": "\#(code)", "role": "viewer"}"#)
        case .viewAudit:
            return try await app.api(.GET, "/api/audit?unit=\(code)", token: token)
        }
    }

    @Test("a browser asking for a unit outside its subtree gets a 403 page with no data", arguments: TestDatabase.all)
    func forbiddenPage(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await Fixture.tree(app)
            let user = try await fixture.user("can-bo", .manager, at: "T-D")
            let headers = try await fixture.browser(for: user)
            let own = try await app.page(.GET, "/units/T-C", headers: headers)
            #expect(own.status == .ok)
            #expect(own.body.string.contains("Đảng ủy xã Lũng Cú"))
            let sibling = try await app.page(.GET, "/units/T-S", headers: headers)
            #expect(sibling.status == .forbidden)
            #expect(sibling.body.string.contains("Không có quyền truy cập"))
            #expect(!sibling.body.string.contains("Mèo Vạc"))
        }
    }

    @Test("the tree and search show only the user's subtree", arguments: TestDatabase.all)
    func treeIsLimited(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await Fixture.tree(app)
            let user = try await fixture.user("xem", .viewer, at: "T-D")
            let headers = try await fixture.browser(for: user)
            let tree = try await app.page(.GET, "/units", headers: headers)
            #expect(tree.body.string.contains("Lũng Cú"))
            #expect(!tree.body.string.contains("Mèo Vạc"))
            #expect(!tree.body.string.contains("Ủy ban nhân dân tỉnh"))
            let search = try await app.page(.GET, "/units?q=huyen%20uy", headers: headers)
            #expect(search.body.string.contains("Đồng Văn"))
            #expect(!search.body.string.contains("Mèo Vạc"))
        }
    }
}
