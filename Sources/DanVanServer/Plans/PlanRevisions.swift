import DanVanCore
import Fluent
import Foundation
import SQLKit

/// An issued plan's targets and tasks as they were before a change, kept as JSON, and the
/// differences between a kept revision and the plan now.
enum PlanRevisions {
    struct Content: Codable, Equatable {
        struct Item: Codable, Equatable {
            let id: Int
            let text: String
            let detail: String
        }
        var targets: [Item]
        var tasks: [Item]
    }

    struct Change: Encodable {
        let kind: String
        let before: String
        let after: String
    }

    static func content(of planID: Int, on db: any Database) async throws -> Content {
        let targets = try await PlanTargetRecord.query(on: db).filter(\.$planID == planID).sort(\.$position).all()
        let tasks = try await PlanTaskRecord.query(on: db).filter(\.$planID == planID).sort(\.$position).all()
        let codes = try await UnitQueries.codes(for: tasks.compactMap(\.leadUnitID), on: db)
        return Content(
            targets: targets.map { .init(id: $0.requireID, text: $0.text, detail: $0.threshold.phrase) },
            tasks: tasks.map { .init(id: $0.requireID, text: $0.text, detail: "\($0.timingRaw) · \($0.leadUnitID.flatMap { codes[$0] } ?? "chưa giao")") })
    }

    static func keep(_ plan: Plan, by actor: Actor, on db: any Database) async throws {
        let json = String(decoding: try JSONEncoder().encode(try await content(of: plan.requireID, on: db)), as: UTF8.self)
        struct Row: Encodable { let plan_id: Int; let revision: Int; let content_json: String; let user_name: String; let at: Date }
        try await SQLRows.insert([Row(plan_id: plan.requireID, revision: plan.revision, content_json: json, user_name: actor.name, at: Date())],
                                 into: "plan_revisions", on: try UnitClosure.sqlDatabase(db))
    }

    /// What differs between a kept revision and the plan now, item by item.
    static func changes(from old: Content, to new: Content) -> [Change] {
        func compare(_ kind: String, _ before: [Content.Item], _ after: [Content.Item]) -> [Change] {
            let now = Dictionary(after.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            var changes = before.compactMap { item -> Change? in
                guard let current = now[item.id] else { return Change(kind: kind, before: "\(item.text) (\(item.detail))", after: "(đã bỏ)") }
                guard current != item else { return nil }
                return Change(kind: kind, before: "\(item.text) (\(item.detail))", after: "\(current.text) (\(current.detail))")
            }
            let old = Set(before.map(\.id))
            changes += after.filter { !old.contains($0.id) }.map { Change(kind: kind, before: "(chưa có)", after: "\($0.text) (\($0.detail))") }
            return changes
        }
        return compare("Chỉ tiêu", old.targets, new.targets) + compare("Nhiệm vụ", old.tasks, new.tasks)
    }
}
