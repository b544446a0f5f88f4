/// One mention of a document in running text: "Chỉ thị số 33/CT-TTg, ngày 26/11/2021 của
/// Thủ tướng Chính phủ về ...".
public struct CitationMention: Equatable, Sendable {
    public let raw: String
    public let number: DocumentNumber
    public let typeName: String
    public let issuedOn: CivilDate?
    public let issuer: String?
    public let subject: String?
    public let line: Int
}

/// A cited document: every mention of the same document (same normalized number and year of
/// issue) gathered, with the first spelling kept.
public struct CitedDocument: Equatable, Sendable, Codable {
    public let raw: String
    public let type: String
    public let typeName: String
    public let normalized: String
    public let issuedOn: CivilDate?
    public let issuer: String?
    public let subject: String?
    public var occurrences: [Int]
    /// Every way the number was written, first spelling first.
    public var spellings: [String]
}
