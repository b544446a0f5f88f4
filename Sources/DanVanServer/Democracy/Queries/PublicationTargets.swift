import DanVanCore
import Fluent

/// Targets measured by the publication register ("100% … công khai đúng quy định"): of the items
/// the subtree's communes had to publish by the period's last day, those published on time. Sums
/// of counts over the communes, never an average of their percentages. No figure typed.
enum PublicationTargets {
    static func evaluations(_ rows: [DashboardQueries.TargetRow], unit: OrgUnit, period: ReportPeriod,
                            on db: any Database) async throws -> [Int: TargetEvaluation] {
        let measured = rows.enumerated().filter { $0.element.kind == .publicationShare }
        guard !measured.isEmpty else { return [:] }
        let share = try await share(under: unit, on: period.lastDay, db: db)
        var evaluations: [Int: TargetEvaluation] = [:]
        for (index, row) in measured {
            let evaluation = TargetEvaluation.evaluate(row.threshold, .ratio(numerator: Double(share.onTime), denominator: Double(share.due)))
            evaluations[index] = TargetEvaluation(status: share.due == 0 ? .noData : evaluation.status, figure: evaluation.figure,
                                                  explanation: share.due == 0 ? "Chưa có nội dung nào đến hạn công khai."
                                                      : "\(share.onTime)/\(share.due) nội dung công khai đúng hạn. " + evaluation.explanation)
        }
        return evaluations
    }

    /// Obligations due by the day across the communes under the unit, and those met on time.
    static func share(under unit: OrgUnit, on day: CivilDate, db: any Database) async throws -> (onTime: Int, due: Int) {
        let communes = try await PublicationRegister.compliance(under: unit, on: day, db: db)
        return (communes.map(\.compliance.onTime).reduce(0, +), communes.map(\.compliance.due).reduce(0, +))
    }
}
