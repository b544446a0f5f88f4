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

    public init(text: String, comparator: TargetComparator, value: Double?, upper: Double?, unit: TargetMeasure,
                subject: String, line: Int) {
        self.text = text
        self.comparator = comparator
        self.value = value
        self.upper = upper
        self.unit = unit
        self.subject = subject
        self.line = line
    }

    enum CodingKeys: String, CodingKey { case text, comparator, value, upper, unit, subject, line }

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
    }
}
