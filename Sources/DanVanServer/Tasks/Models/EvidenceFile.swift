import Fluent

/// A file attached to a task update, stored under the data folder by a generated name.
final class EvidenceFile: Model, @unchecked Sendable {
    static let schema = "evidence_files"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "update_id") var updateID: Int
    @Field(key: "stored_name") var storedName: String
    @Field(key: "original_name") var originalName: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "size") var size: Int

    init() {}
}
