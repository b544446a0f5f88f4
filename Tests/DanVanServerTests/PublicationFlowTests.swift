import DanVanCore
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import DanVanServer

/// The publication register: what a commune owes on a day, what it published, how the level
/// above sees every commune, and the rule versions that judge each deadline.
@Suite("Publication to the people: the register, what is owed, compliance")
struct PublicationFlowTests {
    static let today = CivilDate(year: 2026, month: 11, day: 30)!

    /// Two communes' People's Committees under the fixture's provincial one (T-O).
    static func communes(_ app: Application) async throws -> Fixture {
        let fixture = try await Fixture.tree(app)
        for (code, name) in [("T-OA", "Ủy ban nhân dân xã Lũng Cú"), ("T-OB", "Ủy ban nhân dân xã Ma Lé")] {
            _ = try await UnitCreation.perform(UnitDraft(code: code, name: name, kind: UnitKind.peoplesCommittee.rawValue, level: UnitLevel.commune.rawValue,
                                                         validFrom: "2025-07-01"),
                                               parentCode: "T-O", reportsToCode: nil, by: .commandLine, on: app.db)
        }
        return fixture
    }

    static func json(_ response: TestingHTTPResponse) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(buffer: response.body))
    }

    @Test("a quarter's budget published on time is met; the other commune owes it; the province sees both", arguments: TestDatabase.all)
    func owedAndCompliance(database: TestDatabase) async throws {
        try await withTestApp(database, settings: { $0.today = Self.today }) { app in
            let fixture = try await Self.communes(app)
            let clerk = try await fixture.token(for: try await fixture.user("vp-xa", .reporter, at: "T-OA"))
            let created = try await app.api(.POST, "/api/publications", token: clerk, json: """
                {"unitCode": "T-OA", "ruleCode": "ns-thuchien", "period": "2026-q3", "title": "Công khai thực hiện ngân sách quý III/2026",
                 "docNumber": "45/QĐ-UBND", "docDate": "2026-10-08", "forms": ["tru_so", "cong_tt"], "startsOn": "2026-10-10", "endsOn": "2027-01-10"}
                """)
            #expect(created.status == .created, "\(created.body.string)")
            #expect(created.body.string.contains("\"period\":\"2026-Q3\"") && created.body.string.contains("\"status\":\"posted\""))
            let mine = try #require(try Self.json(try await app.api(.GET, "/api/publications/due?unit=T-OA&date=2026-11-30", token: clerk)) as? [String: Any])
            let obligations = try #require(mine["obligations"] as? [[String: Any]])
            let q3 = obligations.first { $0["ruleCode"] as? String == "ns-thuchien" && $0["period"] as? String == "2026-Q3" }
            #expect(q3?["status"] as? String == "on_time" && q3?["publishedOn"] as? String == "2026-10-10")
            let owed = try #require(mine["owed"] as? [[String: Any]])
            #expect(!owed.contains { $0["ruleCode"] as? String == "ns-thuchien" && $0["period"] as? String == "2026-Q3" })
            #expect(owed.allSatisfy { $0["status"] as? String == "overdue" || $0["status"] as? String == "due" } && !owed.isEmpty)
            let other = try await app.api(.GET, "/api/publications/due?unit=T-OB&date=2026-11-30", token: try await fixture.token(for: try await fixture.user("ubnd-tinh", .manager, at: "T-O")))
            #expect(other.body.string.contains("\"period\":\"2026-Q3\"") && other.body.string.contains("\"status\":\"overdue\""))
            let before = try #require(try Self.json(try await app.api(.GET, "/api/publications/due?unit=T-OA&date=2026-10-01", token: clerk)) as? [String: Any])
            #expect(!((before["obligations"] as? [[String: Any]]) ?? []).contains { $0["period"] as? String == "2026-Q3" && $0["ruleCode"] as? String == "ns-thuchien" && $0["status"] as? String == "overdue" },
                    "on 1 October the third quarter's deadline (15 October) has not passed")
            let todo = try await app.page(.GET, "/", headers: try await fixture.browser(for: try await fixture.user("vp-xa-b", .reporter, at: "T-OB")))
            #expect(todo.body.string.contains("Công khai: Tình hình thực hiện dự toán ngân sách xã trong quý – Quý III/2026"),
                    "what the commune owes is on its to-do page")
            let province = try await app.page(.GET, "/publications?unit=T-O", headers: try await fixture.browser(for: try await fixture.user("xem-tinh", .viewer, at: "T-O")))
            #expect(province.status == .ok)
            #expect(province.body.string.contains("Ủy ban nhân dân xã Lũng Cú") && province.body.string.contains("Ủy ban nhân dân xã Ma Lé"))
            #expect(province.body.string.contains("Công khai thực hiện ngân sách quý III/2026"), "what is posted across the communes")
            let share = try await PublicationTargets.share(under: try await fixture.unit("T-O"), on: Self.today, db: app.db)
            let ownDue = try #require(mine["compliance"] as? [String: Any])["due"] as? Int ?? 0
            #expect(share.onTime == 1 && share.due == 2 * ownDue, "both communes' items summed, one met on time: \(share)")
            let row = DashboardQueries.TargetRow(text: "100% xã thực hiện công khai đúng quy định", threshold: Threshold(.eq, 100, measure: .percent),
                                                 indicatorID: 0, planLabel: "KH", planID: 0, line: 1, kind: .publicationShare, perUnit: nil)
            let period = try #require(ReportPeriod(code: "2026-Q4"))
            let evaluated = try await PublicationTargets.evaluations([row], unit: try await fixture.unit("T-O"), period: period, on: app.db)
            #expect(evaluated[0]?.status == .notMet && evaluated[0]?.explanation.hasPrefix("1/") == true, "\(String(describing: evaluated[0]))")
            let listed = try await app.api(.GET, "/api/publications?unit=T-O&status=posted", token: clerk)
            #expect(listed.status == .forbidden, "a commune clerk does not read the province's register")
            let badStatus = try await app.api(.GET, "/api/publications?unit=T-OA&status=treo", token: clerk)
            #expect(badStatus.status == .unprocessableEntity && badStatus.body.string.contains("treo"))
        }
    }

    @Test("every bad field is named, nothing is stored; ending is version-checked", arguments: TestDatabase.all)
    func badInput(database: TestDatabase) async throws {
        try await withTestApp(database, settings: { $0.today = Self.today }) { app in
            let fixture = try await Self.communes(app)
            let clerk = try await fixture.token(for: try await fixture.user("vp-xa", .reporter, at: "T-OA"))
            let refused = try await app.api(.POST, "/api/publications", token: clerk, json: """
                {"unitCode": "T-OA", "ruleCode": "ns-thuchien", "period": "2026", "title": "", "forms": ["tru_so", "bang-ron"],
                 "startsOn": "2026-10-10", "endsOn": "2026-10-01", "loudspeakerDays": "3", "proofLink": "javascript:alert(1)", "docDate": "31/02/2026"}
                """)
            #expect(refused.status == .unprocessableEntity)
            for expected in ["Ngày kết thúc 01/10/2026 trước ngày bắt đầu 10/10/2026", "Kỳ \\\"2026\\\" không hợp", "Tiêu đề", "bang-ron",
                             "chưa chọn hình thức", "javascript:alert(1)", "Ngày văn bản"] {
                #expect(refused.body.string.contains(expected), "\(expected) in \(refused.body.string)")
            }
            let unknown = try await app.api(.POST, "/api/publications", token: clerk, json: #"{"unitCode": "T-OA", "ruleCode": "khong-co", "title": "X", "forms": ["tru_so"], "startsOn": "2026-10-10"}"#)
            #expect(unknown.status == .unprocessableEntity && unknown.body.string.contains("khong-co"))
            #expect(try await Publication.query(on: app.db).count() == 0, "nothing stored")

            let page = try await app.page(.POST, "/publications/new", headers: try await fixture.browser(for: try await fixture.user("vp-xa-2", .reporter, at: "T-OA")),
                                          form: ["unitCode": "T-OA", "ruleCode": "tthc", "title": "Niêm yết thủ tục", "startsOn": "2026-11-20", "endsOn": "2026-11-01", "forms[]": "tru_so"])
            #expect(page.status == .unprocessableEntity && page.body.string.contains("trước ngày bắt đầu") && page.body.string.contains("Niêm yết thủ tục"),
                    "the form comes back with the message and what was typed")

            let made = try await app.api(.POST, "/api/publications", token: clerk, json: """
                {"unitCode": "T-OA", "ruleCode": "dat-thuhoi", "title": "Thông báo thu hồi đất", "forms": ["tru_so"], "startsOn": "2026-11-01", "endsOn": "2026-11-05"}
                """)
            #expect(made.status == .created)
            #expect(made.body.string.contains("5 ngày, ít hơn 30 ngày") && made.body.string.contains("loa ít nhất 3 ngày"),
                    "what the rule asks beyond the fields is shown, not refused: \(made.body.string)")
            let id = try #require((try Self.json(made) as? [String: Any])?["id"] as? Int)
            let early = try await app.api(.POST, "/api/publications/\(id)/end", token: clerk, json: #"{"onDate": "2026-10-01", "version": 1}"#)
            #expect(early.status == .unprocessableEntity && early.body.string.contains("trước ngày bắt đầu"))
            let stale = try await app.api(.POST, "/api/publications/\(id)/end", token: clerk, json: #"{"onDate": "2026-11-03", "version": 7}"#)
            #expect(stale.status == .conflict)
            let ended = try await app.api(.POST, "/api/publications/\(id)/end", token: clerk, json: #"{"onDate": "2026-11-03", "version": 1}"#)
            #expect(ended.status == .ok && ended.body.string.contains("\"endsOn\":\"2026-11-03\"") && ended.body.string.contains("\"status\":\"ended\""))
            let again = try await app.api(.POST, "/api/publications/\(id)/end", token: clerk, json: #"{"onDate": "2026-11-03", "version": 1}"#)
            #expect(again.status == .conflict, "the second writer with the old version is refused")
        }
    }

    @Test("a province's own rule judges deadlines from its date; an older deadline keeps the national verdict", arguments: TestDatabase.all)
    func datedRules(database: TestDatabase) async throws {
        try await withTestApp(database, settings: { $0.today = Self.today }) { app in
            let fixture = try await Self.communes(app)
            let unit = try await fixture.unit("T-OA")
            var input = PublicationRecording.Input()
            (input.unitCode, input.ruleCode, input.title, input.forms) = ("T-OA", "ns-thuchien", "Ngân sách", ["tru_so", "cong_tt"])
            for (period, starts) in [("2026-Q1", "2026-04-18"), ("2026-Q2", "2026-07-18")] {
                (input.period, input.startsOn) = (period, starts)
                _ = try await PublicationRecording.create(input, by: .commandLine, on: app.db)
            }
            func states() async throws -> [String: PublicationObligation.State] {
                let owed = try await PublicationRegister.obligations(of: unit, on: Self.today, db: app.db).filter { $0.rule.code == "ns-thuchien" }
                return Dictionary(uniqueKeysWithValues: owed.map { ($0.period.key, $0.state) })
            }
            let national = try await states()
            #expect(national["2026-Q1"] == .late && national["2026-Q2"] == .late, "18 days after the quarter is late under the 15-day rule")
            let province = try await fixture.unit("T-O")
            try await (app.db as! any SQLDatabase).raw("""
                INSERT INTO publication_rules (code, title, article, frequency, due_from, due_days, min_days, loudspeaker_days, forms, province_id, issued_by, valid_from, position)
                VALUES ('ns-thuchien', 'Tình hình thực hiện ngân sách xã trong quý', 'Điều 11', 'quarterly', 'period_end', 20, 30, 0, 'tru_so', \(bind: province.requireID),
                        'Quyết định 12/2026/QĐ-UBND tỉnh', '2026-07-01', 2)
                """).run()
            let after = try await states()
            #expect(after["2026-Q1"] == .late, "the first quarter's deadline fell before the province's rule: its verdict stands")
            #expect(after["2026-Q2"] == .onTime, "the second quarter's deadline (20 July) is judged by the province's rule")
            let elsewhere = try await PublicationRules.binding(try await fixture.unit("T-D").requireID, on: app.db)
            #expect(elsewhere.filter { $0.code == "ns-thuchien" }.count == 1, "a unit outside the province keeps the national rule only")
        }
    }

    @Test("a consultation shorter than the rule needs a reason; a vote cannot count more than its households; more than half passes", arguments: TestDatabase.all)
    func consultations(database: TestDatabase) async throws {
        try await withTestApp(database, settings: { $0.today = Self.today }) { app in
            let fixture = try await Self.communes(app)
            _ = try await UnitCreation.perform(UnitDraft(code: "T-OA-B1", name: "Thôn Lô Lô Chải", kind: UnitKind.village.rawValue, level: UnitLevel.grassroots.rawValue),
                                               parentCode: "T-OA", reportsToCode: nil, by: .commandLine, on: app.db)
            let clerk = try await fixture.token(for: try await fixture.user("vp-xa", .manager, at: "T-OA"))
            let short = try await app.api(.POST, "/api/consultations", token: clerk, json: """
                {"unitCode": "T-OA", "kind": "consultation", "subject": "Dự thảo quy hoạch", "startsOn": "2026-09-01", "endsOn": "2026-09-12"}
                """)
            #expect(short.status == .unprocessableEntity && short.body.string.contains("12 ngày, ít hơn 20 ngày") && short.body.string.contains("lý do"))
            let overCount = try await app.api(.POST, "/api/consultations", token: clerk, json: """
                {"unitCode": "T-OA", "kind": "meeting", "villageCode": "T-OB", "subject": "Đóng góp làm đường", "startsOn": "2026-09-01",
                 "households": 40, "participants": 45, "votesFor": 30, "votesAgainst": 12, "votesAbstain": 5}
                """)
            #expect(overCount.status == .unprocessableEntity)
            for expected in ["Số hộ tham gia (45) nhiều hơn số hộ của thôn (40)", "Tổng số phiếu (47)", "không phải thôn, bản của Ủy ban nhân dân xã Lũng Cú"] {
                #expect(overCount.body.string.contains(expected), "\(expected) in \(overCount.body.string)")
            }
            #expect(try await Consultation.query(on: app.db).count() == 0, "nothing stored")
            let reasoned = try await app.api(.POST, "/api/consultations", token: clerk, json: """
                {"unitCode": "T-OA", "kind": "consultation", "subject": "Dự thảo quy hoạch", "startsOn": "2026-09-01", "endsOn": "2026-09-12", "shortReason": "Kịp hạn đăng ký vốn"}
                """)
            #expect(reasoned.status == .created && reasoned.body.string.contains("ít hơn 20 ngày theo quy định; lý do: Kịp hạn đăng ký vốn"), "kept, and flagged")
            let vote = try await app.api(.POST, "/api/consultations", token: clerk, json: """
                {"unitCode": "T-OA", "kind": "meeting", "villageCode": "T-OA-B1", "subject": "Đóng góp làm đường", "startsOn": "2026-09-01",
                 "households": 40, "participants": 36, "votesFor": 20, "votesAgainst": 12, "votesAbstain": 4}
                """)
            #expect(vote.status == .created && vote.body.string.contains("Không được thông qua (20/40"), "half is not more than half: \(vote.body.string)")
            let passed = try await app.api(.POST, "/api/consultations", token: clerk, json: """
                {"unitCode": "T-OA", "kind": "questionnaire", "villageCode": "T-OA-B1", "subject": "Giờ sinh hoạt nhà văn hóa", "startsOn": "2026-10-01",
                 "households": 40, "votesFor": 21}
                """)
            #expect(passed.status == .created && passed.body.string.contains("Được thông qua (21/40"))
            let id = try #require((try Self.json(passed) as? [String: Any])?["id"] as? Int)
            #expect(try await app.api(.POST, "/api/consultations/\(id)/publish", token: clerk, json: #"{"onDate": "2026-10-05", "version": 9}"#).status == .conflict)
            let future = try await app.api(.POST, "/api/consultations/\(id)/publish", token: clerk, json: #"{"onDate": "2026-12-25", "version": 1}"#)
            #expect(future.status == .unprocessableEntity)
            let published = try await app.api(.POST, "/api/consultations/\(id)/publish", token: clerk, json: #"{"onDate": "2026-10-05", "version": 1}"#)
            #expect(published.status == .ok && published.body.string.contains("05/10/2026"))
            let page = try await app.page(.GET, "/p/T-OA", headers: [:])
            #expect(page.body.string.contains("Giờ sinh hoạt nhà văn hóa") && !page.body.string.contains("Dự thảo quy hoạch"),
                    "only results that were published reach the public page")
        }
    }

    @Test("boards: a people's inspection board is the commune's, terms do not overlap, members are named; villages without one are counted", arguments: TestDatabase.all)
    func boards(database: TestDatabase) async throws {
        try await withTestApp(database, settings: { $0.today = Self.today }) { app in
            let fixture = try await Self.communes(app)
            for (code, name) in [("T-OA-B1", "Thôn Lô Lô Chải"), ("T-OA-B2", "Thôn Séo Lủng")] {
                _ = try await UnitCreation.perform(UnitDraft(code: code, name: name, kind: UnitKind.village.rawValue, level: UnitLevel.grassroots.rawValue),
                                                   parentCode: "T-OA", reportsToCode: nil, by: .commandLine, on: app.db)
            }
            let clerk = try await fixture.token(for: try await fixture.user("vp-xa", .reporter, at: "T-OA"))
            let bad = try await app.api(.POST, "/api/oversight-boards", token: clerk, json: """
                {"unitCode": "T-OA", "villageCode": "T-OA-B1", "kind": "people_inspection", "decision": "", "termFrom": "2024-09-15", "termTo": "2024-01-01", "members": "Một người"}
                """)
            #expect(bad.status == .unprocessableEntity)
            for expected in ["được bầu ở cấp xã", "Quyết định công nhận", "trước khi bắt đầu", "ít nhất 3 thành viên"] {
                #expect(bad.body.string.contains(expected), "\(expected) in \(bad.body.string)")
            }
            let elsewhere = try await app.api(.POST, "/api/oversight-boards", token: clerk, json: """
                {"unitCode": "T-OA", "villageCode": "T-X", "kind": "investment_supervision", "decision": "QĐ 1", "termFrom": "2024-09-15", "members": "A\\nB\\nC"}
                """)
            #expect(elsewhere.status == .unprocessableEntity && elsewhere.body.string.contains("không phải thôn, bản"))
            let crowd = (1...60).map { "Thành viên \($0)" }.joined(separator: "\\n")
            let tooMany = try await app.api(.POST, "/api/oversight-boards", token: clerk, json: """
                {"unitCode": "T-OA", "villageCode": "T-OA-B2", "kind": "investment_supervision", "decision": "QĐ 2", "termFrom": "2024-09-15", "members": "\(crowd)"}
                """)
            #expect(tooMany.status == .unprocessableEntity && tooMany.body.string.contains("tối đa 50 thành viên"))
            #expect(try await OversightBoard.query(on: app.db).count() == 0)
            let made = try await app.api(.POST, "/api/oversight-boards", token: clerk, json: """
                {"unitCode": "T-OA", "villageCode": "T-OA-B1", "kind": "investment_supervision", "decision": "Quyết định số 5/QĐ-MTTQ", "termFrom": "2024-09-15", "termTo": "2029-09-14", "members": "Lò Văn A – Trưởng ban\\nGiàng Thị B\\nSùng A C"}
                """)
            #expect(made.status == .created, "\(made.body.string)")
            let twice = try await app.api(.POST, "/api/oversight-boards", token: clerk, json: """
                {"unitCode": "T-OA", "villageCode": "T-OA-B1", "kind": "investment_supervision", "decision": "Quyết định số 6", "termFrom": "2026-01-01", "members": "A\\nB\\nC"}
                """)
            #expect(twice.status == .unprocessableEntity && twice.body.string.contains("nhiệm kỳ không được trùng"))
            let row = DashboardQueries.TargetRow(text: "100% thôn thành lập Ban Giám sát đầu tư của cộng đồng", threshold: Threshold(.eq, 100, measure: .percent),
                                                 indicatorID: 0, planLabel: "KH", planID: 0, line: 1, kind: .boardCoverage, perUnit: nil)
            let evaluated = try await BoardCoverage.evaluations([row], unit: try await fixture.unit("T-OA"), period: try #require(ReportPeriod(code: "2026-Q4")), on: app.db)
            #expect(evaluated[0]?.status == .notMet && evaluated[0]?.explanation.contains("1/2") == true && evaluated[0]?.explanation.contains("Thôn Séo Lủng") == true,
                    "\(String(describing: evaluated[0]))")
            let listed = try await app.api(.GET, "/api/oversight-boards?unit=T-OA", token: clerk)
            #expect(listed.body.string.contains("\"withBoard\":1") && listed.body.string.contains("\"places\":2"))

            let boardID = try #require((try await OversightBoard.query(on: app.db).first())?.id)
            let noDue = try await app.api(.POST, "/api/board-recommendations", token: clerk, json: #"{"boardID": \#(boardID), "unitCode": "T-OA", "text": "Làm rãnh thoát nước", "madeOn": "2026-10-01", "dueOn": "2026-09-01"}"#)
            #expect(noDue.status == .unprocessableEntity && noDue.body.string.contains("trước ngày kiến nghị"))
            let recommended = try await app.api(.POST, "/api/board-recommendations", token: clerk, json: #"{"boardID": \#(boardID), "unitCode": "T-OA", "text": "Làm rãnh thoát nước", "madeOn": "2026-10-01", "dueOn": "2026-11-01"}"#)
            #expect(recommended.status == .created && recommended.body.string.contains("Quá hạn"), "\(recommended.body.string)")
            let todo = try await app.page(.GET, "/", headers: try await fixture.browser(for: try await fixture.user("vp-xa-3", .reporter, at: "T-OA")))
            #expect(todo.body.string.contains("Trả lời kiến nghị của ban giám sát: Làm rãnh thoát nước"))
            let id = try #require((try Self.json(recommended) as? [String: Any])?["id"] as? Int)
            let bare = try await app.api(.POST, "/api/board-recommendations/\(id)/actions", token: clerk, json: #"{"action": "report", "text": "", "version": 1}"#)
            #expect(bare.status == .unprocessableEntity && bare.body.string.contains("Nội dung trả lời"))
            let answered = try await app.api(.POST, "/api/board-recommendations/\(id)/actions", token: clerk, json: #"{"action": "report", "text": "Đã làm 200 m rãnh.", "onDate": "2026-11-10", "version": 1}"#)
            #expect(answered.status == .ok && answered.body.string.contains("Trễ hạn") == false && answered.body.string.contains("chờ xác nhận"))
            let shortReason = try await app.api(.POST, "/api/board-recommendations/\(id)/actions", token: clerk, json: #"{"action": "close", "text": "xong", "version": 2}"#)
            #expect(shortReason.status == .unprocessableEntity && shortReason.body.string.contains("quá ngắn"))
            let accepted = try await app.api(.POST, "/api/board-recommendations/\(id)/actions", token: clerk, json: #"{"action": "accept", "version": 2}"#)
            #expect(accepted.status == .ok && accepted.body.string.contains("Đã giải quyết") && accepted.body.string.contains("Trễ hạn"),
                    "answered after its date: late, like a requirement: \(accepted.body.string)")
        }
    }
}
