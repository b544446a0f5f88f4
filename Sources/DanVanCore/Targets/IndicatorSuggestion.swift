/// The indicator a target most likely needs, offered for the user to confirm: "100% các chi
/// bộ trực thuộc xây dựng được 01 mô hình" is a coverage of child units (each needing one
/// model), "trên 85% cán bộ được tập huấn" a ratio, "ít nhất 02 cuộc đối thoại" a count.
public struct IndicatorSuggestion: Equatable, Sendable {
    public let kind: IndicatorKind
    /// A name for the indicator, from the target's subject.
    public let name: String
    /// For a coverage of child units: what each child unit must reach to count.
    public let perUnit: Threshold?

    /// Words that open a subject naming child units, folded.
    private static let childUnitWords = ["cac chi bo", "chi bo", "cac thon", "thon", "ban,", "cac ban", "cac xa", "xa,", "cac to dan pho",
                                         "to dan pho", "cac don vi", "don vi truc thuoc", "cac co quan", "cac chi, dang bo", "chi, dang bo",
                                         "cac dang bo", "dang bo", "cac khu dan cu", "khu dan cu", "cac to chuc co so", "cac cap uy"]

    public static func suggest(for target: ParsedTarget) -> IndicatorSuggestion {
        let subject = target.subject.isEmpty ? target.text : target.subject
        let name = String(subject.prefix(160)).sentenceCased
        if target.unit == .level { return IndicatorSuggestion(kind: .ownGrade, name: name, perUnit: nil) }
        if target.level != nil, target.unit == .percent { return IndicatorSuggestion(kind: .gradeShare, name: name, perUnit: nil) }
        if let kind = modelKind(for: target, subject: subject) {
            let perUnit = kind == .modelPerUnit && target.unit == .percent ? perUnitThreshold(in: subject) : nil
            return IndicatorSuggestion(kind: kind, name: name, perUnit: perUnit)
        }
        guard target.unit == .percent else { return IndicatorSuggestion(kind: .count, name: name, perUnit: nil) }
        let folded = VietnameseFolding.fold(subject)
        if isTrainingOfPeople(VietnameseFolding.fold(target.text)) { return IndicatorSuggestion(kind: .trainedShare, name: name, perUnit: nil) }
        if OversightBoardKind.named(in: VietnameseFolding.fold(target.text)) != nil { return IndicatorSuggestion(kind: .boardCoverage, name: name, perUnit: nil) }
        if isPublicationDuty(VietnameseFolding.fold(target.text)) { return IndicatorSuggestion(kind: .publicationShare, name: name, perUnit: nil) }
        guard childUnitWords.contains(where: { folded.hasPrefix($0) }) else {
            return IndicatorSuggestion(kind: .ratio, name: name, perUnit: nil)
        }
        return IndicatorSuggestion(kind: .childCoverage, name: name, perUnit: perUnitThreshold(in: subject))
    }

    /// Targets about "Dân vận khéo" models are counted from the register: "mỗi cấp ủy có từ 01 –
    /// 02 mô hình" and "100% chi bộ xây dựng được 01 mô hình" per unit, "95% … đăng ký xây dựng
    /// mô hình" as the share of units, "… mô hình được công nhận" as a count.
    private static func modelKind(for target: ParsedTarget, subject: String) -> IndicatorKind? {
        let folded = VietnameseFolding.fold(target.text)
        guard ["mo hinh", "dien hinh", "dan van kheo"].contains(where: folded.contains) else { return nil }
        let recognised = folded.contains("cong nhan") || folded.contains("tieu bieu")
        if target.unit == .count {
            // "mỗi" as written: folded, "môi trường" reads the same.
            if target.text.lowercased().contains("mỗi ") { return .modelPerUnit }
            return recognised ? .modelsRecognised : .modelsRegistered
        }
        let foldedSubject = VietnameseFolding.fold(subject)
        // "… đăng ký xây dựng mô hình" counts units that registered; "… xây dựng được 01 mô hình" each unit's models.
        let perUnit = childUnitWords.contains { foldedSubject.hasPrefix($0) } && !folded.contains("dang ky")
        return perUnit ? .modelPerUnit : .modelShare
    }

    /// "… cán bộ … được tập huấn, bồi dưỡng": a share of people trained, counted from the rosters.
    private static func isTrainingOfPeople(_ folded: String) -> Bool {
        ["tap huan", "boi duong"].contains(where: folded.contains) && ["can bo", "cong chuc", "dang vien", "hoi vien"].contains(where: folded.contains)
    }

    /// "… công khai đúng quy định", "thực hiện tốt việc công khai …": the publication register's share on time.
    private static func isPublicationDuty(_ folded: String) -> Bool {
        folded.contains("cong khai") && ["dung quy dinh", "day du", "kip thoi", "dung han", "theo quy dinh", "thuc hien"].contains(where: folded.contains)
    }

    /// "xây dựng được 01 mô hình" → at least one; "không để xảy ra" → none; otherwise done or not.
    private static func perUnitThreshold(in subject: String) -> Threshold {
        let inner = TargetParser.targets(in: subject, lineNumber: 0).first { $0.unit == .count }
        if let inner, let value = inner.value {
            let comparator: TargetComparator = inner.comparator == .eq && value > 0 ? .ge : inner.comparator
            return Threshold(comparator, value, upper: inner.upper, measure: .count)
        }
        return Threshold(.ge, 1, measure: .count)
    }
}

