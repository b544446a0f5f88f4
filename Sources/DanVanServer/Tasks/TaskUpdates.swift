import DanVanCore
import Fluent
import Foundation
import SQLKit

/// Rows of `task_updates`: a lead unit's progress post or a reminder from above.
enum TaskUpdates {
    private struct Row: Encodable {
        let occurrence_id: Int, kind: String, state: String?, text: String, user_id: Int?, user_name: String, at: Date
    }

    static func insert(_ occurrenceID: Int, kind: String, state: OccurrenceState?, text: String, by actor: Actor,
                       on db: any Database) async throws -> Int {
        let row = Row(occurrence_id: occurrenceID, kind: kind, state: state?.rawValue, text: text, user_id: actor.userID,
                      user_name: actor.displayName, at: Date())
        guard let id = try await UnitClosure.sqlDatabase(db).insert(into: TaskUpdate.schema).model(row, with: SQLRows.encoder)
            .returning("id").first(decodingColumn: "id", as: Int.self) else { throw AppError.internalError("Không lưu được cập nhật.") }
        return id
    }
}
