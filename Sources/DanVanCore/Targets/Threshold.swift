import Foundation

/// What a target asks for: a comparator with its figure(s), in percent or as a count.
/// "trên 85%" is (.gt, 85, percent); "từ 01 - 02 mô hình" is (.between, 1, 2, count).
public struct Threshold: Equatable, Sendable, Codable {
    public let comparator: TargetComparator
    /// Nil for "đạt và vượt chỉ tiêu được giao": the figure is the one handed down.
    public let value: Double?
    public let upper: Double?
    public let measure: TargetMeasure

    public init(_ comparator: TargetComparator, _ value: Double?, upper: Double? = nil, measure: TargetMeasure) {
        self.comparator = comparator
        self.value = value
        self.upper = upper
        self.measure = measure
    }

    public init(_ target: ParsedTarget) {
        self.init(target.comparator, target.value, upper: target.upper, measure: target.unit)
    }

    /// What is wrong with the threshold as a target, in words for the form, or nil.
    public var problem: String? {
        if let value, value < 0 { return "Mức chỉ tiêu không được âm." }
        if measure == .percent, let value, value > 100 { return "Chỉ tiêu theo tỷ lệ không thể vượt 100%." }
        if measure == .percent, let upper, upper > 100 { return "Chỉ tiêu theo tỷ lệ không thể vượt 100%." }
        if comparator == .between {
            guard let value, let upper else { return "Chỉ tiêu \"từ ... đến ...\" cần cả hai mức." }
            if value > upper { return "Mức dưới (\(Self.format(value))) lớn hơn mức trên (\(Self.format(upper)))." }
        }
        return nil
    }

    /// The figures that meet the threshold, as an interval; nil when there is no figure yet.
    /// A bare figure is a level to reach ("100% chi bộ", "01 mô hình" is met by one or more),
    /// except zero, which is a ceiling ("không để xảy ra": none at all).
    public var range: FigureRange? {
        guard let value else { return nil }
        switch comparator {
        case .gt: return FigureRange(lower: .open(value), upper: nil)
        case .ge: return FigureRange(lower: .closed(value), upper: nil)
        case .eq: return value == 0 ? FigureRange(lower: nil, upper: .closed(0)) : FigureRange(lower: .closed(value), upper: nil)
        case .le: return FigureRange(lower: nil, upper: .closed(value))
        case .lt: return FigureRange(lower: nil, upper: .open(value))
        case .between: return FigureRange(lower: .closed(value), upper: .closed(upper ?? value))
        }
    }

    /// "trên 85%", "từ 1 đến 2", "không quá 3": how plans write it.
    public var phrase: String {
        let unit = measure == .percent ? "%" : ""
        guard let value else { return "đạt và vượt mức được giao" }
        let figure = Self.format(value) + unit
        switch comparator {
        case .gt: return "trên \(figure)"
        case .ge: return "\(figure) trở lên"
        case .eq: return value == 0 ? "không để xảy ra" : figure
        case .le: return "không quá \(figure)"
        case .lt: return "dưới \(figure)"
        case .between: return "từ \(Self.format(value)) đến \(Self.format(upper ?? value))\(unit)"
        }
    }

    public static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value).replacingOccurrences(of: ".", with: ",")
    }
}
