import DanVanCore
import Fluent
import Foundation
import SQLKit

/// A handler's step on a case: decide competence (accept, transfer, guide), assign, extend by a
/// written decision within the rule's count, answer with the answering document, follow up,
/// close, or record a second complaint / a further denunciation as a new linked case. Each step
/// is one transaction with its event and its audit entry, checked against the case's version.
enum CaseActing {
    struct Input: Codable, Sendable, Equatable {
        var action = ""
        var onDate = ""
        var text = ""
        var documentNumber = ""
        var documentDate = ""
        var transferTo = ""
        var leadUnitCode = ""
        var coordinatingUnits = ""
        var assignedDue = ""
        var complexity = ""
        var version = -1

        init() {}

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            func text(_ key: CodingKeys) -> String { ((try? c.decodeIfPresent(String.self, forKey: key)) ?? nil) ?? "" }
            action = text(.action); onDate = text(.onDate); self.text = text(.text); documentNumber = text(.documentNumber)
            documentDate = text(.documentDate); transferTo = text(.transferTo); leadUnitCode = text(.leadUnitCode)
            coordinatingUnits = text(.coordinatingUnits); assignedDue = text(.assignedDue); complexity = text(.complexity)
            version = ((try? c.decodeIfPresent(Int.self, forKey: .version)) ?? nil) ?? Int(text(.version)) ?? -1
        }
    }

    static func perform(_ caseID: Int, _ input: Input, today: CivilDate, key: IdentityKey?, by actor: Actor,
                        on db: any Database) async throws -> CitizenCase {
        let context = try await CaseContext.load(caseID, on: db)
        try await Authorizer.require(actor, .handleCitizens, on: context.unit, db: db, message: "Bạn không được xử lý vụ việc của đơn vị này.")
        guard let action = CaseAction(rawValue: input.action) else {
            throw AppError(.unprocessableEntity, "Thao tác \"\(FreeText.printable(String(input.action.prefix(40))))\" không có.", field: "action")
        }
        let record = context.record
        guard let next = action.next(from: record.status) else {
            throw AppError(.conflict, action.refusal(in: record.status), field: "action")
        }
        guard input.version == record.version else {
            throw AppError(.conflict, "Vụ việc vừa được người khác cập nhật; tải lại trang để xem thay đổi.", field: "version")
        }
        let step = try await check(action, input, record: record, today: today, on: db)
        let deadlines = try await CaseDeadlines.load(on: db)
        return try await db.writeTransaction { tx in
            var columns: [String: any Encodable & Sendable] = ["status": next.rawValue]
            var due: CivilDate?
            var ruleKey: String?
            switch action {
            case .accept:
                let complexity = step.complexity ?? record.complexity
                columns["accepted_on"] = step.date.description
                columns["complexity"] = complexity.rawValue
                if let resolve = deadlines.resolve(record.kind, secondRound: record.secondRound, acceptedOn: step.date,
                                                   given: .init(complexity: complexity, remote: record.remote), extensions: 0) {
                    (due, ruleKey) = (resolve.due, resolve.rule.key)
                    columns["due_on"] = resolve.due.description
                    columns["rule_key"] = resolve.rule.key
                }
            case .transfer:
                columns["transfer_to"] = step.transferTo
                columns["done_on"] = step.date.description
            case .guide:
                columns["done_on"] = step.date.description
            case .assign:
                columns["lead_unit_id"] = step.lead?.requireID
                columns["coordinating_units"] = step.coordinating
                columns["assigned_due_on"] = step.assignedDue?.description
            case .extend:
                let complexity = step.complexity ?? record.complexity
                guard let accepted = record.acceptedOn.flatMap(CivilDate.init(parsing:)),
                      let resolve = deadlines.resolve(record.kind, secondRound: record.secondRound, acceptedOn: accepted,
                                                      given: .init(complexity: complexity, remote: record.remote), extensions: record.extensions + 1)
                else { throw AppError(.conflict, "Vụ việc chưa thụ lý hoặc không có thời hạn giải quyết để gia hạn.", field: "action") }
                (due, ruleKey) = (resolve.due, resolve.rule.key)
                columns["extensions"] = record.extensions + 1
                columns["complexity"] = complexity.rawValue
                columns["due_on"] = resolve.due.description
            case .answer:
                columns["answer_number"] = step.documentNumber
                columns["answer_date"] = step.documentDate?.description
                columns["done_on"] = step.date.description
            case .close:
                columns["closed_on"] = step.date.description
            case .followUp, .escalate:
                break
            }
            try await bumpVersion(record, expected: input.version, columns: columns, on: tx)
            try await CaseHistory.append(record.requireID, action: action.rawValue, on: step.date, text: step.text, documentNumber: step.documentNumber,
                                         documentDate: step.documentDate, due: due, ruleKey: ruleKey, by: actor, on: tx)
            if action == .escalate {
                try await CaseEscalation.open(from: record, on: step.date, text: step.text, key: key, by: actor, on: tx)
            }
            try await AuditLog.record("case.\(action.rawValue)", entityType: "case", entityKey: record.trackingCode, unitID: record.unitID,
                                      before: ["status": record.statusRaw, "due": record.dueOn ?? ""],
                                      after: ["status": next.rawValue, "due": (columns["due_on"] as? String) ?? record.dueOn ?? "", "text": step.text,
                                              "document": step.documentNumber ?? ""],
                                      by: actor, on: tx)
            try await ReportGeneration.bump(on: tx)
            guard let fresh = try await CitizenCase.find(record.requireID, on: tx) else { throw AppError(.notFound, "Không tìm thấy vụ việc.") }
            return fresh
        }
    }

    struct Step: Sendable {
        var date: CivilDate
        var text: String
        var documentNumber: String?
        var documentDate: CivilDate?
        var lead: OrgUnit?
        var coordinating: String?
        var assignedDue: CivilDate?
        var complexity: CaseComplexity?
        var transferTo: String?
    }

    /// Every fault of the step's input, named; the rule's own limits (the extension count) included.
    static func check(_ action: CaseAction, _ input: Input, record: CitizenCase, today: CivilDate, on db: any Database) async throws -> Step {
        var issues: [ValidationIssue] = []
        let date = input.onDate.isEmpty ? today : CivilDate(parsing: input.onDate)
        if let date {
            if date > today { issues.append(ValidationIssue(field: "onDate", message: "Ngày thực hiện \(date.vietnamese) sau hôm nay.")) }
            if let received = record.received, date < received {
                issues.append(ValidationIssue(field: "onDate", message: "Ngày thực hiện \(date.vietnamese) trước ngày tiếp nhận \(received.vietnamese)."))
            }
        } else {
            issues.append(ValidationIssue(field: "onDate", message: "Ngày thực hiện \"\(input.onDate)\" không phải một ngày."))
        }
        let textRequired: Set<CaseAction> = [.guide, .followUp, .escalate]
        let text = FreeText.clean(input.text, field: "text", label: "Nội dung", limit: FreeText.Limit.paragraph, multiline: true,
                                  required: textRequired.contains(action)).value(collecting: &issues) ?? ""
        var step = Step(date: date ?? today, text: text)
        if action == .transfer {
            // The page's form names the body in its one text box; the API has its own field.
            let body = input.transferTo.isEmpty ? input.text : input.transferTo
            step.transferTo = FreeText.clean(body, field: "transferTo", label: "Cơ quan có thẩm quyền nhận đơn", limit: FreeText.Limit.line,
                                             required: true).value(collecting: &issues)
            if step.text.isEmpty, let body = step.transferTo { step.text = "Chuyển đến \(body)" }
        }
        if !input.complexity.isEmpty {
            step.complexity = CaseComplexity(rawValue: input.complexity)
            if step.complexity == nil { issues.append(ValidationIssue(field: "complexity", message: "Mức độ \"\(input.complexity)\" không có.")) }
        }
        if [.answer, .extend].contains(action) {
            let number = FreeText.clean(input.documentNumber, field: "documentNumber", label: action == .answer ? "Số văn bản trả lời" : "Số quyết định gia hạn",
                                        limit: 80, required: true).value(collecting: &issues)
            step.documentNumber = number
            step.documentDate = CivilDate(parsing: input.documentDate)
            if step.documentDate == nil {
                issues.append(ValidationIssue(field: "documentDate", message: "Ngày văn bản \"\(input.documentDate)\" không phải một ngày."))
            } else if let documentDate = step.documentDate, documentDate > today {
                issues.append(ValidationIssue(field: "documentDate", message: "Ngày văn bản \(documentDate.vietnamese) sau hôm nay."))
            }
        }
        if action == .extend {
            let complexity = step.complexity ?? record.complexity
            let rules = try await CitizenRules.deadlineRules(on: db)
            let accepted = record.acceptedOn.flatMap(CivilDate.init(parsing:)) ?? step.date
            let rule = DeadlineRuleTable.rule(for: record.kind, stage: .resolve, secondRound: record.secondRound, on: accepted, in: rules)
            let allowed = rule?.extensions.allowed(for: complexity) ?? 0
            if record.extensions >= allowed {
                let wording = allowed == 0
                    ? "\(record.kind.label) \(complexity.label.lowercased()) không được gia hạn theo \(rule?.citation ?? "quy định")."
                    : "\(record.kind.label) \(complexity.label.lowercased()) được gia hạn tối đa \(allowed) lần (\(rule?.citation ?? "")); đã gia hạn \(record.extensions) lần."
                issues.append(ValidationIssue(field: "complexity", message: wording))
            }
        }
        if action == .assign {
            if input.leadUnitCode.isEmpty {
                issues.append(ValidationIssue(field: "leadUnitCode", message: "Chọn đơn vị chủ trì giải quyết."))
            } else if let lead = try await UnitQueries.find(code: input.leadUnitCode, on: db) {
                if try await UnitClosure.depth(from: record.unitID, to: lead.requireID, on: db) == nil {
                    issues.append(ValidationIssue(field: "leadUnitCode", message: "Đơn vị chủ trì phải là đơn vị có thẩm quyền hoặc đơn vị trực thuộc."))
                }
                step.lead = lead
            } else {
                issues.append(ValidationIssue(field: "leadUnitCode", message: "Không tìm thấy đơn vị mã \"\(FreeText.printable(String(input.leadUnitCode.prefix(40))))\"."))
            }
            step.coordinating = FreeText.clean(input.coordinatingUnits, field: "coordinatingUnits", label: "Đơn vị phối hợp", limit: FreeText.Limit.line)
                .value(collecting: &issues)
            if !input.assignedDue.isEmpty {
                step.assignedDue = CivilDate(parsing: input.assignedDue)
                if step.assignedDue == nil {
                    issues.append(ValidationIssue(field: "assignedDue", message: "Hạn giao \"\(input.assignedDue)\" không phải một ngày."))
                } else if let assigned = step.assignedDue, let due = record.due, assigned > due {
                    issues.append(ValidationIssue(field: "assignedDue", message: "Hạn giao \(assigned.vietnamese) sau thời hạn luật định \(due.vietnamese)."))
                }
            }
        }
        guard issues.isEmpty else { throw AppError.validation(ValidationFailure(issues)) }
        return step
    }

    static func bumpVersion(_ record: CitizenCase, expected: Int, columns: [String: any Encodable & Sendable], on tx: any Database) async throws {
        var update = try UnitClosure.sqlDatabase(tx).update(CitizenCase.schema)
        for (column, value) in columns { update = update.set(column, to: value) }
        let changed = try await update.set("version", to: SQLRaw("version + 1")).where("id", .equal, record.requireID).where("version", .equal, expected).returning("id").all()
        guard !changed.isEmpty else {
            throw AppError(.conflict, "Vụ việc vừa được người khác cập nhật; tải lại trang để xem thay đổi.", field: "version")
        }
    }
}
