import DanVanCore
@testable import DanVanDocuments
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import DanVanServer

/// Inspections: recorded by the inspecting unit, concluded with findings and requirements; each
/// requirement becomes the inspected unit's work and is followed until the inspecting unit
/// accepts the remedy or closes it with a reason.
@Suite("Inspection: conclusions and requirements followed to closure")
struct InspectionFlowTests {
    static let today = CivilDate(year: 2026, month: 11, day: 30)!

    static let inspection = """
        {"unitCode": "T-D", "kind": "inspection", "title": "Kiểm tra công tác dân vận năm 2026 tại xã Lũng Cú", "team": "Đoàn kiểm tra số 1",
         "decisionNumber": "12-QĐ/HU", "decisionDate": "2026-04-01", "subjects": ["T-C", "T-X"], "startsOn": "2026-04-14", "endsOn": "2026-04-16",
         "contents": "Việc thực hiện Quy chế dân chủ ở cơ sở.",
         "conclusion": {"conclusionNumber": "30-TB/HU", "concludedOn": "2026-05-05",
           "findings": [{"unitCode": "T-C", "type": "strength", "text": "Ban hành kế hoạch kịp thời."},
                        {"unitCode": "T-C", "type": "shortcoming", "text": "Chưa công khai kết quả đối thoại.", "severity": "moderate"},
                        {"unitCode": "T-X", "type": "violation", "text": "Không họp Tổ dân vận quý I.", "severity": "serious"}],
           "requirements": [{"unitCode": "T-C", "text": "Công khai kết quả đối thoại trên bảng tin.", "dueOn": "2026-06-30"},
                            {"unitCode": "T-X", "text": "Họp Tổ dân vận định kỳ và báo cáo.", "dueOn": "2026-07-31"}]}}
        """

    static func json(_ response: TestingHTTPResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
    }

    @Test("a requirement is the inspected unit's work: on its to-do and tasks pages, reported by it, accepted only by the inspecting unit",
          arguments: TestDatabase.all)
    func followedToClosure(database: TestDatabase) async throws {
        try await withTestApp(database, settings: { $0.today = Self.today }) { app in
            let fixture = try await Fixture.tree(app)
            let district = try await fixture.token(for: try await fixture.user("bdv-huyen", .manager, at: "T-D"))
            let communeUser = try await fixture.user("xa", .reporter, at: "T-C")
            let commune = try await fixture.token(for: communeUser)
            let created = try await app.api(.POST, "/api/inspections", token: district, json: Self.inspection)
            #expect(created.status == .created, "\(created.body.string)")
            let body = try Self.json(created)
            let requirements = try #require(body["requirements"] as? [[String: Any]])
            #expect(requirements.count == 2 && (body["findings"] as? [Any])?.count == 3)
            let first = try #require(requirements.first { $0["unitCode"] as? String == "T-C" })
            let id = try #require(first["id"] as? Int)
            #expect(first["state"] as? String == "open" && first["timeliness"] as? String == "overdue")

            let browser = try await fixture.browser(for: communeUser)
            let todo = try await app.page(.GET, "/", headers: browser)
            #expect(todo.body.string.contains("Khắc phục sau kiểm tra: Công khai kết quả đối thoại"), "the commune's to-do lists its requirement")
            let tasks = try await app.page(.GET, "/tasks", headers: browser)
            #expect(tasks.body.string.contains("Khắc phục sau kiểm tra, giám sát (1)"), "the commune's tasks page lists its requirement")

            let accept = try await app.api(.POST, "/api/inspection-requirements/\(id)/actions", token: commune, json: #"{"action": "accept", "version": 1}"#)
            #expect(accept.status == .forbidden, "the inspected unit cannot accept its own remedy")
            let bare = try await app.api(.POST, "/api/inspection-requirements/\(id)/actions", token: commune, json: #"{"action": "report", "version": 1}"#)
            #expect(bare.status == .unprocessableEntity && bare.body.string.contains("Kết quả khắc phục và minh chứng"), "a remedy without evidence is refused")
            let reported = try await app.api(.POST, "/api/inspection-requirements/\(id)/actions", token: commune,
                                             json: #"{"action": "report", "onDate": "2026-06-20", "text": "Đã niêm yết ngày 20/6, biên bản số 5.", "version": 1}"#)
            #expect(try reported.status == .ok && (Self.json(reported))["timeliness"] as? String == "inTime", "\(reported.body.string)")
            let stale = try await app.api(.POST, "/api/inspection-requirements/\(id)/actions", token: district, json: #"{"action": "accept", "version": 1}"#)
            #expect(stale.status == .conflict, "an answer to an older version is refused")
            let accepted = try await app.api(.POST, "/api/inspection-requirements/\(id)/actions", token: district, json: #"{"action": "accept", "version": 2}"#)
            #expect(try accepted.status == .ok && (Self.json(accepted))["timeliness"] as? String == "onTime", "\(accepted.body.string)")
            let again = try await app.api(.POST, "/api/inspection-requirements/\(id)/actions", token: district, json: #"{"action": "close", "text": "Không còn cần thiết nữa.", "version": 3}"#)
            #expect(again.status == .conflict, "an accepted requirement is not closed again")

            let summary = try await InspectionQueries.summary(of: try await fixture.unit("T-D").requireID, year: 2026, today: Self.today, on: app.db)
            #expect(summary.byKind[.inspection] == 1 && summary.unitsInspected == 2 && summary.findings[.violation] == 1)
            #expect(summary.requirements == TimelinessCounts(onTime: 1, late: 0, inTime: 0, overdue: 1))
            let june = try await InspectionQueries.summary(of: try await fixture.unit("T-D").requireID, year: 2026, today: CivilDate(year: 2026, month: 6, day: 30)!, on: app.db)
            #expect(june.requirements == TimelinessCounts(onTime: 0, late: 0, inTime: 2, overdue: 0), "as of June the remedy was reported, not yet accepted")
            let review = try #require(try await TrainingInspectionReview.figures(unit: try await fixture.unit("T-D"), year: 2026, asOf: Self.today, on: app.db))
            #expect(review.sentences.contains("Tiến hành 1 cuộc kiểm tra, giám sát (kiểm tra 1) đối với 2 đơn vị; kết luận nêu 1 ưu điểm, 1 hạn chế, 1 vi phạm."))
            #expect(review.sentences.contains("Yêu cầu khắc phục sau kiểm tra, giám sát: 2 yêu cầu; đã khắc phục 1 (1 đúng hạn, 0 trễ hạn), đang khắc phục 1 (1 quá hạn)."),
                    "\(review.sentences)")
            let measures = InspectionRemedySource.measures(try await InspectionRequirement.query(on: app.db).all(), asOf: Self.today)
            let communeID = try await fixture.unit("T-C").requireID, cell = try await fixture.unit("T-X").requireID
            #expect(measures[communeID] == PrefillMeasure(numerator: 1, denominator: 1, figures: "1/1 yêu cầu sau kiểm tra, giám sát khắc phục đúng hạn"))
            #expect(measures[cell]?.numerator == 0 && measures[cell]?.denominator == 1, "an overdue requirement pre-fills its unit's criterion at zero")
            let todoAfter = try await app.page(.GET, "/", headers: browser)
            #expect(!todoAfter.body.string.contains("Công khai kết quả đối thoại"), "an accepted requirement leaves the to-do list")
        }
    }

    @Test("a report on the page carries its evidence files: kept with the step, opened by the inspecting unit; a wrong kind of file leaves nothing",
          arguments: TestDatabase.all)
    func evidenceFiles(database: TestDatabase) async throws {
        try await withTestApp(database, settings: { $0.today = Self.today }) { app in
            let fixture = try await Fixture.tree(app)
            let districtUser = try await fixture.user("bdv-huyen", .manager, at: "T-D")
            let created = try await app.api(.POST, "/api/inspections", token: try await fixture.token(for: districtUser), json: Self.inspection)
            let body = try Self.json(created)
            let inspectionID = try #require(body["id"] as? Int)
            let id = try #require((body["requirements"] as? [[String: Any]])?.first { $0["unitCode"] as? String == "T-C" }?["id"] as? Int)
            let commune = try await fixture.browser(for: try await fixture.user("xa", .reporter, at: "T-C"))
            let fields = ["action": "report", "onDate": "2026-06-20", "text": "Đã niêm yết kết quả đối thoại, biên bản số 5.", "version": "1"]

            let disguised = try await app.upload("/inspections/requirements/\(id)/actions", headers: commune, fields: fields,
                                                 files: [("files[]", "bien-ban.pdf", Data("MZ not a pdf".utf8))])
            #expect(disguised.status == .unprocessableEntity, "\(disguised.status)")
            let unchanged = try #require(try await InspectionRequirement.find(id, on: app.db))
            #expect(unchanged.state == .open && unchanged.version == 1, "a refused file refuses the whole report")
            let kept = (try await CitizenCaseTests.count("requirement_files", on: app.db), try await CitizenCaseTests.count("requirement_events", on: app.db))
            #expect(kept == (0, 0), "no file and no step kept")

            let reported = try await app.upload("/inspections/requirements/\(id)/actions", headers: commune, fields: fields,
                                                files: [("files[]", "bien-ban.pdf", Data("%PDF-1.4 biên bản".utf8))])
            #expect(reported.status == .seeOther, "\(reported.body.string.prefix(400))")
            #expect(try await InspectionRequirement.find(id, on: app.db)?.state == .reported)
            let page = try await app.page(.GET, "/inspections/\(inspectionID)", headers: try await fixture.browser(for: districtUser))
            let link = try #require(page.body.string.range(of: #"/inspections/requirement-files/\d+"#, options: .regularExpression).map { String(page.body.string[$0]) })
            #expect(page.body.string.contains("bien-ban.pdf"), "the history names the file")
            let download = try await app.page(.GET, link, headers: try await fixture.browser(for: districtUser))
            #expect(download.status == .ok && download.body.string.hasPrefix("%PDF-1.4"))
            let stranger = try await app.page(.GET, link, headers: try await fixture.browser(for: try await fixture.user("khac", .manager, at: "T-S")))
            #expect(stranger.status == .forbidden || stranger.status == .notFound, "a unit outside the inspection cannot open the file")
        }
    }

    @Test("the conclusion notice is a Word document in the official layout and the table a workbook", arguments: [TestDatabase.sqlite])
    func documents(database: TestDatabase) async throws {
        try await withTestApp(database, settings: { $0.today = Self.today }) { app in
            let fixture = try await Fixture.tree(app)
            let district = try await fixture.user("bdv-huyen", .manager, at: "T-D")
            let created = try await app.api(.POST, "/api/inspections", token: try await fixture.token(for: district), json: Self.inspection)
            let id = try #require((try Self.json(created))["id"] as? Int)
            let browser = try await fixture.browser(for: district)
            let docx = try await app.page(.GET, "/inspections/\(id)/thong-bao-ket-luan.docx", headers: browser)
            #expect(docx.status == .ok)
            let text = try DocxPlanSource.lines(from: Data(buffer: docx.body), filename: "tb.docx").map(\.text).joined(separator: "\n")
            for expected in ["THÔNG BÁO", "Kết luận kiểm tra công tác dân vận năm 2026 tại xã Lũng Cú", "Quyết định số 12-QĐ/HU", "Ưu điểm", "Hạn chế, khuyết điểm",
                             "Chi bộ thôn Lô Lô Chải: Không họp Tổ dân vận quý I (vi phạm, mức độ nghiêm trọng).",
                             "Đảng ủy xã Lũng Cú: Công khai kết quả đối thoại trên bảng tin; thời hạn khắc phục: 30/06/2026."] {
                #expect(text.contains(expected), "\(expected) in the notice")
            }
            let xlsx = try await app.page(.GET, "/inspections/\(id)/ket-luan.xlsx", headers: browser)
            #expect(xlsx.status == .ok && xlsx.body.readableBytes > 1000)
        }
    }

    @Test("a requirement without a unit or a due date, subjects outside the subtree, closing without a reason: named, nothing stored", arguments: TestDatabase.all)
    func badInput(database: TestDatabase) async throws {
        try await withTestApp(database, settings: { $0.today = Self.today }) { app in
            let fixture = try await Fixture.tree(app)
            let district = try await fixture.token(for: try await fixture.user("bdv-huyen", .manager, at: "T-D"))
            var bad = Self.inspection.replacingOccurrences(of: #"{"unitCode": "T-X", "text": "Họp Tổ dân vận định kỳ và báo cáo.", "dueOn": "2026-07-31"}"#,
                                                           with: #"{"unitCode": "", "text": "Họp Tổ dân vận.", "dueOn": ""}"#)
            bad = bad.replacingOccurrences(of: #""subjects": ["T-C", "T-X"]"#, with: #""subjects": ["T-C", "T-X", "T-S"]"#)
            bad = bad.replacingOccurrences(of: #""concludedOn": "2026-05-05""#, with: #""concludedOn": "2026-12-05""#)
            let refused = try await app.api(.POST, "/api/inspections", token: district, json: bad)
            #expect(refused.status == .unprocessableEntity)
            for expected in ["Yêu cầu thứ 2: thiếu đơn vị chịu trách nhiệm khắc phục", "Yêu cầu thứ 2: thiếu thời hạn khắc phục",
                             "Huyện ủy Mèo Vạc không phải đơn vị cấp dưới", "Ngày kết luận 05/12/2026 sau hôm nay"] {
                #expect(refused.body.string.contains(expected), "\(expected) in \(refused.body.string)")
            }
            let stored = (try await Inspection.query(on: app.db).count(), try await InspectionRequirement.query(on: app.db).count())
            #expect(stored == (0, 0), "nothing stored")

            let created = try await app.api(.POST, "/api/inspections", token: district, json: Self.inspection)
            let id = try #require(((try Self.json(created))["requirements"] as? [[String: Any]])?.first?["id"] as? Int)
            let audit = try await AuditEntry.query(on: app.db).count()
            let closing = try await app.api(.POST, "/api/inspection-requirements/\(id)/actions", token: district, json: #"{"action": "close", "version": 1}"#)
            #expect(closing.status == .unprocessableEntity && closing.body.string.contains("Lý do đóng yêu cầu"), "\(closing.body.string)")
            let unknown = try await app.api(.POST, "/api/inspection-requirements/\(id)/actions", token: district, json: #"{"action": "forget", "version": 1}"#)
            #expect(unknown.status == .unprocessableEntity && unknown.body.string.contains("forget"))
            let row = try #require(try await InspectionRequirement.find(id, on: app.db))
            let auditAfter = try await AuditEntry.query(on: app.db).count()
            #expect(row.state == .open && row.version == 1 && auditAfter == audit, "a refused step changes nothing")
            let closed = try await app.api(.POST, "/api/inspection-requirements/\(id)/actions", token: district,
                                           json: #"{"action": "close", "text": "Đơn vị đã sáp nhập, nội dung chuyển sang kế hoạch năm sau.", "version": 1}"#)
            #expect(try closed.status == .ok && (Self.json(closed))["state"] as? String == "closed")

            let planned = try await app.api(.POST, "/api/inspections", token: district, json: """
                {"unitCode": "T-D", "kind": "thematic_supervision", "title": "Giám sát chuyên đề", "team": "Đoàn giám sát", "subjects": ["T-C"], "startsOn": "2026-10-20"}
                """)
            let plannedID = try #require((try Self.json(planned))["id"] as? Int)
            let noDue = try await app.api(.POST, "/api/inspections/\(plannedID)/conclusion", token: district, json: """
                {"concludedOn": "2026-10-30", "version": 1, "requirements": [{"unitCode": "T-C", "text": "Bổ sung biên bản."}]}
                """)
            #expect(noDue.status == .unprocessableEntity && noDue.body.string.contains("Yêu cầu thứ 1: thiếu thời hạn khắc phục"))
            let staleConclusion = try await app.api(.POST, "/api/inspections/\(plannedID)/conclusion", token: district, json: #"{"concludedOn": "2026-10-30", "version": 7}"#)
            #expect(staleConclusion.status == .conflict)
            #expect(try await Inspection.find(plannedID, on: app.db)?.concludedOn == nil)
        }
    }
}

/// The yearly inspection plan: a plan's task about inspection becomes one item per month in one
/// step, and an inspection recorded for an item carries it out.
@Suite("Inspection plan: items from a plan's task, carried out by inspections")
struct InspectionPlanTests {
    @Test("\"Kiểm tra, giám sát … Tháng 4, 10\" becomes April and October; recording an inspection for April marks it done, once", arguments: TestDatabase.all)
    func fromTask(database: TestDatabase) async throws {
        try await withTestApp(database, settings: { $0.today = InspectionFlowTests.today }) { app in
            let fixture = try await Fixture.tree(app)
            let district = try await fixture.token(for: try await fixture.user("bdv-huyen", .manager, at: "T-D"))
            let planID = try await PlanCreation.perform(unitCode: "T-D", year: 2026, subject: "Kế hoạch công tác dân vận năm 2026", by: .commandLine, on: app.db)
            var version = try #require(try await Plan.find(planID, on: app.db)).version
            let other = try await PlanItemAddition.perform(planID: planID, task: true, planVersion: version, by: .commandLine, on: app.db)
            version = try #require(try await Plan.find(planID, on: app.db)).version
            try await TaskChange.perform(taskID: other, .init(text: "Tổ chức hội nghị đối thoại.", leadUnitCode: "T-D", timing: "Tháng 6", expectedResult: nil),
                                         planVersion: version, by: .commandLine, on: app.db)
            version = try #require(try await Plan.find(planID, on: app.db)).version
            let taskID = try await PlanItemAddition.perform(planID: planID, task: true, planVersion: version, by: .commandLine, on: app.db)
            version = try #require(try await Plan.find(planID, on: app.db)).version
            try await TaskChange.perform(taskID: taskID, .init(text: "Kiểm tra, giám sát việc thực hiện công tác dân vận.", leadUnitCode: "T-D",
                                                               timing: "Tháng 4, 10", expectedResult: nil),
                                         planVersion: version, by: .commandLine, on: app.db)
            let page = try await app.page(.GET, "/inspections?unit=T-D&year=2026", headers: try await fixture.browser(for: try await fixture.user("bdv", .manager, at: "T-D")))
            #expect(page.body.string.contains("Kiểm tra, giám sát việc thực hiện công tác dân vận.") && !page.body.string.contains("Tổ chức hội nghị đối thoại"),
                    "only the task about inspection is offered")
            let notInspection = try await app.api(.POST, "/api/inspection-plan/from-task", token: district, json: #"{"unitCode": "T-D", "taskID": \#(other)}"#)
            #expect(notInspection.status == .unprocessableEntity && notInspection.body.string.contains("không phải nhiệm vụ kiểm tra, giám sát"))
            let made = try await app.api(.POST, "/api/inspection-plan/from-task", token: district, json: #"{"unitCode": "T-D", "taskID": \#(taskID)}"#)
            #expect(made.status == .created && made.body.string.contains("\"month\":4") && made.body.string.contains("\"month\":10"), "\(made.body.string)")
            let again = try await app.api(.POST, "/api/inspection-plan/from-task", token: district, json: #"{"unitCode": "T-D", "taskID": \#(taskID)}"#)
            #expect(again.body.string == "[]", "a second step adds no month twice")
            let april = try #require(try await InspectionPlanItem.query(on: app.db).filter(\.$month == 4).first())
            let record = #"{"unitCode": "T-D", "title": "Kiểm tra tháng 4", "team": "Đoàn 1", "subjects": ["T-C"], "startsOn": "2026-04-10", "planItemID": \#(april.requireID)}"#
            let recorded = try await app.api(.POST, "/api/inspections", token: district, json: record)
            #expect(recorded.status == .created)
            let twice = try await app.api(.POST, "/api/inspections", token: district, json: record)
            #expect(twice.status == .unprocessableEntity && twice.body.string.contains("đã có cuộc kiểm tra"), "an item is carried out once")
            #expect(try await Inspection.query(on: app.db).count() == 1)
            let plan = try await app.api(.GET, "/api/inspection-plan?unit=T-D&year=2026", token: district)
            #expect(plan.body.string.contains("\"inspectionID\":1"), "\(plan.body.string)")
            let badItem = try await app.api(.POST, "/api/inspection-plan/items", token: district,
                                            json: #"{"unitCode": "T-D", "year": 2026, "month": 13, "contents": "", "subjects": ["T-O"]}"#)
            #expect(badItem.status == .unprocessableEntity)
            for expected in ["Tháng 13 không có", "Nội dung", "không thuộc phạm vi"] {
                #expect(badItem.body.string.contains(expected), "\(expected) in \(badItem.body.string)")
            }
            #expect(try await InspectionPlanItem.query(on: app.db).count() == 2, "nothing stored by the refused item")
        }
    }
}
