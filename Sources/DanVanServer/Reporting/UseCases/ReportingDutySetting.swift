import DanVanCore
import Fluent

/// Setting a plan's reporting duty from its page: how often, which subtree, the deadline and
/// when a period closes. The actor edits the plan's unit and the scope must be a unit they
/// manage; written with its audit entry in one transaction.
enum ReportingDutySetting {
    struct Input {
        var frequency = ""
        var scopeCode = ""
        var deadlineDays = ""
        var closeDays = ""
    }

    static func perform(_ input: Input, planID: Int, by actor: Actor, on db: any Database) async throws -> ReportScheme {
        guard let plan = try await Plan.find(planID, on: db) else { throw AppError.notFound("Không tìm thấy kế hoạch.") }
        try await Authorizer.require(actor, .editPlans, onUnitID: plan.unitID, db: db)
        guard let frequency = ReportFrequency(rawValue: input.frequency) else {
            throw AppError.invalid("frequency", "Hãy chọn tần suất báo cáo (hằng tháng, hằng quý, 6 tháng, hằng năm).")
        }
        let deadline = try days(input.deadlineDays, field: "deadlineDays", label: "Hạn gửi", range: 0...60)
        let close = try days(input.closeDays, field: "closeDays", label: "Khóa sổ sau hạn", range: 0...366)
        guard let planUnit = try await OrgUnit.find(plan.unitID, on: db) else { throw AppError.notFound("Không tìm thấy đơn vị của kế hoạch.") }
        let scope = input.scopeCode.trimmed().isEmpty ? planUnit
            : try await UnitQueries.require(code: input.scopeCode.trimmed(), field: "scopeCode", on: db)
        guard try await Authorizer.allows(actor, .editPlans, on: scope, db: db) else {
            throw AppError(.forbidden, "Bạn không quản lý \(scope.name), nên không giao được việc báo cáo cho đơn vị này.", field: "scopeCode")
        }
        return try await db.writeTransaction { tx in
            let scheme = try await ReportScheme.query(on: tx).filter(\.$planID == plan.requireID).first()
                ?? ReportScheme(planID: plan.requireID, scopeUnitID: scope.requireID, frequency: frequency)
            let before = scheme.id == nil ? nil : ["frequency": scheme.frequency, "deadlineDays": "\(scheme.deadlineDays)"]
            scheme.scopeUnitID = scope.requireID
            scheme.frequency = frequency.rawValue
            scheme.deadlineDays = deadline
            scheme.closeDays = close
            scheme.version += scheme.id == nil ? 0 : 1
            try await scheme.save(on: tx)
            try await ReportGeneration.bump(on: tx)
            try await AuditLog.record("plan.reporting", entityType: "plan", entityKey: "#\(plan.requireID)", unitID: plan.unitID,
                                      before: before, after: ["frequency": frequency.rawValue, "scope": scope.code,
                                                              "deadlineDays": "\(deadline)", "closeDays": "\(close)"],
                                      by: actor, on: tx)
            return scheme
        }
    }

    private static func days(_ text: String, field: String, label: String, range: ClosedRange<Int>) throws -> Int {
        guard case .success(let value) = TypedFigure.parse(text), range.contains(value) else {
            throw AppError.invalid(field, "\(label) phải là số ngày từ \(range.lowerBound) đến \(range.upperBound) (đã nhập \"\(text)\").")
        }
        return value
    }
}
