import DanVanCore
import Fluent
import SQLKit

/// A blank draft plan for a unit and year, to be written in DanVan. A unit has one plan a year.
enum PlanCreation {
    static func perform(unitCode: String?, year: Int, subject: String, by actor: Actor, on db: any Database) async throws -> Int {
        guard let code = UnitInput.nonEmpty(unitCode) else { throw AppError.invalid("unitCode", "Hãy chọn đơn vị lập kế hoạch.") }
        let unit = try await UnitQueries.require(code: code, field: "unitCode", on: db)
        try await Authorizer.require(actor, .editPlans, on: unit, db: db)
        let subject = try FreeText.clean(subject, field: "subject", label: "Trích yếu của kế hoạch", limit: FreeText.Limit.line,
                                         required: true).orInvalid()
        guard (2000...2100).contains(year) else { throw AppError.invalid("year", "Năm \(year) không hợp lệ.") }
        return try await db.writeTransaction { tx in
            if let existing = try await PlanQueries.existing(unitID: unit.requireID, year: year, on: tx) {
                throw AppError(.conflict, "\(unit.name) đã có kế hoạch năm \(year) (mã \(existing.requireID)); hãy mở kế hoạch đó.", field: "year")
            }
            let row = PlanRows.Plan(unitID: unit.requireID, year: year, documentType: "KH", numberRaw: nil, numberNormalized: nil, subject: subject,
                                    issuedOn: nil, place: nil, issuerText: unit.name, theme: nil, motto: nil, status: .draft,
                                    implementsPlanID: nil, recipientsJSON: "[]", signatureAuthority: nil, signaturePosition: nil,
                                    signatureName: nil, sourceName: nil, version: 1)
            guard let id = try await UnitClosure.sqlDatabase(tx).insert(into: Plan.schema).model(row, with: SQLRows.encoder).returning("id")
                .first(decodingColumn: "id", as: Int.self) else { throw AppError.internalError("Không tạo được kế hoạch.") }
            try await AuditLog.record("plan.create", entityType: "plan", entityKey: "#\(id)", unitID: unit.requireID, before: nil,
                                      after: ["year": "\(year)", "subject": subject], by: actor, on: tx)
            return id
        }
    }
}
