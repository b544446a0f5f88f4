import Foundation

/// Reads measurable targets from a clause of a plan: one target per figure with its operator
/// ("trên 85%", "95% trở lên", "ít nhất 01 cuộc", "từ 01 - 02 mô hình", "không quá", "dưới",
/// "đạt và vượt", "không để xảy ra").
public enum TargetParser {
    struct Rule: Sendable {
        let pattern: String
        /// Words one of which the lower-cased clause must hold before the pattern is tried.
        let cues: [String]
        let needsPercent: Bool
        let needsDigit: Bool
        let make: @Sendable ([String]) -> (TargetComparator, Double?, Double?, TargetMeasure)?
    }

    private static func number(_ text: String) -> Double? {
        Double(text.replacingLiteral(",", with: "."))
    }

    private static func measure(_ percentSign: String) -> TargetMeasure {
        percentSign.isEmpty ? .count : .percent
    }

    private static let num = #"(\d+(?:[.,]\d+)?)"#
    private static let rules: [Rule] = [
        rule(#"từ\s+"# + num + #"\s*(%?)\s*(?:-|–|đến)\s*"# + num + #"\s*(%?)"#, cues: ["từ"]) { g in
            guard let low = number(g[0]), let high = number(g[2]) else { return nil }
            return (.between, low, high, measure(g[1] + g[3]))
        },
        rule(#"(?:từ\s+)?"# + num + #"\s*(%?)\s*trở\s+lên"#, cues: ["trở"]) { g in number(g[0]).map { (.ge, $0, nil, measure(g[1])) } },
        rule(#"(?:ít nhất|tối thiểu)\s+"# + num + #"\s*(%?)"#, cues: ["ít nhất", "tối thiểu"]) { g in number(g[0]).map { (.ge, $0, nil, measure(g[1])) } },
        rule(#"(?:không quá|tối đa|không vượt quá)\s+"# + num + #"\s*(%?)"#, cues: ["quá", "tối đa"]) { g in number(g[0]).map { (.le, $0, nil, measure(g[1])) } },
        rule(#"(?:trên|hơn)\s+"# + num + #"\s*(%)"#, cues: ["trên", "hơn"], percent: true) { g in number(g[0]).map { (.gt, $0, nil, .percent) } },
        rule(#"dưới\s+"# + num + #"\s*(%)"#, cues: ["dưới"], percent: true) { g in number(g[0]).map { (.lt, $0, nil, .percent) } },
        rule(#"đạt và vượt"#, cues: ["đạt và vượt"], needsDigit: false) { _ in (.ge, nil, nil, .percent) },
        rule(num + #"\s*(%)"#, cues: ["%"]) { g in number(g[0]).map { (.eq, $0, nil, .percent) } },
        rule(#"không để (?:xảy ra|phát sinh)"#, cues: ["không để"], needsDigit: false) { _ in (.eq, 0, nil, .count) },
    ]

    /// Patterns are literals; one that did not compile would match nothing, which the tests
    /// (exercising every rule) catch.
    private static func rule(_ pattern: String, cues: [String], percent: Bool = false, needsDigit: Bool = true,
                             _ make: @escaping @Sendable ([String]) -> (TargetComparator, Double?, Double?, TargetMeasure)?) -> Rule {
        Rule(pattern: pattern, cues: cues, needsPercent: percent, needsDigit: needsDigit, make: make)
    }

    /// Every target in one line of a targets section. Clauses separated by ";" or
    /// ", trong đó:" are read one by one; each figure's subject runs to the next figure.
    public static func targets(in line: String, lineNumber: Int) -> [ParsedTarget] {
        clauses(of: line).flatMap { targets(inClause: $0, lineNumber: lineNumber) }
    }

    static func clauses(of line: String) -> [String] {
        var text = line
        if ["trong đó", "Trong đó", "TRONG ĐÓ"].contains(where: text.containsLiteral) {
            text = text.replacingPattern(#",?\s*trong đó\s*:?"#, with: ";", caseInsensitive: true)
        }
        if text.containsASCII(".") { text = text.replacingPattern(#"\.\s+(?=[\p{Lu}\d])"#, with: ";") }
        return text.split(separator: ";").map { $0.trimmed("-–•.") }.filter { !$0.isEmpty }
    }

    private struct Hit {
        let range: Range<String.Index>
        let comparator: TargetComparator
        let value: Double?
        let upper: Double?
        let unit: TargetMeasure
    }

    private static func targets(inClause clause: String, lineNumber: Int) -> [ParsedTarget] {
        var hits: [Hit] = []
        let lowered = clause.lowercased(), hasDigit = clause.containsASCIIDigit, hasPercent = clause.containsASCII("%")
        for rule in rules where (hasDigit || !rule.needsDigit) && (hasPercent || !rule.needsPercent)
            && rule.cues.contains(where: lowered.containsLiteral) {
            for match in clause.matchesOfPattern(rule.pattern, caseInsensitive: true) {
                guard let range = Range(match.range, in: clause), !hits.contains(where: { $0.range.overlaps(range) }) else { continue }
                let groups = (1..<match.numberOfRanges).map { Range(match.range(at: $0), in: clause).map { String(clause[$0]) } ?? "" }
                guard !isPartOfDateOrYear(clause, range), let made = rule.make(groups) else { continue }
                hits.append(Hit(range: range, comparator: made.0, value: made.1, upper: made.2, unit: made.3))
            }
        }
        hits.sort { $0.range.lowerBound < $1.range.lowerBound }
        let grade = GradeLevel.find(in: clause)
        if hits.isEmpty, let grade {
            // "Cơ quan được đánh giá, xếp loại … loại “Tốt”": a level target with no figure.
            return [ParsedTarget(text: clause.trimmed(), comparator: grade.atLeast ? .ge : .eq, value: nil, upper: nil, unit: .level,
                                 subject: grade.subject, line: lineNumber, level: grade.level)]
        }
        // "100% các thôn không để xảy ra điểm nóng": the zero is what the 100% must achieve.
        if let first = hits.first?.range.lowerBound {
            hits.removeAll { $0.value == 0 && $0.comparator == .eq && $0.range.lowerBound > first }
        }
        return hits.enumerated().map { index, hit in
            let end = index + 1 < hits.count ? hits[index + 1].range.lowerBound : clause.endIndex
            // The first figure's text is its whole clause; a later one's starts at its own figure.
            let start = index == 0 ? clause.startIndex : hit.range.lowerBound
            return ParsedTarget(text: clause[start..<end].trimmed(),
                                comparator: hit.comparator, value: hit.value, upper: hit.upper, unit: hit.unit,
                                subject: subject(clause[hit.range.upperBound..<end], beforeAnother: index + 1 < hits.count),
                                line: lineNumber,
                                level: grade.flatMap { $0.range.lowerBound >= hit.range.upperBound && $0.range.lowerBound < end ? $0.level : nil })
        }
    }

    /// Between two figures, the words after the last "và" introduce the second figure
    /// ("... mô hình và mỗi cấp ủy cơ sở có từ 01 - 02 ...").
    private static func subject(_ segment: Substring, beforeAnother: Bool) -> String {
        var text = segment
        if beforeAnother, let joint = text.rangeOfLastLiteral(" và ") {
            text = text[..<joint.lowerBound]
        }
        return text.trimmed(",.:-–")
            .replacingPattern(#"\s+(và|,)?\s*(mỗi|các)?\s*$"#, with: "")
    }

    /// "giai đoạn 2021-2025" and "ngày 15/10" are not figures.
    private static func isPartOfDateOrYear(_ clause: String, _ range: Range<String.Index>) -> Bool {
        let text = clause[range]
        return String(text).rangeOfPattern(#"(19|20)\d\d\s*(-|–|đến)\s*(19|20)\d\d"#) != nil
    }
}
