import DanVanCore
import Fluent

/// Targets measured by the published classification: "trên 90% … đạt từ khá trở lên" over the
/// units the unit's round graded, "loại Tốt" on the unit's own published grade. Until results
/// are published there is nothing to evaluate.
enum ClassificationTargets {
    static func evaluations(_ rows: [DashboardQueries.TargetRow], unit: OrgUnit, year: Int, on db: any Database) async throws -> [Int: TargetEvaluation] {
        var evaluations: [Int: TargetEvaluation] = [:]
        for (index, row) in rows.enumerated() where row.kind == .gradeShare || row.kind == .ownGrade {
            guard let level = row.level, !level.isEmpty else {
                evaluations[index] = TargetEvaluation(status: .noData, figure: nil, explanation: "Chỉ tiêu chưa nêu mức xếp loại cần đạt.")
                continue
            }
            let evaluation = row.kind == .gradeShare
                ? try await share(row.threshold, level: level, unitID: unit.requireID, year: year, on: db)
                : try await own(level: level, unitID: unit.requireID, year: year, on: db)
            guard evaluation.status == .noData else { evaluations[index] = evaluation; continue }
            // Until this year's results are published, last year's stand beside "not yet" for reference.
            let last = row.kind == .gradeShare
                ? try await share(row.threshold, level: level, unitID: unit.requireID, year: year - 1, on: db)
                : try await own(level: level, unitID: unit.requireID, year: year - 1, on: db)
            evaluations[index] = last.status == .noData ? evaluation
                : TargetEvaluation(status: .noData, figure: nil, explanation: "\(evaluation.explanation) Năm \(year - 1): \(last.explanation)")
        }
        return evaluations
    }

    private static func share(_ threshold: Threshold, level: String, unitID: Int, year: Int, on db: any Database) async throws -> TargetEvaluation {
        guard let round = try await ClassificationRound.query(on: db).filter(\.$unitID == unitID).filter(\.$year == year)
            .filter(\.$stateRaw == ClassificationRound.State.published.rawValue).first(),
              let set = try await CriteriaSet.find(round.setID, on: db) else {
            return TargetEvaluation(status: .noData, figure: nil, explanation: "Chưa công bố kết quả xếp loại năm \(year).")
        }
        let bands = try set.definition.bands
        let labels = try await ClassificationSheet.query(on: db).filter(\.$roundID == round.requireID).all().map { $0.label ?? "" }
        let reaching = labels.filter { bands.reaches($0, atLeast: level) }.count
        let evaluation = TargetEvaluation.evaluate(threshold, .ratio(numerator: Double(reaching), denominator: Double(labels.count)))
        return TargetEvaluation(status: evaluation.status, figure: evaluation.figure,
                                explanation: "\(reaching)/\(labels.count) đơn vị xếp loại từ \(level) trở lên; " + evaluation.explanation)
    }

    private static func own(level: String, unitID: Int, year: Int, on db: any Database) async throws -> TargetEvaluation {
        let sheets = try await ClassificationSheet.query(on: db).filter(\.$unitID == unitID)
            .filter(\.$stateRaw == SheetState.published.rawValue).all()
        for sheet in sheets {
            guard let round = try await ClassificationRound.find(sheet.roundID, on: db), round.year == year,
                  let set = try await CriteriaSet.find(round.setID, on: db) else { continue }
            let bands = try set.definition.bands
            let label = sheet.label ?? ""
            // "loại Tốt" is met by Tốt and by anything better.
            let met = bands.reaches(label, atLeast: level)
            return TargetEvaluation(status: met ? .met : .notMet, figure: nil,
                                    explanation: "Xếp loại \(label) (\(Points(hundredths: sheet.appraisedTotal ?? sheet.selfTotal)) điểm) so với chỉ tiêu loại \(level).")
        }
        return TargetEvaluation(status: .noData, figure: nil, explanation: "Chưa công bố kết quả xếp loại năm \(year).")
    }
}
