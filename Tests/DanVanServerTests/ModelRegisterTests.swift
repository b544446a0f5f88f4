import DanVanCore
import DanVanDocuments
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import DanVanServer

/// The "Dân vận khéo" register on real databases: a campaign's windows, the level above's
/// decisions, carrying over and replicating, the import, the summary across the reform, the
/// targets it evaluates, and every refusal leaving the stored rows as they were.
@Suite("\"Dân vận khéo\" register")
struct ModelRegisterTests {
    static let march = CivilDate(year: 2026, month: 3, day: 10)!
    static let april = CivilDate(year: 2026, month: 4, day: 10)!
    static let september = CivilDate(year: 2026, month: 9, day: 2)!

    struct World {
        let app: Application
        let fixture: Fixture
        let province: Actor
        let commune: Actor

        func register(_ name: String, at code: String = "T-C", field: String = "Kinh tế", kind: ModelKind = .collectiveModel,
                      on day: CivilDate = ModelRegisterTests.march, year: Int = 2026) async throws -> MovementModel {
            try await ModelRegistering.register(ModelRegistration(name: name, field: field, kind: kind.rawValue, personName: kind.namesPerson ? "Lò Văn A" : ""),
                                                unitCode: code, year: year, today: day, by: .commandLine, on: app.db)
        }

        func decide(_ id: Int, _ decision: ModelDecision, reason: String = "", level: String = "", number: String = "", date: String = "",
                    by actor: Actor? = nil) async throws -> MovementModel {
            let version = try #require(try await MovementModel.find(id, on: app.db)).version
            return try await ModelDeciding.decide(id, .init(decision: decision.rawValue, reason: reason, level: level, decisionNumber: number,
                                                            decisionDate: date, version: version), by: actor ?? province, on: app.db)
        }

        func rows() async throws -> [Int] {
            [try await NotificationFlowTests.count("movement_models", on: app.db), try await NotificationFlowTests.count("model_campaigns", on: app.db),
             try await NotificationFlowTests.count("model_notes", on: app.db), try await NotificationFlowTests.count("audit_entries", on: app.db)]
        }
    }

    static func world(_ app: Application, campaign: Bool = true) async throws -> World {
        let fixture = try await Fixture.tree(app)
        let province = Actor(try await fixture.user("tinh", .manager, at: "T-P"))
        let commune = Actor(try await fixture.user("xa", .reporter, at: "T-C"))
        if campaign {
            _ = try await CampaignLaunching.perform(.init(unitCode: "T-P", year: 2026, title: "Phong trào năm 2026",
                                                          document: "Kế hoạch số 12-KH/BTGDV ngày 10/01/2026", fields: "Kinh tế: Rừng\nVăn hóa - xã hội",
                                                          registrationFrom: "2026-02-01", registrationTo: "2026-03-31", evaluationFrom: "2026-09-01",
                                                          evaluationTo: "2026-10-31"), by: province, on: app.db)
        }
        return World(app: app, fixture: fixture, province: province, commune: commune)
    }

    @Test("a campaign reads its document's number and date from the citation, and refuses windows out of order and a second launch",
          arguments: TestDatabase.all)
    func campaign(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let world = try await Self.world(app)
            let campaign = try #require(try await ModelCampaign.query(on: app.db).first())
            #expect(campaign.documentNumber == "12-KH/BTGDV" && campaign.documentDate == "2026-01-10" && campaign.fields.map(\.name) == ["Kinh tế", "Văn hóa - xã hội"])
            let before = try await world.rows()
            let bad = CampaignLaunching.Input(unitCode: "T-D", year: 2026, title: "", document: "", registrationFrom: "2026-03-31",
                                              registrationTo: "2026-02-01", evaluationFrom: "2026-01-01", evaluationTo: "x")
            let error = await #expect(throws: AppError.self) { try await CampaignLaunching.perform(bad, by: world.province, on: app.db) }
            #expect(Set(error?.issues.map(\.field) ?? []) == ["title", "document", "documentDate", "evaluationTo", "registrationTo", "evaluationFrom"])
            let again = await #expect(throws: AppError.self) {
                try await CampaignLaunching.perform(.init(unitCode: "T-P", year: 2026, title: "Lần hai", document: "13-KH/BTGDV", documentDate: "2026-01-12",
                                                          registrationFrom: "2026-02-01", registrationTo: "2026-03-31", evaluationFrom: "2026-09-01",
                                                          evaluationTo: "2026-10-31"), by: world.province, on: app.db)
            }
            #expect(again?.status == .conflict)
            #expect(try await world.rows() == before)
        }
    }

    @Test("registrations in the window are in time, after it late, from the evaluation refused; a name twice in a unit and year is refused",
          arguments: TestDatabase.all)
    func windows(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let world = try await Self.world(app)
            #expect(try await world.register("Đường nội đồng").late == false)
            #expect(try await world.register("Rừng cộng đồng", on: Self.april).late == true)
            let before = try await world.rows()
            let closed = await #expect(throws: AppError.self) { try await world.register("Muộn quá", on: Self.september) }
            #expect(closed?.reason.contains("hết hạn đăng ký") == true && closed?.field == "year")
            let twice = await #expect(throws: AppError.self) { try await world.register("ĐƯỜNG NỘI ĐỒNG") }
            #expect(twice?.field == "name" && twice?.reason.contains("đã đăng ký") == true)
            let field = await #expect(throws: AppError.self) { try await world.register("Thể thao", field: "Thể thao") }
            #expect(field?.issues.first?.field == "field")
            let person = await #expect(throws: AppError.self) {
                try await ModelRegistering.register(ModelRegistration(name: "Cá nhân", field: "Kinh tế", kind: "individual_exemplar"), unitCode: "T-C",
                                                    year: 2026, today: Self.march, by: .commandLine, on: app.db)
            }
            #expect(person?.issues.map(\.field) == ["personName"])
            let foreign = await #expect(throws: AppError.self) {
                try await ModelRegistering.register(ModelRegistration(name: "Của xã khác", field: "Kinh tế"), unitCode: "T-S", year: 2026,
                                                    today: Self.march, by: world.commune, on: app.db)
            }
            #expect(foreign?.status == .forbidden)
            let task = await #expect(throws: AppError.self) {
                try await ModelRegistering.register(ModelRegistration(name: "Gắn nhiệm vụ", field: "Kinh tế"), unitCode: "T-C", year: 2026,
                                                    links: .init(planTaskID: 987_654), today: Self.march, by: .commandLine, on: app.db)
            }
            #expect(task?.field == "planTaskID")
            #expect(try await world.rows() == before)
        }
    }

    @Test("the level above returns with a reason, accepts, evaluates, then recognises; out of order, without a reason or on a stale version it refuses",
          arguments: TestDatabase.all)
    func decisions(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let world = try await Self.world(app)
            let model = try await world.register("Đường nội đồng")
            let before = try await world.rows()
            let noReason = await #expect(throws: AppError.self) { try await world.decide(model.requireID, .returnToUnit) }
            #expect(noReason?.issues.first?.field == "reason")
            let early = await #expect(throws: AppError.self) { try await world.decide(model.requireID, .recognise, level: "Cấp tỉnh", number: "1-QĐ/TU", date: "2026-10-01") }
            #expect(early?.reason.contains("đã được đánh giá") == true)
            let own = await #expect(throws: AppError.self) { try await world.decide(model.requireID, .accept, by: world.commune) }
            #expect(own?.status == .forbidden)
            let stale = await #expect(throws: AppError.self) {
                try await ModelDeciding.decide(model.requireID, .init(decision: "accept", version: model.version - 1), by: world.province, on: app.db)
            }
            #expect(stale?.status == .conflict)
            #expect(try await world.rows() == before)

            let returned = try await world.decide(model.requireID, .returnToUnit, reason: "Bổ sung lực lượng tham gia.")
            #expect(returned.modelStatus == .returned && returned.reason == "Bổ sung lực lượng tham gia.")
            let notices = try await (app.db as! any SQLDatabase).raw("""
                SELECT n.kind, n.title, n.detail FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = 'xa'
                """).all().map { (try $0.decode(column: "kind", as: String.self), try $0.decode(column: "detail", as: String.self)) }
            #expect(notices.contains { $0.0 == "model.returned" && $0.1.contains("Bổ sung lực lượng tham gia.") },
                    "the unit's reporter is told of the return with its reason: \(notices)")
            var changed = returned.registration
            changed.forces = "Chi bộ chủ trì; Mặt trận phối hợp."
            let resent = try await ModelRegistering.change(model.requireID, to: changed, version: returned.version, by: world.commune, on: app.db)
            #expect(resent.modelStatus == .registered && resent.forces == changed.forces)
            _ = try await world.decide(model.requireID, .accept)
            _ = try await world.decide(model.requireID, .evaluate)
            let missing = await #expect(throws: AppError.self) { try await world.decide(model.requireID, .recognise, level: "Cấp huyện") }
            #expect(Set(missing?.issues.map(\.field) ?? []) == ["level", "decisionNumber", "decisionDate"])
            let long = await #expect(throws: AppError.self) {
                try await world.decide(model.requireID, .recognise, level: String(repeating: "x", count: 400), number: "1-QĐ/TU", date: "2026-10-01")
            }
            #expect(long?.issues.map(\.field) == ["level"] && long?.issues.first?.message.contains("tối đa") == true)
            let recognised = try await world.decide(model.requireID, .recogniseExemplary, level: "Cấp tỉnh", number: "215-QĐ/TU", date: "28/10/2026")
            #expect(recognised.modelStatus == .exemplary && recognised.decisionDate == "2026-10-28")
            #expect(try await NotificationFlowTests.count("notifications", on: app.db) == 2, "a return and a recognition notify; accepting and evaluating do not")
            let locked = await #expect(throws: AppError.self) {
                try await ModelRegistering.change(model.requireID, to: changed, version: recognised.version, by: world.commune, on: app.db)
            }
            #expect(locked?.status == .conflict)
        }
    }

    @Test("last year's model carries into this year with its history; a recognised model is replicated and counted where copied; a model one may not see is not",
          arguments: TestDatabase.all)
    func copies(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let world = try await Self.world(app)
            let source = try await world.register("Bản văn hóa", at: "T-S", field: "Văn hóa - xã hội")
            let hidden = try await world.register("Chưa công nhận", at: "T-S")
            _ = try await world.decide(source.requireID, .accept)
            _ = try await world.decide(source.requireID, .evaluate)
            _ = try await world.decide(source.requireID, .recognise, level: "Cấp tỉnh", number: "215-QĐ/TU", date: "2026-10-28")
            let before = try await world.rows()
            let notRecognised = await #expect(throws: AppError.self) {
                try await ModelCopying.replicate(hidden.requireID, intoUnit: "T-C", year: 2026, today: Self.march, by: world.commune, on: app.db)
            }
            #expect(notRecognised?.field == "source" && notRecognised?.status == .unprocessableEntity)
            #expect(try await world.rows() == before)
            let copy = try await ModelCopying.replicate(source.requireID, intoUnit: "T-C", year: 2026, today: Self.march, by: world.commune, on: app.db)
            #expect(copy.replicatedFromID == source.id && copy.unitID != source.unitID)
            let rows = try await ModelRegisterQuery.rows(root: try await world.fixture.unit("T-P").requireID, .init(year: 2026), on: app.db)
            #expect(rows.first { $0.id == source.id }?.replications == 1)

            let old = try await world.register("Tổ tự quản", on: CivilDate(year: 2025, month: 3, day: 1)!, year: 2025)
            let waiting = await #expect(throws: AppError.self) {
                try await ModelCopying.carryOver(old.requireID, toYear: 2026, today: Self.march, by: world.commune, on: app.db)
            }
            #expect(waiting?.field == "status")
            _ = try await world.decide(old.requireID, .accept)
            let carried = try await ModelCopying.carryOver(old.requireID, toYear: 2026, today: Self.march, by: world.commune, on: app.db)
            #expect(carried.carriedFromID == old.id && carried.year == 2026 && carried.name == old.name)
            let twice = await #expect(throws: AppError.self) {
                try await ModelCopying.carryOver(old.requireID, toYear: 2026, today: Self.march, by: world.commune, on: app.db)
            }
            #expect(twice?.status == .conflict)
        }
    }

    @Test("the summary of a successor counts its predecessor's models across the reform, and names the units still without one",
          arguments: TestDatabase.all)
    func summaryAcrossReform(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let world = try await Self.world(app, campaign: false)
            let old = try await world.register("Mô hình của huyện cũ", at: "T-S", on: CivilDate(year: 2025, month: 3, day: 1)!, year: 2025)
            _ = try await world.register("Mô hình của chi bộ", at: "T-X", on: CivilDate(year: 2025, month: 3, day: 2)!, year: 2025)
            let ending = try await world.fixture.unit("T-S")
            _ = try await UnitEnding.perform(code: "T-S", on: "2025-06-30", successorCodes: ["T-C"], readVersion: ending.version, by: .commandLine, on: app.db)
            let commune = try await world.fixture.unit("T-C")
            let summary = try await ModelSummaryQuery.load(unit: commune, year: 2025, today: CivilDate(year: 2025, month: 12, day: 31)!, on: app.db)
            #expect(summary.registered == 2 && summary.byField["Kinh tế"] == 2)
            let context = try await ModelContext.load(old.requireID, on: app.db)
            #expect(try await context.mayView(by: world.commune, on: app.db), "the successor's people open the models their register lists")
            let sibling = Actor(try await world.fixture.user("khac", .manager, at: "T-O"))
            #expect(try await !context.mayView(by: sibling, on: app.db))
            #expect(summary.expected.map(\.code) == ["T-X"] && summary.missing.isEmpty)
            let province = try await ModelSummaryQuery.load(unit: try await world.fixture.unit("T-P"), year: 2026, today: Self.march, on: app.db)
            #expect(province.registered == 0 && province.lastYear == 2)
            #expect(Set(province.missing.map(\.code)) == ["T-D", "T-C", "T-X"])
        }
    }

    @Test("a target about models is evaluated from the register, naming the cells without one", arguments: TestDatabase.all)
    func targets(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let world = try await Self.world(app)
            let row = DashboardQueries.TargetRow(text: "100% chi bộ xây dựng được 01 mô hình", threshold: Threshold(.eq, 100, measure: .percent),
                                                 indicatorID: 1, planLabel: "", planID: 1, line: 1, kind: .modelPerUnit,
                                                 perUnit: Threshold(.ge, 1, measure: .count))
            let commune = try await world.fixture.unit("T-C")
            let missing = try await ModelTargets.evaluations([row], unit: commune, year: 2026, today: Self.march, on: app.db)[0]
            #expect(missing?.status == .notMet && missing?.explanation.contains("Chi bộ thôn Lô Lô Chải") == true)
            _ = try await world.register("Camera an ninh", at: "T-X")
            let met = try await ModelTargets.evaluations([row], unit: commune, year: 2026, today: Self.march, on: app.db)[0]
            #expect(met?.status == .met && met?.figure == 100)
        }
    }

    @Test("the register exported to Excel imports back; a file with bad rows names every line and stores nothing", arguments: TestDatabase.all)
    func importRoundTrip(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let world = try await Self.world(app)
            _ = try await world.register("Đường nội đồng")
            _ = try await world.register("Gương mẫu", at: "T-X", kind: .individualExemplar)
            let district = try await world.fixture.unit("T-D")
            let xlsx = try await ModelDocuments.data(.register, unit: district, year: 2026, today: Self.march, on: app.db)
            try await ModelDocumentsCheck.opens(xlsx)
            let before = try await world.rows()
            let bad = """
                Mã đơn vị,Tên mô hình, điển hình,Lĩnh vực,Loại,Họ và tên (điển hình cá nhân)
                T-C,Mới một,Kinh tế,Mô hình tập thể,
                T-NONE,Mới hai,Kinh tế,Mô hình tập thể,
                T-X,,Bóng đá,Mô hình tập thể,
                T-X,Cá nhân,Kinh tế,Điển hình cá nhân,
                """.replacingOccurrences(of: "Tên mô hình, điển hình", with: "\"Tên mô hình, điển hình\"")
            let error = await #expect(throws: AppError.self) {
                try await ModelsImport.perform(Data(bad.utf8), filename: "so.csv", unitCode: "T-D", year: 2027, today: CivilDate(year: 2027, month: 3, day: 1)!,
                                               by: .commandLine, on: app.db)
            }
            #expect(Set(error?.issues.compactMap(\.line) ?? []) == [3, 4, 5])
            #expect(error?.issues.contains { $0.line == 4 && $0.field == "name" } == true && error?.issues.contains { $0.line == 5 && $0.field == "personName" } == true)
            #expect(try await world.rows() == before)
            let count = try await ModelsImport.perform(xlsx, filename: "so.xlsx", unitCode: "T-D", year: 2027, today: CivilDate(year: 2027, month: 3, day: 1)!,
                                                       by: .commandLine, on: app.db)
            #expect(count == 2)
            let imported = try await ModelRegisterQuery.rows(root: district.requireID, .init(year: 2027), on: app.db)
            #expect(Set(imported.map(\.name)) == ["Đường nội đồng", "Gương mẫu"] && imported.first { $0.name == "Gương mẫu" }?.personName == "Lò Văn A")
        }
    }

    @Test("the pages register a model, show it, and the documents download for whoever sees the unit", arguments: [TestDatabase.sqlite])
    func pages(database: TestDatabase) async throws {
        try await withTestApp(database, settings: { $0.today = Self.march }) { app in
            let world = try await Self.world(app)
            let reporter = try await world.fixture.browser(for: try #require(try await User.query(on: app.db).filter(\.$username == "xa").first()))
            let created = try await app.page(.POST, "/models/new", headers: reporter, form: ["unit": "T-C", "year": "2026", "name": "Loa bản", "field": "Kinh tế",
                                                                                                "kind": "collective_model", "problem": "Thiếu thông tin"])
            #expect(created.status == .seeOther)
            let location = try #require(created.headers.first(name: .location))
            let page = try await app.page(.GET, location, headers: reporter)
            #expect(page.status == .ok && page.body.string.contains("Loa bản") && page.body.string.contains("Thiếu thông tin"))
            let empty = try await app.page(.POST, "/models/new", headers: reporter, form: ["unit": "T-C", "year": "2026", "name": "", "field": "Kinh tế"])
            #expect(empty.status == .unprocessableEntity && empty.body.string.contains("Tên mô hình là bắt buộc"))
            for path in ["/models?unit=T-C", "/models/register.xlsx?unit=T-C", "/models/results.xlsx?unit=T-C", "/models/registrations.docx?unit=T-C",
                         "/models/decision.docx?unit=T-C"] {
                #expect(try await app.page(.GET, path, headers: reporter).status == .ok, "\(path)")
                #expect(try await app.page(.GET, path.replacingOccurrences(of: "T-C", with: "T-S"), headers: reporter).status == .forbidden, "\(path) of a sibling")
            }
        }
    }
}

/// A written document is a well-formed OOXML package (LibreOffice opens it in CI's check).
enum ModelDocumentsCheck {
    static func opens(_ data: Data) async throws {
        #expect(data.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        #expect(!(try XlsxTable.rows(data)).isEmpty)
    }
}
