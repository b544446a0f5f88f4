import DanVanCore
import Fluent
import Foundation
import SQLKit

/// The rules in force and a due date computed from one of them: pure reads for checking the rule
/// table from the command line and the API. Adding a rule version and a calendar day is the
/// administrator's: dated data beside the old rows, never over them.
enum DeadlineLookup {
    static func inForce(on date: CivilDate, db: any Database) async throws -> [DeadlineRule] {
        try await CitizenRules.deadlineRules(on: db).filter { $0.isInForce(on: date) }
    }

    static func due(ruleKey: String, from text: String, circumstances: DeadlineRule.Circumstances, on db: any Database) async throws -> CitizenJSON.Due {
        guard let from = CivilDate(parsing: text) else {
            throw AppError(.unprocessableEntity, "Ngày bắt đầu \"\(FreeText.printable(String(text.prefix(40))))\" không phải một ngày; ghi dạng 2026-03-02.", field: "from")
        }
        let rules = try await CitizenRules.deadlineRules(on: db).filter { $0.key == ruleKey }
        guard !rules.isEmpty else {
            throw AppError(.unprocessableEntity, "Không có quy tắc mã \"\(FreeText.printable(String(ruleKey.prefix(60))))\"; xem danh sách bằng \"danvan deadline --list\".", field: "rule")
        }
        guard let rule = rules.filter({ $0.isInForce(on: from) }).max(by: { $0.validFrom < $1.validFrom }) else {
            throw AppError(.unprocessableEntity, "Quy tắc \(ruleKey) không có hiệu lực vào ngày \(from.vietnamese).", field: "from")
        }
        let due = rule.due(from: from, given: circumstances, calendar: try await CitizenRules.calendar(on: db))
        return CitizenJSON.Due(rule: rule.key, from: from.description, due: due.description, dayKind: rule.dayKind.rawValue, citation: rule.citation)
    }

    struct RuleInput: Codable, Sendable {
        var key = ""
        var event = ""
        var kinds: [String] = []
        var stage = ""
        var secondRound = false
        var limit = 0
        var complexLimit: Int?
        var remoteLimit: Int?
        var remoteComplexLimit: Int?
        var dayKind = ""
        var extensionDays = 0
        var extensionsComplex = 0
        var extensionsVeryComplex = 0
        var citation = ""
        var validFrom = ""
        var validTo = ""

        init() {}

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            func text(_ key: CodingKeys) -> String { ((try? c.decodeIfPresent(String.self, forKey: key)) ?? nil) ?? "" }
            func number(_ key: CodingKeys) -> Int? { (try? c.decodeIfPresent(Int.self, forKey: key)) ?? nil }
            key = text(.key); event = text(.event); stage = text(.stage); dayKind = text(.dayKind); citation = text(.citation)
            validFrom = text(.validFrom); validTo = text(.validTo)
            kinds = ((try? c.decodeIfPresent([String].self, forKey: .kinds)) ?? nil) ?? []
            secondRound = ((try? c.decodeIfPresent(Bool.self, forKey: .secondRound)) ?? nil) ?? false
            limit = number(.limit) ?? 0; complexLimit = number(.complexLimit); remoteLimit = number(.remoteLimit)
            remoteComplexLimit = number(.remoteComplexLimit); extensionDays = number(.extensionDays) ?? 0
            extensionsComplex = number(.extensionsComplex) ?? 0; extensionsVeryComplex = number(.extensionsVeryComplex) ?? 0
        }
    }

    /// A new version of a rule from a date; the version before it ends the day before.
    static func add(_ input: RuleInput, by actor: Actor, on db: any Database) async throws -> DeadlineRule {
        try Authorizer.requireAdmin(actor)
        var issues: [ValidationIssue] = []
        let dayKind = DeadlineRule.DayKind(parsing: input.dayKind)
        if dayKind == nil {
            issues.append(ValidationIssue(field: "dayKind", message: "Cách tính ngày \"\(FreeText.printable(String(input.dayKind.prefix(40))))\" không có; ghi \"calendar\" (ngày) hoặc \"working\" (ngày làm việc)."))
        }
        let stage = DeadlineRule.Stage(rawValue: input.stage)
        if stage == nil { issues.append(ValidationIssue(field: "stage", message: "Bước \"\(FreeText.printable(String(input.stage.prefix(40))))\" không có; ghi notify, accept hoặc resolve.")) }
        let kinds = input.kinds.compactMap(CaseKind.init(parsing:))
        if kinds.count != input.kinds.count { issues.append(ValidationIssue(field: "kinds", message: "Có loại đơn không nhận ra trong \(input.kinds.joined(separator: ", ")).")) }
        let from = CivilDate(parsing: input.validFrom)
        if from == nil { issues.append(ValidationIssue(field: "validFrom", message: "Ngày có hiệu lực \"\(input.validFrom)\" không phải một ngày.")) }
        let to = input.validTo.isEmpty ? nil : CivilDate(parsing: input.validTo)
        if !input.validTo.isEmpty, to == nil { issues.append(ValidationIssue(field: "validTo", message: "Ngày hết hiệu lực \"\(input.validTo)\" không phải một ngày.")) }
        let existing = try await CitizenRules.deadlineRules(on: db)
        if let dayKind, let stage, let from {
            let rule = DeadlineRule(key: input.key, event: input.event.trimmingCharacters(in: .whitespaces), kinds: kinds, stage: stage,
                                    secondRound: input.secondRound, limit: input.limit, complexLimit: input.complexLimit, remoteLimit: input.remoteLimit,
                                    remoteComplexLimit: input.remoteComplexLimit, dayKind: dayKind,
                                    extensions: .init(days: input.extensionDays, whenComplex: input.extensionsComplex, whenVeryComplex: input.extensionsVeryComplex),
                                    citation: input.citation.trimmingCharacters(in: .whitespaces), validFrom: from, validTo: to)
            issues += DeadlineRuleTable.issues(in: rule, others: existing)
            if issues.isEmpty {
                return try await db.writeTransaction { tx in
                    try await UnitClosure.sqlDatabase(tx).update("deadline_rules").set("valid_to", to: from.adding(days: -1).description)
                        .where("key", .equal, rule.key).where("valid_from", .lessThan, from.description).where("valid_to", .is, SQLLiteral.null).run()
                    try await CitizenRules.insert(rule, on: tx)
                    try await AuditLog.record("deadline.rule", entityType: "deadline_rule", entityKey: rule.key, unitID: nil, before: nil,
                                              after: CitizenJSON.rule(rule), by: actor, on: tx)
                    return rule
                }
            }
        }
        throw AppError.validation(ValidationFailure(issues))
    }

    /// A holiday or a swapped working day, added or corrected by the administrator.
    static func setDay(date text: String, kind: String, name: String, citation: String, by actor: Actor, on db: any Database) async throws -> WorkCalendar.Day {
        try Authorizer.requireAdmin(actor)
        var issues: [ValidationIssue] = []
        let date = CivilDate(parsing: text)
        if date == nil { issues.append(ValidationIssue(field: "date", message: "Ngày \"\(FreeText.printable(String(text.prefix(40))))\" không phải một ngày.")) }
        let dayKind = WorkCalendar.DayKind(parsing: kind)
        if dayKind == nil { issues.append(ValidationIssue(field: "kind", message: "Loại ngày \"\(FreeText.printable(String(kind.prefix(40))))\" không có; ghi \"nghỉ\" hoặc \"làm bù\".")) }
        let cleanName = FreeText.clean(name, field: "name", label: "Tên ngày", limit: FreeText.Limit.name, required: true).value(collecting: &issues) ?? ""
        let cleanCitation = FreeText.clean(citation, field: "citation", label: "Căn cứ", limit: FreeText.Limit.line, required: true).value(collecting: &issues) ?? ""
        guard issues.isEmpty, let date, let dayKind else { throw AppError.validation(ValidationFailure(issues)) }
        let day = WorkCalendar.Day(date, dayKind, cleanName, citation: cleanCitation)
        return try await db.writeTransaction { tx in
            try await UnitClosure.sqlDatabase(tx).delete(from: "work_calendar_days").where("day", .equal, date.description).run()
            try await CitizenRules.insert(day, on: tx)
            try await AuditLog.record("calendar.day", entityType: "calendar_day", entityKey: date.description, unitID: nil, before: nil,
                                      after: ["kind": dayKind.rawValue, "name": cleanName, "citation": cleanCitation], by: actor, on: tx)
            return day
        }
    }
}
