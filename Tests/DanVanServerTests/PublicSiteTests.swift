import DanVanCore
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import DanVanServer

/// The public side, no sign-in: a unit's page, feed and sitemap carry only what is on the
/// allow-list; the form gives a tracking code and resists abuse.
@Suite("The public side: pages, feed, sitemap, the form", .serialized)
struct PublicSiteTests {
    static let day = CivilDate(year: 2026, month: 11, day: 30)!

    /// Every column that may hold what the law or decency keeps from the public, by table.
    static let sensitive: [(table: String, columns: [String], only: String?)] = [
        ("citizen_cases", ["subject", "content", "citizen_name", "citizen_address", "citizen_contact", "register_reference", "forwarded_by",
                           "national_ref", "portal_ref"], nil),
        ("case_events", ["text", "actor_name"], nil),
        ("people", ["full_name", "position"], nil),
        ("users", ["full_name", "email"], nil),
        ("dialogues", ["co_chairs", "extraordinary_reason"], nil),
        ("dialogues", ["conclusions"], "published_on IS NULL"),
        ("task_updates", ["text", "user_name"], nil),
        ("inspection_findings", ["text"], nil),
        ("inspection_requirements", ["text", "close_reason"], nil),
        ("requirement_events", ["text", "actor_name"], nil),
        ("movement_models", ["person_name", "problem", "self_assessment", "evaluation_note"], nil),
        ("model_notes", ["text"], nil),
        ("audit_entries", ["actor_name", "before_json", "after_json"], nil),
        ("notifications", ["title", "detail"], nil),
        ("publications", ["responsible", "proof_link", "created_by"], nil),
        ("plans", ["subject", "signature_name"], "status = 'draft'"),
        ("training_courses", ["title", "created_by"], nil),
        ("consultations", ["minutes", "short_reason", "created_by"], nil),
        ("oversight_boards", ["members", "decision", "created_by"], nil),
        ("board_recommendations", ["text", "answer", "close_reason", "created_by"], nil),
        ("consultations", ["subject"], "result_published_on IS NULL"),
    ]

    @Test("no public page, feed or sitemap of the demo shows a sensitive field, and they do show what is public", arguments: TestDatabase.all)
    func allowList(database: TestDatabase) async throws {
        try await withTestApp(database, settings: { $0.today = Self.day }) { app in
            try await Today.$pinned.withValue(Self.day) {
                _ = try await DemoLoader.loadIfEmpty(on: app.db, hashing: PasswordHashing(app), dataDirectory: app.settings.dataDirectory)
            }
            let sql = app.db as! any SQLDatabase
            for (table, columns, only) in Self.sensitive {
                for column in columns {
                    try await sql.raw("""
                        UPDATE \(ident: table) SET \(ident: column) = \(literal: "MKR\(table)\(column)X") || CAST(id AS TEXT)
                        WHERE \(ident: column) IS NOT NULL\(unsafeRaw: only.map { " AND " + $0 } ?? "")
                        """).run()
                }
            }
            let pages = try await Self.crawl(app)
            #expect(pages.count > 8, "the crawl reaches the public pages: \(pages.keys.sorted())")
            for (path, body) in pages {
                #expect(!body.contains("MKR"), "\(path) shows a sensitive field: \(body.components(separatedBy: "MKR").dropFirst().first?.prefix(60) ?? "")")
            }
            let binhlu = try #require(pages["/p/LC-UBND-BINHLU"])
            #expect(binhlu.contains("Thông báo thu hồi đất thực hiện dự án mở rộng đường liên bản") && binhlu.contains("Đối thoại với Nhân dân"))
            #expect(binhlu.contains("Được thông qua (64/86 hộ tán thành"), "a village vote's published result")
            let party = try #require(pages["/p/LC-DU-BINHLU"])
            #expect(party.contains("Kế hoạch đã ban hành") && party.contains("Kết quả thực hiện chỉ tiêu") && party.contains("được công nhận"))
            #expect(pages.keys.contains { $0.hasPrefix("/p/LC-DU-BINHLU/ke-hoach/") }, "an issued plan is read publicly")
            #expect(pages["/sitemap.xml"]?.contains("/p/LC-UBND-BANBO") == true && pages["/sitemap.xml"]?.contains("LC-TU-BTV") == false)
            #expect(pages["/p/LC-UBND-BINHLU/feed.atom"]?.contains("<entry><title>") == true)
        }
    }

    /// From robots.txt and the sitemap, every same-site link under /p/ (GET), by path.
    static func crawl(_ app: Application) async throws -> [String: String] {
        var queue = ["/robots.txt", "/sitemap.xml"], seen = Set(queue), bodies: [String: String] = [:]
        while !queue.isEmpty {
            let path = queue.removeFirst()
            let response = try await app.page(.GET, path, headers: [:])
            #expect(response.status == .ok, "\(path) → \(response.status.code)")
            let body = response.body.string
            bodies[path] = body
            let links = DemoCrawlTests.links(in: body) + body.components(separatedBy: "<loc>").dropFirst().compactMap { $0.components(separatedBy: "</loc>").first }
                .compactMap { URL(string: $0)?.path }
            for link in links where link.hasPrefix("/p/") && !link.hasSuffix(".docx") && seen.insert(link).inserted {
                queue.append(link)
            }
        }
        return bodies
    }

    @Test("a unit's page is off unless chosen, is small, moves with its successor; the switch is the unit editor's", arguments: TestDatabase.all)
    func pageAndSwitch(database: TestDatabase) async throws {
        // Answers are kept for a minute in production; here each request is answered afresh.
        try await withTestApp(database, settings: { $0.today = Self.day; $0.publicCacheSeconds = 0 }) { app in
            let fixture = try await PublicationFlowTests.communes(app)
            var input = PublicationRecording.Input()
            (input.unitCode, input.ruleCode, input.title, input.forms, input.startsOn) = ("T-OA", "tthc", "Niêm yết bộ thủ tục hành chính", ["tru_so"], "2026-11-01")
            _ = try await PublicationRecording.create(input, by: .commandLine, on: app.db)
            let page = try await app.page(.GET, "/p/T-OA", headers: [:])
            #expect(page.status == .ok && page.body.string.contains("Niêm yết bộ thủ tục hành chính"))
            #expect(page.body.readableBytes < 30_000 && !page.body.string.contains("<script"), "small and without script: \(page.body.readableBytes) bytes")
            let party = try await app.page(.GET, "/p/T-D", headers: [:])
            #expect(party.status == .notFound && !party.body.string.contains("Huyện ủy Đồng Văn"), "a party unit's page is off by default and reads as unknown")
            let unknown = try await app.page(.GET, "/p/KHONG-CO", headers: [:])
            #expect(unknown.status == .notFound)

            let district = try await fixture.token(for: try await fixture.user("huyen", .manager, at: "T-D"))
            let viewer = try await fixture.token(for: try await fixture.user("xem", .viewer, at: "T-D"))
            let version = try await fixture.unit("T-D").version
            #expect(try await app.api(.PUT, "/api/units/T-D/public-page", token: viewer, json: #"{"publish": true, "version": \#(version)}"#).status == .forbidden)
            #expect(try await app.api(.PUT, "/api/units/T-D/public-page", token: district, json: #"{"publish": true, "version": \#(version + 3)}"#).status == .conflict)
            let missing = try await app.api(.PUT, "/api/units/T-D/public-page", token: district, json: #"{"version": \#(version)}"#)
            #expect(missing.status == .unprocessableEntity && missing.body.string.contains("publish"))
            let on = try await app.api(.PUT, "/api/units/T-D/public-page", token: district, json: #"{"publish": true, "version": \#(version)}"#)
            #expect(on.status == .ok && on.body.string.contains("\"publicPage\":true"))
            #expect(try await app.page(.GET, "/p/T-D", headers: [:]).status == .ok, "the page answers once the unit chose to publish")

            _ = try await UnitCreation.perform(UnitDraft(code: "T-OZ", name: "Ủy ban nhân dân xã cũ", kind: UnitKind.peoplesCommittee.rawValue,
                                                         level: UnitLevel.commune.rawValue, validTo: "2025-06-30"),
                                               parentCode: "T-O", reportsToCode: nil, by: .commandLine, on: app.db)
            let successor = UnitSuccessor()
            successor.unitID = try await fixture.unit("T-OZ").requireID
            successor.successorID = try await fixture.unit("T-OA").requireID
            try await successor.create(on: app.db)
            let moved = try await app.page(.GET, "/p/T-OZ", headers: [:])
            #expect(moved.status == .movedPermanently && moved.headers.first(name: .location) == "/p/T-OA", "a former commune's address sends to its successor")
            let robots = try await app.page(.GET, "/robots.txt", headers: [:])
            #expect(robots.body.string.contains("Sitemap:") && robots.body.string.contains("Disallow: /"))
        }
    }

    @Test("the form gives a tracking code the tracking page answers; a trap, a link, a flood and a megabyte are refused and store nothing", arguments: TestDatabase.all)
    func form(database: TestDatabase) async throws {
        try await withTestApp(database, settings: { $0.today = Self.day; $0.publicSubmissions = 4 }) { app in
            _ = try await PublicationFlowTests.communes(app)
            let form = try await app.page(.GET, "/p/T-OA/gui-kien-nghi", headers: [:])
            #expect(form.status == .ok)
            let cookie = try #require(form.headers.setCookie?[CSRFProtection.cookieName]?.string)
            let csrf = try #require(form.body.string.components(separatedBy: "name=\"_csrf\" value=\"").dropFirst().first?.components(separatedBy: "\"").first)
            var headers = HTTPHeaders()
            headers.add(name: .cookie, value: "\(CSRFProtection.cookieName)=\(cookie)")
            func send(_ fields: [String: String]) async throws -> TestingHTTPResponse {
                try await app.page(.POST, "/p/T-OA/gui-kien-nghi", headers: headers, form: fields.merging(["_csrf": csrf]) { a, _ in a })
            }
            let good = ["kind": "recommendation", "subject": "Đèn đường bản Lô Lô Chải hỏng", "content": "Đề nghị sửa đèn đường trước Tết.",
                        "name": "Sùng Mí Chơ", "contact": "0912 345 678"]
            let trapped = try await send(good.merging(["website": "spam"]) { _, b in b })
            #expect(trapped.status == .badRequest)
            let linked = try await send(good.merging(["content": "Xem chi tiết tại https://khuyen-mai.example"]) { _, b in b })
            #expect(linked.status == .unprocessableEntity && linked.body.string.contains("đường dẫn web"))
            let complaint = try await send(good.merging(["kind": "denunciation"]) { _, b in b })
            #expect(complaint.status == .unprocessableEntity && complaint.body.string.contains("tố cáo"))
            #expect(try await CitizenCase.query(on: app.db).count() == 0, "nothing stored from refused forms")

            let sent = try await send(good)
            #expect(sent.status == .created, "\(sent.body.string.prefix(400))")
            let code = try #require(sent.body.string.components(separatedBy: "<strong class=\"code\">").dropFirst().first?.components(separatedBy: "<").first)
            let record = try #require(try await CitizenCase.query(on: app.db).first())
            #expect(record.trackingCode == code && record.citizenName == "Sùng Mí Chơ" && record.channel == .online)
            let tracked = try await app.page(.GET, "/tra-cuu?code=\(code)", headers: [:])
            #expect(tracked.status == .ok && tracked.body.string.contains("Ủy ban nhân dân xã Lũng Cú") && !tracked.body.string.contains("Sùng Mí Chơ"))

            let flood = try await send(good)
            #expect(flood.status == .tooManyRequests, "one address, more than the limit an hour: \(flood.status)")
            #expect(try await CitizenCase.query(on: app.db).count() == 1)
            let huge = try await send(good.merging(["content": String(repeating: "a", count: 1_048_576)]) { _, b in b })
            #expect(huge.status == .payloadTooLarge)
            #expect(try await CitizenCase.query(on: app.db).count() == 1)
        }
    }
}
