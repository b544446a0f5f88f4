import DanVanCore
import Fluent
import Foundation
import Vapor

/// /api/inspections[/{id}[/conclusion]], /api/inspection-requirements[/{id}/actions],
/// /api/inspection-plan[/items | /from-task].
struct InspectionsAPIController {
    func register(_ api: any RoutesBuilder) {
        api.get("inspections", use: list)
        api.post("inspections", use: record)
        api.get("inspections", ":id", use: show)
        api.post("inspections", ":id", "conclusion", use: conclude)
        api.get("inspection-requirements", use: requirements)
        api.post("inspection-requirements", ":id", "actions", use: act)
        api.get("inspection-plan", use: plan)
        api.post("inspection-plan", "items", use: addItem)
        api.post("inspection-plan", "from-task", use: fromTask)
    }

    func list(req: Request) async throws -> [InspectionJSON.Inspection] {
        let unit = try await req.chosenUnit()
        var answer: [InspectionJSON.Inspection] = []
        for inspection in try await InspectionQueries.inspections(by: unit.requireID, year: req.query[Int.self, at: "year"], on: req.db) {
            answer.append(try await InspectionJSON.inspection(try await InspectionContext.load(inspection.requireID, on: req.db), today: req.today, on: req.db))
        }
        return answer
    }

    func record(req: Request) async throws -> Response {
        let input = (try? req.content.decode(InspectionRecording.Input.self)) ?? InspectionRecording.Input()
        let inspection = try await InspectionRecording.record(input, today: req.today, by: try req.actor, on: req.db)
        return try await InspectionJSON.inspection(try await InspectionContext.load(inspection.requireID, on: req.db), today: req.today, on: req.db)
            .encodeResponse(status: .created, for: req)
    }

    func show(req: Request) async throws -> InspectionJSON.Inspection {
        let context = try await InspectionContext.visible(try req.routeID(), by: try req.requireUser(), on: req.db)
        return try await InspectionJSON.inspection(context, today: req.today, on: req.db)
    }

    func conclude(req: Request) async throws -> InspectionJSON.Inspection {
        let input = (try? req.content.decode(InspectionRecording.Conclusion.self)) ?? InspectionRecording.Conclusion()
        let inspection = try await InspectionRecording.conclude(try req.routeID(), input, today: req.today, by: try req.actor, on: req.db)
        return try await InspectionJSON.inspection(try await InspectionContext.load(inspection.requireID, on: req.db), today: req.today, on: req.db)
    }

    /// What the units of a subtree must fix: open requirements, or all with `all=1`.
    func requirements(req: Request) async throws -> [InspectionJSON.Requirement] {
        let unit = try await req.chosenUnit()
        return try await InspectionQueries.requirements(of: unit.requireID, openOnly: req.query[String.self, at: "all"] != "1", on: req.db).map {
            InspectionJSON.Requirement(id: $0.id, version: $0.version, unitCode: $0.unit_code, text: $0.text, dueOn: $0.due_on, state: $0.state,
                                       fixedOn: $0.fixed_on, timeliness: $0.timeliness(today: req.today)?.rawValue)
        }
    }

    func plan(req: Request) async throws -> [InspectionJSON.PlanItem] {
        let unit = try await req.chosenUnit()
        return try await InspectionPlanQueries.items(of: unit, year: req.query[Int.self, at: "year"] ?? req.today.year, on: req.db).map(InspectionJSON.planItem)
    }

    func addItem(req: Request) async throws -> Response {
        let input = (try? req.content.decode(InspectionPlanning.ItemInput.self)) ?? InspectionPlanning.ItemInput()
        let item = try await InspectionPlanning.add(input, by: try req.actor, on: req.db)
        let unit = try await UnitQueries.require(code: input.unitCode, field: "unitCode", on: req.db)
        guard let entry = try await InspectionPlanQueries.items(of: unit, year: item.year, on: req.db).first(where: { $0.item.requireID == item.requireID }) else {
            throw AppError.internalError("Mục kế hoạch vừa ghi không đọc lại được.")
        }
        return try await InspectionJSON.planItem(entry).encodeResponse(status: .created, for: req)
    }

    struct FromTaskInput: Content {
        var unitCode: String?
        var taskID: Int?
    }

    func fromTask(req: Request) async throws -> Response {
        let input = (try? req.content.decode(FromTaskInput.self)) ?? FromTaskInput()
        let items = try await InspectionPlanning.fromTask(input.taskID ?? 0, unitCode: input.unitCode ?? "", by: try req.actor, on: req.db)
        return try await items.map { InspectionJSON.planItem(.init(item: $0, subjects: [], inspection: nil)) }.encodeResponse(status: .created, for: req)
    }

    func act(req: Request) async throws -> InspectionJSON.Requirement {
        let input = (try? req.content.decode(RequirementActing.Input.self)) ?? RequirementActing.Input()
        let row = try await RequirementActing.perform(try req.routeID(), input, today: req.today, by: try req.actor, on: req.db)
        let unit = try await OrgUnit.find(row.unitID, on: req.db)
        return InspectionJSON.Requirement(id: row.requireID, version: row.version, unitCode: unit?.code ?? "", text: row.text, dueOn: row.dueOn,
                                          state: row.stateRaw, fixedOn: row.fixedOn, timeliness: row.timeliness(today: req.today)?.rawValue)
    }
}
