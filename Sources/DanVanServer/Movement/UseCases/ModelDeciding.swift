import DanVanCore
import Fluent
import Foundation
import SQLKit

/// The level above deciding on a unit's model: return (with a reason) or accept the
/// registration; the steering committee's evaluation against the campaign's criteria; the
/// recognition (with level and decision); and the commendation proposed and given.
enum ModelDeciding {
    struct Input: Codable, Sendable {
        var decision: String
        var reason: String = ""
        var criteriaMet: [Int] = []
        var note: String = ""
        var level: String = ""
        var decisionNumber: String = ""
        var decisionDate: String = ""
        var commendationProposed: String = ""
        var commendationGiven: String = ""
        var version: Int?

        init(decision: String, reason: String = "", criteriaMet: [Int] = [], note: String = "", level: String = "", decisionNumber: String = "",
             decisionDate: String = "", commendationProposed: String = "", commendationGiven: String = "", version: Int? = nil) {
            self.decision = decision
            self.reason = reason
            self.criteriaMet = criteriaMet
            self.note = note
            self.level = level
            self.decisionNumber = decisionNumber
            self.decisionDate = decisionDate
            self.commendationProposed = commendationProposed
            self.commendationGiven = commendationGiven
            self.version = version
        }

        init(from decoder: any Decoder) throws {
            let values = try decoder.container(keyedBy: CodingKeys.self)
            func text(_ key: CodingKeys) throws -> String { try values.decodeIfPresent(String.self, forKey: key) ?? "" }
            self.init(decision: try text(.decision), reason: try text(.reason), criteriaMet: try values.decodeIfPresent([Int].self, forKey: .criteriaMet) ?? [],
                      note: try text(.note), level: try text(.level), decisionNumber: try text(.decisionNumber), decisionDate: try text(.decisionDate),
                      commendationProposed: try text(.commendationProposed), commendationGiven: try text(.commendationGiven),
                      version: try values.decodeIfPresent(Int.self, forKey: .version))
        }
    }

    static func decide(_ modelID: Int, _ input: Input, by actor: Actor, on db: any Database) async throws -> MovementModel {
        let context = try await ModelContext.load(modelID, on: db)
        try await Authorizer.require(actor, .decideModel, on: context.unit, db: db,
                                     message: "Chỉ cấp trên của đơn vị đăng ký mới được xét mô hình này.")
        guard let decision = ModelDecision(rawValue: input.decision) else {
            throw AppError.invalid("decision", "Thao tác \"\(input.decision)\" không có; chọn return, accept, evaluate, recognise, recognise_exemplary, not_recognise hoặc commend.")
        }
        let model = context.model
        // Someone else decided or changed it since it was read: say so before judging the step.
        guard input.version == model.version else {
            throw AppError(.conflict, "Mô hình vừa được người khác sửa hoặc xử lý (hiện: \(model.modelStatus.label.lowercased())); không có gì bị ghi đè. Hãy mở lại trang.",
                           field: "version")
        }
        let next = try decision.next(from: model.modelStatus).mapError { AppError.validation(ValidationFailure([$0])) }.get()
        let campaign = try await model.campaignID.asyncMap { try await ModelCampaign.find($0, on: db) } ?? nil
        let columns = try columns(for: decision, input, campaign: campaign)
        return try await db.writeTransaction { tx in
            var extra = columns
            extra["status"] = next.rawValue
            try await ModelRegistering.writeVersioned(model, expected: input.version ?? -1, columns: extra, on: tx)
            try await AuditLog.record("model.\(decision.rawValue)", entityType: "model", entityKey: "#\(modelID)", unitID: model.unitID,
                                      before: ["status": model.status], after: extra.compactMapValues { $0 }, by: actor, on: tx)
            try await ReportGeneration.bump(on: tx)
            let fresh = try await ModelContext.load(modelID, on: tx).model
            try await ModelNotices.decided(decision, fresh, by: actor, on: tx)
            return fresh
        }
    }

    /// The columns a decision writes, each checked.
    private static func columns(for decision: ModelDecision, _ input: Input, campaign: ModelCampaign?) throws -> [String: String?] {
        func clean(_ text: String, _ field: String, _ label: String, required: Bool = false, multiline: Bool = false) throws -> String {
            try FreeText.clean(text, field: field, label: label, limit: multiline ? FreeText.Limit.paragraph : FreeText.Limit.name,
                               multiline: multiline, required: required).mapError { AppError.validation(ValidationFailure([$0])) }.get()
        }
        switch decision {
        case .returnToUnit:
            return ["reason": try clean(input.reason, "reason", "Lý do trả lại", required: true, multiline: true)]
        case .accept:
            return ["reason": nil]
        case .evaluate:
            let criteria = campaign?.criteria.indices ?? [].indices
            if let unknown = input.criteriaMet.first(where: { !criteria.contains($0) }) {
                throw AppError.invalid("criteriaMet", "Tiêu chí số \(unknown + 1) không có trong bộ tiêu chí của phong trào.")
            }
            let met = Set(input.criteriaMet).sorted()
            return ["criteria_met": met.map(String.init).joined(separator: ","),
                    "evaluation_note": try clean(input.note, "note", "Nhận xét", multiline: true)]
        case .recognise, .recogniseExemplary:
            var issues: [ValidationIssue] = []
            func take(_ text: String, _ field: String, _ label: String) -> String {
                switch FreeText.clean(text, field: field, label: label, limit: FreeText.Limit.name, required: true) {
                case .success(let clean): return clean
                case .failure(let issue): issues.append(issue); return ""
                }
            }
            let level = take(input.level, "level", "Cấp công nhận")
            if let levels = campaign?.levels, !levels.isEmpty, !level.isEmpty, !levels.contains(level) {
                issues.append(ValidationIssue(field: "level", message: "Cấp \"\(level)\" không có trong phát động; chọn: \(levels.joined(separator: ", ")).")) }
            let number = take(input.decisionNumber, "decisionNumber", "Số quyết định công nhận")
            let date = CivilDate(parsing: input.decisionDate)
            if date == nil { issues.append(ValidationIssue(field: "decisionDate", message: "Ngày quyết định công nhận phải là ngày hợp lệ (dd/mm/yyyy).")) }
            guard issues.isEmpty else { throw AppError.validation(ValidationFailure(issues)) }
            return ["recognition_level": level, "decision_number": number, "decision_date": date?.description,
                    "commendation_proposed": try clean(input.commendationProposed, "commendationProposed", "Đề nghị khen thưởng").nilIfEmpty,
                    "commendation_given": try clean(input.commendationGiven, "commendationGiven", "Khen thưởng").nilIfEmpty]
        case .commend:
            let proposed = try clean(input.commendationProposed, "commendationProposed", "Đề nghị khen thưởng")
            let given = try clean(input.commendationGiven, "commendationGiven", "Khen thưởng")
            guard !proposed.isEmpty || !given.isEmpty else {
                throw AppError.invalid("commendationGiven", "Ghi hình thức khen thưởng đề nghị hoặc đã được khen.")
            }
            return ["commendation_proposed": proposed.nilIfEmpty, "commendation_given": given.nilIfEmpty]
        case .notRecognise:
            return ["evaluation_note": try clean(input.note, "note", "Lý do không công nhận", required: true, multiline: true)]
        }
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
