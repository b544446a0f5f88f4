import DanVanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import DanVanServer

@Suite("Sign-in limits, passwords, tokens and redirects")
struct SignInLimitTests {
    private func login(_ app: Application, _ username: String, _ password: String, from address: String = "10.0.0.1") async throws
        -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        headers.add(name: .cookie, value: "\(CSRFProtection.cookieName)=t0k3n")
        headers.add(name: .xForwardedFor, value: address)
        return try await app.page(.POST, "/login", headers: headers,
                                  form: ["_csrf": "t0k3n", "username": username, "password": password, "next": "/units"])
    }

    private static func trustProxy(_ settings: inout Settings) { settings.trustProxy = true }

    @Test("thirty guesses sent at once are counted against each other: at most five are checked, the rest get 429",
          arguments: TestDatabase.all)
    func parallelGuesses(database: TestDatabase) async throws {
        try await withTestApp(database, settings: Self.trustProxy) { app in
            let fixture = try await Fixture.tree(app)
            try await fixture.user("canbo", .viewer, at: "T-D")
            let statuses = try await withThrowingTaskGroup(of: UInt.self) { group in
                for guess in 0..<30 { group.addTask { try await login(app, "canbo", "doan-sai-\(guess)").status.code } }
                return try await group.reduce(into: [UInt]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == 401 }.count <= SignIn.maxPerAccount + 1, "\(statuses.sorted())")
            #expect(statuses.filter { $0 == 429 }.count >= 30 - SignIn.maxPerAccount - 1)
            let locked = try await login(app, "canbo", Fixture.password)
            #expect(locked.status == .tooManyRequests, "the address that guessed stays locked out, even with the right password")
        }
    }

    @Test("someone else's guesses do not lock the owner out: the right password from an address that has not failed signs in",
          arguments: TestDatabase.all)
    func noLockOutFromElsewhere(database: TestDatabase) async throws {
        try await withTestApp(database, settings: Self.trustProxy) { app in
            let fixture = try await Fixture.tree(app)
            try await fixture.user("quantri", .admin, at: nil)
            for guess in 0..<8 { _ = try await login(app, "quantri", "sai-\(guess)", from: "203.0.113.9") }
            #expect(try await login(app, "quantri", Fixture.password, from: "203.0.113.9").status == .tooManyRequests)
            #expect(try await login(app, "quantri", Fixture.password, from: "10.1.2.3").status == .seeOther)
        }
    }

    @Test("one address guessing across many names is stopped after twenty failures", arguments: TestDatabase.all)
    func perAddress(database: TestDatabase) async throws {
        try await withTestApp(database, settings: Self.trustProxy) { app in
            _ = try await Fixture.tree(app)
            for guess in 0..<SignIn.maxPerAddress { _ = try await login(app, "ten-\(guess)", "sai-mat-khau", from: "198.51.100.7") }
            #expect(try await login(app, "ten-khac", "sai-mat-khau", from: "198.51.100.7").status == .tooManyRequests)
            #expect(try await login(app, "ten-khac", "sai-mat-khau", from: "198.51.100.8").status == .unauthorized)
        }
    }

    @Test("a 15 MB name or a password past 72 bytes is refused without being stored; attempts older than a day are purged",
          arguments: TestDatabase.all)
    func boundedAndPurged(database: TestDatabase) async throws {
        try await withTestApp(database, settings: Self.trustProxy) { app in
            let fixture = try await Fixture.tree(app)
            try await fixture.user("canbo", .viewer, at: "T-D")
            try await LoginAttempt(username: "cu", succeeded: false, at: Date().addingTimeInterval(-2 * 86_400), address: nil).create(on: app.db)
            let long = try await login(app, String(repeating: "a", count: 2_000), "sai")
            #expect(long.status == .unprocessableEntity && long.body.string.contains("Tên đăng nhập"))
            let longPassword = try await login(app, "canbo", String(repeating: "ạ", count: 30))
            #expect(longPassword.status == .unprocessableEntity && longPassword.body.string.contains("72 byte"))
            #expect(try await LoginAttempt.query(on: app.db).count() == 1, "refused input is not stored")
            _ = try await login(app, "canbo", "sai-mat-khau")
            #expect(try await LoginAttempt.query(on: app.db).filter(\.$username == "cu").count() == 0, "the old attempt was purged")
        }
    }

    @Test("an unknown name costs the same bcrypt work as a known one: one check at the configured cost", arguments: TestDatabase.all)
    func unknownNameSpendsTheSameWork(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await Fixture.tree(app)
            try await fixture.user("canbo", .viewer, at: "T-D")
            let hashing = PasswordHashing(app)
            func checks(_ name: String) async -> Int {
                let before = hashing.pool.verifications.withLockedValue { $0 }
                _ = try? await SignIn.perform(username: name, password: "sai-mat-khau", address: nil, hasher: hashing, on: app.db)
                return hashing.pool.verifications.withLockedValue { $0 } - before
            }
            #expect(await checks("canbo") == 1)
            #expect(await checks("khong-co-ai") == 1)
            #expect(hashing.pool.decoy.hasPrefix("$2b$04$"), "the decoy is hashed at the configured cost (4 in tests)")
        }
    }

    @Test("common, trivial, over-long and control-character passwords are refused with the reason",
          arguments: ["12345678", "password", "        ", "\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}", "aaaaaaaaaa", "abcdefgh",
                      "87654321", "DanVan@2025", String(repeating: "Mậtkhẩu", count: 10), "quanly-xa-moi"])
    func weakPasswords(password: String) {
        #expect(AccountValidation.passwordIssue(password, username: "quanly-xa-moi") != nil, "\(password.debugDescription) accepted")
    }

    @Test("a good password passes")
    func goodPassword() {
        #expect(AccountValidation.passwordIssue("Lũng Cú 2026 xanh!", username: "canbo") == nil)
        #expect(AccountValidation.passwordIssue("t4m-Duong.ban!", username: "canbo") == nil)
    }

    @Test("after a sign-in only a path on this site is followed", arguments: [
        ("/plans/3?period=2026-03", "/plans/3?period=2026-03"), ("//evil.example", "/"), ("/\t/evil.example", "/"), ("/\\evil.example", "/"),
        ("https://evil.example/", "/"), ("/%0A/evil", "/%0A/evil"), ("javascript:alert(1)", "/"), ("/ /evil.example", "/"),
    ])
    func safeNext(next: String, expected: String) {
        #expect(AuthPagesController.safeNext(next) == expected)
    }

    @Test("a token revoked by a password change stops working, and a token cannot create tokens", arguments: TestDatabase.all)
    func tokensFollowThePassword(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await Fixture.tree(app)
            let user = try await fixture.user("canbo", .manager, at: "T-D")
            let token = try await fixture.token(for: user)
            let minted = try await app.api(.POST, "/api/tokens", token: token, json: #"{"name": "con"}"#)
            #expect(minted.status == .forbidden, "a token cannot mint tokens that would survive its revocation")
            #expect(try await APIToken.query(on: app.db).count() == 1)
            let browser = try await fixture.browser(for: user)
            let other = try await fixture.browser(for: user)
            let changed = try await app.page(.POST, "/account/password", headers: browser,
                                             form: ["currentPassword": Fixture.password, "newPassword": "Lũng Cú 2026 xanh!"])
            #expect(changed.status == .ok && changed.body.string.contains("mã truy cập API đã bị thu hồi"))
            #expect(try await app.api(.GET, "/api/me", token: token).status == .unauthorized)
            #expect(try await app.page(.GET, "/units", headers: other).status != .ok, "other browsers are signed out")
            #expect(try await app.page(.GET, "/units", headers: browser).status == .ok, "the browser that changed it stays")
        }
    }

    @Test("the CSRF token is bound to the session: another session's token, or the cookie's, is refused", arguments: TestDatabase.all)
    func csrfBoundToSession(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await Fixture.tree(app)
            let mine = try await fixture.browser(for: try await fixture.user("ql", .manager, at: "T-D"))
            let theirs = try await fixture.browser(for: try await fixture.user("ql2", .manager, at: "T-D"))
            var forged = mine
            forged.replaceOrAdd(name: CSRFProtection.headerName, value: theirs.first(name: CSRFProtection.headerName) ?? "")
            let form = ["code": "T-C", "name": "Đổi tên", "kind": "party_committee", "level": "commune", "version": "1"]
            #expect(try await app.page(.POST, "/units/T-C/edit", headers: forged, form: form).status == .forbidden)
            var doubleSubmit = mine
            doubleSubmit.replaceOrAdd(name: CSRFProtection.headerName, value: "csrf-test-token")
            #expect(try await app.page(.POST, "/units/T-C/edit", headers: doubleSubmit, form: form).status == .forbidden,
                    "once signed in, a matching cookie is not enough")
            #expect(try await fixture.unit("T-C").name == "Đảng ủy xã Lũng Cú")
        }
    }
}
