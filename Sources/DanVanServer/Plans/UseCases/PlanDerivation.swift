import DanVanCore
import Fluent
import Foundation
import SQLKit

/// A lower unit's new plan started from the plan it implements: the upper plan's sections and
/// targets, and the tasks that fall to the level below, each linked to its parent item. The
/// plan is a draft until issued; its unit adapts it (a target may be made stricter; a weaker
/// one is flagged by the coverage check). The actor reads the upper plan and edits the unit's plans.
enum PlanDerivation {
    static func perform(from upperID: Int, for unit: OrgUnit, year: Int?, by actor: Actor, on db: any Database) async throws -> Int {
        guard let upper = try await Plan.find(upperID, on: db), try await PlanAccess.mayRead(upper, by: actor, on: db) else {
            throw AppError.notFound("Không tìm thấy kế hoạch cấp trên.")
        }
        try await Authorizer.require(actor, .editPlans, on: unit, db: db, message: "Bạn không được lập kế hoạch cho đơn vị mã \(unit.code).")
        let year = year ?? upper.year
        return try await db.writeTransaction { tx in
            if let existing = try await PlanQueries.existing(unitID: unit.requireID, year: year, on: tx) {
                throw AppError(.conflict, "\(unit.name) đã có kế hoạch năm \(year) (mã \(existing.requireID)); hãy mở kế hoạch đó.",
                               field: "unit")
            }
            let planID = try await insertPlan(from: upper, unit: unit, year: year, on: tx)
            try await copyParts(of: upper.requireID, into: planID, on: tx)
            try await OccurrenceWriter.create(forPlan: planID, year: year, on: tx)
            try await AuditLog.record("plan.derive", entityType: "plan", entityKey: "#\(planID)", unitID: unit.requireID, before: nil,
                                      after: ["implements": upper.numberNormalized ?? "#\(upperID)", "year": "\(year)"], by: actor, on: tx)
            return planID
        }
    }

    /// "Thực hiện Chương trình số 45-CTr/TU về công tác dân vận năm 2026"; without a number, the upper subject.
    static func subject(implementing upper: Plan) -> String {
        guard upper.numberNormalized != nil, !upper.subject.hasPrefix("Thực hiện ") else { return upper.subject.sentenceCased }
        return "Thực hiện \(DocumentNames.planReference(upper)) về \(upper.subject.firstLetterLowercased)"
    }

    private static func insertPlan(from upper: Plan, unit: OrgUnit, year: Int, on db: any Database) async throws -> Int {
        let row = PlanRows.Plan(unitID: unit.requireID, year: year, documentType: "KH", numberRaw: nil, numberNormalized: nil,
                                subject: subject(implementing: upper), issuedOn: nil, place: nil, issuerText: unit.name,
                                theme: upper.theme, motto: upper.motto, status: .draft, implementsPlanID: upper.requireID,
                                recipientsJSON: "[]", signatureAuthority: nil, signaturePosition: nil, signatureName: nil,
                                sourceName: nil, version: 1)
        guard let id = try await UnitClosure.sqlDatabase(db).insert(into: Plan.schema).model(row, with: SQLRows.encoder)
            .returning("id").first(decodingColumn: "id", as: Int.self) else { throw AppError.internalError("Không tạo được kế hoạch.") }
        return id
    }

    private static func copyParts(of upperID: Int, into planID: Int, on db: any Database) async throws {
        let sql = try UnitClosure.sqlDatabase(db)
        let sections = try await PlanSectionRecord.query(on: db).filter(\.$planID == upperID).sort(\.$position).all()
        try await SQLRows.insert(sections.map {
            PlanRows.Section(planID: planID, position: $0.position, depth: $0.depth, number: $0.number, heading: $0.heading, line: $0.line)
        }, into: PlanSectionRecord.schema, on: sql)
        // The body's words after the first heading come too, for the lower unit to adapt; the
        // opening names the upper unit, so it is written afresh.
        let firstHeading = sections.map(\.line).filter { $0 > 0 }.min() ?? Int.max
        let paragraphs = try await PlanParagraphRecord.query(on: db).filter(\.$planID == upperID).sort(\.$position).all()
            .filter { $0.line >= firstHeading }
        try await SQLRows.insert(paragraphs.enumerated().map { PlanRows.Paragraph(planID: planID, position: $0, line: $1.line, text: $1.text) },
                                 into: PlanParagraphRecord.schema, on: sql)
        let targets = try await PlanTargetRecord.query(on: db).filter(\.$planID == upperID).sort(\.$position).all()
        try await SQLRows.insert(targets.map {
            PlanRows.Target(planID: planID, position: $0.position, text: $0.text, comparator: $0.comparator, value: $0.value,
                            upper: $0.upper, measure: $0.measure, subject: $0.subject, line: $0.line, level: $0.level,
                            parentTargetID: $0.requireID, indicatorID: $0.indicatorID)
        }, into: PlanTargetRecord.schema, on: sql)
        let tasks = try await PlanTaskRecord.query(on: db).filter(\.$planID == upperID).sort(\.$position).all()
            .filter { PlanCoverage.fallsToLowerLevel($0) }
        try await SQLRows.insert(tasks.enumerated().map { index, task in
            PlanRows.Task(planID: planID, position: index, text: task.text, section: task.section, group: task.group,
                          timingRaw: task.timingRaw, months: task.months, recurrence: task.recurrence, deadline: task.deadline,
                          asDirected: task.asDirected, leadNames: "[]", coordinatingNames: "[]", line: task.line,
                          parentTaskID: task.requireID, expectedResult: task.expectedResult)
        }, into: PlanTaskRecord.schema, on: sql)
    }
}
