import Fluent
import Foundation
import SQLKit

/// Appends to the audit log, inside the caller's transaction so a change and its record
/// are stored together or not at all. Written with SQLKit: every action writes one entry,
/// and Fluent's model create reflects over the model each time.
enum AuditLog {
    private struct Row: Encodable {
        let at: Date, actorID: Int?, actorName: String, action: String, entityType: String, entityKey: String
        let unitID: Int?, beforeJSON: String?, afterJSON: String?

        enum CodingKeys: String, CodingKey {
            case at, actorID = "actor_id", actorName = "actor_name", action, entityType = "entity_type", entityKey = "entity_key"
            case unitID = "unit_id", beforeJSON = "before_json", afterJSON = "after_json"
        }
    }

    static func record(_ action: String, entityType: String, entityKey: String, unitID: Int?,
                       before: (any Encodable)?, after: (any Encodable)?,
                       by actor: Actor, on db: any Database) async throws {
        let row = Row(at: Date(), actorID: actor.userID, actorName: actor.name, action: action, entityType: entityType,
                      entityKey: entityKey, unitID: unitID, beforeJSON: try before.map(json), afterJSON: try after.map(json))
        try await UnitClosure.sqlDatabase(db).insert(into: AuditEntry.schema).model(row, with: SQLRows.encoder).run()
    }

    private static func json(_ value: any Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
