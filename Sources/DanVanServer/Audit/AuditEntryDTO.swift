import Foundation
import Vapor

/// An audit entry as the API returns it and the page lists it.
struct AuditEntryDTO: Content {
    let id: Int
    let at: Date
    let atText: String
    let actor: String
    let action: String
    let entityType: String
    let entityKey: String
    let before: String?
    let after: String?

    init(_ entry: AuditEntry) {
        id = entry.id ?? 0
        at = entry.at
        atText = Self.formatter.string(from: entry.at)
        actor = entry.actorName
        action = entry.action
        entityType = entry.entityType
        entityKey = entry.entityKey
        before = entry.beforeJSON
        after = entry.afterJSON
    }

    private static let formatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.dateFormat = "dd/MM/yyyy HH:mm:ss"
        formatter.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")
        return formatter
    }()
}
