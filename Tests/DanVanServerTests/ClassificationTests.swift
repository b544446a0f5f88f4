import DanVanCore
import DanVanDocuments
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import DanVanServer

/// Classification on real databases: a round from opening to publication and reopening, every
/// refusal leaving the stored rows as they were, sets kept and replaced, quotas, and the targets
/// the published results evaluate.
@Suite("Classification")
struct ClassificationTests {
    static let opens = CivilDate(year: 2026, month: 11, day: 16)!
    static let inTime = CivilDate(year: 2026, month: 11, day: 25)!
    static let afterClose = CivilDate(year: 2026, month: 12, day: 15)!

    struct World {
        let app: Application
        let province: Actor
        let district: Actor
        let set: CriteriaSet
        let round: ClassificationRound
        let sheets: [String: Int]

        var db: any Database { app.db }

        func context(_ code: String) async throws -> SheetContext {
            try await SheetContext.load(sheets[code] ?? 0, on: db)
        }

        /// What any refused action must leave as it was.
        func rows() async throws -> [Int] {
            [try await NotificationFlowTests.count("classification_scores", on: db), try await NotificationFlowTests.count("classification_files", on: db),
             try await NotificationFlowTests.count("audit_entries", on: db), try await NotificationFlowTests.count("criteria_sets", on: db),
             try await MatrixWorld.sum("version", of: "classification_sheets", on: db), try await MatrixWorld.sum("version", of: "classification_rounds", on: db)]
        }

        func save(_ code: String, _ entries: [String: SheetScoring.Entry], by actor: Actor? = nil) async throws -> SheetContext {
            let context = try await context(code)
            return try await SheetScoring.save(context.sheet.requireID, entries: entries, version: context.sheet.version, by: actor ?? district, on: db)
        }

        func decide(_ code: String, _ action: SheetAction, reason: String = "", scores: [String: SheetScoring.Entry] = [:], today: CivilDate = inTime,
                    by actor: Actor? = nil) async throws -> SheetContext {
            let context = try await context(code)
            return try await SheetDeciding.decide(context.sheet.requireID, .init(action: action.rawValue, version: context.sheet.version, reason: reason,
                                                                                 scores: scores),
                                                  today: today, by: actor ?? province, on: db)
        }

        /// Every unit-scored criterion filled, the evidence the set asks for attached.
        func fill(_ code: String, reaching points: Int = 80) async throws {
            var left = Points(points)
            let context = try await context(code)
            var entries: [String: SheetScoring.Entry] = [:]
            for leaf in context.definition.leaves where leaf.scorer == .unit && !leaf.kind.isAdjustment {
                let value = min(leaf.maxPoints, left)
                left = left - value
                let prefill = context.scores[leaf.key]?.prefillPoints
                entries[leaf.key] = .init(points: value.short, overrideReason: prefill.map { $0 == value.hundredths } == false ? "Có số liệu ngoài DanVan" : "")
            }
            _ = try await save(code, entries)
            for leaf in context.definition.leaves where leaf.evidenceRequired {
                _ = try await SheetEvidence.attach(sheets[code] ?? 0, criterion: leaf.key, files: [.init(name: "bien-ban.pdf", data: CurrentYearClassification.samplePDF)],
                                                   store: EvidenceStore(dataDirectory: app.settings.dataDirectory), by: district, on: db)
            }
        }
    }

    static func world(_ app: Application, sample: CriteriaSetSamples.Sample = CriteriaSetSamples.governmentWork) async throws -> World {
        let fixture = try await Fixture.tree(app)
        let province = Actor(try await fixture.user("tinh", .manager, at: "T-P"))
        let district = Actor(try await fixture.user("huyen", .reporter, at: "T-D"))
        let set = try await CriteriaSetSaving.perform(.init(unitCode: "T-P", title: sample.title, decision: "Quyết định số 245-QĐ/TU ngày 15/10/2024",
                                                            validFrom: "", unitKinds: [UnitKind.partyCommittee.rawValue],
                                                            tables: .init(criteria: sample.criteria, bands: sample.bands, gates: sample.gates)),
                                                      by: province, on: app.db)
        let round = try await RoundOpening.perform(.init(unitCode: "T-P", year: 2026, setID: set.requireID, opensOn: "16/11/2026", closesOn: "10/12/2026"),
                                                   today: opens, by: province, on: app.db)
        let sheets = try await ClassificationSheet.query(on: app.db).filter(\.$roundID == round.requireID).all()
        var byCode: [String: Int] = [:]
        for sheet in sheets { byCode[try #require(try await OrgUnit.find(sheet.unitID, on: app.db)).code] = sheet.requireID }
        return World(app: app, province: province, district: district, set: set, round: round, sheets: byCode)
    }

    /// Runs `body`, which must be refused with `status`, and checks nothing stored changed.
    static func refused(_ world: World, _ status: HTTPStatus, containing words: [String] = [], _ body: () async throws -> Void) async throws {
        let before = try await world.rows()
        do {
            try await body()
            Issue.record("expected a refusal (\(status.code)) containing \(words)")
        } catch let error as AppError {
            #expect(error.status == status, "\(error.reason)")
            let text = ([error.reason] + error.issues.map(\.message)).joined(separator: " ")
            for word in words { #expect(text.contains(word), "\"\(word)\" in: \(text)") }
        }
        #expect(try await world.rows() == before, "a refused action stores nothing")
    }

    @Test("opening a round gives each district a draft sheet, pre-filled with its source and figures; a second round for the year is refused",
          arguments: TestDatabase.all)
    func opening(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let world = try await Self.world(app)
            #expect(Set(world.sheets.keys) == ["T-D", "T-S"], "the children of the kinds the set grades, not the people's committee of another tree")
            let context = try await world.context("T-D")
            #expect(context.sheet.state == .draft)
            let plan = try #require(context.scores["I.1"])
            #expect(plan.prefillPoints == 0 && plan.prefillFigures == "Chưa ban hành kế hoạch năm 2026")
            #expect(context.scores["VIII.1"]?.prefillPoints == nil && context.scores["VIII.1"]?.prefillFigures == "Chưa có số liệu trong DanVan",
                    "nothing measured: the unit scores it itself")
            try await Self.refused(world, .conflict, containing: ["đã mở đợt xếp loại năm 2026"]) {
                _ = try await RoundOpening.perform(.init(unitCode: "T-P", year: 2026, setID: world.set.requireID, opensOn: "16/11/2026", closesOn: "10/12/2026"),
                                                   today: Self.opens, by: world.province, on: app.db)
            }
            try await Self.refused(world, .unprocessableEntity, containing: ["Hạn gửi phiếu trước ngày mở đợt"]) {
                _ = try await RoundOpening.perform(.init(unitCode: "T-D", year: 2026, setID: world.set.requireID, opensOn: "16/11/2026", closesOn: "01/11/2026"),
                                                   today: Self.opens, by: world.province, on: app.db)
            }
        }
    }

    @Test("bad self scores are named and nothing is saved: above the maximum, below zero, a penalty above its cap, a changed pre-fill without a reason",
          arguments: TestDatabase.all)
    func badScores(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let world = try await Self.world(app)
            try await Self.refused(world, .unprocessableEntity, containing: ["Tiêu chí I.2: 6 điểm, vượt điểm tối đa 5", "điểm không được âm",
                                                                            "(điểm trừ): trừ 7 điểm, vượt mức trừ tối đa 5", "\"bảy\" không phải số điểm",
                                                                            "khác điểm DanVan tự tính (0); hãy nêu lý do"]) {
                _ = try await world.save("T-D", ["I.2": .init(points: "6"), "II.1": .init(points: "-1"), "X.1": .init(points: "7"), "II.2": .init(points: "bảy"),
                                                 "I.1": .init(points: "5")])
            }
            try await Self.refused(world, .forbidden) {
                _ = try await world.save("T-S", ["I.2": .init(points: "5")])
            }
            let saved = try await world.save("T-D", ["I.1": .init(points: "5", overrideReason: "Kế hoạch giấy số 08-KH/HU"), "I.2": .init(points: "4,5")])
            #expect(saved.sheet.selfTotal == 950)
            #expect(saved.scores["I.1"]?.overrideReason == "Kế hoạch giấy số 08-KH/HU")
            let audit = try await AuditEntry.query(on: app.db).filter(\.$action == "classification.score").first()
            #expect(audit?.afterJSON?.contains("1: 0 → 5 (Kế hoạch giấy số 08-KH/HU)") == true, "the override is audited")
            try await Self.refused(world, .conflict, containing: ["vừa được người khác sửa"]) {
                _ = try await SheetScoring.save(saved.sheet.requireID, entries: ["I.2": .init(points: "3")], version: saved.sheet.version - 1,
                                                by: world.district, on: app.db)
            }
        }
    }

    @Test("a round from sending to publication: evidence required, appraisal lowered with a reason, two appraisers, the gate, publication, reopening",
          arguments: TestDatabase.all)
    func round(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let world = try await Self.world(app)
            _ = try await world.save("T-D", ["I.2": .init(points: "5")])
            try await Self.refused(world, .unprocessableEntity, containing: ["Còn 11 tiêu chí chưa chấm: II.1, II.2"]) {
                _ = try await world.decide("T-D", .submit, by: world.district)
            }
            var entries: [String: SheetScoring.Entry] = [:]
            for leaf in try world.set.definition.leaves where leaf.scorer == .unit && !leaf.kind.isAdjustment { entries[leaf.key] = .init(points: leaf.maxPoints.short) }
            for key in ["I.1", "V.1", "V.2", "VII.1", "VII.2", "VIII.1"] { entries[key]?.overrideReason = "Số liệu của văn phòng" }
            _ = try await world.save("T-D", entries)
            try await Self.refused(world, .unprocessableEntity, containing: ["Tiêu chí I.2 (Phân công", "cần tệp minh chứng"]) {
                _ = try await world.decide("T-D", .submit, by: world.district)
            }
            try await Self.refused(world, .unprocessableEntity, containing: ["không có trong phiếu"]) {
                _ = try await SheetEvidence.attach(world.sheets["T-D"] ?? 0, criterion: "Z.9", files: [.init(name: "a.pdf", data: CurrentYearClassification.samplePDF)],
                                                   store: EvidenceStore(dataDirectory: app.settings.dataDirectory), by: world.district, on: app.db)
            }
            try await world.fill("T-D", reaching: 90)
            let sent = try await world.decide("T-D", .submit, by: world.district)
            #expect(sent.sheet.state == .submitted && sent.sheet.selfTotal == 9000 && sent.sheet.submittedOn == "2026-11-25")
            try await Self.refused(world, .unprocessableEntity, containing: ["chấm thấp hơn điểm tự chấm (4 < 8) phải nêu lý do"]) {
                _ = try await world.decide("T-D", .appraise, scores: ["II.1": .init(points: "4"), "IX.1": .init(points: "5")])
            }
            try await Self.refused(world, .unprocessableEntity, containing: ["Còn tiêu chí do cấp trên chấm chưa có điểm: IX.1"]) {
                _ = try await world.decide("T-D", .appraise, scores: ["II.1": .init(points: "8")])
            }
            // Two appraisers read the same version; the second is refused.
            let read = try await world.context("T-D")
            let lowered = try await world.decide("T-D", .appraise, scores: ["II.1": .init(points: "4", overrideReason: "Chưa công khai quyết toán ngân sách"),
                                                                           "IX.1": .init(points: "0")])
            #expect(lowered.sheet.appraisedTotal == 8600 && lowered.sheet.label == "Tốt")
            try await Self.refused(world, .conflict) {
                _ = try await SheetDeciding.decide(read.sheet.requireID, .init(action: "appraise", version: read.sheet.version, scores: ["IX.1": .init(points: "9")]),
                                                   today: Self.inTime, by: world.province, on: app.db)
            }
            let khá = try await world.decide("T-D", .appraise, scores: ["III.1": .init(points: "1,01", overrideReason: "Tiếp dân chưa đủ định kỳ")])
            #expect(khá.sheet.appraisedTotal == 7901 && khá.sheet.label == "Khá", "79.01 is Khá; the earlier lowering stays")
            #expect(khá.scores["II.1"]?.appraisalReason == "Chưa công khai quyết toán ngân sách")
            // T-S never sends: it cannot be left out before the close date, and publication names it.
            try await Self.refused(world, .conflict, containing: ["sau hạn gửi phiếu"]) { _ = try await world.decide("T-S", .exclude) }
            try await Self.refused(world, .unprocessableEntity, containing: ["Còn 1 phiếu chưa thẩm định: Huyện ủy Mèo Vạc"]) {
                _ = try await RoundPublishing.perform(world.round.requireID, .init(decision: "Quyết định số 1520-QĐ/TU ngày 26/12/2026"), by: world.province, on: app.db)
            }
            let gated = try await world.decide("T-S", .exclude, today: Self.afterClose)
            #expect(gated.sheet.gated && gated.sheet.label == ClassificationGate.notEligible)
            try await Self.refused(world, .forbidden) {
                _ = try await RoundPublishing.perform(world.round.requireID, .init(decision: "1520-QĐ/TU", decisionDate: "26/12/2026"), by: world.district, on: app.db)
            }
            let published = try await RoundPublishing.perform(world.round.requireID, .init(decision: "Quyết định số 1520-QĐ/TU ngày 26/12/2026"),
                                                              by: world.province, on: app.db)
            #expect(published.state == .published && published.decisionNumber == "1520-QĐ/TU" && published.decisionDate == "2026-12-26")
            try await Self.refused(world, .conflict) { _ = try await world.save("T-D", ["I.2": .init(points: "1")]) }
            try await Self.refused(world, .conflict) { _ = try await world.decide("T-D", .appraise, scores: ["IX.1": .init(points: "9")]) }
            try await Self.refused(world, .unprocessableEntity, containing: ["lý do mở lại"]) { _ = try await world.decide("T-D", .reopen) }
            try await Self.refused(world, .forbidden) { _ = try await world.decide("T-D", .reopen, reason: "Sai", by: world.district) }
            let reopened = try await world.decide("T-D", .reopen, reason: "Đơn vị bổ sung minh chứng tiêu chí III.1")
            // Appraised again and published again: the sheets that stayed published do not hold it up.
            _ = try await world.decide("T-D", .appraise, scores: ["III.1": .init(points: "8")])
            let again = try await RoundPublishing.perform(world.round.requireID, .init(decision: "Quyết định số 1600-QĐ/TU ngày 30/12/2026"),
                                                          by: world.province, on: app.db)
            #expect(again.state == .published && again.decisionNumber == "1600-QĐ/TU")
            let stateD = try await world.context("T-D").sheet.state
            let stateS = try await world.context("T-S").sheet.state
            #expect(stateD == .published && stateS == .published)
            let reopenedAgain = try await world.decide("T-D", .reopen, reason: "Đơn vị xin bổ sung")
            #expect(reopenedAgain.sheet.state == .submitted)
            let returned = try await world.decide("T-D", .return, reason: "Bổ sung biên bản tiếp dân")
            #expect(returned.sheet.state == .returned && returned.sheet.returnReason == "Bổ sung biên bản tiếp dân")
            let notice = try await (app.db as! any SQLDatabase).raw("SELECT title, detail FROM notifications WHERE kind = 'classification.returned'").first()
            #expect(try notice?.decode(column: "detail", as: String.self) == "Lý do: Bổ sung biên bản tiếp dân")
            #expect(reopened.sheet.state == .submitted && reopened.round.state == .open)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "classification.reopen").count() == 2, "each reopening audited")
        }
    }

    @Test("a file attached by mistake is taken off while the unit holds the sheet: from the database and the disk; a stale version refuses",
          arguments: TestDatabase.all)
    func removeEvidence(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let world = try await Self.world(app)
            let store = EvidenceStore(dataDirectory: app.settings.dataDirectory)
            let attached = try await SheetEvidence.attach(world.sheets["T-D"] ?? 0, criterion: "I.2", files: [.init(name: "nham.pdf", data: CurrentYearClassification.samplePDF)],
                                                          store: store, by: world.district, on: app.db)
            let file = try #require(attached.files.first)
            let onDisk = try #require(store.url(of: file.storedName))
            #expect(FileManager.default.fileExists(atPath: onDisk.path))
            try await Self.refused(world, .conflict) {
                _ = try await SheetEvidence.remove(file.id ?? 0, version: attached.sheet.version - 1, store: store, by: world.district, on: app.db)
            }
            let removed = try await SheetEvidence.remove(file.id ?? 0, version: attached.sheet.version, store: store, by: world.district, on: app.db)
            #expect(removed.files.isEmpty && !FileManager.default.fileExists(atPath: onDisk.path))
        }
    }

    @Test("reports on time count the months whose deadline has passed: a month still within its deadline is not yet owed", arguments: TestDatabase.all)
    func reportTimeliness(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let reporting = try await ReportingFixture.make(app, deadlineDays: 5)
            let year = reporting.period.year
            let province = Actor(try await reporting.fixture.user("tinh-bc", .manager, at: "T-P"))
            let sample = CriteriaSetSamples.governmentWork
            let set = try await CriteriaSetSaving.perform(.init(unitCode: "T-P", title: sample.title, decision: "Quyết định số 245-QĐ/TU ngày 15/10/2024",
                                                                unitKinds: [UnitKind.partyCommittee.rawValue],
                                                                tables: .init(criteria: sample.criteria, bands: sample.bands, gates: sample.gates)),
                                                          by: province, on: app.db)
            let round = try await RoundOpening.perform(.init(unitCode: "T-P", year: year, setID: set.requireID, opensOn: "01/11/\(year)", closesOn: "10/12/\(year)"),
                                                       today: CivilDate(year: year, month: 11, day: 1)!, by: province, on: app.db)
            let district = try await reporting.fixture.unit("T-D")
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw("DELETE FROM reports WHERE unit_id = \(bind: district.requireID)").run()
            for (month, late) in [(1, false), (2, false), (3, true)] {
                try await sql.raw("""
                    INSERT INTO reports (unit_id, period, year, end_month, state, narrative, deadline, late, reopened, version, updated_at)
                    VALUES (\(bind: district.requireID), \(bind: "\(year)-\(month)"), \(bind: year), \(bind: month), 'approved', '', '', \(bind: late), \(bind: false), 1, \(bind: Date()))
                    """).run()
            }
            func measured(on day: CivilDate) async throws -> PrefillMeasure? {
                try await ReportTimelinessSource().measure(PrefillScope(roundID: round.requireID, year: year, asOf: day), on: app.db)[district.requireID]
            }
            #expect(try await measured(on: CivilDate(year: year, month: 4, day: 4)!) == PrefillMeasure(numerator: 2, denominator: 2,
                                                                                                     figures: "2/2 kỳ báo cáo tháng đã qua gửi đúng hạn"),
                    "March's report is due on 5 April: on the 4th it is not yet owed")
            #expect(try await measured(on: CivilDate(year: year, month: 4, day: 10)!)?.denominator == 3)
            #expect(try await measured(on: CivilDate(year: year, month: 4, day: 10)!)?.numerator == 2, "March's came late")
        }
    }

    @Test("through the API: the sheet with its sources, scores saved, a bad score named by criterion, the pure score check, a round opened",
          arguments: TestDatabase.all)
    func api(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let world = try await Self.world(app)
            let fixture = Fixture(app: app)
            let reporter = try await fixture.token(for: try #require(try await User.query(on: app.db).filter(\.$username == "huyen").first()))
            let sheetID = world.sheets["T-D"] ?? 0
            let shown = try await app.api(.GET, "/api/classification-sheets/\(sheetID)", token: reporter)
            #expect(shown.status == .ok && shown.body.string.contains("Kế hoạch năm đã ban hành, cụ thể hóa kế hoạch cấp trên"))
            let version = try await world.context("T-D").sheet.version
            let saved = try await app.api(.PUT, "/api/classification-sheets/\(sheetID)", token: reporter,
                                          json: #"{"version": \#(version), "scores": {"I.2": {"points": 4.5, "note": "Có quyết định phân công"}, "II.2": {"points": "6,25"}}}"#)
            #expect(saved.status == .ok && saved.body.string.contains("\"selfTotal\":10.75"), "\(saved.body.string.prefix(300))")
            let bad = try await app.api(.PUT, "/api/classification-sheets/\(sheetID)", token: reporter,
                                        json: #"{"version": \#(version + 1), "scores": {"I.2": {"points": 9}}}"#)
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("Tiêu chí I.2: 9 điểm, vượt điểm tối đa 5"))
            let sent = try await app.api(.POST, "/api/classification-sheets/\(sheetID)/decision", token: reporter,
                                         json: #"{"action": "submit", "version": \#(version + 1)}"#)
            #expect(sent.status == .unprocessableEntity && sent.body.string.contains("tiêu chí chưa chấm"))
            let check = try await app.api(.POST, "/api/classification/score", token: reporter,
                                          json: #"{"set": \#(world.set.requireID), "scores": {"I.1": 5, "I.2": "4,5", "IX.1": 79.99}}"#)
            #expect(check.status == .unprocessableEntity && check.body.string.contains("vượt điểm tối đa 10"))
            let edge = try await app.api(.POST, "/api/classification/score", token: reporter,
                                         json: #"{"set": \#(world.set.requireID), "scores": {"II.1": 8, "II.2": 7, "III.1": 8, "III.2": 7, "IV.1": 5, "IV.2": 5, "VI.1": 5, "VI.2": 5, "VII.1": 6, "VII.2": 4, "VIII.1": 10, "IX.1": 9.99}}"#)
            #expect(edge.status == .ok && edge.body.string.contains("\"band\":\"Khá\"") && edge.body.string.contains("79.99"), "\(edge.body.string)")
            let manager = try await fixture.token(for: try #require(try await User.query(on: app.db).filter(\.$username == "tinh").first()))
            let opened = try await app.api(.POST, "/api/classification-rounds", token: manager,
                                           json: #"{"unitCode": "T-D", "year": 2026, "setID": \#(world.set.requireID), "opensOn": "2026-11-16", "closesOn": "2026-12-10"}"#)
            #expect(opened.status == .created && opened.body.string.contains("Đảng ủy xã Lũng Cú"), "\(opened.body.string.prefix(300))")
        }
    }

    @Test("the page keeps a set from an uploaded workbook with the unit kinds checked; words too long are named, not cut", arguments: TestDatabase.all)
    func setPage(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let world = try await Self.world(app)
            let fixture = Fixture(app: app)
            let browser = try await fixture.browser(for: try #require(try await User.query(on: app.db).filter(\.$username == "tinh").first()))
            let workbook = try ClassificationDocuments.setXlsx(world.set)
            let kept = try await app.upload("/classification/sets?unit=T-P", headers: browser,
                                            fields: ["title": "Bộ tiêu chí mới", "decision": "Quyết định số 300-QĐ/TU ngày 01/12/2026", "unitKinds[]": "party_committee",
                                                     "replaces": String(world.set.requireID)],
                                            files: [(field: "file", name: "tieu-chi.xlsx", data: workbook)])
            #expect(kept.status == .seeOther, "\(kept.body.string.prefix(400))")
            let newer = try #require(try await CriteriaSet.query(on: app.db).filter(\.$decisionNumber == "300-QĐ/TU").first())
            let (read, original) = (try newer.definition, try world.set.definition)
            #expect(newer.unitKinds == [.partyCommittee] && read == original)
            try await Self.refused(world, .unprocessableEntity, containing: ["Giải trình tiêu chí I.2 dài 4001 ký tự, tối đa 4000"]) {
                _ = try await world.save("T-D", ["I.2": .init(points: "5", note: String(repeating: "a", count: 4001))])
            }
        }
    }

    @Test("a quota is checked at publication and names the counts", arguments: TestDatabase.all)
    func quota(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let world = try await Self.world(app, sample: CriteriaSetSamples.frontCommittees)
            for code in ["T-D", "T-S"] {
                var entries: [String: SheetScoring.Entry] = [:]
                for leaf in try world.set.definition.leaves { entries[leaf.key] = .init(points: leaf.maxPoints.short, overrideReason: "Số liệu của Ban") }
                _ = try await world.save(code, entries, by: .commandLine)
                _ = try await SheetEvidence.attach(world.sheets[code] ?? 0, criterion: "IV.1", files: [.init(name: "a.pdf", data: CurrentYearClassification.samplePDF)],
                                                   store: EvidenceStore(dataDirectory: app.settings.dataDirectory), by: .commandLine, on: app.db)
                _ = try await world.decide(code, .submit, by: .commandLine)
                _ = try await world.decide(code, .appraise)
            }
            try await Self.refused(world, .unprocessableEntity, containing: ["Mức Xuất sắc: 2 đơn vị, vượt giới hạn 0 đơn vị (20% của 2 đơn vị được xếp loại)"]) {
                _ = try await RoundPublishing.perform(world.round.requireID, .init(decision: "Quyết định số 9-QĐ/MTTQ ngày 26/12/2026"), by: world.province, on: app.db)
            }
        }
    }

    @Test("published grades evaluate targets: the share of units from Khá up, and a unit's own grade", arguments: TestDatabase.all)
    func targets(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let world = try await Self.world(app)
            let province = try await UnitQueries.require(code: "T-P", on: app.db)
            let district = try await UnitQueries.require(code: "T-D", on: app.db)
            let share = DashboardQueries.TargetRow(text: "Trên 90% đơn vị đạt từ khá trở lên", threshold: Threshold(.gt, 90, measure: .percent), indicatorID: 1,
                                                   planLabel: "", planID: 1, line: 1, kind: .gradeShare, perUnit: nil, level: "Khá")
            let own = DashboardQueries.TargetRow(text: "Đơn vị xếp loại Tốt", threshold: Threshold(.eq, nil, measure: .level), indicatorID: 2,
                                                 planLabel: "", planID: 1, line: 2, kind: .ownGrade, perUnit: nil, level: "Tốt")
            #expect(try await ClassificationTargets.evaluations([share], unit: province, year: 2026, on: app.db)[0]?.explanation
                    == "Chưa công bố kết quả xếp loại năm 2026.")
            try await world.fill("T-D", reaching: 90)
            _ = try await world.decide("T-D", .submit, by: world.district)
            _ = try await world.decide("T-D", .appraise, scores: ["IX.1": .init(points: "8")])
            _ = try await world.decide("T-S", .exclude, today: Self.afterClose)
            _ = try await RoundPublishing.perform(world.round.requireID, .init(decision: "Quyết định số 1520-QĐ/TU ngày 26/12/2026"), by: world.province, on: app.db)
            let shared = try #require(try await ClassificationTargets.evaluations([share], unit: province, year: 2026, on: app.db)[0])
            #expect(shared.status == .notMet && shared.figure == 50 && shared.explanation.hasPrefix("1/2 đơn vị xếp loại từ Khá trở lên"))
            let mine = try #require(try await ClassificationTargets.evaluations([own], unit: district, year: 2026, on: app.db)[0])
            #expect(mine.status == .met && mine.explanation.contains("Tốt (98,00 điểm)"))
            // The district's people are told their grade.
            let notices = try await (app.db as! any SQLDatabase).raw("SELECT title, detail FROM notifications WHERE kind = 'classification.published'").all()
            #expect(notices.count == 1, "one notice to the district's one account; the unit with no account gets none")
            #expect(try notices.first?.decode(column: "title", as: String.self) == "Kết quả xếp loại năm 2026 của Huyện ủy Đồng Văn: Tốt (98,00 điểm)")
            // The review reports say the same.
            let held = try #require(try await ClassificationReview.figures(unit: province, year: 2026, on: app.db))
            #expect(held.sentences == ["Đánh giá, xếp loại công tác dân vận năm 2026 đối với 2 đơn vị (Quyết định số 1520-QĐ/TU ngày 26/12/2026): "
                                       + "Tốt 1, Không đủ điều kiện xếp loại 1."])
            let graded = try #require(try await ClassificationReview.figures(unit: district, year: 2026, on: app.db))
            #expect(graded.sentences == ["Đơn vị được xếp loại Tốt (98,00 điểm), theo Quyết định số 1520-QĐ/TU của Tỉnh ủy Thử nghiệm."])
            #expect(try await ClassificationReview.figures(unit: district, year: 2025, on: app.db) == nil)
        }
    }

    @Test("a set is refused whole when a row is wrong; a new version replaces it from a date, and the old one ends the day before",
          arguments: TestDatabase.all)
    func sets(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let world = try await Self.world(app)
            var rows = CriteriaSetSamples.governmentWork.criteria
            rows[3][2] = "năm"
            let csv = try CSVTable.write(header: rows[0], rows: Array(rows.dropFirst()) + CriteriaSetSamples.governmentWork.bands)
            let tables = try CriteriaSetFile.tables(csv, filename: "tieu-chi.csv")
            try await Self.refused(world, .unprocessableEntity, containing: ["Dòng 4, cột Điểm tối đa: Tiêu chí 2: \"năm\" không phải số điểm"]) {
                _ = try await CriteriaSetSaving.perform(.init(unitCode: "T-P", title: "Bộ mới", decision: "Quyết định số 300-QĐ/TU ngày 01/10/2026",
                                                              unitKinds: ["party_committee"], replaces: world.set.requireID, tables: tables), by: world.province, on: app.db)
            }
            try await Self.refused(world, .conflict, containing: ["đợt xếp loại mở từ ngày"]) {
                _ = try await CriteriaSetSaving.perform(.init(unitCode: "T-P", title: "Bộ mới", decision: "Quyết định số 300-QĐ/TU ngày 01/10/2026",
                                                              unitKinds: ["party_committee"], replaces: world.set.requireID,
                                                              tables: .init(criteria: CriteriaSetSamples.governmentWork.criteria, bands: CriteriaSetSamples.governmentWork.bands,
                                                                            gates: [])), by: world.province, on: app.db)
            }
            let newer = try await CriteriaSetSaving.perform(.init(unitCode: "T-P", title: "Bộ mới", decision: "Quyết định số 300-QĐ/TU ngày 01/12/2026",
                                                                  unitKinds: ["party_committee"], replaces: world.set.requireID,
                                                                  tables: .init(criteria: CriteriaSetSamples.governmentWork.criteria,
                                                                                bands: CriteriaSetSamples.governmentWork.bands, gates: [])), by: world.province, on: app.db)
            let old = try #require(try await CriteriaSet.find(world.set.requireID, on: app.db))
            #expect(old.validTo == "2026-11-30" && old.replacedByID == newer.id && newer.validFrom == "2026-12-01")
            #expect(try await ClassificationRound.find(world.round.requireID, on: app.db)?.setID == old.id, "the round keeps the version it was opened under")
            try await Self.refused(world, .conflict, containing: ["đã được thay thế"]) {
                _ = try await CriteriaSetSaving.perform(.init(unitCode: "T-P", title: "Bộ khác", decision: "Quyết định số 301-QĐ/TU ngày 02/12/2026",
                                                              unitKinds: ["party_committee"], replaces: world.set.requireID,
                                                              tables: .init(criteria: CriteriaSetSamples.governmentWork.criteria,
                                                                            bands: CriteriaSetSamples.governmentWork.bands, gates: [])), by: world.province, on: app.db)
            }
            // The office's workbook reads back as the set it came from.
            let workbook = try ClassificationDocuments.setXlsx(newer)
            let sheets = try XlsxTable.sheets(workbook).map { $0.map(\.cells) }
            #expect(try CriteriaTable.read(criteria: sheets[0], bands: sheets[1], gates: sheets[2]).get() == (try newer.definition))
        }
    }
}
