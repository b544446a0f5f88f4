import DanVanCore
import DanVanDocuments
import Fluent
import Foundation

/// An uploaded plan file waiting for its reviewer to confirm it. Kept in the database so the
/// file crosses a slow link once and any app server can show the review; never a plan until
/// confirmed, and removed then (or when it expires).
final class PlanImportDraft: Model, @unchecked Sendable {
    static let schema = "plan_import_drafts"
    static let lifetime: TimeInterval = 24 * 3600

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "user_id") var userID: Int
    @Field(key: "filename") var filename: String
    @Field(key: "content") var content: Data
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    /// The reading and the lines, as JSON, made once when the file arrived.
    @OptionalField(key: "reading_json") var readingJSON: String?
    @OptionalField(key: "lines_json") var linesJSON: String?

    init() {}

    init(userID: Int, filename: String, content: Data, reading: PlanDocument, lines: [PlanLine]) throws {
        self.userID = userID
        self.filename = filename
        self.content = content
        self.readingJSON = String(decoding: try JSONEncoder().encode(reading), as: UTF8.self)
        self.linesJSON = String(decoding: try JSONEncoder().encode(lines), as: UTF8.self)
    }

    /// What was read from the file, kept with the draft (a draft from before it was kept is read again).
    func read() throws(PlanReadError) -> (reading: PlanDocument, lines: [PlanLine]) {
        if let readingJSON, let linesJSON,
           let reading = try? JSONDecoder().decode(PlanDocument.self, from: Data(readingJSON.utf8)),
           let lines = try? JSONDecoder().decode([PlanLine].self, from: Data(linesJSON.utf8)) {
            return (reading, lines)
        }
        let read = try PlanFileReader.readWithLines(content, filename: filename)
        return (read.document, read.lines)
    }

    var requireID: Int { id ?? 0 }
}
