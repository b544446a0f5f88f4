import DanVanCore
import DanVanDocuments
import Fluent
import Foundation
import SQLKit
import NIOConcurrencyHelpers
import Testing
import Vapor
import VaporTesting
@testable import DanVanServer

/// Citizens' matters through the API: a complaint from receipt to closing with the rule table's
/// deadlines, each bad input refused with its field and nothing stored, dialogues whose open
/// questions become cases, reception duties, and the public tracking page.
@Suite("Citizens: cases, deadlines, dialogues, tracking")
struct CitizenCaseTests {
    static let today = CivilDate(year: 2026, month: 11, day: 30)!

    struct World {
        let app: Application
        let fixture: Fixture
        let clerk: String
        let manager: String
        let above: String
        let admin: String
    }

    static func world(_ app: Application) async throws -> World {
        let fixture = try await Fixture.tree(app)
        return World(app: app, fixture: fixture,
                     clerk: try await fixture.token(for: try await fixture.user("tiepdan", .reporter, at: "T-C")),
                     manager: try await fixture.token(for: try await fixture.user("chutich", .manager, at: "T-C")),
                     above: try await fixture.token(for: try await fixture.user("cap-tren", .manager, at: "T-D")),
                     admin: try await fixture.token(for: try await fixture.user("quan-tri", .admin, at: nil)))
    }

    static func json(_ response: TestingHTTPResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
    }

    static func act(_ app: Application, _ id: Int, _ token: String, _ body: String) async throws -> TestingHTTPResponse {
        try await app.api(.POST, "/api/cases/\(id)/actions", token: token, json: body)
    }

    static func count(_ table: String, on db: any Database) async throws -> Int {
        try await NotificationFlowTests.count(table, on: db)
    }

    @Test("a complaint: told within 10 days, resolved within 30 of acceptance, closed only after its answer", arguments: TestDatabase.all)
    func complaintFlow(database: TestDatabase) async throws {
        try await withTestApp(database, settings: { $0.today = Self.today }) { app in
            let w = try await Self.world(app)
            let created = try await app.api(.POST, "/api/cases", token: w.clerk, json: """
                {"unitCode": "T-C", "kind": "complaint", "channel": "letter", "receivedOn": "2026-10-20", "subject": "Khiếu nại quyết định thu hồi đất",
                 "citizenName": "Ông Lò Văn Thào", "citizenAddress": "bản Nà Tăm"}
                """)
            #expect(created.status == .created, "\(created.body.string)")
            var body = try Self.json(created)
            let id = try #require(body["id"] as? Int)
            #expect(body["dueOn"] as? String == "2026-10-30" && body["status"] as? String == "received")
            #expect(TrackingCode.normalized(body["trackingCode"] as? String ?? "") == body["trackingCode"] as? String)
            let accepted = try await Self.act(app, id, w.clerk, #"{"action": "accept", "onDate": "2026-10-27", "version": 1}"#)
            body = try Self.json(accepted)
            #expect(body["dueOn"] as? String == "2026-11-26" && body["ruleKey"] as? String == "khieu-nai-lan-dau", "\(accepted.body.string)")
            let assigned = try await Self.act(app, id, w.clerk, #"{"action": "assign", "leadUnitCode": "T-X", "assignedDue": "2026-11-20", "version": 2}"#)
            let lead = try Self.json(assigned)["leadUnitCode"] as? String
            #expect(assigned.status == .ok && lead == "T-X", "\(assigned.body.string)")
            let events = try await Self.count("case_events", on: app.db)
            let closed = try await Self.act(app, id, w.clerk, #"{"action": "close", "version": 3}"#)
            #expect(closed.status == .conflict && closed.body.string.contains("văn bản trả lời"))
            let unnumbered = try await Self.act(app, id, w.clerk, #"{"action": "answer", "onDate": "2026-11-25", "version": 3}"#)
            #expect(unnumbered.status == .unprocessableEntity && unnumbered.body.string.contains("documentNumber"))
            #expect(try await Self.count("case_events", on: app.db) == events, "a refused step writes nothing")
            let answered = try await Self.act(app, id, w.clerk, """
                {"action": "answer", "onDate": "2026-11-25", "documentNumber": "15/QĐ-UBND", "documentDate": "2026-11-25", "text": "Giữ nguyên quyết định.", "version": 3}
                """)
            body = try Self.json(answered)
            #expect(body["status"] as? String == "answered" && body["timeliness"] as? String == "onTime", "\(answered.body.string)")
            let stale = try await Self.act(app, id, w.clerk, #"{"action": "close", "version": 3}"#)
            #expect(stale.status == .conflict)
            #expect(try await Self.act(app, id, w.clerk, #"{"action": "close", "version": 4}"#).status == .ok)
            let list = try await app.api(.GET, "/api/cases?unit=T-D", token: w.above)
            #expect(list.status == .ok && list.body.string.contains("Khiếu nại quyết định thu hồi đất") && !list.body.string.contains("Lò Văn Thào"),
                    "the unit above sees the case in its subtree, without the citizen's name")
            let timeliness = try await app.api(.GET, "/api/citizens/timeliness?unit=T-D", token: w.above)
            #expect(timeliness.body.string.contains(#""onTime":1"#) || timeliness.body.string.contains(#""onTime" : 1"#), "\(timeliness.body.string)")
            let sibling = try await Fixture(app: app).token(for: try await w.fixture.user("ben-canh", .manager, at: "T-S"))
            #expect(try await app.api(.GET, "/api/cases/\(id)", token: sibling).status == .forbidden)
        }
    }

    @Test("bad input is named and stores nothing: a future date, an unknown kind, a denouncer's name in the default mode, a third extension",
          arguments: TestDatabase.all)
    func badInput(database: TestDatabase) async throws {
        try await withTestApp(database, settings: { $0.today = Self.today }) { app in
            let w = try await Self.world(app)
            let before = try await Self.count("citizen_cases", on: app.db)
            let future = try await app.api(.POST, "/api/cases", token: w.clerk, json: #"{"unitCode": "T-C", "kind": "report", "receivedOn": "2026-12-05", "subject": "Đường hỏng"}"#)
            #expect(future.status == .unprocessableEntity && future.body.string.contains("receivedOn") && future.body.string.contains("sau hôm nay"))
            let kind = try await app.api(.POST, "/api/cases", token: w.clerk, json: #"{"unitCode": "T-C", "kind": "thư khen", "receivedOn": "2026-11-05", "subject": "x"}"#)
            #expect(kind.status == .unprocessableEntity && kind.body.string.contains("Loại đơn"))
            let named = try await app.api(.POST, "/api/cases", token: w.clerk, json: """
                {"unitCode": "T-C", "kind": "denunciation", "receivedOn": "2026-11-05", "subject": "Tố cáo cán bộ", "registerReference": "Sổ mật 1",
                 "identityName": "Nguyễn Văn A"}
                """)
            #expect(named.status == .unprocessableEntity && named.body.string.contains("sổ mật") && !named.body.string.contains("Nguyễn Văn A"))
            let inCitizenFields = try await app.api(.POST, "/api/cases", token: w.clerk, json: """
                {"unitCode": "T-C", "kind": "denunciation", "receivedOn": "2026-11-05", "subject": "Tố cáo cán bộ", "registerReference": "Sổ mật 1",
                 "citizenName": "Nguyễn Văn A"}
                """)
            #expect(inCitizenFields.status == .unprocessableEntity && inCitizenFields.body.string.contains("Điều 9"))
            let noReference = try await app.api(.POST, "/api/cases", token: w.clerk, json: #"{"unitCode": "T-C", "kind": "denunciation", "receivedOn": "2026-11-05", "subject": "Tố cáo"}"#)
            #expect(noReference.status == .unprocessableEntity && noReference.body.string.contains("registerReference"))
            #expect(try await Self.count("citizen_cases", on: app.db) == before)

            let denunciation = try await app.api(.POST, "/api/cases", token: w.clerk, json: """
                {"unitCode": "T-C", "kind": "denunciation", "receivedOn": "2026-06-01", "subject": "Tố cáo cán bộ nhận tiền", "registerReference": "Sổ mật số 7"}
                """)
            let id = try #require((try Self.json(denunciation))["id"] as? Int)
            #expect(try await Self.act(app, id, w.clerk, #"{"action": "accept", "onDate": "2026-06-01", "complexity": "veryComplex", "version": 1}"#).status == .ok)
            let first = try await Self.act(app, id, w.clerk, #"{"action": "extend", "onDate": "2026-06-25", "documentNumber": "1/QĐ", "documentDate": "2026-06-25", "version": 2}"#)
            let firstDue = try Self.json(first)["dueOn"] as? String
            #expect(firstDue == "2026-07-31", "\(first.body.string)")
            let second = try await Self.act(app, id, w.clerk, #"{"action": "extend", "onDate": "2026-07-25", "documentNumber": "2/QĐ", "documentDate": "2026-07-25", "version": 3}"#)
            let secondDue = try Self.json(second)["dueOn"] as? String
            #expect(secondDue == "2026-08-31", "\(second.body.string)")
            let third = try await Self.act(app, id, w.clerk, #"{"action": "extend", "onDate": "2026-08-25", "documentNumber": "3/QĐ", "documentDate": "2026-08-25", "version": 4}"#)
            #expect(third.status == .unprocessableEntity && third.body.string.contains("tối đa 2 lần"), "\(third.body.string)")
            let record = try #require(try await CitizenCase.find(id, on: app.db))
            #expect(record.extensions == 2 && record.version == 4 && record.dueOn == "2026-08-31")

            let report = try await app.api(.POST, "/api/cases", token: w.clerk, json: #"{"unitCode": "T-C", "kind": "report", "receivedOn": "2026-11-20", "subject": "Đất rừng"}"#)
            let reportID = try #require((try Self.json(report))["id"] as? Int)
            let nowhere = try await Self.act(app, reportID, w.clerk, #"{"action": "transfer", "version": 1}"#)
            #expect(nowhere.status == .unprocessableEntity && nowhere.body.string.contains("transferTo"))
            let transferred = try await Self.act(app, reportID, w.clerk, #"{"action": "transfer", "transferTo": "Hạt Kiểm lâm", "version": 1}"#)
            let moved = try Self.json(transferred)
            #expect(moved["status"] as? String == "transferred" && moved["transferTo"] as? String == "Hạt Kiểm lâm", "\(transferred.body.string)")

            let rules = try await Self.count("deadline_rules", on: app.db)
            let badRule = try await app.api(.POST, "/api/deadline-rules", token: w.admin, json: """
                {"key": "thu-nghiem", "event": "Thử", "kinds": ["complaint"], "stage": "resolve", "limit": 20, "dayKind": "tuần", "citation": "Điều 1", "validFrom": "2026-07-01"}
                """)
            #expect(badRule.status == .unprocessableEntity && badRule.body.string.contains("dayKind"))
            #expect(try await Self.count("deadline_rules", on: app.db) == rules)
            let newer = try await app.api(.POST, "/api/deadline-rules", token: w.admin, json: """
                {"key": "khieu-nai-lan-dau", "event": "Giải quyết khiếu nại lần đầu", "kinds": ["complaint"], "stage": "resolve", "limit": 20,
                 "dayKind": "working", "citation": "Thử nghiệm", "validFrom": "2026-12-01"}
                """)
            #expect(newer.status == .created, "\(newer.body.string)")
            #expect(try await app.api(.POST, "/api/deadline-rules", token: w.manager, json: "{}").status == .forbidden)
            let due = try await app.api(.GET, "/api/deadline?rule=khieu-nai-lan-dau&from=2026-11-02", token: w.clerk)
            #expect(due.body.string.contains("2026-12-02"), "a day before the new version, the old rule applies: \(due.body.string)")

            let casesBefore = try await Self.count("citizen_cases", on: app.db)
            let csv = "Ngày tiếp nhận,Loại đơn,Tóm tắt nội dung,Họ tên công dân,Số vào sổ mật,Họ tên người tố cáo\n"
                + "2026-11-02,Kiến nghị,Sửa đường,Lò Văn B,,\n2026-11-03,Tố cáo,Tố cáo cán bộ,,Sổ mật 9,Trần Thị Mật\n"
            let imported = try await app.api(.POST, "/api/cases/import?unit=T-C&filename=so.csv", token: w.clerk, body: csv)
            #expect(imported.status == .unprocessableEntity && imported.body.string.contains("Dòng 3") && !imported.body.string.contains("Trần Thị Mật"),
                    "\(imported.body.string)")
            #expect(try await Self.count("citizen_cases", on: app.db) == casesBefore, "a refused import stores no row")
        }
    }

    @Test("a dialogue: questions not answered on the spot become assigned cases; a short notice is flagged; a denunciation is refused there",
          arguments: TestDatabase.all)
    func dialogue(database: TestDatabase) async throws {
        try await withTestApp(database, settings: { $0.today = Self.today }) { app in
            let w = try await Self.world(app)
            let questions = (1...12).map { #"{"asker": "Người \#($0)", "category": "Đất đai", "question": "Câu hỏi số \#($0)", "answeredOnSpot": \#($0 > 4), "leadUnitCode": "\#($0 == 1 ? "T-X" : "")"}"# }
            let created = try await app.api(.POST, "/api/dialogues", token: w.manager, json: """
                {"unitCode": "T-C", "coChairs": "Bí thư, Chủ tịch", "topic": "Giải phóng mặt bằng", "noticeOn": "2026-10-10", "heldOn": "2026-10-15",
                 "attendance": 80, "questions": [\(questions.joined(separator: ","))]}
                """)
            #expect(created.status == .created, "\(created.body.string)")
            let cases = try #require((try Self.json(created))["cases"] as? [Int])
            #expect(cases.count == 4)
            let first = try #require(try await CitizenCase.find(cases[0], on: app.db))
            let village = try await w.fixture.unit("T-X")
            #expect(first.status == .assigned && first.dueOn == "2026-12-14" && first.channel == .dialogue && first.leadUnitID == village.requireID)
            let list = try await app.api(.GET, "/api/dialogues?unit=T-C&year=2026", token: w.clerk)
            #expect(list.body.string.contains(#""noticeShort":true"#) || list.body.string.contains(#""noticeShort" : true"#), "\(list.body.string)")
            let before = try await Self.count("dialogues", on: app.db)
            let refused = try await app.api(.POST, "/api/dialogues", token: w.manager, json: """
                {"unitCode": "T-C", "coChairs": "Bí thư", "topic": "Thử", "heldOn": "2026-10-15", "questions": [{"question": "Tố cáo cán bộ", "kind": "denunciation"}]}
                """)
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("bí mật người tố cáo"))
            #expect(try await Self.count("dialogues", on: app.db) == before)
        }
    }

    @Test("reception days: the commune party secretary's two days a month, met or missed", arguments: TestDatabase.all)
    func receptionDuty(database: TestDatabase) async throws {
        try await withTestApp(database, settings: { $0.today = Self.today }) { app in
            let w = try await Self.world(app)
            for date in ["2026-10-05", "2026-10-19", "2026-09-09"] {
                let recorded = try await app.api(.POST, "/api/reception-sessions", token: w.clerk, json: """
                    {"unitCode": "T-C", "position": "partySecretary", "hostName": "Bí thư", "heldOn": "\(date)", "place": "Trụ sở", "citizens": 3,
                     "matters": [{"kind": "report", "subject": "Đèn đường hỏng ngày \(date)", "citizenName": "Bà Lò Thị C"}]}
                    """)
                #expect(recorded.status == .created, "\(recorded.body.string)")
            }
            let duties = try await app.api(.GET, "/api/reception-duties?unit=T-C&year=2026", token: w.clerk)
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(buffer: duties.body)) as? [[String: Any]])
            let months = try #require(rows.first?["months"] as? [[String: Any]])
            #expect(months.first { $0["month"] as? Int == 10 }?["outcome"] as? String == "met")
            #expect(months.first { $0["month"] as? Int == 9 }?["outcome"] as? String == "missed")
            #expect(months.first { $0["month"] as? Int == 11 }?["outcome"] as? String == "running", "the month of today is not over")
            #expect(try await Self.count("citizen_cases", on: app.db) == 3, "each matter raised became a case")
            let bad = try await app.api(.POST, "/api/reception-sessions", token: w.clerk, json: #"{"unitCode": "T-C", "position": "partySecretary", "hostName": "", "heldOn": "2026-13-01", "place": "x", "citizens": "-2"}"#)
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("hostName") && bad.body.string.contains("heldOn") && bad.body.string.contains("citizens"))
            #expect(try await Self.count("reception_sessions", on: app.db) == 3)
        }
    }

    @Test("the public tracking page: status and deadline only; an unknown code and a wrong one read the same; lookups are limited",
          arguments: TestDatabase.all)
    func tracking(database: TestDatabase) async throws {
        try await withTestApp(database, settings: { $0.today = Self.today }) { app in
            let w = try await Self.world(app)
            let created = try await app.api(.POST, "/api/cases", token: w.clerk, json: """
                {"unitCode": "T-C", "kind": "denunciation", "receivedOn": "2026-11-20", "subject": "Tố cáo cán bộ xã nhận hối lộ", "registerReference": "Sổ mật 4"}
                """)
            let code = try #require((try Self.json(created))["trackingCode"] as? String)
            let found = try await app.page(.GET, "/tra-cuu?code=\(code.lowercased().replacingOccurrences(of: "-", with: ""))", headers: [:])
            #expect(found.status == .ok && found.body.string.contains("Đảng ủy xã Lũng Cú") && found.body.string.contains("Đã tiếp nhận"))
            #expect(!found.body.string.contains("hối lộ") && !found.body.string.contains("Sổ mật"), "never the content of a denunciation")
            let unknown = try await app.page(.GET, "/tra-cuu?code=ABCD-EFGH", headers: [:])
            let garbage = try await app.page(.GET, "/tra-cuu?code=%27%20OR%201%3D1", headers: [:])
            #expect(unknown.status == .notFound && garbage.status == .notFound)
            #expect(unknown.body.string.contains("Không tìm thấy vụ việc") && garbage.body.string.contains("Không tìm thấy vụ việc"))
            var statuses: [HTTPStatus] = []
            for _ in 0..<makeTestSettings().publicLookups {
                statuses.append(try await app.page(.GET, "/tra-cuu?code=ZZZZ-ZZZZ", headers: [:]).status)
            }
            #expect(statuses.last == .tooManyRequests, "after the limit of lookups from one address the page refuses")
            #expect(try await app.page(.GET, "/tra-cuu?code=\(code)", headers: [:]).status == .tooManyRequests)
        }
    }

    @Test("the public rate limit: the limit within a window, one address never spends another's, the window slides")
    func rateLimitWindow() {
        let limit = PublicRateLimit()
        let start = Date(timeIntervalSince1970: 1_000_000)
        let first = (0..<5).map { limit.allow("a", limit: 5, window: 600, now: start.addingTimeInterval(Double($0))) }
        #expect(first == Array(repeating: true, count: 5))
        #expect(!limit.allow("a", limit: 5, window: 600, now: start.addingTimeInterval(10)))
        #expect(limit.allow("b", limit: 5, window: 600, now: start.addingTimeInterval(10)))
        #expect(!limit.allow("a", limit: 5, window: 600, now: start.addingTimeInterval(600)), "as the next window opens the previous one still weighs fully")
        #expect(limit.allow("a", limit: 5, window: 600, now: start.addingTimeInterval(1_100)), "most of the previous window has slid away")
        #expect(limit.allow("a", limit: 5, window: 600, now: start.addingTimeInterval(5_000)), "long after, the count starts again")
    }

    @Test("the public cache: one read per lifetime, misses included; a lifetime of 0 keeps nothing")
    func publicCache() async throws {
        let cache = PublicCache<String>(lifetime: 60)
        let start = Date(timeIntervalSince1970: 1_000_000)
        let reads = NIOLockedValueBox(0)
        func read(_ answer: String?) -> String? { reads.withLockedValue { $0 += 1 }; return answer }
        #expect(try await cache.value(for: "A", now: start) { read("đang xử lý") } == "đang xử lý")
        #expect(try await cache.value(for: "A", now: start.addingTimeInterval(59)) { read("đã trả lời") } == "đang xử lý")
        #expect(try await cache.value(for: "A", now: start.addingTimeInterval(61)) { read("đã trả lời") } == "đã trả lời")
        #expect(try await cache.value(for: "B", now: start) { read(nil) } == nil)
        #expect(try await cache.value(for: "B", now: start.addingTimeInterval(1)) { read("x") } == nil, "a miss is kept too")
        #expect(reads.withLockedValue { $0 } == 3)
        let none = PublicCache<String>(lifetime: 0)
        _ = try await none.value(for: "A", now: start) { read("1") }
        #expect(try await none.value(for: "A", now: start) { read("2") } == "2")
    }
}
