/// Text a person types into a field, as DanVan keeps it: control characters (NUL, escape
/// sequences, the rest of C0 and C1) taken out, line breaks kept where a field has lines,
/// surrounding blanks trimmed, and a length limit named in the refusal. Every free-text field
/// of every use case goes through here, so nothing raw reaches the database, a page or a terminal.
public enum FreeText {
    /// The limits, in characters, by kind of field.
    public enum Limit {
        public static let name = 300
        public static let line = 1_000
        public static let paragraph = 4_000
        public static let document = 20_000
    }

    public static func clean(_ text: String, field: String, label: String, limit: Int, multiline: Bool = false,
                             required: Bool = false) -> Result<String, ValidationIssue> {
        let kept = String(String.UnicodeScalarView(text.unicodeScalars.filter { scalar in
            if multiline, scalar == "\n" || scalar == "\t" { return true }
            if scalar == "\r" { return false }
            return !isControl(scalar)
        }))
        let cleaned = multiline ? kept.trimmingCharacters(in: .whitespacesAndNewlines)
            : kept.replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces)
        if required, cleaned.isEmpty {
            return .failure(ValidationIssue(field: field, message: "\(label) là bắt buộc."))
        }
        guard cleaned.count <= limit else {
            return .failure(ValidationIssue(field: field, message: "\(label) dài \(cleaned.count) ký tự, tối đa \(limit)."))
        }
        return .success(cleaned)
    }

    /// C0, DEL and C1 controls, and the line and paragraph separators.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    /// Text for a terminal or a log line: controls shown as `\u{…}` so they cannot move the cursor.
    public static func printable(_ text: String) -> String {
        text.unicodeScalars.map { isControl($0) ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined()
    }
}
