import DanVanCore
import Fluent
import Foundation
import SQLKit

/// The national plan: twenty targets, each on its indicator, reported monthly by every unit.
enum NationalPlan {
    private struct IndicatorRow: Encodable {
        let name: String, kind: String, per_unit_comparator: String?, per_unit_value: Double?
        let unit_id: Int
        let created_at = Date()
    }

    static func insert(rootID: Int, year: Int, on sql: any SQLDatabase) async throws -> [Int] {
        let plan = PlanRows.Plan(unitID: rootID, year: year, documentType: "KH", numberRaw: "01-KH/BDVTW", numberNormalized: "01-KH/BDVTW",
                                 subject: "Kế hoạch công tác dân vận năm \(year) (dữ liệu tổng hợp toàn quốc, sinh tự động)",
                                 issuedOn: "\(year)-01-10", place: "Hà Nội", issuerText: "Ban Dân vận Trung ương", theme: nil, motto: nil,
                                 status: .issued, implementsPlanID: nil, recipientsJSON: "[]", signatureAuthority: nil,
                                 signaturePosition: nil, signatureName: nil, sourceName: nil, version: 1)
        guard let planID = try await sql.insert(into: Plan.schema).model(plan, with: SQLRows.encoder).returning("id")
            .first(decodingColumn: "id", as: Int.self) else { throw AppError.internalError("Không tạo được kế hoạch toàn quốc.") }
        var indicatorIDs: [Int] = []
        for (position, definition) in NationalIndicators.all.enumerated() {
            let row = IndicatorRow(name: definition.name, kind: definition.kind.rawValue,
                                   per_unit_comparator: definition.perUnit?.comparator.rawValue, per_unit_value: definition.perUnit?.value,
                                   unit_id: rootID)
            guard let id = try await sql.insert(into: Indicator.schema).model(row, with: SQLRows.encoder).returning("id")
                .first(decodingColumn: "id", as: Int.self) else { continue }
            indicatorIDs.append(id)
            let target = definition.target
            var targetRow = PlanRows.Target(planID: planID, position: position, text: "\(target.phrase) \(definition.name.lowercased())",
                                            comparator: target.comparator.rawValue, value: target.value, upper: target.upper,
                                            measure: target.measure.rawValue, subject: definition.name, line: position + 1)
            targetRow.indicatorID = id
            try await sql.insert(into: PlanTargetRecord.schema).model(targetRow, with: SQLRows.encoder).run()
        }
        try await sql.raw("""
            INSERT INTO report_schemes (plan_id, scope_unit_id, frequency, deadline_days, close_days, jump_share, version)
            VALUES (\(bind: planID), \(bind: rootID), 'month', \(bind: ReportScheme.defaultDeadlineDays),
                    \(bind: ReportScheme.defaultCloseDays), \(bind: ReportScheme.defaultJumpShare), 1)
            """).run()
        return indicatorIDs
    }
}
