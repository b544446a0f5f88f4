import DanVanCore
import Fluent
import SQLKit

/// What one unit reports for one period: the indicators of every plan of that year whose
/// reporting scope holds the unit, and the dates that bind it.
struct ReportForm: Sendable {
    struct Item: Sendable {
        let indicatorID: Int
        let name: String
        let kind: IndicatorKind
        let level: PerUnitLevel?
    }

    let unitID: Int
    let period: ReportPeriod
    let items: [Item]
    let deadline: CivilDate
    let closesOn: CivilDate
    let jumpShare: Double

    /// The form, or a message saying why the unit has nothing to report for that period.
    static func load(unitID: Int, period: ReportPeriod, on db: any Database) async throws -> ReportForm {
        if let unit = try await OrgUnit.find(unitID, on: db) {
            let from = unit.validFrom.flatMap(CivilDate.init(parsing:)), to = unit.validTo.flatMap(CivilDate.init(parsing:))
            guard period.overlaps(from: from, to: to) else {
                let life = if let from, period.lastDay < from { "bắt đầu hoạt động từ \(from.vietnamese)" }
                    else { "kết thúc hoạt động ngày \(to?.vietnamese ?? "")" }
                throw AppError.invalid("period", "\(unit.name) \(life), không có báo cáo \(period.label).")
            }
        }
        let schemes = try await ReportSchemes.covering(unitID: unitID, year: period.year, on: db)
        guard !schemes.isEmpty else {
            throw AppError.invalid("period", "Đơn vị không có kế hoạch nào năm \(period.year) yêu cầu báo cáo số liệu.")
        }
        let matching = schemes.filter { $0.frequency == period.frequency }
        guard !matching.isEmpty else {
            let asked = Set(schemes.map(\.frequency.label)).sorted().joined(separator: ", ")
            throw AppError.invalid("period", "Kỳ \"\(period.label)\" không nằm trong lịch báo cáo của đơn vị (\(asked)).")
        }
        let items = try await ReportSchemes.indicators(planIDs: matching.map(\.planID), on: db)
        let window = ReportSchemes.window(of: period, under: matching)
        return ReportForm(unitID: unitID, period: period, items: items, deadline: window.deadline, closesOn: window.closesOn,
                          jumpShare: matching.map(\.jumpShare).min() ?? ReportScheme.defaultJumpShare)
    }

    var window: ReportWorkflow.Window { .init(deadline: deadline, closesOn: closesOn) }
}
