import DanVanCore

/// What a web page puts around a document: the page's date ("Thứ Sáu, 7/10/2022"), and the
/// metadata table of a legal-document site ("Số hiệu | 24/KH-UBND", "Ngày ban hành | 18/01/2024").
enum PageFurniture {
    static func isPageDate(_ text: String) -> Bool {
        guard text.count <= 40 else { return false }
        let folded = VietnameseFolding.foldPrefix(text)
        guard folded.hasPrefix("thu ") || folded.hasPrefix("chu nhat") else { return false }
        return text.rangeOfPattern(#"^(Thứ|thứ|THỨ)\s+(\S+|\d)\s*,\s*\d{1,2}/\d{1,2}/\d{4}|^(Chủ|chủ|CHỦ)\s+(nhật|Nhật|NHẬT)\s*,\s*\d{1,2}/\d{1,2}/\d{4}"#) != nil
    }

    /// The facts a site's metadata table gives about the document it shows.
    struct Metadata {
        var documentKind: String?
        var number: DocumentNumber?
        var numberLine: Int?
        var issuedOn: CivilDate?
        var issuer: String?
        var lines: Set<Int> = []
    }

    static func metadata(_ lines: [PlanLine]) -> Metadata {
        var found = Metadata()
        for line in lines.prefix(120) {
            guard let (label, value) = labelled(line) else { continue }
            switch label {
            case "loai van ban":
                found.documentKind = value
            case "so hieu", "so ky hieu", "so/ky hieu", "so, ky hieu":
                found.number = DocumentNumber.parse(value)
                found.numberLine = line.number
            case "ngay ban hanh", "ngay ky":
                found.issuedOn = VietnameseDate.first(in: value)?.date
            case "co quan ban hanh", "noi ban hanh", "don vi ban hanh":
                found.issuer = value
            default:
                continue
            }
            found.lines.insert(line.number)
        }
        return found
    }

    /// "Số hiệu | 24/KH-UBND" or a table row of two cells.
    private static func labelled(_ line: PlanLine) -> (String, String)? {
        let parts: [String]
        if let cells = line.cells, cells.count >= 2 {
            parts = cells.map { $0.joined(separator: " ") }
        } else if line.text.contains("|"), line.text.count < 200 {
            parts = line.text.split(separator: "|").map { String($0).trimmed() }
        } else if let colon = line.text.firstIndex(of: ":"), line.text.count < 120 {
            parts = [String(line.text[..<colon]), String(line.text[line.text.index(after: colon)...])].map { $0.trimmed() }
        } else {
            return nil
        }
        guard parts.count >= 2, parts[0].count <= 24, !parts[1].isEmpty else { return nil }
        let label = VietnameseFolding.fold(parts[0]).trimmingCharacters(in: .punctuationCharacters)
        return (label, parts[1])
    }
}
