import DanVanCore
import Foundation

/// The end of a plan: the "Nơi nhận" list and the signature block.
struct PlanClosing {
    var startIndex: Int?
    var recipients: [String] = []
    var signature: PlanDocument.Signature?

    static let authorityPattern = #"^(T/M|TM\.?|K/T|KT\.?|TL\.?|TUQ\.?|Q\.)\s+\S"#

    static func read(_ lines: [PlanLine], from start: Int, to end: Int) -> PlanClosing {
        var closing = PlanClosing()
        // A table that looks like the appendix can come before the title in a damaged file.
        guard start < end else { return closing }
        guard let nơiNhận = (start..<end).first(where: { lines[$0].text.isShorter(than: 40) && VietnameseFolding.foldPrefix(lines[$0].text).hasPrefix("noi nhan") }) else {
            closing.signature = signature(lines, from: start, to: end)
            return closing
        }
        closing.startIndex = nơiNhận
        var index = nơiNhận + 1
        var lastRecipient = nơiNhận
        while index < end {
            let text = lines[index].text
            if text.rangeOfPattern(authorityPattern) != nil { break }
            if let first = text.first, "-–+•".contains(first) {
                closing.recipients.append(cleanRecipient(text))
                lastRecipient = index
            } else if !text.isEmpty, isSignatureLine(text), index > lastRecipient + 0 {
                break
            }
            index += 1
        }
        closing.signature = signature(lines, from: lastRecipient + 1, to: end)
        return closing
    }

    private static func cleanRecipient(_ text: String) -> String {
        text.trimmed("-–+•,;.")
    }

    private static func isSignatureLine(_ text: String) -> Bool {
        !text.isShorter(than: 3) && text.isShorter(than: 60) && text == text.uppercased()
    }

    /// Authority (T/M, KT., TL. ...), position, name: the first such lines after the recipients.
    static func signature(_ lines: [PlanLine], from start: Int, to end: Int) -> PlanDocument.Signature? {
        let texts = (start..<max(start, end)).map { lines[$0] }.filter { !$0.isTableRow && !$0.text.isEmpty }.map(\.text)
        guard let first = texts.firstIndex(where: { $0.rangeOfPattern(authorityPattern) != nil || isSignatureLine($0) })
        else { return nil }
        var rest = texts[first...].makeIterator()
        var authority: String?
        var position = rest.next()
        if let line = position, line.rangeOfPattern(authorityPattern) != nil {
            authority = line
            position = rest.next()
        }
        if let line = position, !isSignatureLine(line) {
            return PlanDocument.Signature(authority: authority, position: nil, name: line)
        }
        let name = rest.next().flatMap { isSignatureLine($0) || $0.count > 60 ? nil : $0 }
        return PlanDocument.Signature(authority: authority, position: position, name: name)
    }
}
