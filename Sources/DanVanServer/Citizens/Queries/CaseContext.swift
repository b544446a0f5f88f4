import DanVanCore
import Fluent

/// A case with its competent unit and, when assigned, the lead unit. Who may see a case: whoever
/// may view the competent unit or the lead unit; never more, and never the sealed identity.
struct CaseContext: Sendable {
    let record: CitizenCase
    let unit: OrgUnit
    let lead: OrgUnit?

    static func load(_ id: Int, on db: any Database) async throws -> CaseContext {
        guard let record = try await CitizenCase.find(id, on: db) else { throw AppError(.notFound, "Không tìm thấy vụ việc #\(id).") }
        guard let unit = try await OrgUnit.find(record.unitID, on: db) else { throw AppError(.notFound, "Không tìm thấy đơn vị của vụ việc.") }
        let lead = try await record.leadUnitID.asyncMap { try await OrgUnit.find($0, on: db) } ?? nil
        return CaseContext(record: record, unit: unit, lead: lead)
    }

    static func visible(_ id: Int, by holder: some AccessHolder, on db: any Database) async throws -> CaseContext {
        let context = try await load(id, on: db)
        if try await Authorizer.allows(holder, .viewUnit, on: context.unit, db: db) { return context }
        if let lead = context.lead, try await Authorizer.allows(holder, .viewUnit, on: lead, db: db) { return context }
        throw AppError.forbidden
    }
}
