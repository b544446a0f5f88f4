import DanVanCore
import DanVanDocuments
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import DanVanServer

/// The holes found when the server was attacked as a user would, each replayed: the refusal is
/// a 4xx naming the field, and nothing is stored.
@Suite("Security holes, replayed")
struct SecurityHoleTests {
    /// A commune plan text citing the province's programme as its basis.
    static let citingPlan = """
        ĐẢNG ỦY XÃ LŨNG CÚ
        Số 3-KH/ĐU
        ĐẢNG CỘNG SẢN VIỆT NAM
        Lũng Cú, ngày 20 tháng 01 năm 2026
        KẾ HOẠCH
        công tác dân vận năm 2026
        I. MỤC ĐÍCH, YÊU CẦU
        Thực hiện Chương trình số 27-CTr/TU ngày 10/01/2026 của Tỉnh ủy Thử nghiệm.
        II. CHỈ TIÊU
        - Trên 85% cán bộ được tập huấn.
        """

    /// The province's programme, issued by a unit of another tree the commune may not read.
    private func secretProgramme(_ app: Application) async throws -> Int {
        var plan = try PlanFileReader.read(Data(Self.citingPlan.utf8), filename: "p.txt")
        plan.number = PlanDocument.Number(try #require(DocumentNumber.parse("27-CTr/TU")))
        plan.subject = "Chương trình bí mật của cây khác"
        plan.targets = [ParsedTarget(text: "Chỉ tiêu bí mật 77%", comparator: .ge, value: 77, upper: nil, unit: .percent,
                                     subject: "bí mật", line: 1)]
        let otherTree = try await UnitQueries.require(code: "T-O", on: app.db)
        return try await PlanStore.save(plan, at: .init(unitID: otherTree.requireID, implementsPlanID: nil, sourceName: nil),
                                        by: .commandLine, on: app.db)
    }

    @Test("1. an API import never links a plan its reader may not read; its page shows no coverage of it; the document page is refused",
          arguments: TestDatabase.all)
    func importCannotReachAnUnreadablePlan(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await Fixture.tree(app)
            let secret = try await secretProgramme(app)
            let commune = try await fixture.user("xa", .manager, at: "T-C")
            let token = try await fixture.token(for: commune)
            let stored = try await app.api(.POST, "/api/plans/import?save=true&unit=T-C&filename=kh.txt", token: token, body: Self.citingPlan)
            #expect(stored.status == .created, "\(stored.body.string)")
            let planID = try #require(try await Plan.query(on: app.db).filter(\.$unitID == (try await fixture.unit("T-C")).requireID).first()).requireID
            #expect(try await Plan.find(planID, on: app.db)?.implementsPlanID == nil, "not linked to the plan of another tree")
            let browser = try await fixture.browser(for: commune)
            let page = try await app.page(.GET, "/plans/\(planID)", headers: browser)
            #expect(page.status == .ok && !page.body.string.contains("Chỉ tiêu bí mật") && !page.body.string.contains("bí mật của cây khác"))
            #expect(try await app.page(.GET, "/plans/\(secret)", headers: browser).status == .forbidden)
            let cited = try #require(try await CitedDocument.query(on: app.db).filter(\.$normalized == "27-CTr/TU").first())
            let otherManager = try await fixture.browser(for: try await fixture.user("huyen-khac", .manager, at: "T-S"))
            #expect(try await app.page(.GET, "/documents/\(cited.requireID)", headers: otherManager).status == .notFound,
                    "no plan of the reader's cites it")
            #expect(try await app.page(.GET, "/documents/\(cited.requireID)", headers: browser).status == .ok)
        }
    }

    @Test("1. the import review page offers no upper plan its reviewer may not read", arguments: TestDatabase.all)
    func reviewOffersOnlyReadablePlans(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await Fixture.tree(app)
            _ = try await secretProgramme(app)
            let browser = try await fixture.browser(for: try await fixture.user("xa", .manager, at: "T-C"))
            let upload = try await app.upload("/plans/import", headers: browser, fields: [:], files: [("files[]", "kh.txt", Data(Self.citingPlan.utf8))])
            let review = try await app.page(.GET, try #require(upload.headers.first(name: .location)), headers: browser)
            #expect(review.status == .ok && !review.body.string.contains("bí mật của cây khác"))
        }
    }

    @Test("2. a successor or a unit reported to outside one's subtree is refused, on the API and in a CSV file; nothing changes",
          arguments: TestDatabase.all)
    func referencesStayInTheSubtree(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await Fixture.tree(app)
            let manager = try await fixture.user("huyen", .manager, at: "T-D")
            let token = try await fixture.token(for: manager)
            let commune = try await fixture.unit("T-C")
            let cell = try await fixture.unit("T-X")
            _ = try await UnitEnding.perform(code: "T-X", on: "2025-06-29", successorCodes: [], readVersion: cell.version, by: .commandLine, on: app.db)
            let ended = try await app.api(.POST, "/api/units/T-C/end", token: token,
                                          json: #"{"validTo": "2025-06-30", "successorCodes": ["T-S"], "version": \#(commune.version)}"#)
            #expect(ended.status == .forbidden && ended.body.string.contains("successorCodes"))
            #expect(try await fixture.unit("T-C").validTo == nil)
            let reports = try await app.api(.PUT, "/api/units/T-C", token: token,
                                            json: #"{"code": "T-C", "name": "Đảng ủy xã Lũng Cú", "kind": "party_committee", "level": "commune", "reportsToCode": "T-O", "version": \#(commune.version)}"#)
            #expect(reports.status == .forbidden && reports.body.string.contains("reportsToCode"))
            let csv = "code,name,kind,level,parent_code,successor_codes\nT-X,Chi bộ thôn Lô Lô Chải,party_cell,grassroots,T-C,T-S\n"
            let imported = try await app.api(.POST, "/api/units/import", token: token, body: csv)
            #expect(imported.status == .forbidden && imported.body.string.contains("Dòng 2"))
            #expect(try await UnitSuccessor.query(on: app.db).count() == 0)
            #expect(try await fixture.unit("T-C").reportsToID == nil)
        }
    }

    @Test("3. a manager cannot end or hide their own unit through edit; the level above can, by the ending rule", arguments: TestDatabase.all)
    func validityThroughEdit(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await Fixture.tree(app)
            let own = try await fixture.token(for: try await fixture.user("huyen", .manager, at: "T-D"))
            let district = try await fixture.unit("T-D")
            for field in ["validTo", "validFrom"] {
                let edited = try await app.api(.PUT, "/api/units/T-D", token: own,
                                               json: #"{"code": "T-D", "name": "\#(district.name)", "kind": "party_committee", "level": "district", "\#(field)": "2026-01-01", "version": \#(district.version)}"#)
                #expect(edited.status == .forbidden, "\(field): \(edited.status)")
            }
            let stored = try await fixture.unit("T-D")
            #expect(stored.validTo == nil && stored.validFrom == nil && stored.version == district.version)
            let above = try await fixture.token(for: try await fixture.user("tinh", .manager, at: "T-P"))
            let refused = try await app.api(.PUT, "/api/units/T-D", token: above,
                                            json: #"{"code": "T-D", "name": "\#(district.name)", "kind": "party_committee", "level": "district", "validTo": "2026-01-01", "version": \#(district.version)}"#)
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("đang hoạt động"), "its commune is still active")
        }
    }

    @Test("4. evidence goes to the lead unit's subtree, the units above and the coordinators; not to a sibling that reads the plan",
          arguments: TestDatabase.all)
    func evidenceBetweenSiblings(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let world = try await MatrixWorld.make(app)
            // A task of the district plan (T-D) led by the commune T-C, with evidence posted by T-C.
            let occurrence = try #require(try await TaskOccurrence.find(world.occurrences["T-C"], on: app.db))
            occurrence.state = OccurrenceState.inProgress.rawValue
            try await occurrence.save(on: app.db)
            let reporter = try await world.fixture.user("xa", .reporter, at: "T-C")
            try await TaskProgressPosting.perform(occurrenceID: occurrence.requireID, state: .done, text: "Đã làm", version: occurrence.version,
                                                  evidence: [.init(filename: "anh.png", data: Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))],
                                                  today: Today.date, store: EvidenceStore(dataDirectory: app.settings.dataDirectory),
                                                  by: Actor(reporter), on: app.db)
            let file = try #require(try await EvidenceFile.query(on: app.db).first())
            _ = try await UnitCreation.perform(UnitDraft(code: "T-C2", name: "Đảng ủy xã Sủng Là", kind: "party_committee", level: "commune"),
                                               parentCode: "T-D", reportsToCode: nil, by: .commandLine, on: app.db)
            let cases: [(String, Role, String?, HTTPStatus)] = [("ban-xa", .reporter, "T-C", .ok), ("chi-bo", .viewer, "T-X", .ok),
                                                                ("huyen", .manager, "T-D", .ok), ("xa-ben", .reporter, "T-C2", .forbidden),
                                                                ("huyen-khac", .manager, "T-S", .forbidden)]
            for (name, role, unit, expected) in cases {
                let browser = try await world.fixture.browser(for: try await world.fixture.user(name, role, at: unit))
                let response = try await app.page(.GET, "/evidence/\(try file.requireID())", headers: browser)
                #expect(response.status == expected, "\(name) at \(unit ?? "-"): \(response.status) \(response.body.string.components(separatedBy: "<main>").last?.prefix(400) ?? "")")
            }
        }
    }

    @Test("a unit given a task in another tree reads the task and its plan; a unit not given it does not", arguments: TestDatabase.all)
    func coordinatorInAnotherTree(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let world = try await MatrixWorld.make(app)
            let occurrence = try #require(try await TaskOccurrence.find(world.occurrences["T-C"], on: app.db))
            let task = try #require(try await PlanTaskRecord.find(occurrence.taskID, on: app.db))
            try await UnitClosure.sqlDatabase(app.db).insert(into: "task_coordinators").columns("task_id", "unit_id")
                .values(SQLBind(task.requireID), SQLBind(try await world.fixture.unit("T-O").requireID)).run()
            let coordinator = try await world.fixture.browser(for: try await world.fixture.user("vp", .manager, at: "T-O"))
            let stranger = try await world.fixture.browser(for: try await world.fixture.user("ben", .manager, at: "T-S"))
            #expect(try await app.page(.GET, "/tasks/\(occurrence.requireID)", headers: coordinator).status == .ok)
            #expect(try await app.page(.GET, "/plans/\(task.planID)", headers: coordinator).status == .ok)
            #expect(try await app.page(.GET, "/tasks/\(occurrence.requireID)", headers: stranger).status == .forbidden)
            #expect(try await app.page(.GET, "/plans/\(task.planID)", headers: stranger).status == .forbidden)
        }
    }

    @Test("10. texts are bounded and control characters never stored, on every free-text field", arguments: TestDatabase.all)
    func freeText(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let world = try await MatrixWorld.make(app)
            let manager = try await world.fixture.browser(for: try await world.fixture.user("huyen", .manager, at: "T-D"))
            let plan = try #require(try await Plan.find(world.plans["T-D"], on: app.db))
            let target = try await PlanItemAddition.perform(planID: plan.requireID, task: false, planVersion: plan.version, by: .commandLine, on: app.db)
            let version = try #require(try await Plan.find(plan.requireID, on: app.db)).version
            let long = try await app.page(.POST, "/targets/\(target)", headers: manager,
                                          form: ["text": String(repeating: "Tập huấn ", count: 600), "comparator": "ge", "value": "80", "version": String(version)])
            #expect(long.status == .unprocessableEntity && long.body.string.contains("tối đa 4000"))
            let remind = try await app.page(.POST, "/tasks/\(world.occurrences["T-C"] ?? 0)/remind", headers: manager,
                                            form: ["note": String(repeating: "x", count: 5_000)])
            #expect(remind.status == .conflict || remind.status == .unprocessableEntity)
            let control = try await app.page(.POST, "/units/T-C/edit", headers: manager,
                                             form: ["code": "T-C", "name": "Xã\u{0}Lũng\u{1B}[31mCú", "kind": "party_committee", "level": "commune",
                                                    "version": String(try await world.fixture.unit("T-C").version)])
            #expect(control.status == .seeOther)
            #expect(try await world.fixture.unit("T-C").name == "XãLũng[31mCú", "NUL and ESC are taken out")
            let listed = await CommandLineRun.run(["units", "list", "--data-dir", app.settings.dataDirectory], environment: [:])
            #expect(!listed.output.contains("\u{1B}"))
        }
    }

    @Test("11. a unit named like a formula comes out of the CSV export as text", arguments: TestDatabase.all)
    func formulaInExport(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await Fixture.tree(app)
            let commune = try await fixture.unit("T-C")
            _ = try await UnitEditing.perform(code: "T-C", with: UnitDraft(code: "T-C", name: "=HYPERLINK(\"http://evil.example\",\"Xã\")",
                                                                          kind: commune.kind, level: commune.level),
                                              reportsToCode: nil, readVersion: commune.version, by: .commandLine, on: app.db)
            let browser = try await fixture.browser(for: try await fixture.user("huyen", .manager, at: "T-D"))
            let export = try await app.page(.GET, "/units/export.csv", headers: browser)
            #expect(export.body.string.contains("'=HYPERLINK") && !export.body.string.contains(",=HYPERLINK") && !export.body.string.contains(",\"=HYPERLINK"))
        }
    }
}

@Suite("Crash leftovers and start-up")
struct StartupHardeningTests {
    @Test("16. evidence files no row names, left by a post that never committed, are removed at start-up; young ones and stored ones stay")
    func orphansSwept() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("danvan-orphans-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = EvidenceStore(dataDirectory: folder.path)
        let kept = try store.save(Data("a".utf8), originalName: "giu.pdf")
        let orphan = try store.save(Data("b".utf8), originalName: "mo-coi.pdf")
        let young = try store.save(Data("c".utf8), originalName: "dang-luu.pdf")
        let old = Date().addingTimeInterval(-2 * 3600)
        for name in [kept, orphan] {
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: folder.appendingPathComponent("evidence/\(name)").path)
        }
        #expect(store.removeOrphans(keeping: [kept]) == 1)
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("evidence").path))
        #expect(left == [kept, young])
    }

    @Test("16b. the start-up sweep knows every table that names a stored file, so no capability's files are taken for orphans",
          arguments: TestDatabase.all)
    func everyFileTableIsKnown(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let sql = try #require(app.db as? any SQLDatabase)
            let query: SQLQueryString = switch database {
            case .sqlite: "SELECT m.name AS name FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table' AND p.name = 'stored_name'"
            case .postgres: "SELECT table_name AS name FROM information_schema.columns WHERE column_name = 'stored_name' AND table_schema = current_schema()"
            }
            let tables = try await sql.raw(query).all().map { try $0.decode(column: "name", as: String.self) }
            #expect(Set(tables) == Set(EvidenceStore.referencingTables))
        }
    }

    @Test("18. a port out of range or not a number is refused before anything starts, in one Vietnamese line", arguments: [
        (["serve", "--port", "99999"], [:] as [String: String]), (["serve"], ["DANVAN_PORT": "abc"]), (["serve"], ["DANVAN_BCRYPT_COST": "40"]),
    ])
    func badNumbers(arguments: [String], environment: [String: String]) async {
        let result = await CommandLineRun.run(arguments + ["--data-dir", "/nonexistent/danvan"], environment: environment)
        #expect(result.status == 1 && result.errors.hasPrefix("danvan: ") && result.errors.contains("không hợp lệ"), "\(result.errors)")
        #expect(result.errors.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: "/nonexistent/danvan"))
    }
}
