import DanVanCore
import Fluent
import Foundation
import SQLKit

/// Changes to a stored plan's targets and tasks, and issuing it. Every change names the plan
/// version it was made on (two people editing at once: the second gets 409 and keeps their
/// input). A change to an issued plan first keeps the plan as it was as a revision.
enum PlanEditing {
    struct TargetChange {
        let text: String
        let threshold: Threshold
    }

    struct TaskChange {
        let text: String
        let leadUnitCode: String?
        /// Unit ids of the coordinators, among those the edit page offers; nil leaves them as they are.
        var coordinatorIDs: [Int]? = nil
        let timing: TaskTiming
        let expectedResult: String?
    }

    static func changeTarget(_ targetID: Int, to change: TargetChange, planVersion: Int, by actor: Actor, on db: any Database) async throws {
        guard let target = try await PlanTargetRecord.find(targetID, on: db) else { throw AppError.notFound("Không tìm thấy chỉ tiêu.") }
        let text = change.text.trimmed()
        guard !text.isEmpty else { throw AppError.invalid("text", "Hãy ghi nội dung chỉ tiêu.") }
        if let problem = change.threshold.problem { throw AppError.invalid("value", problem) }
        try await db.transaction { tx in
            let plan = try await lockVersion(target.planID, expected: planVersion, by: actor, on: tx)
            target.text = text
            target.comparator = change.threshold.comparator.rawValue
            target.value = change.threshold.value
            target.upper = change.threshold.comparator == .between ? change.threshold.upper : nil
            target.measure = change.threshold.measure.rawValue
            try await target.save(on: tx)
            try await AuditLog.record("plan.target", entityType: "plan", entityKey: "#\(plan.requireID)", unitID: plan.unitID, before: nil,
                                      after: ["target": "\(targetID)", "threshold": change.threshold.phrase], by: actor, on: tx)
        }
    }

    static func changeTask(_ taskID: Int, to change: TaskChange, planVersion: Int, by actor: Actor, on db: any Database) async throws {
        guard let task = try await PlanTaskRecord.find(taskID, on: db), let plan = try await Plan.find(task.planID, on: db) else {
            throw AppError.notFound("Không tìm thấy nhiệm vụ.")
        }
        let text = change.text.trimmed()
        guard !text.isEmpty else { throw AppError.invalid("text", "Hãy ghi nội dung nhiệm vụ.") }
        if let problem = change.timing.problem { throw AppError.invalid("months", problem) }
        let lead = try await leadUnit(change.leadUnitCode, for: plan, on: db)
        try await db.transaction { tx in
            _ = try await lockVersion(plan.requireID, expected: planVersion, by: actor, on: tx)
            let timingChanged = OccurrenceWriter.timing(task) != change.timing
            task.text = text
            task.leadUnitID = lead?.requireID
            task.expectedResult = change.expectedResult.flatMap { $0.trimmed().isEmpty ? nil : $0.trimmed() }
            task.timingRaw = change.timing.raw
            task.months = change.timing.months.map(String.init).joined(separator: ",")
            task.recurrence = change.timing.recurrence?.rawValue
            task.deadline = change.timing.deadline?.description
            task.asDirected = change.timing.asDirected
            task.version += 1
            try await task.save(on: tx)
            if let coordinators = change.coordinatorIDs {
                let sql = try UnitClosure.sqlDatabase(tx)
                try await sql.delete(from: "task_coordinators").where("task_id", .equal, taskID).run()
                try await SQLRows.insert(Set(coordinators).sorted().map { TaskAssignment.CoordinatorRow(task_id: taskID, unit_id: $0) },
                                         into: "task_coordinators", on: sql)
            }
            if timingChanged {
                // Occurrences nobody has started follow the new timing; the others keep their history.
                try await TaskOccurrence.query(on: tx).filter(\.$taskID == taskID).filter(\.$state == OccurrenceState.notStarted.rawValue).delete()
                try await OccurrenceWriter.create(forTask: task, year: plan.year, on: tx)
            }
            try await AuditLog.record("plan.task", entityType: "plan", entityKey: "#\(plan.requireID)", unitID: plan.unitID, before: nil,
                                      after: ["task": "\(taskID)", "lead": lead?.code ?? "", "timing": change.timing.raw], by: actor, on: tx)
        }
    }

    /// Links a target to the indicator that measures it: an existing one of the same name and
    /// kind is reused (indicators carry across plans and years), otherwise one is made.
    static func confirmIndicator(_ targetID: Int, kind: IndicatorKind, name: String, planVersion: Int, by actor: Actor,
                                 on db: any Database) async throws {
        guard let target = try await PlanTargetRecord.find(targetID, on: db) else { throw AppError.notFound("Không tìm thấy chỉ tiêu.") }
        let name = name.trimmed()
        guard !name.isEmpty else { throw AppError.invalid("indicatorName", "Hãy đặt tên chỉ số.") }
        try await db.transaction { tx in
            let plan = try await lockVersion(target.planID, expected: planVersion, by: actor, on: tx)
            let indicator = try await Indicator.query(on: tx).filter(\.$name == name).filter(\.$kind == kind.rawValue).first()
                ?? newIndicator(name: name, kind: kind, for: target, unitID: plan.unitID)
            if indicator.id == nil { try await indicator.create(on: tx) }
            target.indicatorID = indicator.id
            try await target.save(on: tx)
            try await AuditLog.record("plan.indicator", entityType: "plan", entityKey: "#\(plan.requireID)", unitID: plan.unitID, before: nil,
                                      after: ["target": "\(targetID)", "indicator": name, "kind": kind.rawValue], by: actor, on: tx)
        }
    }

    private static func newIndicator(name: String, kind: IndicatorKind, for target: PlanTargetRecord, unitID: Int) -> Indicator {
        let indicator = Indicator()
        indicator.name = name
        indicator.kind = kind.rawValue
        indicator.unitID = unitID
        indicator.createdAt = Date()
        if kind == .childCoverage {
            let parsed = ParsedTarget(text: target.text, comparator: target.threshold.comparator, value: target.value, upper: target.upper,
                                      unit: target.threshold.measure, subject: target.subject, line: target.line)
            let perUnit = IndicatorSuggestion.suggest(for: parsed).perUnit ?? Threshold(.ge, 1, measure: .count)
            indicator.perUnitComparator = perUnit.comparator.rawValue
            indicator.perUnitValue = perUnit.value
        }
        return indicator
    }

    /// A blank draft plan for a unit and year.
    static func createBlank(unit: OrgUnit, year: Int, subject: String, by actor: Actor, on db: any Database) async throws -> Int {
        let subject = subject.trimmed()
        guard !subject.isEmpty else { throw AppError.invalid("subject", "Hãy ghi trích yếu của kế hoạch.") }
        guard (2000...2100).contains(year) else { throw AppError.invalid("year", "Năm \(year) không hợp lệ.") }
        return try await db.transaction { tx in
            if let existing = try await PlanQueries.existing(unitID: unit.requireID, year: year, on: tx) {
                throw AppError(.conflict, "\(unit.name) đã có kế hoạch năm \(year) (mã \(existing.requireID)); hãy mở kế hoạch đó.", field: "year")
            }
            let row = PlanRows.Plan(unitID: unit.requireID, year: year, documentType: "KH", numberRaw: nil, numberNormalized: nil, subject: subject,
                                    issuedOn: nil, place: nil, issuerText: unit.name, theme: nil, motto: nil, status: "draft",
                                    implementsPlanID: nil, recipientsJSON: "[]", signatureAuthority: nil, signaturePosition: nil,
                                    signatureName: nil, sourceName: nil, version: 1)
            guard let id = try await UnitClosure.sqlDatabase(tx).insert(into: Plan.schema).model(row, with: SQLRows.encoder).returning("id")
                .first(decodingColumn: "id", as: Int.self) else { throw AppError.internalError("Không tạo được kế hoạch.") }
            try await AuditLog.record("plan.create", entityType: "plan", entityKey: "#\(id)", unitID: unit.requireID, before: nil,
                                      after: ["year": "\(year)", "subject": subject], by: actor, on: tx)
            return id
        }
    }

    /// A new target or task at the end of the plan, to be filled in on the edit page.
    static func addItem(to planID: Int, task: Bool, planVersion: Int, by actor: Actor, on db: any Database) async throws -> Int {
        try await db.transaction { tx in
            let plan = try await lockVersion(planID, expected: planVersion, by: actor, on: tx)
            let sql = try UnitClosure.sqlDatabase(tx)
            let table = task ? PlanTaskRecord.schema : PlanTargetRecord.schema
            let position = (try await sql.select().column(SQLFunction("MAX", args: SQLColumn("position")), as: "last").from(table)
                .where("plan_id", .equal, planID).first()?.decode(column: "last", as: Int?.self) ?? -1) + 1
            let inserted: [any SQLRow]
            if task {
                inserted = try await SQLRows.insert([PlanRows.Task(planID: planID, position: position, text: "Nhiệm vụ mới", section: "",
                                                                   group: nil, timingRaw: "", months: "", recurrence: nil, deadline: nil,
                                                                   asDirected: false, leadNames: "[]", coordinatingNames: "[]", line: 0)],
                                                    into: table, returning: ["id"], on: sql)
            } else {
                inserted = try await SQLRows.insert([PlanRows.Target(planID: planID, position: position, text: "Chỉ tiêu mới", comparator: "ge",
                                                                     value: nil, upper: nil, measure: "percent", subject: "", line: 0)],
                                                    into: table, returning: ["id"], on: sql)
            }
            let id = try inserted.first?.decode(column: "id", as: Int.self) ?? 0
            if task, let record = try await PlanTaskRecord.find(id, on: tx) { try await OccurrenceWriter.create(forTask: record, year: plan.year, on: tx) }
            try await AuditLog.record(task ? "plan.task.add" : "plan.target.add", entityType: "plan", entityKey: "#\(planID)", unitID: plan.unitID,
                                      before: nil, after: ["id": "\(id)"], by: actor, on: tx)
            return id
        }
    }

    /// Removes a target or task (and a task's occurrences and their history).
    static func removeItem(_ id: Int, task: Bool, planVersion: Int, by actor: Actor, on db: any Database) async throws {
        let planID: Int
        if task {
            guard let record = try await PlanTaskRecord.find(id, on: db) else { throw AppError.notFound("Không tìm thấy nhiệm vụ.") }
            planID = record.planID
        } else {
            guard let record = try await PlanTargetRecord.find(id, on: db) else { throw AppError.notFound("Không tìm thấy chỉ tiêu.") }
            planID = record.planID
        }
        try await db.transaction { tx in
            let plan = try await lockVersion(planID, expected: planVersion, by: actor, on: tx)
            let sql = try UnitClosure.sqlDatabase(tx)
            if task {
                try await sql.delete(from: "task_coordinators").where("task_id", .equal, id).run()
                try await TaskOccurrence.query(on: tx).filter(\.$taskID == id).delete()
                try await sql.update(PlanTaskRecord.schema).set("parent_task_id", to: SQLLiteral.null).where("parent_task_id", .equal, id).run()
                try await PlanTaskRecord.query(on: tx).filter(\.$id == id).delete()
            } else {
                try await sql.update(PlanTargetRecord.schema).set("parent_target_id", to: SQLLiteral.null).where("parent_target_id", .equal, id).run()
                try await PlanTargetRecord.query(on: tx).filter(\.$id == id).delete()
            }
            try await AuditLog.record(task ? "plan.task.remove" : "plan.target.remove", entityType: "plan", entityKey: "#\(planID)",
                                      unitID: plan.unitID, before: ["id": "\(id)"], after: nil, by: actor, on: tx)
        }
    }

    /// Draft → issued. Every task needs its lead unit first.
    static func issue(_ planID: Int, planVersion: Int, by actor: Actor, on db: any Database) async throws {
        let unassigned = try await PlanTaskRecord.query(on: db).filter(\.$planID == planID).filter(\.$leadUnitID == nil).count()
        guard unassigned == 0 else {
            throw AppError.invalid("lead", "Còn \(unassigned) nhiệm vụ chưa có đơn vị chủ trì; hãy giao trước khi ban hành.")
        }
        try await db.transaction { tx in
            let plan = try await lockVersion(planID, expected: planVersion, by: actor, on: tx, keepRevision: false)
            guard plan.status == "draft" else { throw AppError.invalid("status", "Kế hoạch đã ban hành.") }
            plan.status = "issued"
            try await plan.save(on: tx)
            try await OccurrenceWriter.create(forPlan: planID, year: plan.year, on: tx)
            try await AuditLog.record("plan.issue", entityType: "plan", entityKey: "#\(planID)", unitID: plan.unitID, before: ["status": "draft"],
                                      after: ["status": "issued"], by: actor, on: tx)
        }
    }

    /// The lead unit named by code: it must exist and be the plan's unit or below it.
    private static func leadUnit(_ code: String?, for plan: Plan, on db: any Database) async throws -> OrgUnit? {
        guard let code = UnitInput.nonEmpty(code) else { return nil }
        guard let unit = try await UnitQueries.find(code: code, on: db) else { throw AppError.invalid("lead", "Không có đơn vị mã \(code).") }
        // The closure holds each unit at depth 0, so the plan's own unit passes too.
        guard try await UnitClosure.depth(from: plan.unitID, to: unit.requireID, on: db) != nil else {
            throw AppError.invalid("lead", "\(unit.name) không thuộc đơn vị ban hành kế hoạch; chỉ giao chủ trì cho đơn vị mình hoặc cấp dưới.")
        }
        return unit
    }

    /// Checks the version the change was made on and moves it on; an issued plan's content is
    /// kept as a revision first.
    private static func lockVersion(_ planID: Int, expected: Int, by actor: Actor, on db: any Database,
                                    keepRevision: Bool = true) async throws -> Plan {
        guard let plan = try await Plan.find(planID, on: db) else { throw AppError.notFound("Không tìm thấy kế hoạch.") }
        guard plan.version == expected else {
            throw AppError(.conflict, "Kế hoạch vừa được người khác sửa; trang đã hiện nội dung mới, nội dung bạn nhập vẫn còn.", field: "version")
        }
        if keepRevision, plan.status == "issued" {
            try await PlanRevisions.keep(plan, by: actor, on: db)
            plan.revision += 1
        }
        plan.version += 1
        try await plan.save(on: db)
        return plan
    }
}
