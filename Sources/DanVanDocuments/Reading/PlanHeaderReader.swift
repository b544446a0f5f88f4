import DanVanCore
import Foundation

/// The top of a plan: number, place and date, issuing body, the title and its subject.
struct PlanHeader {
    var titleIndex: Int?
    var documentType: String?
    var titleWord: String?
    var subject: String?
    var subjectEndIndex: Int?
    var number: DocumentNumber?
    var numberLine: Int?
    var place: String?
    var issuedOn: CivilDate?
    var dateLeftBlank = false
    var dateYear: Int?
    var issuer: String?
    /// The line of a title sentence ("Kế hoạch số 1600-KH/BDVTW ngày … của … về …"), not a citation.
    var titleSentenceLine: Int?
    var metadata = PageFurniture.Metadata()

    /// Title words and the type they name. Only KẾ HOẠCH and CHƯƠNG TRÌNH are plans.
    static let titles: [(word: String, type: String)] = [
        ("KẾ HOẠCH", "KH"), ("CHƯƠNG TRÌNH", "CTr"), ("BÁO CÁO", "BC"), ("NGHỊ QUYẾT", "NQ"), ("QUYẾT ĐỊNH", "QĐ"),
        ("CHỈ THỊ", "CT"), ("HƯỚNG DẪN", "HD"), ("THÔNG BÁO", "TB"), ("KẾT LUẬN", "KL"), ("CÔNG VĂN", "CV"), ("TỜ TRÌNH", "TTr"),
        ("QUY CHẾ", "QC"), ("QUY ĐỊNH", "QĐi"), ("ĐỀ ÁN", "ĐA"),
    ]

    /// `lines` are the joined paragraphs, `raw` the lines as they came (same positions): the
    /// header's cells are read from the raw lines, where the two columns still stand apart.
    static func read(_ lines: [PlanLine], raw: [PlanLine]) -> PlanHeader {
        var header = PlanHeader()
        header.metadata = PageFurniture.metadata(lines)
        let limit = min(lines.count, 80)
        for index in 0..<limit where !lines[index].isTableRow {
            let text = lines[index].text
            if let title = titles.first(where: { text == $0.word || text.hasPrefix($0.word + " ") }) {
                header.titleIndex = index
                header.documentType = title.type
                header.titleWord = title.word
                let rest = text.dropFirst(title.word.count).trimmingCharacters(in: .whitespaces)
                header.readSubject(rest, lines: lines, after: index)
                break
            }
        }
        let topEnd = header.titleIndex ?? header.readTitleSentence(lines) ?? min(lines.count, 15)
        header.readTop(HeaderCells.cells(raw, upTo: topEnd))
        header.fillFromMetadata()
        if let subject = header.subject, OfficialNameCasing.isAllCapitals(subject) { header.subject = OfficialNameCasing.title(subject) }
        return header
    }

    private mutating func readSubject(_ rest: String, lines: [PlanLine], after titleIndex: Int) {
        if !rest.isEmpty {
            subject = rest
            subjectEndIndex = titleIndex
            return
        }
        var index = titleIndex + 1
        while index < lines.count, lines[index].text.isEmpty { index += 1 }
        guard index < lines.count, !lines[index].isTableRow, !PlanHeader.isOpening(lines[index].text),
              PlanSectionReader.label(lines[index].text) == nil else { return }
        var text = lines[index].text
        subjectEndIndex = index
        // A title in capitals set as several paragraphs ("THỰC HIỆN CÔNG TÁC DÂN VẬN" / "NĂM 2024").
        var next = index + 1
        while next < lines.count, OfficialNameCasing.isAllCapitals(text), OfficialNameCasing.isAllCapitals(lines[next].text),
              !lines[next].isTableRow, PlanSectionReader.label(lines[next].text) == nil, !LineKind.startsBlock(lines[next].text) {
            text += " " + lines[next].text
            subjectEndIndex = next
            next += 1
        }
        subject = text
    }

    static func isOpening(_ text: String) -> Bool {
        if OfficialNameCasing.isAllCapitals(text) { return false }
        let folded = VietnameseFolding.foldPrefix(text)
        return folded.hasPrefix("thuc hien ") || folded.hasPrefix("can cu ") || folded.hasPrefix("i.")
    }

    /// A plan copied from a web page often has no title block, only a sentence that names it:
    /// "Kế hoạch số 1600-KH/BDVTW ngày 28/02/2018 của Ban Dân vận Trung ương về Kế hoạch công tác năm 2018".
    /// Returns the index of the sentence when there is one among the first lines.
    private mutating func readTitleSentence(_ lines: [PlanLine]) -> Int? {
        var seen = 0
        for index in 0..<min(lines.count, 40) where !lines[index].text.isEmpty && !lines[index].isTableRow {
            let text = lines[index].text
            if PageFurniture.isPageDate(text) || metadata.lines.contains(lines[index].number) { continue }
            seen += 1
            if seen > 3 || PlanSectionReader.label(text) != nil { return nil }
            guard let sentence = TitleSentence.parse(text) else { continue }
            titleIndex = index
            subjectEndIndex = index
            documentType = sentence.type
            titleWord = sentence.word
            titleSentenceLine = lines[index].number
            subject = sentence.subject
            number = sentence.number
            numberLine = sentence.number == nil ? nil : lines[index].number
            issuedOn = sentence.issuedOn
            issuer = sentence.issuer
            return index
        }
        return nil
    }

    /// Number, place and date, and the issuing body, from the cells above the title.
    private mutating func readTop(_ cells: [HeaderCells.Cell]) {
        var issuerParts: [String] = []
        for cell in cells {
            switch cell.kind {
            case .number(let parsed):
                if number == nil {
                    number = parsed
                    numberLine = cell.line
                }
            case .placeAndDate:
                readPlaceAndDate(cell.text)
            case .body:
                issuerParts += cell.lines
            case .other:
                continue
            }
        }
        if issuer == nil { issuer = IssuerName.compose(issuerParts) }
    }

    private mutating func fillFromMetadata() {
        if number == nil, let found = metadata.number {
            number = found
            numberLine = metadata.numberLine
        }
        if issuedOn == nil, !dateLeftBlank, let date = metadata.issuedOn { issuedOn = date }
        if issuer == nil { issuer = metadata.issuer }
        if documentType == nil, let kind = metadata.documentKind,
           let title = PlanHeader.titles.first(where: { VietnameseFolding.fold($0.word) == VietnameseFolding.fold(kind) }) {
            documentType = title.type
            titleWord = title.word
        }
    }

    /// "Lai Châu, ngày 16 tháng 01 năm 2023"; a draft's "ngày tháng năm 2025" keeps no date.
    private mutating func readPlaceAndDate(_ text: String) {
        guard let groups = text.captures(HeaderCells.placeAndDatePattern) else { return }
        place = groups[0].trimmingCharacters(in: .whitespaces)
        dateYear = Int(groups[3])
        if let day = Int(groups[1]), let month = Int(groups[2]), let year = Int(groups[3]) {
            issuedOn = CivilDate(year: year, month: month, day: day)
        } else {
            dateLeftBlank = true
        }
    }
}
