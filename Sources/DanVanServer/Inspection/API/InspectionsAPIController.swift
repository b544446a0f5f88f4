import DanVanCore
import Fluent
import Foundation
import Vapor

/// /api/inspections[/{id}[/conclusion]], /api/inspection-requirements[/{id}/actions].
struct InspectionsAPIController {
    func register(_ api: any RoutesBuilder) {
        api.get("inspections", use: list)
        api.post("inspections", use: record)
        api.get("inspections", ":id", use: show)
        api.post("inspections", ":id", "conclusion", use: conclude)
        api.get("inspection-requirements", use: requirements)
        api.post("inspection-requirements", ":id", "actions", use: act)
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

    func act(req: Request) async throws -> InspectionJSON.Requirement {
        let input = (try? req.content.decode(RequirementActing.Input.self)) ?? RequirementActing.Input()
        let row = try await RequirementActing.perform(try req.routeID(), input, today: req.today, by: try req.actor, on: req.db)
        let unit = try await OrgUnit.find(row.unitID, on: req.db)
        return InspectionJSON.Requirement(id: row.requireID, version: row.version, unitCode: unit?.code ?? "", text: row.text, dueOn: row.dueOn,
                                          state: row.stateRaw, fixedOn: row.fixedOn, timeliness: row.timeliness(today: req.today)?.rawValue)
    }
}
