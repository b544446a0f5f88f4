import DanVanCore
import Foundation

/// The end of a plan: the "Nơi nhận" list and the signature block. Nothing here is guessed from a
/// heading or a title: a signature is an authority line ("T/M BAN THƯỜNG VỤ", "KT. CHÁNH VĂN
/// PHÒNG") or a signer's position ("PHÓ BÍ THƯ", "CHỦ TỊCH") near the end, with the name under it.
struct PlanClosing {
    var startIndex: Int?
    var recipients: [String] = []
    var signature: PlanDocument.Signature?

    static let authorityPattern = #"^(T/M|TM\.?|K/T|KT\.?|TL\.?|TUQ\.?|Q\.)\s+\S"#

    /// How many lines before the end (or before "Nơi nhận") a signature may stand.
    static let tailLength = 6

    static func read(_ lines: [PlanLine], from start: Int, to end: Int) -> PlanClosing {
        var closing = PlanClosing()
        // A table that looks like the appendix can come before the title in a damaged file.
        guard start < end else { return closing }
        guard let nơiNhận = (start..<end).first(where: { lines[$0].text.isShorter(than: 40) && VietnameseFolding.foldPrefix(lines[$0].text).hasPrefix("noi nhan") }) else {
            closing.signature = signature(lines, in: tail(lines, before: end, from: start))
            closing.startIndex = closing.signature.flatMap { _ in signatureStart(lines, in: tail(lines, before: end, from: start)) }
            return closing
        }
        closing.startIndex = nơiNhận
        // Recipients (the left cell) and the signature (the right cell) may come interleaved,
        // as a PDF gives the two cells line by line: bullets are recipients, the rest the signature.
        var signatureLines: [Int] = []
        for index in (nơiNhận + 1)..<end where !lines[index].text.isEmpty && !lines[index].isTableRow {
            let text = lines[index].text
            if let first = text.first, "-–+•".contains(first) {
                closing.recipients.append(cleanRecipient(text))
            } else if !text.hasSuffix(":") {
                signatureLines.append(index)
            }
        }
        closing.signature = signature(lines, in: signatureLines) ?? signature(lines, in: tail(lines, before: nơiNhận, from: start))
        return closing
    }

    /// The indices of the last few text lines before `end`.
    private static func tail(_ lines: [PlanLine], before end: Int, from start: Int) -> [Int] {
        let indices = (start..<end).filter { !lines[$0].isTableRow && !lines[$0].text.isEmpty }
        return Array(indices.suffix(tailLength))
    }

    private static func cleanRecipient(_ text: String) -> String {
        text.trimmed("-–+•,;.")
    }

    /// A short line in capitals with no heading label and no figures: a position, an authority.
    private static func isSignatureLine(_ text: String) -> Bool {
        !text.isShorter(than: 3) && text.isShorter(than: 60) && OfficialNameCasing.isAllCapitals(text)
            && PlanSectionReader.label(text) == nil && !text.contains(where: \.isNumber)
    }

    private static let positionWords = ["bi thu", "chu tich", "truong ban", "giam doc", "chanh van phong", "truong phong", "thu truong",
                                        "uy vien", "chu nhiem", "tong cuc truong", "bo truong", "truong"]

    private static func isPosition(_ text: String) -> Bool {
        guard isSignatureLine(text) else { return false }
        let folded = VietnameseFolding.fold(text)
        return positionWords.contains { folded.hasPrefix($0) || folded.hasPrefix("pho " + $0) || folded.contains(" " + $0) }
    }

    private static func signatureStart(_ lines: [PlanLine], in indices: [Int]) -> Int? {
        indices.first { lines[$0].text.rangeOfPattern(authorityPattern) != nil || isPosition(lines[$0].text) }
    }

    /// Authority (T/M, KT., TL. ...), position, name: from the first authority or position line.
    static func signature(_ lines: [PlanLine], in indices: [Int]) -> PlanDocument.Signature? {
        let texts = indices.map { lines[$0] }.filter { !$0.isTableRow && !$0.text.isEmpty }.map(\.text)
        guard let first = texts.firstIndex(where: { $0.rangeOfPattern(authorityPattern) != nil || isPosition($0) }) else { return nil }
        var rest = texts[first...].makeIterator()
        var authority: String?
        var position = rest.next()
        if let line = position, line.rangeOfPattern(authorityPattern) != nil {
            authority = line
            position = rest.next()
        }
        guard let line = position else { return PlanDocument.Signature(authority: authority, position: nil, name: nil) }
        if !isSignatureLine(line) {
            return isName(line) ? PlanDocument.Signature(authority: authority, position: nil, name: line) : authority.map {
                PlanDocument.Signature(authority: $0, position: nil, name: nil)
            }
        }
        let name = rest.next().flatMap { isName($0) ? $0 : nil }
        return PlanDocument.Signature(authority: authority, position: position, name: name)
    }

    /// "Cao Trang Trọng": a few capitalised words, no label, no figures, no full stop.
    private static func isName(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard (2...6).contains(words.count), !text.contains(where: \.isNumber), !text.hasSuffix("."),
              PlanSectionReader.label(text) == nil else { return false }
        return words.allSatisfy { $0.first?.isUppercase ?? false }
    }
}
