import DanVanCore
import Fluent
import Foundation
import Vapor
import VaporTesting
@testable import DanVanServer

/// A small tree with every relation the access policy knows, seen from T-D:
///
///     T-P province party committee       (ancestor)
///     ├── T-D district                   (own)
///     │   └── T-C commune                (descendant)
///     │       └── T-X party cell         (descendant, depth 2)
///     └── T-S district                   (sibling)
///     T-O province People's Committee   (another tree)
struct Fixture {
    static let password = "MatKhau@2025"
    let app: Application

    static func tree(_ app: Application) async throws -> Fixture {
        let rows: [(String, String, UnitKind, UnitLevel, String?)] = [
            ("T-P", "Tỉnh ủy Thử nghiệm", .partyCommittee, .province, nil),
            ("T-D", "Huyện ủy Đồng Văn", .partyCommittee, .district, "T-P"),
            ("T-C", "Đảng ủy xã Lũng Cú", .partyCommittee, .commune, "T-D"),
            ("T-X", "Chi bộ thôn Lô Lô Chải", .partyCell, .grassroots, "T-C"),
            ("T-S", "Huyện ủy Mèo Vạc", .partyCommittee, .district, "T-P"),
            ("T-O", "Ủy ban nhân dân tỉnh Thử nghiệm", .peoplesCommittee, .province, nil),
        ]
        for (code, name, kind, level, parent) in rows {
            _ = try await UnitCreation.perform(UnitDraft(code: code, name: name, kind: kind.rawValue, level: level.rawValue),
                                           parentCode: parent, reportsToCode: nil, by: .commandLine, on: app.db)
        }
        return Fixture(app: app)
    }

    @discardableResult
    func user(_ username: String, _ role: Role, at unitCode: String?) async throws -> User {
        let user = User()
        user.username = username
        user.fullName = "Người dùng \(username)"
        user.unitID = try await unitCode.asyncMap { try await UnitQueries.require(code: $0, on: app.db).requireID }
        user.role = role.rawValue
        user.passwordHash = try await PasswordHashing(app).hash(Self.password)
        user.active = true
        user.version = 1
        try await user.create(on: app.db)
        return user
    }

    /// A live API token for the user, as the account page would create it.
    func token(for user: User) async throws -> String {
        let secret = SecretToken.generate()
        try await APIToken(userID: user.requireID, name: "test", tokenHash: SecretToken.hash(secret)).create(on: app.db)
        return secret
    }

    /// Headers of a signed-in browser: a session cookie and the CSRF cookie, plus the
    /// matching CSRF header for state-changing requests.
    func browser(for user: User, expiresIn seconds: TimeInterval = 3600) async throws -> HTTPHeaders {
        let secret = SecretToken.generate()
        try await UserSession(tokenHash: SecretToken.hash(secret), userID: user.requireID,
                              expiresAt: Date().addingTimeInterval(seconds)).create(on: app.db)
        var headers = HTTPHeaders()
        headers.add(name: .cookie, value: "\(SessionCookie.name)=\(secret); \(CSRFProtection.cookieName)=csrf-test-token")
        headers.add(name: CSRFProtection.headerName, value: CSRFProtection.token(forSession: secret))
        return headers
    }

    func unit(_ code: String) async throws -> OrgUnit {
        try await UnitQueries.require(code: code, on: app.db)
    }
}

extension Application {
    /// A JSON API call with a bearer token.
    func api(_ method: HTTPMethod, _ path: String, token: String?, json: String? = nil) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
        if json != nil { headers.contentType = .json }
        return try await testing().sendRequest(method, path, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }

    /// A request whose body is a file's bytes (a plan, a CSV), as `curl --data-binary` sends it.
    func api(_ method: HTTPMethod, _ path: String, token: String?, body: String) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
        headers.contentType = .plainText
        return try await testing().sendRequest(method, path, headers: headers, body: ByteBuffer(string: body))
    }

    /// Percent-encodes everything but unreserved ASCII, as browsers do (`.alphanumerics`
    /// would let Vietnamese letters through raw).
    static func formEncode(_ text: String) -> String {
        let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~")
        return text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    /// A browser request; `form` is sent url-encoded.
    func page(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders, form: [String: String]? = nil) async throws -> TestingHTTPResponse {
        var headers = headers
        var body: ByteBuffer?
        if let form {
            headers.contentType = .urlEncodedForm
            let encoded = form.map { key, value in
                "\(Self.formEncode(key))=\(Self.formEncode(value))"
            }.joined(separator: "&")
            body = ByteBuffer(string: encoded)
        }
        return try await testing().sendRequest(method, path, headers: headers, body: body)
    }
}

extension Fixture {
    /// Seed 000 stored for T-D, its monthly task given to the commune T-C to lead.
    func seed000MonthlyTaskLedByCommune() async throws -> PlanTaskRecord {
        let outcome = try await PlanFileImporter.importFile(named: "seed-000.txt", data: PlanImportTests.fixture("seed-000.txt"),
                                                            unitCode: "T-D", by: .commandLine, on: app.db)
        guard case .stored(let planID, _) = outcome else { throw AppError.internalError("not stored") }
        guard let task = try await PlanTaskRecord.query(on: app.db).filter(\.$planID == planID).filter(\.$recurrence == "monthly").first() else {
            throw AppError.internalError("seed 000 has no monthly task")
        }
        task.leadUnitID = try await unit("T-C").requireID
        try await task.save(on: app.db)
        return task
    }
}
