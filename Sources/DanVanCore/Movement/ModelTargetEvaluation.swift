/// A target measured by the "Dân vận khéo" register, evaluated from the models of the units
/// that must register: no figure typed by anyone. Units without a model, or short of the
/// per-unit level, are named; a unit above a range ("từ 01 – 02") meets it, with a note.
public enum ModelTargetEvaluation {
    public struct UnitCount: Equatable, Sendable {
        public let name: String
        public let registered: Int
        public let recognised: Int

        public init(name: String, registered: Int, recognised: Int) {
            self.name = name
            self.registered = registered
            self.recognised = recognised
        }
    }

    /// `units` are the units expected to register; `registered` and `recognised` count every
    /// model of the subtree (the evaluating unit's own included).
    public static func evaluate(_ threshold: Threshold, kind: IndicatorKind, perUnit: Threshold?, units: [UnitCount],
                                registered: Int, recognised: Int) -> TargetEvaluation {
        switch kind {
        case .modelsRegistered: return TargetEvaluation.evaluate(threshold, .count(Double(registered)))
        case .modelsRecognised: return TargetEvaluation.evaluate(threshold, .count(Double(recognised)))
        case .modelShare:
            let missing = units.filter { $0.registered == 0 }.map(\.name)
            let having = Double(units.count - missing.count)
            let value: IndicatorValue = threshold.measure == .percent ? .ratio(numerator: having, denominator: Double(units.count)) : .count(having)
            return noted(TargetEvaluation.evaluate(threshold, value), missing: missing, above: [], missingLabel: "Chưa có mô hình")
        case .modelPerUnit:
            return perUnitEvaluation(threshold, perUnit: perUnit, units: units)
        default:
            return TargetEvaluation.evaluate(threshold, nil)
        }
    }

    /// A count target ("từ 01 – 02 mô hình") is the level each unit must reach, met when all do;
    /// a percent target ("100% chi bộ … 01 mô hình") is the share of units reaching `perUnit`.
    private static func perUnitEvaluation(_ threshold: Threshold, perUnit: Threshold?, units: [UnitCount]) -> TargetEvaluation {
        let level = threshold.measure == .count ? threshold : (perUnit ?? Threshold(.ge, 1, measure: .count))
        guard let range = level.range else { return TargetEvaluation.evaluate(threshold, nil) }
        guard !units.isEmpty else {
            return TargetEvaluation(status: .noData, figure: nil, explanation: "Không có đơn vị nào thuộc diện đăng ký mô hình.")
        }
        // Above the upper end of a range is more than asked, not a failure.
        let floor = FigureRange(lower: range.lower, upper: nil)
        let short = units.filter { !floor.contains(Double($0.registered)) }
        let above = units.filter { range.upper != nil && floor.contains(Double($0.registered)) && !range.contains(Double($0.registered)) }
        let meeting = units.count - short.count
        let base: TargetEvaluation
        if threshold.measure == .count {
            let met = short.isEmpty
            base = TargetEvaluation(status: met ? .met : .notMet, figure: Double(meeting) * 100 / Double(units.count),
                                    explanation: "\(meeting)/\(units.count) đơn vị có số mô hình \(level.phrase) so với chỉ tiêu mỗi đơn vị \(level.phrase) mô hình.")
        } else {
            base = TargetEvaluation.evaluate(threshold, .childCoverage(meeting: meeting, of: units.count))
        }
        return noted(base, missing: short.map { "\($0.name) (\($0.registered))" }, above: above.map { "\($0.name) (\($0.registered))" },
                     missingLabel: "Chưa đủ mức")
    }

    private static func noted(_ evaluation: TargetEvaluation, missing: [String], above: [String], missingLabel: String) -> TargetEvaluation {
        var text = evaluation.explanation
        if !missing.isEmpty { text += " \(missingLabel): " + list(missing) + "." }
        if !above.isEmpty { text += " Vượt mức (vẫn đạt): " + list(above) + "." }
        return TargetEvaluation(status: evaluation.status, figure: evaluation.figure, explanation: text)
    }

    private static func list(_ names: [String]) -> String {
        let shown = names.prefix(8).joined(separator: ", ")
        return names.count > 8 ? shown + " và \(names.count - 8) đơn vị khác" : shown
    }
}
