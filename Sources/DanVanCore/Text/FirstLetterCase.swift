extension String {
    /// "cán bộ được tập huấn" → "Cán bộ được tập huấn": a phrase taken from mid-sentence, as a name
    /// or the start of a sentence.
    public var sentenceCased: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }

    /// "Công tác dân vận năm 2023" → "công tác dân vận năm 2023": a title set into running text
    /// ("ban hành Kế hoạch công tác dân vận ..."). Only the first letter changes, so a name inside
    /// ("Dân vận khéo") keeps its capitals.
    public var firstLetterLowercased: String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }
}
