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

    /// Title words and the type they name. Only KẾ HOẠCH and CHƯƠNG TRÌNH are plans.
    static let titles: [(word: String, type: String)] = [
        ("KẾ HOẠCH", "KH"), ("CHƯƠNG TRÌNH", "CTr"), ("BÁO CÁO", "BC"), ("NGHỊ QUYẾT", "NQ"), ("QUYẾT ĐỊNH", "QĐ"),
        ("CHỈ THỊ", "CT"), ("HƯỚNG DẪN", "HD"), ("THÔNG BÁO", "TB"), ("KẾT LUẬN", "KL"), ("CÔNG VĂN", "CV"), ("TỜ TRÌNH", "TTr"),
        ("QUY CHẾ", "QC"), ("QUY ĐỊNH", "QĐi"), ("ĐỀ ÁN", "ĐA"),
    ]
    static let nationalLines = ["dang cong san viet nam", "cong hoa xa hoi chu nghia viet nam", "doc lap - tu do - hanh phuc",
                                "doc lap – tu do – hanh phuc"]

    static func read(_ lines: [PlanLine]) -> PlanHeader {
        var header = PlanHeader()
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
        header.readTop(lines, upTo: header.titleIndex ?? min(lines.count, 15))
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
        guard index < lines.count, !lines[index].isTableRow, !PlanHeader.isOpening(lines[index].text) else { return }
        var text = lines[index].text
        subjectEndIndex = index
        let next = index + 1
        if next < lines.count, let first = lines[next].text.first, first.isLowercase, !text.hasSuffix("."),
           !PlanHeader.isOpening(lines[next].text) {
            text += " " + lines[next].text
            subjectEndIndex = next
        }
        subject = text
    }

    static func isOpening(_ text: String) -> Bool {
        let folded = VietnameseFolding.foldPrefix(text)
        return folded.hasPrefix("thuc hien ") || folded.hasPrefix("can cu ") || folded.hasPrefix("i.")
    }

    /// Number ("Số ..."), place and date, and the issuing body above the number.
    private mutating func readTop(_ lines: [PlanLine], upTo end: Int) {
        var bodyLines: [String] = []
        for index in 0..<end where !lines[index].isTableRow {
            let text = lines[index].text
            guard !text.isEmpty else { continue }
            if number == nil, text.rangeOfPattern(#"^(Số|số|SỐ)\b"#) != nil, let parsed = DocumentNumber.parse(text) {
                number = parsed
                numberLine = lines[index].number
                issuer = issuer ?? bodyLines.last
                continue
            }
            if readPlaceAndDate(text) { continue }
            let folded = VietnameseFolding.fold(text)
            if text == text.uppercased(), text.count > 3, !PlanHeader.nationalLines.contains(folded), !folded.hasPrefix("so") {
                bodyLines.append(text)
            }
        }
        if issuer == nil { issuer = bodyLines.last }
    }

    /// "Lai Châu, ngày 16 tháng 01 năm 2023"; a draft's "ngày tháng năm 2025" keeps no date.
    private mutating func readPlaceAndDate(_ text: String) -> Bool {
        guard let groups = text.captures(#"^(.+?),\s*ngày\s*(\d{0,2})\s*tháng\s*(\d{0,2})\s*năm\s*(\d{4})"#) else { return false }
        place = groups[0].trimmingCharacters(in: .whitespaces)
        dateYear = Int(groups[3])
        if let day = Int(groups[1]), let month = Int(groups[2]), let year = Int(groups[3]) {
            issuedOn = CivilDate(year: year, month: month, day: day)
        } else {
            dateLeftBlank = true
        }
        return true
    }
}
