/// Finds the unit a plan's task names as lead or coordinator ("Ban Dân vận Huyện ủy",
/// "Hội Cựu chiến binh huyện", "Huyện đoàn", "MTTQ và các đoàn thể huyện") among the units of
/// the plan's place. Names are folded, abbreviations and short forms spelled out, and the
/// place ("Tam Đường") and the level word ("huyện") dropped before comparing.
public enum UnitNameMatcher {
    public struct Candidate: Sendable {
        public let id: Int
        public let name: String

        public init(id: Int, name: String) {
            self.id = id
            self.name = name
        }
    }

    private static let abbreviations = ["ubnd": "uy ban nhan dan", "hdnd": "hoi dong nhan dan", "mttq": "mat tran to quoc",
                                        "btv": "ban thuong vu", "lhpn": "lien hiep phu nu", "ccb": "cuu chien binh",
                                        "ldld": "lien doan lao dong", "vp": "van phong", "ubmttq": "uy ban mat tran to quoc",
                                        "bch": "ban chap hanh", "ubkt": "uy ban kiem tra"]
    private static let shortForms = ["huyen doan": "doan thanh nien cong san ho chi minh", "tinh doan": "doan thanh nien cong san ho chi minh",
                                     "doan thanh nien": "doan thanh nien cong san ho chi minh",
                                     "hoi phu nu": "hoi lien hiep phu nu", "mat tran": "mat tran to quoc"]
    private static let levelWords: Set<String> = ["huyen", "xa", "tinh", "thi xa", "thanh pho", "phuong", "thi tran"]

    /// The one candidate the name means, or nil when none or several fit. "A và B" (a body and
    /// the others with it) means A.
    public static func match(_ name: String, among candidates: [Candidate], place: String) -> Int? {
        let placeWords = normalize(place)
        let wanted = strip(normalize(firstBody(name)), place: placeWords)
        guard !wanted.isEmpty else { return nil }
        let named = candidates.map { ($0.id, strip(normalize($0.name), place: placeWords)) }
        let exact = named.filter { $0.1 == wanted }
        if exact.count == 1 { return exact[0].0 }
        let containing = named.filter { " \($0.1) ".contains(" \(wanted) ") }
        return containing.count == 1 ? containing[0].0 : nil
    }

    private static func firstBody(_ name: String) -> String {
        String(name.splitLiteral(" và ").first ?? name)
    }

    static func normalize(_ text: String) -> String {
        var folded = VietnameseFolding.fold(text).filter { $0.isLetter || $0.isNumber || $0 == " " }
        folded = folded.split(separator: " ").map { abbreviations[String($0)] ?? String($0) }.joined(separator: " ")
        for (short, full) in shortForms where folded.hasPrefix(short) && !folded.hasPrefix(full) {
            folded = full + folded.dropFirst(short.count)
        }
        return folded
    }

    /// Without the place's words at the end and a trailing level word.
    private static func strip(_ name: String, place: String) -> String {
        var words = name.split(separator: " ").map(String.init)
        let placeWords = place.split(separator: " ").map(String.init)
        if !placeWords.isEmpty, words.count > placeWords.count, Array(words.suffix(placeWords.count)) == placeWords {
            words.removeLast(placeWords.count)
        }
        while let last = words.last, levelWords.contains(last) { words.removeLast() }
        if words.count >= 2, levelWords.contains(words.suffix(2).joined(separator: " ")) { words.removeLast(2) }
        return words.joined(separator: " ")
    }
}
