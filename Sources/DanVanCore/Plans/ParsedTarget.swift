/// A measurable target as the reader finds it in a plan's text.
public struct ParsedTarget: Equatable, Sendable, Codable {
    public let text: String
    public let comparator: TargetComparator
    /// Nil for "đạt và vượt so với chỉ tiêu ... giao": the threshold is the one handed down.
    public let value: Double?
    public let upper: Double?
    public let unit: TargetMeasure
    public let subject: String
    public let line: Int
}
