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
    /// The grade a level target asks for ("Tốt" in "xếp loại … loại “Tốt”"), or that a share of
    /// units must reach ("Khá" in "trên 90% … đạt từ khá trở lên"); nil otherwise.
    public let level: String?

    public init(text: String, comparator: TargetComparator, value: Double?, upper: Double?, unit: TargetMeasure,
                subject: String, line: Int, level: String? = nil) {
        self.level = level
        self.text = text
        self.comparator = comparator
        self.value = value
        self.upper = upper
        self.unit = unit
        self.subject = subject
        self.line = line
    }

    enum CodingKeys: String, CodingKey { case text, comparator, value, upper, unit, subject, line, level }

    /// Absent values are written as null, as the import contract shows them.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encode(comparator, forKey: .comparator)
        try container.encode(value, forKey: .value)
        try container.encode(upper, forKey: .upper)
        try container.encode(unit, forKey: .unit)
        try container.encode(subject, forKey: .subject)
        try container.encode(line, forKey: .line)
        try container.encode(level, forKey: .level)
    }
}
