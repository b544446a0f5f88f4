import DanVanCore
import Fluent
import Foundation

/// A unit's plan for a year, as confirmed after reading its document (or, later, written here).
final class Plan: Model, @unchecked Sendable {
    static let schema = "plans"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "unit_id") var unitID: Int
    @Field(key: "year") var year: Int
    @Field(key: "document_type") var documentType: String
    @OptionalField(key: "number_raw") var numberRaw: String?
    @OptionalField(key: "number_normalized") var numberNormalized: String?
    @Field(key: "subject") var subject: String
    @OptionalField(key: "issued_on") var issuedOn: String?
    @OptionalField(key: "place") var place: String?
    @OptionalField(key: "issuer_text") var issuerText: String?
    @OptionalField(key: "theme") var theme: String?
    @OptionalField(key: "motto") var motto: String?
    @Enum(key: "status") var status: PlanStatus
    @OptionalField(key: "implements_plan_id") var implementsPlanID: Int?
    @Field(key: "recipients_json") var recipientsJSON: String
    @OptionalField(key: "signature_authority") var signatureAuthority: String?
    @OptionalField(key: "signature_position") var signaturePosition: String?
    @OptionalField(key: "signature_name") var signatureName: String?
    @OptionalField(key: "source_name") var sourceName: String?
    @Field(key: "version") var version: Int
    @Field(key: "revision") var revision: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var requireID: Int { id ?? 0 }
}
