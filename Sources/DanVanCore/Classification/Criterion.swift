/// How a criterion is scored.
public enum CriterionKind: String, Codable, CaseIterable, Sendable {
    /// Result against a target by a formula; DanVan may fill it from what it measures.
    case quantitative
    /// A judgement of the work.
    case qualitative
    /// A score given directly (the level above's points).
    case direct
    /// Added on top, up to its maximum (the cap).
    case bonus
    /// Taken off, up to its maximum (the cap).
    case penalty

    public var label: String {
        switch self {
        case .quantitative: "Định lượng"
        case .qualitative: "Định tính"
        case .direct: "Chấm trực tiếp"
        case .bonus: "Điểm thưởng"
        case .penalty: "Điểm trừ"
        }
    }

    /// Bonus and penalty sit outside the stated maximum: they move the total, capped.
    public var isAdjustment: Bool { self == .bonus || self == .penalty }

    private static let synonyms: [(word: String, kind: CriterionKind)] = [
        ("dinh luong", .quantitative), ("dinh tinh", .qualitative), ("truc tiep", .direct), ("thuong", .bonus), ("cong", .bonus), ("tru", .penalty),
    ]

    /// The kind a spreadsheet cell names, by its label or its code, accents ignored.
    public static func named(_ text: String) -> CriterionKind? {
        let folded = VietnameseFolding.fold(text)
        if folded.isEmpty { return nil }
        return allCases.first { $0.rawValue == folded || VietnameseFolding.fold($0.label) == folded }
            ?? synonyms.first { folded.contains($0.word) }?.kind
    }
}

/// Who puts the points on a criterion.
public enum CriterionScorer: String, Codable, CaseIterable, Sendable {
    /// The unit scores itself; the level above appraises.
    case unit
    /// Only the level above scores it ("10 điểm do cấp trên chấm").
    case above

    public var label: String {
        switch self {
        case .unit: "Đơn vị tự chấm"
        case .above: "Cấp trên chấm"
        }
    }

    public static func named(_ text: String) -> CriterionScorer? {
        let folded = VietnameseFolding.fold(text)
        if folded.isEmpty { return .unit }
        if folded == "above" || folded.contains("cap tren") { return .above }
        if folded == "unit" || folded.contains("tu cham") || folded.contains("don vi") { return .unit }
        return nil
    }
}

/// One row of a criteria set: a group, a criterion or a sub-criterion. Its number says where it
/// sits ("I" a group, "1" a criterion, "1.1" or "a" below it); a row with rows below it scores
/// as their sum.
public struct Criterion: Codable, Hashable, Sendable {
    /// A stable path, "I.1.a": scores are stored under it.
    public var key: String
    /// As the office writes it: "I", "1", "1.2", "a".
    public var number: String
    public var text: String
    public var maxPoints: Points
    public var kind: CriterionKind
    public var evidenceRequired: Bool
    public var scorer: CriterionScorer
    /// What DanVan measures to pre-fill it ("reports.on_time"), when bound.
    public var binding: String?
    public var children: [Criterion]

    public init(key: String, number: String, text: String, maxPoints: Points, kind: CriterionKind = .qualitative, evidenceRequired: Bool = false,
                scorer: CriterionScorer = .unit, binding: String? = nil, children: [Criterion] = []) {
        self.key = key
        self.number = number
        self.text = text
        self.maxPoints = maxPoints
        self.kind = kind
        self.evidenceRequired = evidenceRequired
        self.scorer = scorer
        self.binding = binding
        self.children = children
    }

    public var isLeaf: Bool { children.isEmpty }

    /// This row and every row below it, depth first, as the table prints them.
    public var flattened: [Criterion] { [self] + children.flatMap(\.flattened) }

    public var leaves: [Criterion] { isLeaf ? [self] : children.flatMap(\.leaves) }

    /// Points of the rows below that count towards this row's maximum.
    public var childrenMaximum: Points {
        children.filter { !$0.kind.isAdjustment }.reduce(.zero) { $0 + $1.maxPoints }
    }
}
