import DanVanCore
import Fluent
import Foundation
import SQLKit

/// A unit registering a model for a year, and changing it while the level above has not yet
/// accepted it (a returned one goes back to waiting when changed). Within the campaign's window
/// it is in time; after it, late and marked; once the evaluation has started, refused.
enum ModelRegistering {
    struct Links: Codable, Sendable {
        var planTaskID: Int?
        var planTargetID: Int?
    }

    static func register(_ registration: ModelRegistration, unitCode: String, year: Int, links: Links = .init(), today: CivilDate,
                         by actor: Actor, on db: any Database) async throws -> MovementModel {
        let unit = try await UnitQueries.require(code: unitCode, on: db)
        try await Authorizer.require(actor, .registerModel, on: unit, db: db,
                                     message: "Bạn không được đăng ký mô hình cho đơn vị này.")
        if let id = links.planTaskID, try await PlanTaskRecord.find(id, on: db) == nil {
            throw AppError.invalid("planTaskID", "Không có nhiệm vụ số \(id) trong các kế hoạch.")
        }
        if let id = links.planTargetID, try await PlanTargetRecord.find(id, on: db) == nil {
            throw AppError.invalid("planTargetID", "Không có chỉ tiêu số \(id) trong các kế hoạch.")
        }
        return try await db.writeTransaction { tx in
            let model = try await prepare(registration, unit: unit, year: year, today: today, on: tx)
            model.planTaskID = links.planTaskID
            model.planTargetID = links.planTargetID
            model.registeredBy = actor.userID
            try await insert(model, by: actor, action: "model.register", on: tx)
            return model
        }
    }

    /// A new row checked against the governing campaign (its fields, kinds and windows); not saved.
    static func prepare(_ registration: ModelRegistration, unit: OrgUnit, year: Int, today: CivilDate,
                        on db: any Database) async throws -> MovementModel {
        guard (2000...2100).contains(year) else { throw AppError.invalid("year", "Năm đăng ký phải từ 2000 đến 2100.") }
        guard unit.isActive(on: today) else {
            throw AppError.invalid("unit", "\(unit.name) không còn hoạt động ngày \(today.vietnamese); đơn vị kế thừa đăng ký mô hình.")
        }
        let campaign = try await ModelCampaigns.governing(unitID: unit.requireID, year: year, on: db)
        let clean = try registration.validated(fields: campaign?.fields ?? []).mapError(AppError.validation).get()
        if let campaign, !campaign.kinds.isEmpty, !campaign.kinds.contains(clean.modelKind) {
            throw AppError.invalid("kind", "Phong trào năm \(year) không đăng ký loại \"\(clean.modelKind.label)\".")
        }
        var late = false
        if let campaign, let ends = campaign.registrationEnds, let evaluation = campaign.evaluationStarts {
            switch RegistrationTiming.of(today, registrationEnds: ends, evaluationStarts: evaluation) {
            case .inTime: late = false
            case .late: late = true
            case .closed:
                throw AppError(.unprocessableEntity, "Đã hết hạn đăng ký mô hình năm \(year): hạn \(ends.vietnamese), việc đánh giá bắt đầu từ \(evaluation.vietnamese).",
                               field: "year")
            }
        }
        let model = MovementModel()
        model.unitID = unit.requireID
        model.year = year
        model.campaignID = campaign?.id
        model.apply(clean)
        model.status = ModelStatus.registered.rawValue
        model.late = late
        model.selfAssessment = ""
        model.criteriaMet = ""
        model.evaluationNote = ""
        model.registeredOn = today.description
        model.version = 1
        model.updatedAt = Date()
        return model
    }

    static func insert(_ model: MovementModel, by actor: Actor, action: String, on tx: any Database) async throws {
        try await requireUniqueName(model, on: tx)
        try await model.create(on: tx)
        try await AuditLog.record(action, entityType: "model", entityKey: "#\(model.requireID)", unitID: model.unitID, before: nil,
                                  after: ["name": model.name, "year": "\(model.year)", "kind": model.kind, "field": model.field,
                                          "late": model.late ? "1" : "0"], by: actor, on: tx)
        try await ReportGeneration.bump(on: tx)
    }

    static func requireUniqueName(_ model: MovementModel, on db: any Database) async throws {
        var query = MovementModel.query(on: db).filter(\.$unitID == model.unitID).filter(\.$year == model.year).filter(\.$nameKey == model.nameKey)
        if let id = model.id { query = query.filter(\.$id != id) }
        if try await query.first() != nil {
            throw AppError(.unprocessableEntity, "Đơn vị đã đăng ký mô hình \"\(model.name)\" năm \(model.year); hãy đặt tên khác.", field: "name")
        }
    }

    /// Changes the registration; only while it waits for the level above or was returned.
    static func change(_ modelID: Int, to registration: ModelRegistration, version: Int, by actor: Actor,
                       on db: any Database) async throws -> MovementModel {
        let context = try await ModelContext.load(modelID, on: db)
        try await Authorizer.require(actor, .registerModel, on: context.unit, db: db, message: "Bạn không được sửa mô hình của đơn vị này.")
        let model = context.model
        guard model.modelStatus.isEditable else {
            throw AppError(.conflict, "Mô hình đã được cấp trên \(model.modelStatus.label.lowercased()); không sửa được đăng ký.", field: "status")
        }
        let campaign = try await model.campaignID.asyncMap { try await ModelCampaign.find($0, on: db) } ?? nil
        let clean = try registration.validated(fields: campaign?.fields ?? []).mapError(AppError.validation).get()
        let before = model.registration
        return try await db.writeTransaction { tx in
            model.apply(clean)
            try await requireUniqueName(model, on: tx)
            var columns = registrationColumns(model)
            columns["status"] = ModelStatus.registered.rawValue
            try await writeVersioned(model, expected: version, columns: columns, on: tx)
            try await AuditLog.record("model.update", entityType: "model", entityKey: "#\(modelID)", unitID: model.unitID,
                                      before: ["name": before.name, "field": before.field, "status": context.model.status],
                                      after: ["name": clean.name, "field": clean.field, "status": ModelStatus.registered.rawValue], by: actor, on: tx)
            try await ReportGeneration.bump(on: tx)
            return try await ModelContext.load(modelID, on: tx).model
        }
    }

    /// The registration's columns (the form's item keys are the column names).
    static func registrationColumns(_ model: MovementModel) -> [String: String?] {
        let registration = model.registration
        var columns: [String: String?] = ["name": registration.name, "name_key": model.nameKey, "field": registration.field,
                                          "subtheme": registration.subtheme, "kind": registration.kind, "person_name": registration.personName,
                                          "person_position": registration.personPosition, "person_unit": registration.personUnit]
        for item in ModelRegistration.items { columns[item.key] = registration[keyPath: item.path] }
        return columns
    }

    /// Writes `columns` only if nobody changed the model since it was read at `expected`:
    /// otherwise 409 and nothing written.
    static func writeVersioned(_ model: MovementModel, expected: Int, columns: [String: String?], on tx: any Database) async throws {
        var update = try UnitClosure.sqlDatabase(tx).update(MovementModel.schema)
        for (column, value) in columns { update = update.set(column, to: value) }
        let rows = try await update.set("version", to: SQLRaw("version + 1")).set("updated_at", to: Date())
            .where("id", .equal, model.requireID).where("version", .equal, expected).returning("id").all()
        guard !rows.isEmpty else {
            throw AppError(.conflict, "Mô hình vừa được người khác sửa hoặc xử lý; không có gì bị ghi đè. Hãy mở lại trang.", field: "version")
        }
    }
}
