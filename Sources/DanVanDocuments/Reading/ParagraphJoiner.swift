import DanVanCore

/// Mends paragraphs that a page break cut in two ("... thực" / blank lines / "hiện tốt ..."):
/// a line starting in lower case continues the text line before it when that one did not end
/// a sentence. The joined line keeps the first part's line number.
enum ParagraphJoiner {
    static func join(_ lines: [PlanLine]) -> [PlanLine] {
        var result: [PlanLine] = []
        var lastTextIndex: Int?
        for line in lines {
            if !line.isTableRow, let first = line.text.first, first.isLowercase,
               let previous = lastTextIndex, !endsSentence(result[previous].text) {
                result[previous] = PlanLine(number: result[previous].number, text: result[previous].text + " " + line.text)
                result.append(PlanLine(number: line.number, text: ""))
                continue
            }
            result.append(line)
            if line.isTableRow {
                lastTextIndex = nil
            } else if !line.text.isEmpty {
                lastTextIndex = result.count - 1
            }
        }
        return result
    }

    private static func endsSentence(_ text: String) -> Bool {
        guard let last = text.last else { return true }
        return ".:;!?".contains(last) || text == text.uppercased()
    }
}
