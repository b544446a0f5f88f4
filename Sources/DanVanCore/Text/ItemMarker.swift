/// The markers that open a list item: "- ", "– ", "+ ", "• ", "1.", "1.2.". Read by hand rather
/// than with a pattern: every body line of a plan passes through here.
public enum ItemMarker {
    public enum Numbering: Sendable {
        /// "1.", "1.2." (one or two digits a part, final dot required): a numbered paragraph.
        case dotted
        /// "1", "12.3", "1.2." (any digits, final dot optional): a marker before an assignment.
        case loose
        /// No number is a marker; only bullets are.
        case none
    }

    /// The text without its leading marker and the spaces after it; unchanged when it has none.
    public static func strip(_ text: String, numbering: Numbering = .dotted) -> String {
        let scalars = text.unicodeScalars
        var cursor = scalars.startIndex
        skipSpaces(scalars, &cursor)
        guard cursor < scalars.endIndex else { return text }
        if bullets.contains(scalars[cursor]) {
            scalars.formIndex(after: &cursor)
        } else if let end = numberEnd(scalars, from: cursor, numbering) {
            cursor = end
        } else {
            return text
        }
        skipSpaces(scalars, &cursor)
        return String(scalars[cursor...])
    }

    /// The bullet characters: hyphen, en dash, plus, bullet.
    public static let bullets: Set<Unicode.Scalar> = ["-", "\u{2013}", "+", "\u{2022}"]

    /// Where a leading number ends: after its final dot ("1.", "1.2."), or for `.loose`
    /// numbering also after its last digit ("1", "1.2").
    private static func numberEnd(_ scalars: String.UnicodeScalarView, from start: String.Index, _ numbering: Numbering) -> String.Index? {
        guard numbering != .none else { return nil }
        var cursor = start
        var afterDot: String.Index?
        while true {
            let groupStart = cursor
            while cursor < scalars.endIndex, isDigit(scalars[cursor]) { scalars.formIndex(after: &cursor) }
            let digits = scalars.distance(from: groupStart, to: cursor)
            if digits == 0 { return afterDot }
            if numbering == .dotted, digits > 2 { return nil }
            guard cursor < scalars.endIndex, scalars[cursor] == "." else { return numbering == .loose ? cursor : nil }
            scalars.formIndex(after: &cursor)
            afterDot = cursor
        }
    }

    private static func skipSpaces(_ scalars: String.UnicodeScalarView, _ cursor: inout String.Index) {
        while cursor < scalars.endIndex, scalars[cursor].isFastWhitespace { scalars.formIndex(after: &cursor) }
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x30 && scalar.value <= 0x39
    }
}
