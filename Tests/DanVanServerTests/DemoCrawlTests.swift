import DanVanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import DanVanServer

/// A newcomer's walk, kept from coming back: on the demo as of a pinned day, every demo account
/// follows every link of every page it reaches (GET only), and no link may fail, be broken,
/// refuse the user it was shown to, or show code instead of words.
@Suite("Every demo account's links lead somewhere", .serialized)
struct DemoCrawlTests {
    static let day = CivilDate(year: 2026, month: 11, day: 30)!

    /// Pages of one shape (the same path with other ids) are visited this many times; enough to
    /// meet each page kind with different data, few enough to keep the suite quick.
    static let visitsPerShape = 2
    static let leaks = ["Optional(", ">nil<", " nil ", "#(", "#if(", "#endif", "#for(", "#extend("]

    @Test("every link every demo account is shown answers, and no page shows code", arguments: TestDatabase.all)
    func crawl(database: TestDatabase) async throws {
        try await withTestApp(database, settings: { $0.today = Self.day }) { app in
            try await Today.$pinned.withValue(Self.day) {
                _ = try await DemoLoader.loadIfEmpty(on: app.db, hashing: PasswordHashing(app), dataDirectory: app.settings.dataDirectory)
            }
            let fixture = Fixture(app: app)
            let accounts = try await User.query(on: app.db).sort(\.$username).all()
            #expect(accounts.count >= 10)
            for account in accounts {
                let problems = try await Self.walk(app, as: try await fixture.browser(for: account))
                #expect(problems.isEmpty, "\(account.username): \(problems.prefix(10).joined(separator: "\n"))")
            }
        }
    }

    /// Breadth first from the home page; returns what a user would trip over.
    static func walk(_ app: Application, as headers: HTTPHeaders) async throws -> [String] {
        var queue: [(path: String, from: String)] = [("/", "(đăng nhập)")]
        var seen: Set<String> = ["/"]
        var shapes: [String: Int] = [:]
        var problems: [String] = []
        var visited = 0
        while !queue.isEmpty {
            let (path, from) = queue.removeFirst()
            let response = try await app.page(.GET, path, headers: headers)
            visited += 1
            let status = response.status.code
            if status >= 500 || status == 404 || status == 403 || status == 400 {
                problems.append("[\(status)] \(path) (từ \(from))")
                continue
            }
            if (300..<400).contains(status), let location = response.headers.first(name: .location), !seen.contains(location) {
                seen.insert(location)
                queue.append((location, path))
                continue
            }
            guard response.headers.contentType?.subType == "html" else { continue }
            let body = response.body.string
            for leak in leaks where body.contains(leak) {
                problems.append("\"\(leak)\" trong \(path)")
            }
            for link in links(in: body) where !seen.contains(link) {
                seen.insert(link)
                let shape = shapeOf(link)
                guard shapes[shape, default: 0] < visitsPerShape else { continue }
                shapes[shape, default: 0] += 1
                queue.append((link, path))
            }
        }
        #expect(visited > 20, "a demo account reaches more than a handful of pages")
        return problems
    }

    /// Same-site links of a page, entities decoded; sign-out and assets left out.
    static func links(in html: String) -> [String] {
        var found: [String] = []
        var rest = html[...]
        while let start = rest.range(of: "href=\"") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            let raw = String(rest[..<end]).replacingOccurrences(of: "&amp;", with: "&")
            rest = rest[end...]
            guard raw.hasPrefix("/"), !raw.hasPrefix("//"), !raw.hasPrefix("/assets/"), raw != "/logout" else { continue }
            found.append(String(raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""))
        }
        return found
    }

    /// A path with its ids, unit codes and query values taken out: "/units/LC-TU?year=2026" → "/units/C?year".
    static func shapeOf(_ link: String) -> String {
        let parts = link.split(separator: "?", maxSplits: 1)
        let path = parts[0].split(separator: "/").map { segment in
            if segment.allSatisfy(\.isNumber) { return "N" }
            let isCode = segment.contains("-") && segment.allSatisfy { $0.isUppercase || $0.isNumber || $0 == "-" }
            return isCode ? "C" : String(segment)
        }.joined(separator: "/")
        let keys = parts.count > 1 ? parts[1].split(separator: "&").map { $0.split(separator: "=").first.map(String.init) ?? "" } : []
        return path + "?" + keys.sorted().joined(separator: "&")
    }
}
