import DanVanCore
import Fluent
import Foundation
import Vapor

/// Inspections as the API and the command line write them: with findings and requirements,
/// each requirement's state, due date and timeliness.
enum InspectionJSON {
    struct Finding: Content {
        let unitCode: String
        let type: String
        let severity: String?
        let criterion: String?
        let text: String
    }

    struct Requirement: Content {
        let id: Int
        let version: Int
        let unitCode: String
        let text: String
        let dueOn: String
        let state: String
        let fixedOn: String?
        let timeliness: String?
    }

    struct Inspection: Content {
        let id: Int
        let version: Int
        let unitCode: String
        let kind: String
        let title: String
        let decisionNumber: String?
        let decisionDate: String?
        let team: String
        let subjects: [String]
        let periodFrom: String?
        let periodTo: String?
        let contents: String
        let startsOn: String
        let endsOn: String
        let conclusionNumber: String?
        let concludedOn: String?
        let findings: [Finding]
        let requirements: [Requirement]
    }

    struct PlanItem: Content {
        let id: Int
        let year: Int
        let month: Int
        let kind: String
        let contents: String
        let subjects: [String]
        let taskID: Int?
        let inspectionID: Int?
    }

    static func planItem(_ entry: InspectionPlanQueries.Item) -> PlanItem {
        PlanItem(id: entry.item.requireID, year: entry.item.year, month: entry.item.month, kind: entry.item.kindRaw, contents: entry.item.contents,
                 subjects: entry.subjects.map(\.code), taskID: entry.item.taskID, inspectionID: entry.item.inspectionID)
    }

    static func inspection(_ context: InspectionContext, today: CivilDate, on db: any Database) async throws -> Inspection {
        let record = context.inspection
        let units = Dictionary(uniqueKeysWithValues: context.subjects.map { ($0.requireID, $0.code) })
        let findings = try await InspectionFinding.query(on: db).filter(\.$inspectionID == record.requireID).sort(\.$position).all()
        let requirements = try await InspectionQueries.requirements(ofInspection: record.requireID, on: db)
        return Inspection(
            id: record.requireID, version: record.version, unitCode: context.unit.code, kind: record.kindRaw, title: record.title,
            decisionNumber: record.decisionNumber, decisionDate: record.decisionDate, team: record.team, subjects: context.subjects.map(\.code),
            periodFrom: record.periodFrom, periodTo: record.periodTo, contents: record.contents, startsOn: record.startsOn, endsOn: record.endsOn,
            conclusionNumber: record.conclusionNumber, concludedOn: record.concludedOn,
            findings: findings.map { Finding(unitCode: units[$0.unitID] ?? "", type: $0.typeRaw, severity: $0.severityRaw, criterion: $0.criterion, text: $0.text) },
            requirements: requirements.map {
                Requirement(id: $0.id, version: $0.version, unitCode: $0.unit_code, text: $0.text, dueOn: $0.due_on, state: $0.state, fixedOn: $0.fixed_on,
                            timeliness: $0.timeliness(today: today)?.rawValue)
            })
    }
}
