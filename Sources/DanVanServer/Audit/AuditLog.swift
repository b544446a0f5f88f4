import Fluent
import Foundation

/// Appends to the audit log, inside the caller's transaction so a change and its record
/// are stored together or not at all.
enum AuditLog {
    static func record(_ action: String, entityType: String, entityKey: String, unitID: Int?,
                       before: (any Encodable)?, after: (any Encodable)?,
                       by actor: AuditActor, on db: any Database) async throws {
        let entry = AuditEntry()
        entry.at = Date()
        entry.actorID = actor.userID
        entry.actorName = actor.name
        entry.action = action
        entry.entityType = entityType
        entry.entityKey = entityKey
        entry.unitID = unitID
        entry.beforeJSON = try before.map(json)
        entry.afterJSON = try after.map(json)
        try await entry.create(on: db)
    }

    private static func json(_ value: any Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
