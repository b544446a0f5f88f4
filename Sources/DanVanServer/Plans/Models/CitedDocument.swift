import Fluent

/// A document that plans cite, identified by its normalized number and year of issue
/// (party numbering restarts each term, so the number alone is not enough).
final class CitedDocument: Model, @unchecked Sendable {
    static let schema = "cited_documents"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "normalized") var normalized: String
    /// 0 when no mention gave a date.
    @Field(key: "issue_year") var issueYear: Int
    @Field(key: "type") var type: String
    @Field(key: "type_name") var typeName: String
    @OptionalField(key: "issued_on") var issuedOn: String?
    @OptionalField(key: "issuer") var issuer: String?
    @OptionalField(key: "subject") var subject: String?
    @Field(key: "first_raw") var firstRaw: String

    init() {}

    var requireID: Int { id ?? 0 }
}

/// A plan citing a document, possibly as its basis ("Thực hiện ...", "Căn cứ ...").
final class PlanCitation: Model, @unchecked Sendable {
    static let schema = "plan_citations"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "plan_id") var planID: Int
    @Field(key: "document_id") var documentID: Int
    @Field(key: "is_basis") var isBasis: Bool
    @Field(key: "raw") var raw: String
    @Field(key: "lines") var lines: String

    init() {}
}
