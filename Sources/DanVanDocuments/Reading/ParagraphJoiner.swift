import DanVanCore

/// Rebuilds paragraphs from lines that a web page, a PDF or a page break cut in the middle of
/// sentences, dates, citations, titles and headings. A line continues the one before it unless
/// it starts a list item, a heading or a known block, or the one before ends a sentence.
///
/// Text wrapped at a width (a PDF, a web copy) joins consecutive lines by that rule; text with a
/// paragraph on each line (DOCX, most pastes) only joins a line that starts in lower case, even
/// across blank lines (a page break). The joined line keeps the first part's line number, and
/// each consumed line stays as an empty line so positions do not move.
enum ParagraphJoiner {
    enum Layout: Sendable {
        /// One paragraph per line or per DOCX paragraph.
        case paragraphs
        /// Decide from the line lengths.
        case detect
        /// Set by a typesetter (a PDF): wrapped, and a line may also break after a hyphen inside a word.
        case typeset
    }

    static func join(_ lines: [PlanLine], layout: Layout = .detect) -> [PlanLine] {
        let width = layout != .paragraphs && LineWidth.looksWrapped(lines) ? LineWidth.typical(lines) : nil
        let breaksAfterHyphens = layout == .typeset
        let blankSeparated = width != nil && LineWidth.paragraphsSeparatedByBlankLines(lines)
        var result: [PlanLine] = []
        var lastTextIndex: Int?
        var blankSinceLast = false
        for line in lines {
            if line.isTableRow || LineKind.isCellSeparator(line.text) {
                result.append(line)
                lastTextIndex = nil
                continue
            }
            if line.text.isEmpty {
                result.append(line)
                blankSinceLast = true
                continue
            }
            if let previous = lastTextIndex,
               continues(line, after: lines[result.count - 1].text, paragraph: result[previous].text, acrossBlank: blankSinceLast,
                         width: width, blankSeparated: blankSeparated) {
                result[previous] = PlanLine(number: result[previous].number,
                                            text: joined(result[previous].text, line.text, breaksAfterHyphens: breaksAfterHyphens))
                result.append(PlanLine(number: line.number, text: ""))
                blankSinceLast = false
                continue
            }
            result.append(line)
            lastTextIndex = result.count - 1
            blankSinceLast = false
        }
        return result
    }

    /// "83-KH/TU ngày" + "14/12/2021": a break after a slash inside a word joins without a space.
    private static func joined(_ first: String, _ second: String, breaksAfterHyphens: Bool) -> String {
        if let last = first.last, last == "/" { return first + second }
        // "2024-" + "2030", "01-" + "KL/TW": a word broken after its hyphen ("kinh tế -" has a space before it).
        if breaksAfterHyphens, first.hasSuffix("-"), let before = first.dropLast().last, !before.isWhitespace, second.first?.isWhitespace == false {
            return first + second
        }
        return first + " " + second
    }

    /// Whether `line` continues the paragraph so far, whose last line (as it came) is `previousLine`.
    /// `width` is the width the text is wrapped at, nil for one paragraph per line.
    private static func continues(_ line: PlanLine, after previousLine: String, paragraph: String, acrossBlank: Bool, width: Int?,
                                  blankSeparated: Bool) -> Bool {
        let next = line.text
        let previous = acrossBlank ? paragraph : previousLine
        // "III." on a line of its own, its title on the next (as a PDF sets a numbered heading).
        if LineKind.isBareLabel(paragraph) { return !LineKind.startsBlock(next) }
        if LineKind.endsBlock(paragraph) { return false }
        if LineKind.continuesRange(next, after: previous) { return true }
        if LineKind.startsBlock(next) { return false }
        let nextStartsLower = next.first?.isLowercase ?? false
        if LineKind.isUppercase(paragraph) {
            // A title or heading in capitals continues only in capitals ("THỰC" / "HIỆN CÔNG TÁC ...").
            guard !acrossBlank, LineKind.isUppercase(next) else { return false }
            return (width != nil && !LineKind.endsSentence(previous)) || LineKind.endsWithLinkWord(previous)
        }
        guard let width, !acrossBlank else {
            // A page break or a paste: only a lower-case start, or a date or number after "ngày", "số".
            // A page break after ";" can cut a paragraph too: a new paragraph never starts in lower case.
            if LineKind.isUppercase(next) || (LineKind.endsSentence(previous) && !(nextStartsLower && previous.hasSuffix(";"))) { return false }
            let startsWithDigit = next.first?.isNumber ?? false
            return nextStartsLower || (LineKind.endsWithLinkWord(previous) && (!acrossBlank || startsWithDigit))
        }
        if LineKind.isUppercase(next) && next.contains(" ") { return false }
        if LineKind.opensDocument(next), !(previous.split(separator: " ").last?.first?.isUppercase ?? false) { return false }
        if LineKind.endsWithLinkWord(previous) || (nextStartsLower && !previous.hasSuffix(".")) { return true }
        // Paragraphs set apart by blank lines: the lines between are one paragraph.
        if blankSeparated { return true }
        // A heading ends without a full stop, and the paragraph under it starts with a capital.
        if next.first?.isUppercase ?? false, LineKind.isHeadingSoFar(paragraph),
           !(previous.split(separator: " ").last?.first?.isUppercase ?? false) { return false }
        // Wrapping breaks a line only when the next word does not fit: when it would have fit
        // with room to spare, the paragraph ended here.
        let firstWord = next.prefix { $0 != " " }.count
        let lengthWithWord = previous.count + 1 + firstWord
        if lengthWithWord * 10 <= width * 8 { return false }
        if lengthWithWord > width { return true }
        return !LineKind.endsSentence(previous)
    }

}

/// What kind of line a line is, for joining: where blocks start and end.
enum LineKind {
    static func isCellSeparator(_ text: String) -> Bool {
        text == "|" || text == "*" || text == "***"
    }

    /// "III.", "1.", "2.1.", "a)": a label with nothing after it.
    static func isBareLabel(_ text: String) -> Bool {
        text.count <= 8 && text.rangeOfPattern(#"^([IVX]{1,5}|\d{1,2}(\.\d{1,2}){0,2}|[a-zđ])[.)]$"#) != nil
    }

    /// A numbered line with no sentence ended yet, short enough to be a heading.
    static func isHeadingSoFar(_ paragraph: String) -> Bool {
        guard paragraph.count <= 120, PlanSectionReader.label(paragraph) != nil else { return false }
        return !paragraph.contains(":") && !paragraph.dropFirst(8).contains(". ")
    }

    /// "Thực hiện Kế hoạch số …", "Căn cứ …": how the opening after a title starts.
    static func opensDocument(_ text: String) -> Bool {
        text.hasPrefix("Thực hiện ") || text.hasPrefix("Căn cứ ")
    }

    /// "nhiệm kỳ 2024" + "- 2029": a range of years or figures broken at its dash.
    static func continuesRange(_ next: String, after previous: String) -> Bool {
        guard let last = previous.last, last.isNumber, let first = next.first, "-–".contains(first) else { return false }
        return next.dropFirst().drop { $0 == " " }.first?.isNumber ?? false
    }

    static func isUppercase(_ text: String) -> Bool {
        OfficialNameCasing.isAllCapitals(text)
    }

    static func endsSentence(_ text: String) -> Bool {
        guard let last = text.last else { return true }
        return ".:;!?…".contains(last)
    }

    /// Words after which a sentence cannot stop: "của", "và", "ngày", a comma, a hyphen.
    static func endsWithLinkWord(_ text: String) -> Bool {
        guard let last = text.last else { return false }
        if ",-–/(".contains(last) { return true }
        let word = text.split(separator: " ").last.map { String($0).lowercased() } ?? ""
        return linkWords.contains(word)
    }

    static let linkWords: Set<String> = [
        "của", "và", "về", "với", "số", "ngày", "tháng", "năm", "các", "những", "cho", "trong", "tại", "theo", "để", "là", "được",
        "có", "mà", "hoặc", "từ", "đến", "đối", "trên", "dưới", "bằng", "do", "thuộc", "gắn", "nhằm", "như", "vào", "ra", "tới",
        "quý", "giai", "đoạn", "nhiệm", "kỳ", "khóa", "khoá", "lần", "thứ", "thực", "tăng", "nâng", "công", "nhà", "người",
    ]

    /// Lines after which nothing joins: the national motto, a title word, "Nơi nhận:", a signature's authority.
    static func endsBlock(_ text: String) -> Bool {
        if text.count > 60 { return false }
        let folded = VietnameseFolding.fold(text)
        if NationalMotto.isComplete(folded) { return true }
        if PlanHeader.titles.contains(where: { $0.word == text }) { return true }
        if folded.hasPrefix("noi nhan") { return true }
        if text.rangeOfPattern(PlanClosing.authorityPattern) != nil { return true }
        return PageFurniture.isPageDate(text)
    }

    /// Lines that start something new: a list item, a heading, "Số:", "Nơi nhận", a signature, the motto, "Căn cứ".
    static func startsBlock(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        if ItemMarker.bullets.contains(first) || first == "*" {
            // "- xã hội" is a line broken at a hyphen inside "kinh tế - xã hội", not an item.
            let rest = text.dropFirst().drop { $0 == " " }
            return !(rest.first?.isLowercase ?? false)
        }
        if let label = PlanSectionReader.label(text) {
            // "khóa" + "XI) về tăng cường ...": a label before a lower-case word is a broken line.
            let title = text.dropFirst(label.count).drop { !$0.isLetter && !$0.isNumber }
            if !(title.first?.isLowercase ?? false) { return true }
        }
        if text.hasPrefix("(") && text.count < 200 && VietnameseFolding.foldPrefix(text).hasPrefix("(kem theo") { return true }
        let folded = VietnameseFolding.foldPrefix(text)
        if (text.hasPrefix("Số") || text.hasPrefix("SỐ")) && text.contains("/") && text.count < 60 { return true }
        if folded.hasPrefix("noi nhan") || folded.hasPrefix("phu luc") { return true }
        if text.rangeOfPattern(PlanClosing.authorityPattern) != nil { return true }
        if PlanHeader.titles.contains(where: { $0.word == text }) { return true }
        return NationalMotto.starts(VietnameseFolding.fold(text)) || PageFurniture.isPageDate(text)
    }
}

/// The national motto and the party's name at the top right of a header.
enum NationalMotto {
    static let complete: Set<String> = ["dang cong san viet nam", "cong hoa xa hoi chu nghia viet nam",
                                        "doc lap - tu do - hanh phuc", "doc lap – tu do – hanh phuc"]

    static func isComplete(_ folded: String) -> Bool {
        complete.contains(folded.trimmingCharacters(in: .whitespaces))
    }

    static func starts(_ folded: String) -> Bool {
        folded.hasPrefix("dang cong san viet nam") || folded.hasPrefix("cong hoa xa hoi") || folded.hasPrefix("doc lap -")
            || folded.hasPrefix("doc lap –") || folded == "chu nghia viet nam"
    }

    /// Any piece of the motto, whole or cut ("CỘNG HÒA XÃ HỘI" / "CHỦ NGHĨA VIỆT NAM").
    static func isPart(_ folded: String) -> Bool {
        starts(folded) || folded.hasPrefix("chu nghia viet nam") || folded.hasPrefix("doc lap")
    }
}

/// How wide the lines of a wrapped text are.
enum LineWidth {
    /// The width lines are wrapped at: the 95th percentile of the lengths of text lines.
    static func typical(_ lines: [PlanLine]) -> Int {
        let lengths = lines.lazy.filter { !$0.isTableRow && !$0.text.isEmpty }.map(\.text.count).sorted()
        guard !lengths.isEmpty else { return 0 }
        return lengths[min(lengths.count - 1, lengths.count * 95 / 100)]
    }

    /// Whether a blank line stands between paragraphs (as in most pastes and in Markdown): then a
    /// paragraph's lines follow each other with no blank between.
    static func paragraphsSeparatedByBlankLines(_ lines: [PlanLine]) -> Bool {
        var sentenceEnds = 0, followedByBlank = 0
        for (index, line) in lines.enumerated() where !line.isTableRow && LineKind.endsSentence(line.text) && !line.text.isEmpty {
            sentenceEnds += 1
            if index + 1 == lines.count || lines[index + 1].text.isEmpty { followedByBlank += 1 }
        }
        return sentenceEnds >= 3 && followedByBlank * 3 >= sentenceEnds * 2
    }

    /// Wrapped when most long lines are about as long as each other and no longer than a page is wide.
    static func looksWrapped(_ lines: [PlanLine]) -> Bool {
        let width = typical(lines)
        guard width > 0, width <= 130 else { return false }
        let texts = lines.filter { !$0.isTableRow && !$0.text.isEmpty }
        let nearWidth = texts.filter { $0.text.count * 10 >= width * 7 }.count
        return nearWidth >= 5 && nearWidth * 3 >= texts.count
    }
}
