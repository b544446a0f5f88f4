import Foundation

/// Writes a name or a title printed in capitals ("ỦY BAN NHÂN DÂN TỈNH TIỀN GIANG", "THỰC HIỆN
/// CÔNG TÁC DÂN VẬN CHÍNH QUYỀN NĂM 2024 TRÊN ĐỊA BÀN TỈNH LÀO CAI") as running text writes it:
/// common words in lower case, bodies by their conventional capitals ("Ban Dân vận", "Tỉnh ủy"),
/// place names after "tỉnh", "huyện", "xã" … capitalised, acronyms kept.
public enum OfficialNameCasing {
    /// A body's name: "ỦY BAN NHÂN DÂN TỈNH TIỀN GIANG" → "Ủy ban nhân dân tỉnh Tiền Giang".
    public static func name(_ text: String) -> String {
        cased(text, unknownWordsCapitalised: true)
    }

    /// A title: first letter capital, then as running text.
    public static func title(_ text: String) -> String {
        cased(text, unknownWordsCapitalised: false).sentenceCased
    }

    private static func cased(_ text: String, unknownWordsCapitalised: Bool) -> String {
        let words = text.split(whereSeparator: { $0 == " " }).map(String.init)
        var output: [String] = []
        var index = 0
        var properRun = false
        while index < words.count {
            if let (phrase, length) = knownPhrase(words, at: index) {
                output.append(phrase)
                let bare = phrase.trimmingCharacters(in: .punctuationCharacters)
                properRun = placeWords.contains(bare) || committeeWords.contains(bare)
                index += length
                continue
            }
            let word = words[index]
            let bare = word.trimmingCharacters(in: .punctuationCharacters).lowercased()
            if isAcronym(word) {
                output.append(word)
            } else if properRun && !stopWords.contains(bare) && word.first?.isLetter == true {
                output.append(capitalised(word))
            } else if stopWords.contains(bare) || word.first?.isLetter != true {
                properRun = false
                output.append(word.lowercased())
            } else {
                output.append(unknownWordsCapitalised ? capitalised(word) : word.lowercased())
            }
            index += 1
        }
        return output.joined(separator: " ")
    }

    private static func knownPhrase(_ words: [String], at index: Int) -> (String, Int)? {
        for length in stride(from: min(6, words.count - index), through: 1, by: -1) {
            let key = lowered(words[index..<(index + length)].joined(separator: " ").trimmingCharacters(in: .punctuationCharacters))
            if let phrase = phrases[key] {
                let trailing = String(words[index + length - 1].reversed().prefix { $0.isPunctuation }.reversed())
                return (phrase + trailing, length)
            }
        }
        return nil
    }

    /// Lower case with the tone mark placed one way ("uỷ" and "ủy" are the same word).
    static func lowered(_ text: String) -> String {
        var lower = text.lowercased()
        for (old, new) in [("uỷ", "ủy"), ("uý", "úy"), ("oá", "óa"), ("oà", "òa"), ("oạ", "ọa"), ("oả", "ỏa"), ("oã", "õa")] where lower.contains(old) {
            lower = lower.replacingOccurrences(of: old, with: new)
        }
        return lower
    }

    static func capitalised(_ word: String) -> String {
        let lower = word.lowercased()
        guard let first = lower.first else { return lower }
        return first.uppercased() + lower.dropFirst()
    }

    /// "UBND", "HĐND", "MTTQ": capitals without a vowel-bearing syllable shape, kept as written.
    private static func isAcronym(_ word: String) -> Bool {
        let letters = word.filter(\.isLetter)
        guard letters.count >= 2, letters.count <= 8 else { return false }
        return knownAcronyms.contains(letters.uppercased())
    }

    private static let knownAcronyms: Set<String> = [
        "UBND", "HĐND", "MTTQ", "MTTQVN", "UBMTTQ", "UBMTTQVN", "BTV", "BCH", "VP", "CCB", "LHPN", "TNCS", "CT-XH", "CTXH", "BCĐ", "QCDC",
    ]

    /// Words that end a place name ("tỉnh Lào Cai năm 2024"): they are never part of one.
    private static let stopWords: Set<String> = [
        "năm", "giai", "đoạn", "về", "và", "của", "trên", "trong", "theo", "đến", "nhiệm", "kỳ", "với", "tại", "cho", "để", "lần",
        "thứ", "khóa", "khoá", "các", "những", "từ", "sau", "trước", "gắn", "nhằm",
    ]

    private static let placeWords: Set<String> = ["tỉnh", "huyện", "xã", "phường", "thị trấn", "thị xã", "thành phố", "quận", "thôn", "tổ dân phố"]
    private static let committeeWords: Set<String> = ["Tỉnh ủy", "Huyện ủy", "Thành ủy", "Quận ủy", "Thị ủy", "Đảng ủy", "Đảng bộ"]

    /// Folded phrase → as written in running text.
    private static let phrases: [String: String] = {
        let list = [
            "Ủy ban nhân dân", "Hội đồng nhân dân", "Ủy ban Mặt trận Tổ quốc Việt Nam", "Ủy ban Mặt trận Tổ quốc", "Mặt trận Tổ quốc Việt Nam",
            "Mặt trận Tổ quốc", "Ban Thường vụ", "Ban Chấp hành", "Ban Dân vận", "Ban Tuyên giáo", "Ban Tổ chức", "Ban Nội chính",
            "Ban Tuyên giáo và Dân vận", "Ủy ban Kiểm tra", "Văn phòng", "Tỉnh ủy", "Huyện ủy", "Thành ủy", "Quận ủy", "Thị ủy", "Đảng ủy",
            "Đảng bộ", "Chi bộ", "Trung ương", "Việt Nam", "Chính phủ", "Thủ tướng", "Bộ Chính trị", "Ban Bí thư", "Quốc hội",
            "Hội Nông dân", "Hội Liên hiệp Phụ nữ", "Hội Cựu chiến binh", "Liên đoàn Lao động", "Đoàn Thanh niên Cộng sản Hồ Chí Minh",
            "Hồ Chí Minh", "Đảng", "Nhà nước", "Dân vận khéo", "Sở Nội vụ", "Nội vụ", "Ban Chỉ đạo",
            "tỉnh", "huyện", "xã", "phường", "thị trấn", "thị xã", "thành phố", "quận", "thôn", "tổ dân phố",
            "công tác", "dân vận", "chính quyền", "nhân dân", "năm", "giai đoạn", "trên địa bàn", "thực hiện",
        ]
        var table: [String: String] = [:]
        for phrase in list { table[lowered(phrase)] = phrase }
        return table
    }()
}

extension OfficialNameCasing {
    /// At least two letters and none in lower case.
    public static func isAllCapitals(_ text: String) -> Bool {
        var letters = 0
        for character in text where character.isLetter {
            if character.isLowercase { return false }
            letters += 1
        }
        return letters >= 2
    }
}
