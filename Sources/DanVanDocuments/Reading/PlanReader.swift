import DanVanCore
import Foundation

/// Reads a plan from its lines into a PlanDocument: header, title, basis, sections, targets,
/// tasks (body and appendix), recipients, signature, citations, and a warning for anything it
/// could not read.
public enum PlanReader {
    public static func read(_ rawLines: [PlanLine]) -> PlanDocument {
        read(rawLines, layout: .detect)
    }

    static func read(_ rawLines: [PlanLine], layout: ParagraphJoiner.Layout) -> PlanDocument {
        let lines = ParagraphJoiner.join(rawLines, layout: layout)
        var document = PlanDocument.empty
        var warnings: [PlanDocument.Warning] = []
        let header = PlanHeader.read(lines, raw: rawLines)
        let appendixMarker = lines.firstIndex(where: isAppendixNote)
        let appendixStart = [appendixMarker, lines.firstIndex { PlanAppendixReader.columns(of: $0) != nil }]
            .compactMap { $0 }.min() ?? lines.count
        let bodyStart = (header.subjectEndIndex ?? header.titleIndex ?? -1) + 1
        let closing = PlanClosing.read(lines, from: bodyStart, to: appendixStart)
        let bodyEnd = closing.startIndex ?? appendixStart
        let spans = PlanSectionReader.spans(lines, from: bodyStart, to: bodyEnd)

        document.documentType = header.documentType
        document.subject = header.subject
        document.place = header.place
        document.issuedOn = header.issuedOn?.description
        document.issuer = header.issuer
        var number = header.number
        if let marker = appendixMarker { readAppendixReference(lines[marker].text, number: &number, document: &document) }
        document.number = number.map(PlanDocument.Number.init)
        document.year = PlanYear.fromTitle(header.subject) ?? header.dateYear ?? header.issuedOn?.year ?? number?.year
        document.sections = PlanSectionReader.tree(spans)

        let firstHeading = spans.first.flatMap { span in lines.firstIndex { $0.number == span.line } } ?? bodyEnd
        let opening = (bodyStart..<max(bodyStart, firstHeading)).map { lines[$0] }.filter { !$0.text.isEmpty && !$0.isTableRow }
        if document.issuer == nil { document.issuer = issuer(inOpening: opening.map(\.text).joined(separator: " ")) }
        readThemeAndMotto(opening: opening, body: spans.flatMap { $0.bodyIndices.map { lines[$0] } }, into: &document)

        document.targets = targets(spans, lines: lines, warnings: &warnings)
        document.tasks = bodyTasks(spans, lines: lines, planYear: document.year)
        let appendix = PlanAppendixReader.tasks(Array(lines[appendixStart...]), planYear: document.year, warnings: &warnings)
        document.tasks += appendix.tasks
        if document.tasks.isEmpty {
            document.tasks = ParagraphTableReader.tasks(Array(lines[bodyStart..<bodyEnd]), planYear: document.year)
        }
        document.body = (opening + spans.flatMap { $0.bodyIndices.map { lines[$0] } }).map { .init(line: $0.number, text: $0.text) }
        document.recipients = closing.recipients
        document.signature = closing.signature

        let mentions = lines.flatMap { line in CitationScanner.mentions(in: line.text, line: line.number) }
            .filter { $0.number.normalized != number?.normalized }
        let documents = CitationScanner.documents(from: mentions)
        document.citations = documents.map(PlanDocument.Citation.init)
        let openingLines = Set(opening.map(\.number))
        document.basis = documents.filter { !openingLines.isDisjoint(with: $0.occurrences) }.map(PlanDocument.Citation.init)

        warnings += headerWarnings(header, document: document, lastLine: rawLines.last { !$0.text.isEmpty })
        document.kind = (header.documentType == "KH" || header.documentType == "CTr") && !(spans.isEmpty && document.tasks.isEmpty)
            ? .plan : .unknown
        if document.kind == .unknown { warnings.insert(contentsOf: unknownReasons(header, spans: spans, lines: lines), at: 0) }
        document.warnings = warnings
        return document
    }

    /// "(Kèm theo Kế hoạch số ...)": the appendix's note naming the plan it belongs to.
    private static func isAppendixNote(_ line: PlanLine) -> Bool {
        guard !line.isTableRow else { return false }
        let folded = VietnameseFolding.foldPrefix(line.text)
        return (folded.hasPrefix("(kem theo ") || folded.hasPrefix("kem theo ")) && line.text.count < 300
    }

    private static func readAppendixReference(_ text: String, number: inout DocumentNumber?, document: inout PlanDocument) {
        guard let mention = CitationScanner.mentions(in: text, line: 0).first else { return }
        if number == nil || number?.number.isEmpty == true { number = mention.number }
        if document.issuedOn == nil, let date = mention.issuedOn { document.issuedOn = date.description }
    }

    /// "... Ban Thường vụ Huyện ủy Tam Đường ban hành Kế hoạch ...", "...; Văn phòng UBND tỉnh xây dựng kế hoạch ...".
    static func issuer(inOpening text: String) -> String? {
        let pattern = #"(?:^|[.;,:]\s*)([A-ZĐÂĂÊÔƠƯ][^.;,:]{2,100}?)\s+(?:ban hành|xây dựng|triển khai)\s+(?:[Kk]ế hoạch|[Cc]hương trình)"#
        return text.captures(pattern)?.first?.trimmingCharacters(in: .whitespaces)
    }

    /// The year's theme and motto are stated in the opening, or in a line of their own under a
    /// heading ("Chủ đề năm: …"); a motto quoted inside a task ("thực hiện tốt phương châm “Dân
    /// biết, dân bàn …”") is not the plan's.
    private static func readThemeAndMotto(opening: [PlanLine], body: [PlanLine], into document: inout PlanDocument) {
        let labelled = body.filter {
            let folded = VietnameseFolding.foldPrefix(ItemMarker.strip($0.text))
            return folded.hasPrefix("chu de") || folded.hasPrefix("phuong cham")
        }
        for line in opening + labelled {
            if document.theme == nil { document.theme = ThemeAndMotto.theme(in: line.text) }
            if document.motto == nil { document.motto = ThemeAndMotto.motto(in: line.text) }
            if document.theme != nil && document.motto != nil { return }
        }
    }

    private static func targets(_ spans: [SectionSpan], lines: [PlanLine], warnings: inout [PlanDocument.Warning]) -> [ParsedTarget] {
        var found: [ParsedTarget] = []
        for span in spans where BodyItemRules.isTargetSection(span.path) {
            for index in span.bodyIndices {
                let targets = BodyItemRules.targets(in: lines[index].text, line: lines[index].number)
                if targets.isEmpty {
                    let text = stripItemMarker(lines[index].text)
                    warnings.append(.init(line: lines[index].number, message: "Chỉ tiêu không có số đo: \"\(text.clippedAtWord(80))\"."))
                }
                found += targets
            }
        }
        return found
    }

    private static func bodyTasks(_ spans: [SectionSpan], lines: [PlanLine], planYear: Int?) -> [PlanDocument.Task] {
        spans.flatMap { span in
            span.bodyIndices.compactMap { index in
                BodyItemRules.task(from: lines[index].text, line: lines[index].number, section: span.number, path: span.path, planYear: planYear)
            }
        }
    }

    /// "- ", "+ ", "1.2. " and "1. " at the start of an item.
    static func stripItemMarker(_ text: String) -> String {
        ItemMarker.strip(text)
    }

    private static func headerWarnings(_ header: PlanHeader, document: PlanDocument, lastLine: PlanLine?) -> [PlanDocument.Warning] {
        var warnings: [PlanDocument.Warning] = []
        if document.number == nil {
            warnings.append(.init(line: nil, message: "Không thấy số, ký hiệu của văn bản."))
        } else if document.number?.number.isEmpty == true {
            warnings.append(.init(line: header.numberLine, message: "Số văn bản để trống (bản dự thảo)."))
        }
        if header.dateLeftBlank, document.issuedOn == nil {
            warnings.append(.init(line: nil, message: "Ngày ban hành để trống (bản dự thảo)."))
        }
        if document.signature == nil && document.recipients.isEmpty, header.titleWord != nil, let last = lastLine {
            warnings.append(.init(line: last.number, message: "Văn bản có vẻ bị cắt: không có \"Nơi nhận\" và chữ ký; văn bản dừng ở dòng "
                                  + "\(last.number): \"\(last.text.clippedAtWord(60))\"."))
        } else if document.signature == nil, header.titleWord != nil {
            warnings.append(.init(line: nil, message: "Không thấy khối chữ ký."))
        }
        return warnings
    }

    private static func unknownReasons(_ header: PlanHeader, spans: [SectionSpan], lines: [PlanLine]) -> [PlanDocument.Warning] {
        guard let word = header.titleWord else {
            if let mention = NotAPlan.thirdPersonMention(lines) {
                return [.init(line: mention.number, message: "Văn bản giống một bản tin: không có tiêu đề \"KẾ HOẠCH\", số, ký hiệu hay mục I., II.; "
                              + "nó kể về một kế hoạch (\"\(mention.text)\") chứ không phải chính kế hoạch.")]
            }
            return [.init(line: nil, message: "Không thấy tiêu đề \"KẾ HOẠCH\" hay \"CHƯƠNG TRÌNH\" ở đầu văn bản: có vẻ không phải một kế hoạch.")]
        }
        if header.documentType != "KH" && header.documentType != "CTr" {
            return [.init(line: header.titleIndex.map { lines[$0].number },
                          message: NotAPlan.otherKind(word: word, type: header.documentType ?? ""))]
        }
        return [.init(line: nil, message: "Có tiêu đề kế hoạch nhưng không thấy mục (I., II., ...) hay nhiệm vụ nào.")]
    }
}
