import DanVanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import DanVanServer

@Suite("Plan pages: starting a lower unit's plan, coverage and the 12-month grid")
struct PlanPagesFlowTests {
    private func districtPlan(_ fixture: Fixture) async throws -> Int {
        let outcome = try await PlanFileImporter.importFile(named: "seed-000.txt", data: PlanImportTests.fixture("seed-000.txt"),
                                                            unitCode: "T-D", by: .commandLine, on: fixture.app.db)
        guard case .stored(let planID, _) = outcome else { throw AppError.internalError("not stored: \(outcome)") }
        return planID
    }

    @Test("a manager starts the commune's plan from the district's; asking again opens it", arguments: TestDatabase.all)
    func deriveFromPage(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await Fixture.tree(app)
            let planID = try await districtPlan(fixture)
            let manager = try await fixture.browser(for: try await fixture.user("quanly", .manager, at: "T-D"))
            let page = try await app.page(.GET, "/plans/\(planID)", headers: manager)
            #expect(page.status == .ok)
            #expect(page.body.string.contains("Đơn vị cấp dưới chưa có kế hoạch"))
            #expect(page.body.string.contains("Đảng ủy xã Lũng Cú"))
            let derived = try await app.page(.POST, "/plans/\(planID)/derive", headers: manager, form: ["unitCode": "T-C"])
            #expect(derived.status == .seeOther)
            let location = try #require(derived.headers.first(name: .location))
            let newPage = try await app.page(.GET, location, headers: manager)
            #expect(newPage.body.string.contains("Bản nháp") && newPage.body.string.contains("Đối chiếu với kế hoạch cấp trên"))
            let plans = try await Plan.query(on: app.db).count()
            let again = try await app.page(.POST, "/plans/\(planID)/derive", headers: manager, form: ["unitCode": "T-C"])
            #expect(again.headers.first(name: .location) == location + "?exists=1")
            #expect(try await Plan.query(on: app.db).count() == plans)
            let opened = try await app.page(.GET, location + "?exists=1", headers: manager)
            #expect(opened.body.string.contains("Đơn vị đã có kế hoạch năm 2023"))
        }
    }

    @Test("a viewer below cannot start a plan, a sibling cannot see the grid, and nothing is stored", arguments: TestDatabase.all)
    func refusals(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await Fixture.tree(app)
            let planID = try await districtPlan(fixture)
            let viewer = try await fixture.browser(for: try await fixture.user("xem", .viewer, at: "T-C"))
            let plans = try await Plan.query(on: app.db).count()
            #expect(try await app.page(.POST, "/plans/\(planID)/derive", headers: viewer, form: ["unitCode": "T-C"]).status == .forbidden)
            #expect(try await Plan.query(on: app.db).count() == plans)
            let sibling = try await fixture.browser(for: try await fixture.user("ben", .manager, at: "T-S"))
            #expect(try await app.page(.GET, "/plans/\(planID)/grid", headers: sibling).status == .forbidden)
            let manager = try await fixture.browser(for: try await fixture.user("quanly", .manager, at: "T-D"))
            let empty = try await app.page(.POST, "/plans/\(planID)/derive", headers: manager, form: ["unitCode": ""])
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.body.string.contains("Hãy chọn đơn vị lập kế hoạch."))
        }
    }

    @Test("a task given to the communes is followed on the district's grid through the communes' issued plans", arguments: TestDatabase.all)
    func delegatedTask(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await Fixture.tree(app)
            let planID = try await districtPlan(fixture)
            let monthly = try #require(try await PlanTaskRecord.query(on: app.db).filter(\.$planID == planID).filter(\.$recurrence == "monthly").first())
            monthly.leadUnitID = nil
            monthly.leadNames = PlanPartsWriter.json(["Các đảng ủy xã"])
            try await monthly.save(on: app.db)
            let commune = try await fixture.unit("T-C")
            let lowerID = try await PlanDerivation.perform(from: planID, for: commune, year: nil, by: .commandLine, on: app.db)
            let viewer = try await fixture.browser(for: try await fixture.user("xem", .viewer, at: "T-D"))
            let whileDraft = try await app.page(.GET, "/plans/\(planID)/grid", headers: viewer).body.string
            #expect(whileDraft.contains("Các đảng ủy xã (chưa gán đơn vị)"), "a draft below carries nothing yet")

            for task in try await PlanTaskRecord.query(on: app.db).filter(\.$planID == lowerID).all() {
                task.leadUnitID = commune.requireID
                try await task.save(on: app.db)
            }
            let lower = try #require(try await Plan.find(lowerID, on: app.db))
            try await PlanIssuing.perform(planID: lowerID, planVersion: lower.version, by: .commandLine, on: app.db)
            let child = try #require(try await PlanTaskRecord.query(on: app.db).filter(\.$parentTaskID == monthly.requireID).first())
            let march = try #require(try await TaskOccurrence.query(on: app.db).filter(\.$taskID == child.requireID).filter(\.$month == 3).first())
            march.state = OccurrenceState.done.rawValue
            march.doneOn = "2023-03-20"
            try await march.save(on: app.db)
            let grid = try await app.page(.GET, "/plans/\(planID)/grid", headers: viewer).body.string
            #expect(grid.contains("Các đảng ủy xã (1 đơn vị thực hiện theo kế hoạch của mình)"))
            #expect(grid.contains("<td class=\"cell done\" title=\"Tháng 3: 1/1 đơn vị hoàn thành\">✓</td>"), "March is read from the commune")
            #expect(grid.contains("<td class=\"cell overdue\" title=\"Tháng 4: 0/1 đơn vị hoàn thành\">!</td>"), "April, not done by the commune")
        }
    }

    @Test("the grid has a column per month and a cell per occurrence, with its state", arguments: TestDatabase.all)
    func grid(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await Fixture.tree(app)
            let planID = try await districtPlan(fixture)
            let monthly = try #require(try await PlanTaskRecord.query(on: app.db).filter(\.$planID == planID).filter(\.$recurrence == "monthly").first())
            let march = try #require(try await TaskOccurrence.query(on: app.db).filter(\.$taskID == monthly.requireID).filter(\.$month == 3).first())
            march.state = OccurrenceState.done.rawValue
            march.doneOn = "2023-03-20"
            try await march.save(on: app.db)
            let viewer = try await fixture.browser(for: try await fixture.user("xem", .viewer, at: "T-D"))
            let grid = try await app.page(.GET, "/plans/\(planID)/grid", headers: viewer)
            #expect(grid.status == .ok)
            let html = grid.body.string
            #expect((1...12).allSatisfy { html.contains("<th>T\($0)</th>") })
            #expect(html.contains("title=\"Tháng 3/2023: Đã hoàn thành, hạn 31/03/2023\""))
            #expect(html.contains("Hoàn thành đúng hạn: <strong>1</strong>"))
        }
    }
}
