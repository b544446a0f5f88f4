import DanVanCore
import Fluent
import Foundation
import SQLKit

/// A board's recommendation, recorded by its commune and followed to closure: the unit it is
/// addressed to answers; the commune accepts the answer, returns it, or closes it with a reason.
/// Version-checked; one transaction with its audit line.
enum RecommendationActing {
    struct NewInput: Codable, Sendable, Equatable {
        var boardID = ""
        var unitCode = ""
        var text = ""
        var madeOn = ""
        var dueOn = ""

        init() {}

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            (boardID, unitCode, self.text, madeOn, dueOn) = (c.lenientText(.boardID), c.lenientText(.unitCode), c.lenientText(.text), c.lenientText(.madeOn), c.lenientText(.dueOn))
        }
    }

    static func create(_ input: NewInput, today: CivilDate, by actor: Actor, on db: any Database) async throws -> BoardRecommendation {
        guard let boardID = Int(input.boardID), let board = try await OversightBoard.find(boardID, on: db) else {
            throw AppError(.unprocessableEntity, "Chọn ban giám sát đưa ra kiến nghị.", field: "boardID")
        }
        let commune = try await board.commune(on: db)
        try await Authorizer.require(actor, .publishToPeople, on: commune, db: db, message: "Bạn không được ghi kiến nghị của ban giám sát này.")
        var issues: [ValidationIssue] = []
        let addressed = try await UnitQueries.find(code: input.unitCode.trimmingCharacters(in: .whitespaces), on: db)
        if addressed == nil {
            issues.append(ValidationIssue(field: "unitCode", message: input.unitCode.isEmpty ? "Chọn đơn vị được kiến nghị."
                                          : "Không có đơn vị mã \"\(FreeText.printable(String(input.unitCode.prefix(40))))\"."))
        }
        let text = FreeText.clean(input.text, field: "text", label: "Nội dung kiến nghị", limit: FreeText.Limit.paragraph, multiline: true, required: true)
            .value(collecting: &issues) ?? ""
        let made = input.madeOn.isEmpty ? today : DateField.parse(input.madeOn, field: "madeOn", label: "Ngày kiến nghị", required: true, into: &issues)
        let due = DateField.parse(input.dueOn, field: "dueOn", label: "Thời hạn trả lời", required: true, into: &issues)
        if let made, made > today { issues.append(ValidationIssue(field: "madeOn", message: "Ngày kiến nghị \(made.vietnamese) sau hôm nay.")) }
        if let made, let due, due < made { issues.append(ValidationIssue(field: "dueOn", message: "Thời hạn \(due.vietnamese) trước ngày kiến nghị \(made.vietnamese).")) }
        guard issues.isEmpty, let addressed, let made, let due else { throw AppError.validation(ValidationFailure(issues)) }
        return try await db.writeTransaction { tx in
            let record = BoardRecommendation()
            record.boardID = boardID
            record.unitID = addressed.requireID
            record.text = text
            record.madeOn = made.description
            record.dueOn = due.description
            record.stateRaw = RequirementState.open.rawValue
            record.version = 1
            record.createdBy = actor.displayName
            record.createdAt = Date()
            try await record.create(on: tx)
            try await AuditLog.record("recommendation.create", entityType: "board_recommendation", entityKey: "\(record.requireID)", unitID: addressed.requireID,
                                      before: nil, after: ["text": text, "dueOn": due.description], by: actor, on: tx)
            try await ReportGeneration.bump(on: tx)
            return record
        }
    }

    /// answer (report), accept, return (giveBack), close.
    static func perform(_ id: Int, action raw: String, text raw2: String, onDate: String, version: Int, today: CivilDate,
                        by actor: Actor, on db: any Database) async throws -> BoardRecommendation {
        guard let record = try await BoardRecommendation.find(id, on: db), let addressed = try await OrgUnit.find(record.unitID, on: db),
              let board = try await OversightBoard.find(record.boardID, on: db) else { throw AppError.notFound("Không tìm thấy kiến nghị #\(id).") }
        let commune = try await board.commune(on: db)
        guard let action = RequirementAction(rawValue: raw) else {
            try await Authorizer.require(actor, .viewUnit, on: addressed, db: db)
            throw AppError(.unprocessableEntity, "Thao tác \"\(FreeText.printable(String(raw.prefix(40))))\" không có.", field: "action")
        }
        if action.byInspectedUnit {
            try await Authorizer.require(actor, .publishToPeople, on: addressed, db: db, message: "Chỉ đơn vị được kiến nghị mới trả lời.")
        } else {
            try await Authorizer.require(actor, .publishToPeople, on: commune, db: db, message: "Chỉ xã của ban giám sát mới xác nhận, trả lại hoặc đóng kiến nghị.")
        }
        guard let next = action.next(from: record.state) else { throw AppError(.conflict, "Kiến nghị đang ở trạng thái \"\(record.state.label.lowercased())\".", field: "action") }
        guard version == record.version else { throw AppError(.conflict, "Kiến nghị vừa được người khác cập nhật; tải lại trang.", field: "version") }
        var issues: [ValidationIssue] = []
        let day = onDate.isEmpty ? today : DateField.parse(onDate, field: "onDate", label: "Ngày", required: true, into: &issues)
        if let day, day > today || day < (CivilDate(parsing: record.madeOn) ?? day) {
            issues.append(ValidationIssue(field: "onDate", message: "Ngày \(day.vietnamese) phải từ ngày kiến nghị đến hôm nay."))
        }
        let label = action == .report ? "Nội dung trả lời, kết quả giải quyết" : action == .close ? "Lý do đóng kiến nghị" : "Nhận xét"
        let text = FreeText.clean(raw2, field: "text", label: label, limit: FreeText.Limit.paragraph, multiline: true, required: action != .accept)
            .value(collecting: &issues) ?? ""
        if action == .close, !text.isEmpty, text.count < 10 { issues.append(ValidationIssue(field: "text", message: "Lý do đóng kiến nghị quá ngắn (ít nhất 10 ký tự).")) }
        guard issues.isEmpty, let day else { throw AppError.validation(ValidationFailure(issues)) }
        return try await db.writeTransaction { tx in
            var update = try UnitClosure.sqlDatabase(tx).update(BoardRecommendation.schema).set("state", to: next.rawValue)
            switch action {
            case .report: update = update.set("answer", to: text).set("answered_on", to: day.description)
            case .accept: update = update.set("closed_on", to: day.description)
            case .giveBack: update = update.set("answered_on", to: SQLLiteral.null)
            case .close: update = update.set("closed_on", to: day.description).set("close_reason", to: text)
            }
            let changed = try await update.set("version", to: SQLRaw("version + 1")).where("id", .equal, id).where("version", .equal, version).returning("id").all()
            guard !changed.isEmpty else { throw AppError(.conflict, "Kiến nghị vừa được người khác cập nhật; tải lại trang.", field: "version") }
            try await AuditLog.record("recommendation.\(action.rawValue)", entityType: "board_recommendation", entityKey: "\(id)", unitID: record.unitID,
                                      before: ["state": record.stateRaw], after: ["state": next.rawValue, "text": text], by: actor, on: tx)
            try await ReportGeneration.bump(on: tx)
            guard let fresh = try await BoardRecommendation.find(id, on: tx) else { throw AppError.notFound("Không tìm thấy kiến nghị #\(id).") }
            return fresh
        }
    }
}
