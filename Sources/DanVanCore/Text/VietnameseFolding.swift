import Foundation

/// Folds Vietnamese text for search: lower case, tone and vowel marks removed, đ → d,
/// runs of whitespace collapsed. "Đảng ủy xã" and "dang uy xa" fold to the same string.
public enum VietnameseFolding {
    public static func fold(_ text: String) -> String {
        let stripped = text
            .replacingOccurrences(of: "đ", with: "d")
            .replacingOccurrences(of: "Đ", with: "d")
            .folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
            .lowercased()
        return stripped.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
