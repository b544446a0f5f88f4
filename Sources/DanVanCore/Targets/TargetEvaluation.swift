/// Whether a target is met by the figures reported for it, and the figures that decided it.
public struct TargetEvaluation: Equatable, Sendable {
    public enum Status: String, Sendable, Codable {
        case met
        case notMet = "not_met"
        case noData = "no_data"

        public var label: String {
            switch self {
            case .met: "Đạt"
            case .notMet: "Chưa đạt"
            case .noData: "Chưa có số liệu"
            }
        }
    }

    public let status: Status
    /// The figure compared with the threshold (a percentage for percent targets), if any.
    public let figure: Double?
    /// Why, in a sentence: "17/20 = 85% so với chỉ tiêu trên 85%".
    public let explanation: String

    public init(status: Status, figure: Double?, explanation: String) {
        self.status = status
        self.figure = figure
        self.explanation = explanation
    }

    /// A target no reported figure measures: no indicator is linked to it.
    public static let notMeasured = TargetEvaluation(status: .noData, figure: nil,
                                                     explanation: "Chỉ tiêu chưa gắn với số liệu báo cáo.")

    /// Target + value → met / not met / not enough data. A percent target needs a ratio, a
    /// coverage or a yes/no; a count target needs a count or a yes/no (1 or 0).
    public static func evaluate(_ threshold: Threshold, _ value: IndicatorValue?) -> TargetEvaluation {
        guard let value else { return .init(status: .noData, figure: nil, explanation: "Chưa có số liệu.") }
        guard let range = threshold.range else {
            return .init(status: .noData, figure: nil, explanation: "Chỉ tiêu chưa có mức cụ thể (đạt và vượt mức được giao).")
        }
        let figure: Double, shown: String
        switch (threshold.measure, value) {
        case (.percent, .ratio(let numerator, let denominator)):
            guard denominator > 0 else { return .init(status: .noData, figure: nil, explanation: "Mẫu số bằng 0: chưa tính được tỷ lệ.") }
            figure = numerator * 100 / denominator
            shown = "\(Threshold.format(numerator))/\(Threshold.format(denominator)) = \(percent(figure))"
        case (.percent, .childCoverage(let meeting, let of)):
            guard of > 0 else { return .init(status: .noData, figure: nil, explanation: "Chưa có đơn vị trực thuộc nào để tính.") }
            figure = Double(meeting) * 100 / Double(of)
            shown = "\(meeting)/\(of) đơn vị = \(percent(figure))"
        case (.percent, .yesNo(let done)):
            figure = done ? 100 : 0
            shown = done ? "Có" : "Không"
        case (.count, .count(let count)):
            figure = count
            shown = Threshold.format(count)
        case (.count, .yesNo(let done)):
            figure = done ? 1 : 0
            shown = done ? "Có" : "Không"
        default:
            return .init(status: .noData, figure: nil, explanation: "Số liệu không cùng loại với chỉ tiêu (tỷ lệ hay số lượng).")
        }
        let met = range.contains(figure)
        return .init(status: met ? .met : .notMet, figure: figure, explanation: "\(shown) so với chỉ tiêu \(threshold.phrase).")
    }

    private static func percent(_ figure: Double) -> String {
        let rounded = (figure * 10).rounded() / 10
        return Threshold.format(rounded) + "%"
    }
}
