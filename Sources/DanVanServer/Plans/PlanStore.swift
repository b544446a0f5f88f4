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

    /// Stores the plan and returns its id.
    static func save(_ document: PlanDocument, at placement: Placement, by actor: Actor, on db: any Database) async throws -> Int {
        let issues = PlanValidation.issues(document)
        guard issues.isEmpty else { throw AppError.validation(ValidationFailure(issues)) }
        return try await db.transaction { tx in
            try await insert(document, at: placement, by: actor, on: tx)
        }
    }

    /// Inserts inside the caller's transaction (a folder import stores many plans in one).
    static func insert(_ document: PlanDocument, at placement: Placement, by actor: Actor, on tx: any Database) async throws -> Int {
        try await requireUnitExisted(placement.unitID, in: document.year ?? 0, on: tx)
        if let existing = try await duplicate(of: document, unitID: placement.unitID, on: tx) {
            throw AppError(.conflict, "Đơn vị đã có kế hoạch \(existing.number ?? "") năm \(existing.year) "
                           + "(mã \(existing.id)); không lưu bản trùng.", field: "number")
        }
        let row = self.row(document, at: placement)
        let sql = try UnitClosure.sqlDatabase(tx)
        guard let planID = try await sql.insert(into: "plans").model(row, with: SQLRows.encoder).returning("id")
            .first(decodingColumn: "id", as: Int.self) else {
            throw AppError.internalError("Không lưu được kế hoạch.")
        }
        let parents = try await PlanParentLinks.find(for: document, upperPlanID: placement.implementsPlanID, on: tx)
        let units = try await TaskAssignment.resolver(forPlanUnit: placement.unitID, year: row.year, on: tx)
        try await PlanPartsWriter.insert(document, planID: planID, year: row.year, parents: parents, units: units,
                                         tracked: row.status == .issued, on: tx)
        try await CitationWriter.link(document, planID: planID, on: tx)
        try await AuditLog.record("plan.import", entityType: "plan", entityKey: row.numberNormalized ?? "#\(planID)",
                                  unitID: placement.unitID, before: nil,
                                  after: ["year": "\(row.year)", "subject": row.subject, "source": placement.sourceName ?? "",
                                          "targets": "\(document.targets.count)", "tasks": "\(document.tasks.count)"],
                                  by: actor, on: tx)
        return planID
    }

    /// A 2024 plan cannot belong to a commune formed on 1 July 2025: the unit must have
    /// existed for part of the plan's year.
    private static func requireUnitExisted(_ unitID: Int, in year: Int, on db: any Database) async throws {
        let sql = try UnitClosure.sqlDatabase(db)
        guard let unit = try await sql.select().columns("name", "valid_from", "valid_to").from("units").where("id", .equal, unitID).first()
        else { throw AppError.notFound("Không tìm thấy đơn vị.") }
        let name = try unit.decode(column: "name", as: String.self)
        let from = try unit.decode(column: "valid_from", as: String?.self).flatMap(CivilDate.init(parsing:))
        let to = try unit.decode(column: "valid_to", as: String?.self).flatMap(CivilDate.init(parsing:))
        if let from, from.year > year {
            throw AppError.invalid("unit", "\(name) bắt đầu hoạt động từ \(from.vietnamese), không thể có kế hoạch năm \(year); "
                                   + "hãy chọn đơn vị tiền thân.")
        }
        if let to, to.year < year {
            throw AppError.invalid("unit", "\(name) đã kết thúc từ \(to.vietnamese), không thể có kế hoạch năm \(year); "
                                   + "hãy chọn đơn vị kế thừa.")
        }
    }

    /// The same unit's plan of the same year and number (or, unnumbered, the same subject).
    private static func duplicate(of document: PlanDocument, unitID: Int, on db: any Database) async throws -> (id: Int, number: String?, year: Int)? {
        let sql = try UnitClosure.sqlDatabase(db)
        let query = sql.select().columns("id", "number_normalized", "year").from("plans")
            .where("unit_id", .equal, unitID).where("year", .equal, document.year ?? 0)
        if let number = document.number?.normalized, document.number?.number.isEmpty == false {
            query.where("number_normalized", .equal, number)
        } else {
            query.where("subject", .equal, document.subject ?? "")
        }
        guard let row = try await query.limit(1).first() else { return nil }
        return (try row.decode(column: "id", as: Int.self), try row.decode(column: "number_normalized", as: String?.self),
                try row.decode(column: "year", as: Int.self))
    }

    /// A document without its number or its date is a draft, as the reader warns: it stays a
    /// draft until its unit issues it, and its tasks are followed from then.
    static func isDraft(_ document: PlanDocument) -> Bool {
        (document.number?.number ?? "").isEmpty || document.issuedOn == nil
    }

    private static func row(_ document: PlanDocument, at placement: Placement) -> PlanRows.Plan {
        PlanRows.Plan(unitID: placement.unitID, year: document.year ?? 0, documentType: document.documentType ?? "KH",
                      numberRaw: document.number?.raw,
                      numberNormalized: document.number.flatMap { $0.number.isEmpty ? nil : $0.normalized },
                      subject: document.subject ?? "", issuedOn: document.issuedOn, place: document.place, issuerText: document.issuer,
                      theme: document.theme, motto: document.motto, status: isDraft(document) ? .draft : .issued, implementsPlanID: placement.implementsPlanID,
                      recipientsJSON: PlanPartsWriter.json(document.recipients), signatureAuthority: document.signature?.authority,
                      signaturePosition: document.signature?.position, signatureName: document.signature?.name,
                      sourceName: placement.sourceName, version: 1)
    }
}
