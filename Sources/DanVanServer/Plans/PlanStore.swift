import DanVanCore
import Fluent
import Foundation

/// Stores a confirmed plan with its sections, targets, tasks and citations, in one
/// transaction: all of it or none of it.
enum PlanStore {
    struct Placement: Sendable {
        let unitID: Int
        let implementsPlanID: Int?
        let sourceName: String?
    }

    static func save(_ document: PlanDocument, at placement: Placement, by actor: AuditActor, on db: any Database) async throws -> Plan {
        let issues = PlanValidation.issues(document)
        guard issues.isEmpty else { throw AppError.validation(ValidationFailure(issues)) }
        return try await db.transaction { tx in
            try await insert(document, at: placement, by: actor, on: tx)
        }
    }

    /// Inserts inside the caller's transaction (a folder import stores many plans in one).
    static func insert(_ document: PlanDocument, at placement: Placement, by actor: AuditActor, on tx: any Database) async throws -> Plan {
        try await requireUnitExisted(placement.unitID, in: document.year ?? 0, on: tx)
        if let existing = try await duplicate(of: document, unitID: placement.unitID, on: tx) {
            throw AppError(.conflict, "Đơn vị đã có kế hoạch \(existing.numberNormalized ?? "") năm \(existing.year) "
                           + "(mã \(existing.requireID)); không lưu bản trùng.", field: "number")
        }
        let plan = record(document, at: placement)
        try await plan.create(on: tx)
        let planID = plan.requireID
        try await PlanPartsWriter.sections(document.sections, planID: planID).create(on: tx)
        try await PlanPartsWriter.targets(document.targets, planID: planID).create(on: tx)
        try await PlanPartsWriter.tasks(document.tasks, planID: planID).create(on: tx)
        try await CitationWriter.link(document, planID: planID, on: tx)
        try await AuditLog.record("plan.import", entityType: "plan", entityKey: plan.numberNormalized ?? "#\(planID)",
                                  unitID: placement.unitID, before: nil,
                                  after: ["year": "\(plan.year)", "subject": plan.subject, "source": placement.sourceName ?? "",
                                          "targets": "\(document.targets.count)", "tasks": "\(document.tasks.count)"],
                                  by: actor, on: tx)
        return plan
    }

    /// A 2024 plan cannot belong to a commune formed on 1 July 2025: the unit must have
    /// existed for part of the plan's year.
    private static func requireUnitExisted(_ unitID: Int, in year: Int, on db: any Database) async throws {
        guard let unit = try await OrgUnit.find(unitID, on: db) else { throw AppError.notFound("Không tìm thấy đơn vị.") }
        let from = unit.validFrom.flatMap(CivilDate.init(parsing:))
        let to = unit.validTo.flatMap(CivilDate.init(parsing:))
        if let from, from.year > year {
            throw AppError.invalid("unit", "\(unit.name) bắt đầu hoạt động từ \(from.vietnamese), không thể có kế hoạch năm \(year); "
                                   + "hãy chọn đơn vị tiền thân.")
        }
        if let to, to.year < year {
            throw AppError.invalid("unit", "\(unit.name) đã kết thúc từ \(to.vietnamese), không thể có kế hoạch năm \(year); "
                                   + "hãy chọn đơn vị kế thừa.")
        }
    }

    /// The same unit's plan of the same year and number (or, unnumbered, the same subject).
    private static func duplicate(of document: PlanDocument, unitID: Int, on db: any Database) async throws -> Plan? {
        var query = Plan.query(on: db).filter(\.$unitID == unitID).filter(\.$year == (document.year ?? 0))
        if let number = document.number?.normalized, document.number?.number.isEmpty == false {
            query = query.filter(\.$numberNormalized == number)
        } else {
            query = query.filter(\.$subject == (document.subject ?? ""))
        }
        return try await query.first()
    }

    private static func record(_ document: PlanDocument, at placement: Placement) -> Plan {
        let plan = Plan()
        plan.unitID = placement.unitID
        plan.year = document.year ?? 0
        plan.documentType = document.documentType ?? "KH"
        plan.numberRaw = document.number?.raw
        plan.numberNormalized = document.number.flatMap { $0.number.isEmpty ? nil : $0.normalized }
        plan.subject = document.subject ?? ""
        plan.issuedOn = document.issuedOn
        plan.place = document.place
        plan.issuerText = document.issuer
        plan.theme = document.theme
        plan.motto = document.motto
        plan.status = "issued"
        plan.implementsPlanID = placement.implementsPlanID
        plan.recipientsJSON = PlanPartsWriter.json(document.recipients)
        plan.signatureAuthority = document.signature?.authority
        plan.signaturePosition = document.signature?.position
        plan.signatureName = document.signature?.name
        plan.sourceName = placement.sourceName
        plan.version = 1
        return plan
    }
}
