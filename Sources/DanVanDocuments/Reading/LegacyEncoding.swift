import Foundation

/// Recognises Vietnamese typed in the pre-Unicode encodings still found in old files: TCVN3
/// (ABC) and VNI. Their bytes decode as Latin-1 look-alikes ("KÕ ho¹ch", "Keá hoaïch"),
/// with almost none of Unicode's Vietnamese letters.
enum LegacyEncoding {
    private static let tcvn3Marks: Set<Character> = ["¸", "µ", "¶", "·", "¹", "¨", "©", "ª", "«", "®", "Õ", "Ö", "×", "Ø", "ã", "å", "æ", "ç", "è", "ë", "ì", "î", "ï", "ñ", "ò", "ó", "ô", "õ", "ö", "ø", "ù", "ú", "û", "ü", "ý", "þ", "¬", "§", "¦", "¥", "¤", "£", "¢", "¡"]
    private static let vniPairs = ["aø", "aù", "aû", "aõ", "aï", "eá", "eà", "oâ", "oå", "aâ", "aê", "ñ", "öô", "öø", "öï", "Ñ", "ieá", "oaï", "öô"]

    private static let vietnameseLetters = Set("ăâđêôơưĂÂĐÊÔƠƯ".unicodeScalars)

    static func looksLegacy(_ text: String) -> Bool {
        var letters = 0, vietnamese = 0
        for scalar in text.unicodeScalars where scalar.value > 0x7F {
            letters += 1
            if (0x1EA0...0x1EF9).contains(scalar.value) || vietnameseLetters.contains(scalar) { vietnamese += 1 }
        }
        // Ordinary Unicode Vietnamese: most non-ASCII letters are Vietnamese ones.
        guard letters >= 8, vietnamese * 4 < letters else { return false }
        let tcvn = text.filter { tcvn3Marks.contains($0) }.count
        let vni = vniPairs.reduce(0) { $0 + text.components(separatedBy: $1).count - 1 }
        return tcvn * 3 >= letters || vni * 3 >= letters / 2
    }

    static func looksLegacy(_ data: Data) -> Bool {
        String(data: data, encoding: .isoLatin1).map(looksLegacy) ?? false
    }
}
