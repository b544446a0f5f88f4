/// One thing wrong with a user's input: which field (and, for files, which line) and why,
/// in Vietnamese, ready to show beside the field.
public struct ValidationIssue: Error, Hashable, Sendable, Codable, CustomStringConvertible {
    public let field: String
    public let message: String
    public let line: Int?

    public init(field: String, message: String, line: Int? = nil) {
        self.field = field
        self.message = message
        self.line = line
    }

    public var description: String {
        if let line { return "Dòng \(line), cột \(field): \(message)" }
        return message
    }
}

/// Several issues found at once, so the user can fix them all in one go.
public struct ValidationFailure: Error, Sendable {
    public let issues: [ValidationIssue]

    public init(_ issues: [ValidationIssue]) {
        self.issues = issues
    }

    /// The issues as sentences: "Dòng 3, cột unit: …. Dòng 4, cột period: …."
    public var summary: String {
        issues.map(\.description).map { $0.hasSuffix(".") || $0.hasSuffix("?") ? $0 : $0 + "." }.joined(separator: " ")
    }
}
