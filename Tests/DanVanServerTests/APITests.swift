import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import DanVanServer

@Suite("JSON API")
struct APITests {
    @Test("a token works until its owner revokes it", arguments: TestDatabase.all)
    func tokenLifecycle(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await Fixture.tree(app)
            let headers = try await fixture.browser(for: try await fixture.user("canbo", .viewer, at: "T-D"))
            var request = headers
            request.contentType = .json
            let created = try await app.testing().sendRequest(.POST, "/api/tokens", headers: request,
                                                               body: ByteBuffer(string: #"{"name": "Bảng tính"}"#))
            #expect(created.status == .created)
            let dto = try created.content.decode(TokensAPIController.TokenDTO.self)
            let secret = try #require(dto.token)
            #expect(try await app.api(.GET, "/api/me", token: secret).status == .ok)
            #expect(try await APIToken.query(on: app.db).first()?.tokenHash == SecretToken.hash(secret))
            let revoked = try await app.api(.DELETE, "/api/tokens/\(dto.id)", token: secret)
            #expect(revoked.status == .noContent)
            let after = try await app.api(.GET, "/api/me", token: secret)
            #expect(after.status == .unauthorized)
            #expect(after.body.string.contains("đã bị thu hồi"))
        }
    }

    @Test("errors come back as JSON naming the message and the field", arguments: TestDatabase.all)
    func jsonErrors(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await Fixture.tree(app)
            let token = try await fixture.token(for: try await fixture.user("ql", .manager, at: "T-D"))
            let unknownRole = try await app.api(.POST, "/api/users", token: token,
                                                json: #"{"username": "moi", "fullName": "Người mới", "unitCode": "T-C", "role": "boss", "password": "Lung-Cu@2026x"}"#)
            #expect(unknownRole.status == .unprocessableEntity)
            let body = try JSONSerialization.jsonObject(with: Data(unknownRole.body.string.utf8)) as? [String: Any]
            #expect(body?["field"] as? String == "role")
            #expect((body?["reason"] as? String)?.contains("Vai trò \"boss\" không tồn tại") == true)
            let escalate = try await app.api(.POST, "/api/users", token: token,
                                             json: #"{"username": "moi", "fullName": "Người mới", "unitCode": "T-C", "role": "admin", "password": "Lung-Cu@2026x"}"#)
            #expect(escalate.status == .forbidden, "a manager cannot make an administrator")
            let missing = try await app.api(.POST, "/api/units", token: token, json: #"{"parentCode": "T-D", "code": "T-NEW"}"#)
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.body.string.contains("\"field\":\"name\""))
            let anonymous = try await app.api(.GET, "/api/units", token: nil)
            #expect(anonymous.status == .unauthorized)
            #expect(anonymous.headers.contentType == .json)
            #expect(try await User.query(on: app.db).count() == 1)
        }
    }

    @Test("the OpenAPI document lists exactly the API routes the app registers")
    func openAPIMatchesRoutes() async throws {
        try await withTestApp(.sqlite) { app in
            let response = try await app.api(.GET, "/api/openapi.json", token: nil)
            #expect(response.status == .ok)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(response.body.string.utf8)) as? [String: Any])
            #expect((document["openapi"] as? String)?.hasPrefix("3.") == true)
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            let methods: Set<String> = ["get", "put", "post", "delete", "patch"]
            let described = Set(paths.flatMap { path, operations in
                operations.keys.filter(methods.contains).map { "\($0.uppercased()) \(path)" }
            })
            let registered = Set(app.routes.all.compactMap { route -> String? in
                let path = "/" + route.path.map { component in
                    if case .parameter(let name) = component { return "{\(name)}" }
                    return component.description
                }.joined(separator: "/")
                guard path.hasPrefix("/api/") else { return nil }
                return "\(route.method.rawValue) \(path)"
            })
            #expect(described.subtracting(registered).isEmpty, "described but not registered: \(described.subtracting(registered))")
            #expect(registered.subtracting(described).isEmpty, "registered but not described: \(registered.subtracting(described))")
        }
    }
}
