/// How a target's figure is compared with its threshold.
public enum TargetComparator: String, Codable, Sendable, CaseIterable {
    /// "trên 85%"
    case gt
    /// "95% trở lên", "ít nhất 01", "đạt và vượt"
    case ge
    /// "100% ...", a bare figure
    case eq
    /// "không quá"
    case le
    /// "dưới"
    case lt
    /// "từ 01 - 02", "từ 01 đến 02"
    case between
}

public enum TargetMeasure: String, Codable, Sendable {
    case percent, count
    /// A grade to reach ("loại Tốt", "từ Khá trở lên"): evaluated from classification results.
    case level
}
