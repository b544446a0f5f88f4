import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import DanVanServer

@Suite("Sign-in, sessions and CSRF")
struct SessionTests {
    private func login(_ app: Application, _ username: String, _ password: String) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        headers.add(name: .cookie, value: "\(CSRFProtection.cookieName)=t0k3n")
        return try await app.page(.POST, "/login", headers: headers,
                                  form: ["_csrf": "t0k3n", "username": username, "password": password, "next": "/units"])
    }

    @Test("the right password signs in with an HttpOnly session cookie stored as a hash", arguments: TestDatabase.all)
    func signIn(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await Fixture.tree(app)
            try await fixture.user("canbo", .viewer, at: "T-D")
            let response = try await login(app, "CanBo ", Fixture.password)
            #expect(response.status == .seeOther)
            #expect(response.headers.first(name: .location) == "/units")
            let cookie = try #require(response.headers[.setCookie].first { $0.hasPrefix(SessionCookie.name + "=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            let secret = String(cookie.dropFirst(SessionCookie.name.count + 1).prefix { $0 != ";" })
            let stored = try await UserSession.query(on: app.db).all().map(\.tokenHash)
            #expect(stored == [SecretToken.hash(secret)])
        }
    }

    @Test("a wrong password is refused in Vietnamese and no session is made", arguments: TestDatabase.all)
    func wrongPassword(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await Fixture.tree(app)
            try await fixture.user("canbo", .viewer, at: "T-D")
            let response = try await login(app, "canbo", "sai-mat-khau")
            #expect(response.status == .unauthorized)
            #expect(response.body.string.contains("Tên đăng nhập hoặc mật khẩu không đúng"))
            #expect(try await UserSession.query(on: app.db).count() == 0)
        }
    }

    @Test("after 5 failures in 15 minutes even the right password waits, on every app server", arguments: TestDatabase.all)
    func rateLimitSharedAcrossServers(database: TestDatabase) async throws {
        try await withTwoApps(database) { first, second in
            let fixture = try await Fixture.tree(first)
            try await fixture.user("canbo", .viewer, at: "T-D")
            for attempt in 0..<5 {
                let app = attempt.isMultiple(of: 2) ? first : second
                #expect(try await login(app, "canbo", "sai-\(attempt)").status == .unauthorized)
            }
            let blocked = try await login(second, "canbo", Fixture.password)
            #expect(blocked.status == .tooManyRequests)
            #expect(blocked.body.string.contains("quá 5 lần trong 15 phút"))
            #expect(try await UserSession.query(on: first.db).count() == 0)
        }
    }

    @Test("a session made on one app server is honoured by another", arguments: TestDatabase.all)
    func sessionSharedAcrossServers(database: TestDatabase) async throws {
        try await withTwoApps(database) { first, second in
            let fixture = try await Fixture.tree(first)
            let headers = try await fixture.browser(for: try await fixture.user("canbo", .viewer, at: "T-D"))
            let page = try await second.page(.GET, "/units/T-D", headers: headers)
            #expect(page.status == .ok)
            #expect(page.body.string.contains("Huyện ủy Đồng Văn"))
        }
    }

    @Test("an expired session sends the browser to sign in again, saying why", arguments: TestDatabase.all)
    func expiredSession(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await Fixture.tree(app)
            let headers = try await fixture.browser(for: try await fixture.user("canbo", .viewer, at: "T-D"), expiresIn: -60)
            let response = try await app.page(.GET, "/units", headers: headers)
            #expect(response.status == .seeOther)
            let location = try #require(response.headers.first(name: .location))
            #expect(location.contains("expired=1"))
            let login = try await app.page(.GET, location, headers: [:])
            #expect(login.body.string.contains("Phiên làm việc đã hết hạn"))
            #expect(try await UserSession.query(on: app.db).count() == 0, "the dead session is removed")
        }
    }

    @Test("a form without the CSRF token is refused and changes nothing", arguments: TestDatabase.all)
    func missingCSRF(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await Fixture.tree(app)
            var headers = try await fixture.browser(for: try await fixture.user("ql", .manager, at: "T-D"))
            headers.remove(name: CSRFProtection.headerName)
            let response = try await app.page(.POST, "/units/T-C/edit", headers: headers,
                                              form: ["code": "T-C", "name": "Đổi tên", "kind": "party_committee", "level": "commune", "version": "1"])
            #expect(response.status == .forbidden)
            #expect(response.body.string.contains("mã CSRF"))
            #expect(try await fixture.unit("T-C").name == "Đảng ủy xã Lũng Cú")
            let wrong = try await app.page(.POST, "/units/T-C/edit", headers: headers,
                                           form: ["_csrf": "khac", "code": "T-C", "name": "Đổi tên", "kind": "party_committee",
                                                  "level": "commune", "version": "1"])
            #expect(wrong.status == .forbidden)
        }
    }

    @Test("pages carry security headers", arguments: [TestDatabase.sqlite])
    func securityHeaders(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let response = try await app.page(.GET, "/login", headers: [:])
            #expect(response.headers.first(name: "Content-Security-Policy")?.contains("frame-ancestors 'none'") == true)
            #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff")
            #expect(response.headers.first(name: "X-Frame-Options") == "DENY")
            #expect(response.headers[.setCookie].contains { $0.hasPrefix(CSRFProtection.cookieName) && $0.contains("HttpOnly") })
        }
    }

    @Test("signing out ends the session in the database", arguments: TestDatabase.all)
    func signOut(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await Fixture.tree(app)
            let headers = try await fixture.browser(for: try await fixture.user("canbo", .viewer, at: "T-D"))
            let response = try await app.page(.POST, "/logout", headers: headers, form: ["_csrf": "csrf-test-token"])
            #expect(response.status == .seeOther)
            #expect(try await UserSession.query(on: app.db).count() == 0)
            #expect(try await app.page(.GET, "/units", headers: headers).status == .seeOther)
        }
    }
}
