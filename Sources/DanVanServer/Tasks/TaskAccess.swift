import DanVanCore
import Fluent

/// Who sees a task and who opens its evidence. A task is seen by whoever reads its plan or sees
/// its lead unit; its evidence by `EvidenceReadership` only.
enum TaskAccess {
    static func requireView(_ context: TaskContext, by holder: some AccessHolder, on db: any Database) async throws {
        if try await PlanAccess.mayRead(context.plan, by: holder, on: db) { return }
        if let lead = context.lead, try await Authorizer.allows(holder, .viewUnit, on: lead, db: db) { return }
        throw AppError.forbidden
    }

    static func mayReadEvidence(_ context: TaskContext, by holder: some AccessHolder, on db: any Database) async throws -> Bool {
        let lead = try await context.lead.asyncMap { try await Authorizer.relation(of: holder, to: $0.requireID, on: db) }
        var coordinates = false
        if let own = holder.accessUnitID {
            coordinates = try await UnitClosure.sqlDatabase(db).select().column("unit_id").from("task_coordinators")
                .where("task_id", .equal, context.task.requireID).where("unit_id", .equal, own).first() != nil
        }
        return EvidenceReadership.mayRead(holder.accessRole, lead: lead, coordinates: coordinates)
    }

    static func requireEvidence(_ context: TaskContext, by holder: some AccessHolder, on db: any Database) async throws {
        guard try await mayReadEvidence(context, by: holder, on: db) else { throw AppError.forbidden }
    }
}
