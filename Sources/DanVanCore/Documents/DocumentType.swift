/// The kinds of official document, by the abbreviation used in their numbers.
public struct DocumentType: Hashable, Sendable {
    public let abbreviation: String
    public let name: String

    public init(abbreviation: String, name: String) {
        self.abbreviation = abbreviation
        self.name = name
    }

    /// Abbreviation → name. "QĐi" is the party's quy định, "QyĐ" the state's; "TT" is a party
    /// thông tri or a state thông tư, told apart by the numbering style.
    public static let known: [String: String] = [
        "NQ": "Nghị quyết", "CT": "Chỉ thị", "KL": "Kết luận", "QĐ": "Quyết định", "QĐi": "Quy định",
        "QyĐ": "Quy định", "QC": "Quy chế", "KH": "Kế hoạch", "CTr": "Chương trình", "HD": "Hướng dẫn",
        "TB": "Thông báo", "BC": "Báo cáo", "ĐA": "Đề án", "CV": "Công văn", "TT": "Thông tri",
        "TTr": "Tờ trình", "PL": "Pháp lệnh", "NĐ": "Nghị định", "QH": "Luật", "L": "Luật",
    ]

    /// Full names as written in running text, longest first so "Quy chế" wins over "Quy".
    public static let byName: [(name: String, abbreviation: String)] = [
        ("Chương trình", "CTr"), ("Nghị quyết", "NQ"), ("Nghị định", "NĐ"), ("Quyết định", "QĐ"),
        ("Kế hoạch", "KH"), ("Chỉ thị", "CT"), ("Kết luận", "KL"), ("Quy định", "QĐi"), ("Quy chế", "QC"),
        ("Hướng dẫn", "HD"), ("Thông báo", "TB"), ("Báo cáo", "BC"), ("Đề án", "ĐA"), ("Công văn", "CV"),
        ("Thông tri", "TT"), ("Thông tư", "TT"), ("Tờ trình", "TTr"), ("Pháp lệnh", "PL"),
    ]

    /// A stored plan's kind as its title and running text name it: "Kế hoạch", "Chương trình".
    public static func planName(_ abbreviation: String) -> String {
        named(abbreviation)?.name ?? "Kế hoạch"
    }

    public static func named(_ abbreviation: String) -> DocumentType? {
        let canonical = canonicalAbbreviation(abbreviation)
        guard let name = known[canonical] else { return nil }
        return DocumentType(abbreviation: canonical, name: name)
    }

    /// "Qđ" → "QĐ", "CTR" → "CTr": spellings vary in case; the table's spelling is kept.
    public static func canonicalAbbreviation(_ text: String) -> String {
        if known[text] != nil { return text }
        let upper = text.uppercased()
        return known.keys.first { $0.uppercased() == upper } ?? text
    }
}
