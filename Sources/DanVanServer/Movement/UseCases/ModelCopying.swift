import DanVanCore
import Fluent
import Foundation

/// New registrations made from existing models: last year's model carried into a new year
/// with its history (the chain of `carried_from_id`), and a recognised model of another unit
/// replicated ("nhân rộng"): the copy counts for the copying unit, and the source shows it.
enum ModelCopying {
    /// A model of a unit ended by the reform is carried into its successor.
    static func carryOver(_ modelID: Int, toYear year: Int, today: CivilDate, by actor: Actor, on db: any Database) async throws -> MovementModel {
        let context = try await ModelContext.load(modelID, on: db)
        let unit = try await carryingUnit(context.unit, today: today, on: db)
        try await Authorizer.require(actor, .registerModel, on: unit, db: db, message: "Bạn không được đăng ký mô hình cho đơn vị này.")
        guard year > context.model.year else {
            throw AppError.invalid("year", "Chỉ chuyển mô hình năm \(context.model.year) sang một năm sau đó.")
        }
        guard context.model.modelStatus.mayBeCarried else {
            throw AppError.invalid("status", "Chỉ tiếp tục sang năm sau mô hình đã được cấp trên chấp nhận; \"\(context.model.name)\" đang \(context.model.modelStatus.label.lowercased()).")
        }
        return try await db.writeTransaction { tx in
            if try await MovementModel.query(on: tx).filter(\.$carriedFromID == modelID).first() != nil {
                throw AppError(.conflict, "Mô hình \"\(context.model.name)\" đã được chuyển sang năm sau.", field: "year")
            }
            let copy = try await ModelRegistering.prepare(context.model.registration, unit: unit, year: year, today: today, on: tx)
            copy.carriedFromID = modelID
            copy.replicatedFromID = context.model.replicatedFromID
            copy.planTaskID = nil
            copy.registeredBy = actor.userID
            try await ModelRegistering.insert(copy, by: actor, action: "model.carry", on: tx)
            return copy
        }
    }

    static func carryingUnit(_ unit: OrgUnit, today: CivilDate, on db: any Database) async throws -> OrgUnit {
        if unit.isActive(on: today) { return unit }
        guard let link = try await UnitSuccessor.query(on: db).filter(\.$unitID == unit.requireID).sort(\.$id).first(),
              let successor = try await OrgUnit.find(link.successorID, on: db), successor.isActive(on: today) else {
            throw AppError.invalid("unit", "\(unit.name) đã kết thúc hoạt động và không có đơn vị kế thừa; hãy đăng ký mô hình mới.")
        }
        return successor
    }

    static func replicate(_ sourceID: Int, intoUnit unitCode: String, year: Int, today: CivilDate, by actor: Actor,
                          on db: any Database) async throws -> MovementModel {
        let unit = try await UnitQueries.require(code: unitCode, on: db)
        try await Authorizer.require(actor, .registerModel, on: unit, db: db, message: "Bạn không được đăng ký mô hình cho đơn vị này.")
        guard let source = try? await ModelContext.load(sourceID, on: db), try await source.mayView(by: actor, on: db) else {
            throw AppError(.unprocessableEntity, "Không tìm thấy mô hình nguồn số \(sourceID) trong các mô hình bạn được xem.", field: "source")
        }
        guard source.model.modelStatus.mayBeReplicated else {
            throw AppError.invalid("source", "Chỉ nhân rộng mô hình đã được công nhận; \"\(source.model.name)\" đang ở trạng thái \"\(source.model.modelStatus.label)\".")
        }
        guard source.unit.id != unit.id else { throw AppError.invalid("unit", "Mô hình đã là của \(unit.name); hãy chuyển sang năm sau thay vì nhân rộng.") }
        return try await db.writeTransaction { tx in
            let copy = try await ModelRegistering.prepare(source.model.registration, unit: unit, year: year, today: today, on: tx)
            copy.replicatedFromID = sourceID
            copy.registeredBy = actor.userID
            try await ModelRegistering.insert(copy, by: actor, action: "model.replicate", on: tx)
            return copy
        }
    }
}
