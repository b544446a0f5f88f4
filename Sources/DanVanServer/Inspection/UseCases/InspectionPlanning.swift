import DanVanCore
import Fluent
import Foundation
import SQLKit

/// The inspecting unit's yearly plan of inspections: an item added by hand (month, kind,
/// contents, units to inspect), or a plan's task about inspection turned into one item per month
/// of its timing in one step ("Kiểm tra, giám sát … Tháng 4, 10" → April and October).
enum InspectionPlanning {
    struct ItemInput: Codable, Sendable, Equatable {
        var unitCode = ""
        var year = 0
        var month = 0
        var kind = ""
        var contents = ""
        var subjects: [String] = []

        init() {}

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            func text(_ key: CodingKeys) -> String { ((try? c.decodeIfPresent(String.self, forKey: key)) ?? nil) ?? "" }
            func number(_ key: CodingKeys) -> Int { ((try? c.decodeIfPresent(Int.self, forKey: key)) ?? nil) ?? Int(text(key)) ?? 0 }
            (unitCode, kind, contents, year, month) = (text(.unitCode), text(.kind), text(.contents), number(.year), number(.month))
            subjects = ((try? c.decodeIfPresent([String].self, forKey: .subjects)) ?? nil) ?? []
        }
    }

    /// The words that make a task one about inspection.
    static func isAboutInspection(_ text: String) -> Bool {
        let folded = VietnameseFolding.fold(text)
        return folded.contains("kiem tra") || folded.contains("giam sat")
    }

    static func add(_ input: ItemInput, by actor: Actor, on db: any Database) async throws -> InspectionPlanItem {
        let unit = try await UnitQueries.require(code: input.unitCode, field: "unitCode", on: db)
        try await Authorizer.require(actor, .inspect, on: unit, db: db, message: "Bạn không được lập kế hoạch kiểm tra của đơn vị này.")
        var issues: [ValidationIssue] = []
        let kind = InspectionKind(rawValue: input.kind.isEmpty ? InspectionKind.inspection.rawValue : input.kind)
        if kind == nil { issues.append(ValidationIssue(field: "kind", message: "Hình thức \"\(FreeText.printable(String(input.kind.prefix(40))))\" không có.")) }
        if !(2000...2100).contains(input.year) { issues.append(ValidationIssue(field: "year", message: "Năm \(input.year) không hợp lệ.")) }
        if !(1...12).contains(input.month) { issues.append(ValidationIssue(field: "month", message: "Tháng \(input.month) không có; tháng là số từ 1 đến 12.")) }
        let contents = FreeText.clean(input.contents, field: "contents", label: "Nội dung", limit: FreeText.Limit.paragraph, multiline: true, required: true)
            .value(collecting: &issues) ?? ""
        var subjects: [OrgUnit] = []
        for code in input.subjects {
            guard let subject = try await UnitQueries.find(code: code, on: db) else {
                issues.append(ValidationIssue(field: "subjects", message: "Không tìm thấy đơn vị mã \"\(FreeText.printable(String(code.prefix(40))))\"."))
                continue
            }
            if try await UnitClosure.depth(from: unit.requireID, to: subject.requireID, on: db) == nil {
                issues.append(ValidationIssue(field: "subjects", message: "\(subject.name) không thuộc phạm vi của \(unit.name)."))
            } else if !subjects.contains(where: { $0.requireID == subject.requireID }) {
                subjects.append(subject)
            }
        }
        guard issues.isEmpty, let kind else { throw AppError.validation(ValidationFailure(issues)) }
        let chosen = subjects
        return try await db.writeTransaction { tx in
            let item = try await create(unit: unit, year: input.year, month: input.month, kind: kind, contents: contents, taskID: nil, by: actor, on: tx)
            for subject in chosen {
                try await UnitClosure.sqlDatabase(tx).insert(into: "inspection_plan_subjects").columns("item_id", "unit_id")
                    .values(SQLBind(item.requireID), SQLBind(subject.requireID)).run()
            }
            try await AuditLog.record("inspection_plan.add", entityType: "inspection_plan_item", entityKey: "\(item.requireID)", unitID: unit.requireID,
                                      before: nil, after: ["month": "\(input.month)/\(input.year)", "contents": contents], by: actor, on: tx)
            try await ReportGeneration.bump(on: tx)
            return item
        }
    }

    /// One item per month of the task's timing; months already in the plan from this task are kept.
    static func fromTask(_ taskID: Int, unitCode: String, by actor: Actor, on db: any Database) async throws -> [InspectionPlanItem] {
        let unit = try await UnitQueries.require(code: unitCode, field: "unitCode", on: db)
        try await Authorizer.require(actor, .inspect, on: unit, db: db, message: "Bạn không được lập kế hoạch kiểm tra của đơn vị này.")
        guard let task = try await PlanTaskRecord.find(taskID, on: db), let plan = try await Plan.find(task.planID, on: db) else {
            throw AppError.notFound("Không tìm thấy nhiệm vụ #\(taskID).")
        }
        guard try await candidates(for: unit, year: plan.year, on: db).contains(where: { $0.task.requireID == taskID }) else {
            throw AppError.invalid("taskID", "Nhiệm vụ \"\(String(task.text.prefix(80)))\" không phải nhiệm vụ kiểm tra, giám sát có tháng thực hiện trong kế hoạch của \(unit.name).")
        }
        let months = task.months.split(separator: ",").compactMap { Int($0) }.filter { (1...12).contains($0) }
        let existing = Set(try await InspectionPlanItem.query(on: db).filter(\.$unitID == unit.requireID).filter(\.$taskID == taskID).all().map(\.month))
        let contents = task.text.trimmingCharacters(in: .whitespacesAndNewlines)
        return try await db.writeTransaction { tx in
            var items: [InspectionPlanItem] = []
            for month in months where !existing.contains(month) {
                items.append(try await create(unit: unit, year: plan.year, month: month, kind: .inspection, contents: contents, taskID: taskID, by: actor, on: tx))
            }
            if !items.isEmpty {
                try await AuditLog.record("inspection_plan.from_task", entityType: "plan_task", entityKey: "\(taskID)", unitID: unit.requireID, before: nil,
                                          after: ["months": items.map { "\($0.month)" }.joined(separator: ","), "year": "\(plan.year)"], by: actor, on: tx)
                try await ReportGeneration.bump(on: tx)
            }
            return items
        }
    }

    struct Candidate: Sendable {
        let task: PlanTaskRecord
        let plan: Plan
        let months: [Int]
    }

    /// Tasks about inspection, with months, in the year's plans the unit issued or leads. A
    /// standing board issues in its committee's name, so its plans count as the committee's.
    static func candidates(for unit: OrgUnit, year: Int, on db: any Database) async throws -> [Candidate] {
        let boards = try await OrgUnit.query(on: db).filter(\.$parentID == unit.requireID)
            .filter(\.$kind == UnitKind.partyStandingBoard.rawValue).all().map(\.requireID)
        let issued = try await Plan.query(on: db).filter(\.$year == year).filter(\.$unitID ~~ ([unit.requireID] + boards)).all()
        let led = try await PlanTaskRecord.query(on: db).filter(\.$leadUnitID == unit.requireID).all()
        let ledPlans = try await Plan.query(on: db).filter(\.$year == year).filter(\.$id ~~ Array(Set(led.map(\.planID)))).all()
        let byID = Dictionary((issued + ledPlans).map { ($0.requireID, $0) }, uniquingKeysWith: { first, _ in first })
        let issuedTasks = try await PlanTaskRecord.query(on: db).filter(\.$planID ~~ issued.map(\.requireID)).all()
        var seen = Set<Int>()
        let tasks = (issuedTasks + led.filter { byID[$0.planID] != nil }).filter { seen.insert($0.requireID).inserted }
            .sorted { ($0.planID, $0.position) < ($1.planID, $1.position) }
        return tasks.compactMap { task in
            let months = task.months.split(separator: ",").compactMap { Int($0) }
            guard !months.isEmpty, isAboutInspection(task.text), let plan = byID[task.planID] else { return nil }
            return Candidate(task: task, plan: plan, months: months)
        }
    }

    private static func create(unit: OrgUnit, year: Int, month: Int, kind: InspectionKind, contents: String, taskID: Int?, by actor: Actor,
                               on tx: any Database) async throws -> InspectionPlanItem {
        let item = InspectionPlanItem()
        item.unitID = unit.requireID
        item.year = year
        item.month = month
        item.kindRaw = kind.rawValue
        item.contents = contents
        item.taskID = taskID
        item.createdBy = actor.displayName
        item.createdAt = Date()
        try await item.create(on: tx)
        return item
    }
}
