/// Links an imported lower plan's targets and tasks to the upper plan's items they repeat or
/// adapt, by the words they share ("Trên 85% cán bộ ... được tập huấn" in both). A derived plan
/// links its items as it copies them; a plan written elsewhere and imported needs this.
public enum ParentMatcher {
    /// For each child text, the index of the upper text it most likely answers, or nil when no
    /// upper text shares enough of its words: at least four, and most of the shorter text's
    /// (a lower plan often spells out its parent at length). Each upper item may answer several.
    public static func parents(of children: [String], among uppers: [String], threshold: Double = 0.6) -> [Int?] {
        let upperWords = uppers.map(words)
        return children.map { child in
            let childWords = words(child)
            guard !childWords.isEmpty else { return nil }
            var best: (index: Int, score: Double)?
            for (index, candidate) in upperWords.enumerated() where !candidate.isEmpty {
                let shared = childWords.intersection(candidate).count
                let score = Double(shared) / Double(min(childWords.count, candidate.count))
                if shared >= 4, score >= threshold, score > (best?.score ?? 0) { best = (index, score) }
            }
            return best?.index
        }
    }

    /// Folded words of three or more letters, without figures: "trên 85%" and "80% trở lên"
    /// differ in figure, not in what they measure.
    static func words(_ text: String) -> Set<String> {
        Set(VietnameseFolding.fold(text).split { !$0.isLetter }.map(String.init).filter { $0.count >= 2 && !stopWords.contains($0) })
    }

    private static let stopWords: Set<String> = ["va", "cac", "cua", "tren", "duoi", "tro", "len", "it", "nhat", "tu", "den", "dat", "voi", "nam"]
}
