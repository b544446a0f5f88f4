import DanVanCore

/// The header table as it arrives flattened: its cells in reading order, left and right column
/// interleaved, separated by "|" lines, blank lines or rules. Each cell is one of: the issuing
/// body (capitals), the national motto, the number, the place and date.
enum HeaderCells {
    enum Kind {
        case body
        case number(DocumentNumber)
        case placeAndDate
        case other
    }

    struct Cell {
        var lines: [String]
        var line: Int
        var kind: Kind = .other
        var text: String { lines.joined(separator: " ") }
    }

    static let placeAndDatePattern = #"^(.+?),\s*ngày\s*[.…\s]*(\d{0,2})[.…\s]*tháng\s*[.…\s]*(\d{0,2})[.…\s]*năm\s*(\d{4})"#

    static func cells(_ raw: [PlanLine], upTo end: Int) -> [Cell] {
        var cells: [Cell] = []
        var current: Cell?
        func flush() {
            if var cell = current {
                cell.kind = kind(of: cell)
                cells.append(cell)
            }
            current = nil
        }
        for line in raw.prefix(max(0, min(end, raw.count))) {
            let text = line.text.trimmed()
            if line.isTableRow || text.isEmpty || LineKind.isCellSeparator(text) || isRule(text) {
                flush()
                continue
            }
            if let cell = current, continues(cell, with: text) {
                current?.lines.append(text)
            } else {
                flush()
                current = Cell(lines: [text], line: line.number)
            }
        }
        flush()
        return cells
    }

    private static func isRule(_ text: String) -> Bool {
        text.allSatisfy { "-_=*–—.".contains($0) || $0 == " " }
    }

    /// Whether a line belongs to the cell above it.
    private static func continues(_ cell: Cell, with text: String) -> Bool {
        let folded = VietnameseFolding.fold(text)
        let first = VietnameseFolding.fold(cell.lines[0])
        if NationalMotto.isPart(first) { return NationalMotto.isPart(folded) }
        if NationalMotto.isPart(folded) || startsNumber(text) || startsPlaceAndDate(text) || PageFurniture.isPageDate(text) { return false }
        if startsPlaceAndDate(cell.lines[0]) { return cell.text.rangeOfPattern(#"năm\s*\d{4}"#) == nil }
        if startsNumber(cell.lines[0]) { return false }
        return OfficialNameCasing.isAllCapitals(cell.lines[cell.lines.count - 1]) && OfficialNameCasing.isAllCapitals(text)
    }

    private static func startsNumber(_ text: String) -> Bool {
        text.rangeOfPattern(#"^(Số|số|SỐ)\b"#) != nil
    }

    private static func startsPlaceAndDate(_ text: String) -> Bool {
        text.count < 80 && text.rangeOfPattern(#"^[^,]{2,40},\s*ngày"#) != nil
    }

    private static func kind(of cell: Cell) -> Kind {
        let text = cell.text
        if startsNumber(text), let number = DocumentNumber.parse(String(text.prefix { $0 != "," }).trimmed()) ?? numberToken(text) {
            return .number(number)
        }
        if text.rangeOfPattern(placeAndDatePattern) != nil { return .placeAndDate }
        let folded = VietnameseFolding.fold(cell.lines[0])
        if NationalMotto.isPart(folded) || PageFurniture.isPageDate(text) { return .other }
        return cell.lines.allSatisfy(OfficialNameCasing.isAllCapitals) && text.count <= 160 ? .body : .other
    }

    /// "Số: 24/KH-UBND V/v ..." : the symbol is the first token after "Số".
    private static func numberToken(_ text: String) -> DocumentNumber? {
        guard let token = text.captures(#"^(?:Số|số|SỐ)\s*:?\s*([^\s,;]*/[^\s,;]+)"#)?.first else { return nil }
        return DocumentNumber.parse(token)
    }
}

/// The issuing body from the left column's lines: "ỦY BAN NHÂN DÂN" / "TỈNH TIỀN GIANG" is one
/// name; "TỈNH ỦY LÀO CAI" / "BAN DÂN VẬN" is a department under its committee ("Ban Dân vận
/// Tỉnh ủy Lào Cai"); "ĐẢNG BỘ TỈNH …" / "ĐẢNG ỦY XÃ …" is the lower body alone.
enum IssuerName {
    static func compose(_ lines: [String]) -> String? {
        var current: String?
        for line in lines.map(OfficialNameCasing.name) {
            guard let above = current else {
                current = line
                continue
            }
            let folded = VietnameseFolding.fold(line)
            // "TỈNH TIỀN GIANG" under "ỦY BAN NHÂN DÂN" continues its name; a line naming a body starts another.
            if !bodyStarts.contains(where: { folded.hasPrefix($0) }) {
                current = above + " " + line
            } else if departmentStarts.contains(where: { folded.hasPrefix($0) }),
                      committeeStarts.contains(where: { VietnameseFolding.fold(above).hasPrefix($0) }) {
                current = line + " " + above
            } else {
                current = line
            }
        }
        return current
    }

    private static let departmentStarts = ["ban ", "van phong", "uy ban kiem tra"]
    private static let committeeStarts = ["tinh uy", "huyen uy", "thanh uy", "quan uy", "thi uy", "dang uy", "uy ban nhan dan", "ubnd",
                                          "hoi dong nhan dan", "hdnd"]
    private static let bodyStarts = departmentStarts + committeeStarts + ["so ", "phong ", "chi bo", "dang bo", "hoi ", "lien doan",
                                                                         "doan ", "uy ban mat tran", "mat tran", "truong ", "trung tam"]
}
