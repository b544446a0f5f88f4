import DanVanCore
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import DanVanServer

@Suite("Editing plans: thresholds, tasks, issuing and revisions")
struct PlanEditingTests {
    private func seedPlan(_ fixture: Fixture) async throws -> Plan {
        let outcome = try await PlanFileImporter.importFile(named: "seed-000.txt", data: PlanImportTests.fixture("seed-000.txt"),
                                                            unitCode: "T-D", by: .commandLine, on: fixture.app.db)
        guard case .stored(let planID, _) = outcome, let plan = try await Plan.find(planID, on: fixture.app.db) else {
            throw AppError.internalError("not stored")
        }
        return plan
    }

    @Test("bad thresholds, month 13, a lead outside the plan's units and a stale version are refused, nothing changed",
          arguments: TestDatabase.all)
    func badInput(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await Fixture.tree(app)
            let plan = try await seedPlan(fixture)
            let manager = try await fixture.browser(for: try await fixture.user("quanly", .manager, at: "T-D"))
            let target = try #require(try await PlanTargetRecord.query(on: app.db).filter(\.$planID == plan.requireID).first())
            let task = try #require(try await PlanTaskRecord.query(on: app.db).filter(\.$planID == plan.requireID).first())
            let v = String(plan.version)
            let cases: [(String, [String: String], HTTPStatus, String)] = [
                ("/targets/\(target.requireID)", ["text": "Chỉ tiêu mới", "comparator": "ge", "value": "120", "measure": "percent", "version": v],
                 .unprocessableEntity, "không thể vượt 100%"),
                ("/targets/\(target.requireID)", ["text": "Chỉ tiêu mới", "comparator": "between", "value": "3", "upper": "1", "measure": "count", "version": v],
                 .unprocessableEntity, "Mức dưới (3) lớn hơn mức trên (1)."),
                ("/targets/\(target.requireID)", ["text": "Chỉ tiêu mới", "comparator": "ge", "value": "mười", "measure": "count", "version": v],
                 .unprocessableEntity, "không phải một số"),
                ("/plan-tasks/\(task.requireID)", ["text": "Nhiệm vụ mới", "lead": "", "timing": "Tháng 13", "version": v],
                 .unprocessableEntity, "Tháng 13 không tồn tại."),
                ("/plan-tasks/\(task.requireID)", ["text": "Nhiệm vụ mới", "lead": "T-S", "timing": "Tháng 3", "version": v],
                 .unprocessableEntity, "không thuộc đơn vị ban hành"),
                ("/plan-tasks/\(task.requireID)", ["text": "Nhiệm vụ mới", "lead": "T-C", "timing": "Tháng 3", "version": "0"],
                 .conflict, "vừa được người khác sửa"),
            ]
            for (path, form, status, message) in cases {
                let response = try await app.page(.POST, path, headers: manager, form: form)
                #expect(response.status == status, "\(path) \(form)")
                #expect(response.body.string.contains(message), "\(message)")
                #expect(response.body.string.contains(form["text"] ?? ""), "what was typed is shown again")
            }
            let unchangedTarget = try #require(try await PlanTargetRecord.find(target.requireID, on: app.db))
            #expect(unchangedTarget.text == target.text && unchangedTarget.value == target.value)
            let unchangedTask = try #require(try await PlanTaskRecord.find(task.requireID, on: app.db))
            #expect(unchangedTask.text == task.text && unchangedTask.leadUnitID == task.leadUnitID)
            #expect(try await Plan.find(plan.requireID, on: app.db)?.version == plan.version)
            let viewer = try await fixture.browser(for: try await fixture.user("xem", .viewer, at: "T-D"))
            #expect(try await app.page(.GET, "/plans/\(plan.requireID)/edit", headers: viewer).status == .forbidden)
        }
    }

    @Test("a draft is issued by its own unit, only when every task has its lead unit", arguments: TestDatabase.all)
    func issue(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await Fixture.tree(app)
            let upper = try await seedPlan(fixture)
            let draftID = try await PlanDerivation.perform(from: upper.requireID, for: try await fixture.unit("T-C"), year: nil,
                                                         by: .commandLine, on: app.db)
            let manager = try await fixture.browser(for: try await fixture.user("quanly", .manager, at: "T-D"))
            let communeManager = try await fixture.browser(for: try await fixture.user("quanly-xa", .manager, at: "T-C"))
            var draft = try #require(try await Plan.find(draftID, on: app.db))
            let refused = try await app.page(.POST, "/plans/\(draftID)/issue", headers: communeManager,
                                             form: ["version": String(draft.version), "confirm": "1"])
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("chưa có đơn vị chủ trì"))
            #expect(try await Plan.find(draftID, on: app.db)?.status == .draft)
            let tasks = try await PlanTaskRecord.query(on: app.db).filter(\.$planID == draftID).all()
            for task in tasks {
                draft = try #require(try await Plan.find(draftID, on: app.db))
                let saved = try await app.page(.POST, "/plan-tasks/\(task.requireID)", headers: manager,
                                               form: ["text": task.text, "lead": "T-C", "timing": "Quý II", "version": String(draft.version)])
                #expect(saved.status == .seeOther)
            }
            draft = try #require(try await Plan.find(draftID, on: app.db))
            let fromAbove = try await app.page(.POST, "/plans/\(draftID)/issue", headers: manager, form: ["version": String(draft.version), "confirm": "1"])
            #expect(fromAbove.status == .forbidden, "the district edits the commune's draft but does not issue it")
            let aboveEditPage = try await app.page(.GET, "/plans/\(draftID)/edit", headers: manager).body.string
            #expect(!aboveEditPage.contains("Tôi xác nhận ban hành") && aboveEditPage.contains("đơn vị ban hành tự ban hành"))
            #expect(try await Plan.find(draftID, on: app.db)?.status == .draft)
            let unconfirmed = try await app.page(.POST, "/plans/\(draftID)/issue", headers: communeManager, form: ["version": String(draft.version)])
            #expect(unconfirmed.status == .unprocessableEntity && unconfirmed.body.string.contains("Tôi xác nhận ban hành"))
            #expect(try await Plan.find(draftID, on: app.db)?.status == .draft, "one tap without the tick issues nothing")
            let issued = try await app.page(.POST, "/plans/\(draftID)/issue", headers: communeManager,
                                            form: ["version": String(draft.version), "confirm": "1"])
            #expect(issued.status == .seeOther)
            #expect(try await Plan.find(draftID, on: app.db)?.status == .issued)
            let first = try #require(tasks.first)
            let months = try await TaskOccurrence.query(on: app.db).filter(\.$taskID == first.requireID).all().map(\.month)
            #expect(months == [6], "the new timing (Quý II) replaced the copied one")
        }
    }

    @Test("changing an issued plan keeps the earlier content as a revision that can be compared", arguments: TestDatabase.all)
    func revisions(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await Fixture.tree(app)
            let plan = try await seedPlan(fixture)
            let manager = try await fixture.browser(for: try await fixture.user("quanly", .manager, at: "T-D"))
            let target = try #require(try await PlanTargetRecord.query(on: app.db).filter(\.$planID == plan.requireID)
                .filter(\.$comparator == "gt").filter(\.$value == 85).first())
            let saved = try await app.page(.POST, "/targets/\(target.requireID)", headers: manager,
                                           form: ["text": target.text, "comparator": "ge", "value": "90", "measure": "percent",
                                                  "version": String(plan.version)])
            #expect(saved.status == .seeOther)
            let now = try #require(try await Plan.find(plan.requireID, on: app.db))
            #expect(now.revision == 2 && now.version == plan.version + 1)
            let page = try await app.page(.GET, "/plans/\(plan.requireID)/revisions", headers: manager)
            #expect(page.status == .ok)
            #expect(page.body.string.contains("(trên 85%)") && page.body.string.contains("(90% trở lên)"))
        }
    }

    @Test("the likely indicator is offered and, once confirmed, reused by a plan that names the same one", arguments: TestDatabase.all)
    func indicators(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await Fixture.tree(app)
            let plan = try await seedPlan(fixture)
            let manager = try await fixture.browser(for: try await fixture.user("quanly", .manager, at: "T-D"))
            let page = try await app.page(.GET, "/plans/\(plan.requireID)/edit", headers: manager)
            #expect(page.body.string.contains("Chưa có chỉ số đo"))
            let models = try #require(try await PlanTargetRecord.query(on: app.db).filter(\.$planID == plan.requireID).all()
                .first { $0.text.contains("mô hình") && $0.measure == "percent" })
            var version = try #require(try await Plan.find(plan.requireID, on: app.db)).version
            let confirmed = try await app.page(.POST, "/targets/\(models.requireID)/indicator", headers: manager,
                                               form: ["indicatorKind": "child_coverage", "indicatorName": "Đơn vị có mô hình Dân vận khéo",
                                                      "version": String(version)])
            #expect(confirmed.status == .seeOther)
            let linked = try #require(try await PlanTargetRecord.find(models.requireID, on: app.db)?.indicatorID)
            let indicator = try #require(try await Indicator.find(linked, on: app.db))
            #expect(indicator.kind == "child_coverage" && indicator.perUnitComparator == "ge" && indicator.perUnitValue == 1)
            let other = try #require(try await PlanTargetRecord.query(on: app.db).filter(\.$planID == plan.requireID)
                .filter(\.$id != models.requireID).first())
            version = try #require(try await Plan.find(plan.requireID, on: app.db)).version
            _ = try await app.page(.POST, "/targets/\(other.requireID)/indicator", headers: manager,
                                   form: ["indicatorKind": "child_coverage", "indicatorName": "Đơn vị có mô hình Dân vận khéo", "version": String(version)])
            #expect(try await PlanTargetRecord.find(other.requireID, on: app.db)?.indicatorID == linked)
            #expect(try await Indicator.query(on: app.db).count() == 1)
            let empty = try await app.page(.POST, "/targets/\(other.requireID)/indicator", headers: manager,
                                           form: ["indicatorKind": "ratio", "indicatorName": " ", "version": String(version + 1)])
            #expect(empty.status == .unprocessableEntity && empty.body.string.contains("Tên chỉ số là bắt buộc."))
        }
    }

    @Test("a blank plan is created, given a target and a task, and loses one again; a second blank plan for the year opens the first",
          arguments: TestDatabase.all)
    func blankPlan(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await Fixture.tree(app)
            let manager = try await fixture.browser(for: try await fixture.user("quanly", .manager, at: "T-D"))
            let created = try await app.page(.POST, "/plans/new", headers: manager,
                                             form: ["unitCode": "T-C", "year": "2026", "subject": "công tác dân vận năm 2026"])
            #expect(created.status == .seeOther)
            let plan = try #require(try await Plan.query(on: app.db).first())
            #expect(plan.status == .draft && plan.year == 2026 && plan.subject == "công tác dân vận năm 2026")
            #expect(try await app.page(.POST, "/plans/\(plan.requireID)/targets", headers: manager, form: ["version": "1"]).status == .seeOther)
            #expect(try await app.page(.POST, "/plans/\(plan.requireID)/tasks", headers: manager, form: ["version": "2"]).status == .seeOther)
            let task = try #require(try await PlanTaskRecord.query(on: app.db).filter(\.$planID == plan.requireID).first())
            #expect(try await PlanTargetRecord.query(on: app.db).filter(\.$planID == plan.requireID).count() == 1)
            #expect(try await TaskOccurrence.query(on: app.db).filter(\.$taskID == task.requireID).count() == 1)
            #expect(try await app.page(.POST, "/plan-tasks/\(task.requireID)/remove", headers: manager, form: ["version": "2"]).status == .conflict)
            #expect(try await app.page(.POST, "/plan-tasks/\(task.requireID)/remove", headers: manager, form: ["version": "3"]).status == .seeOther)
            #expect(try await PlanTaskRecord.query(on: app.db).filter(\.$planID == plan.requireID).count() == 0)
            #expect(try await TaskOccurrence.query(on: app.db).count() == 0)
            let again = try await app.page(.POST, "/plans/new", headers: manager, form: ["unitCode": "T-C", "year": "2026", "subject": "khác"])
            #expect(again.headers.first(name: .location) == "/plans/\(plan.requireID)?exists=1")
            let sibling = try await app.page(.POST, "/plans/new", headers: manager, form: ["unitCode": "T-S", "year": "2026", "subject": "x"])
            #expect(sibling.status == .forbidden)
            let blank = try await app.page(.POST, "/plans/new", headers: manager, form: ["unitCode": "T-D", "year": "2026", "subject": " "])
            #expect(blank.status == .unprocessableEntity && blank.body.string.contains("Trích yếu của kế hoạch là bắt buộc."))
            #expect(try await Plan.query(on: app.db).count() == 1)
        }
    }

    @Test("coordinators are chosen among the units of the plan's place and below; others are refused", arguments: TestDatabase.all)
    func coordinators(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await Fixture.tree(app)
            let plan = try await seedPlan(fixture)
            let manager = try await fixture.browser(for: try await fixture.user("quanly", .manager, at: "T-D"))
            let task = try #require(try await PlanTaskRecord.query(on: app.db).filter(\.$planID == plan.requireID).first())
            let saved = try await app.page(.POST, "/plan-tasks/\(task.requireID)", headers: manager,
                                           form: ["text": task.text, "lead": "T-D", "timing": "Tháng 3", "coordinators[]": "T-C",
                                                  "version": String(plan.version)])
            #expect(saved.status == .seeOther)
            let commune = try await fixture.unit("T-C").requireID
            let stored = try await UnitClosure.sqlDatabase(app.db).select().column("unit_id").from("task_coordinators")
                .where("task_id", .equal, task.requireID).all().map { try $0.decode(column: "unit_id", as: Int.self) }
            #expect(stored == [commune])
            let refused = try await app.page(.POST, "/plan-tasks/\(task.requireID)", headers: manager,
                                             form: ["text": task.text, "lead": "T-D", "timing": "Tháng 3", "coordinators[]": "T-S",
                                                    "version": String(plan.version + 1)])
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("không phối hợp được"))
        }
    }
}
