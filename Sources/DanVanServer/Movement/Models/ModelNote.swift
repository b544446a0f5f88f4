import Fluent
import Foundation

/// Progress on a model (see CreateModelNote).
final class ModelNote: Model, @unchecked Sendable {
    static let schema = "model_notes"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "model_id") var modelID: Int
    @Field(key: "noted_on") var notedOn: String
    @Field(key: "text") var text: String
    @OptionalField(key: "households") var households: Int?
    @OptionalField(key: "road_metres") var roadMetres: Int?
    @OptionalField(key: "trees") var trees: Int?
    @OptionalField(key: "author_id") var authorID: Int?
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// An evidence file of a progress note, stored like a task's evidence.
final class ModelNoteFile: Model, @unchecked Sendable {
    static let schema = "model_note_files"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "note_id") var noteID: Int
    @Field(key: "stored_name") var storedName: String
    @Field(key: "original_name") var originalName: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "size") var size: Int

    init() {}
}
