import DanVanCore
import Fluent
import Foundation
import SQLKit

/// An inspection as the inspecting unit records it: the decision forming the team, the units
/// inspected, the period and contents, the dates; and, once concluded, its findings and the
/// requirements each inspected unit must fix by a date. Recorded planned and concluded later, or
/// concluded at once; every fault named by its place; one transaction.
enum InspectionRecording {
    struct FindingInput: Codable, Sendable, Equatable {
        var unitCode = ""
        var type = ""
        var text = ""
        var severity = ""
        var criterion = ""

        init(unitCode: String = "", type: String = "", text: String = "", severity: String = "", criterion: String = "") {
            (self.unitCode, self.type, self.text, self.severity, self.criterion) = (unitCode, type, text, severity, criterion)
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            func text(_ key: CodingKeys) -> String { ((try? c.decodeIfPresent(String.self, forKey: key)) ?? nil) ?? "" }
            (unitCode, type, self.text, severity, criterion) = (text(.unitCode), text(.type), text(.text), text(.severity), text(.criterion))
        }
    }

    struct RequirementInput: Codable, Sendable, Equatable {
        var unitCode = ""
        var text = ""
        var dueOn = ""

        init(unitCode: String = "", text: String = "", dueOn: String = "") {
            (self.unitCode, self.text, self.dueOn) = (unitCode, text, dueOn)
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            func text(_ key: CodingKeys) -> String { ((try? c.decodeIfPresent(String.self, forKey: key)) ?? nil) ?? "" }
            (unitCode, self.text, dueOn) = (text(.unitCode), text(.text), text(.dueOn))
        }
    }

    struct Conclusion: Codable, Sendable, Equatable {
        var conclusionNumber = ""
        var concludedOn = ""
        var findings: [FindingInput] = []
        var requirements: [RequirementInput] = []
        var version = -1

        init() {}

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            conclusionNumber = ((try? c.decodeIfPresent(String.self, forKey: .conclusionNumber)) ?? nil) ?? ""
            concludedOn = ((try? c.decodeIfPresent(String.self, forKey: .concludedOn)) ?? nil) ?? ""
            findings = ((try? c.decodeIfPresent([FindingInput].self, forKey: .findings)) ?? nil) ?? []
            requirements = ((try? c.decodeIfPresent([RequirementInput].self, forKey: .requirements)) ?? nil) ?? []
            version = ((try? c.decodeIfPresent(Int.self, forKey: .version)) ?? nil) ?? -1
        }
    }

    struct Input: Codable, Sendable, Equatable {
        var unitCode = ""
        var kind = ""
        var title = ""
        var decisionNumber = ""
        var decisionDate = ""
        var team = ""
        var subjects: [String] = []
        var periodFrom = ""
        var periodTo = ""
        var contents = ""
        var startsOn = ""
        var endsOn = ""
        /// The item of the yearly inspection plan this inspection carries out, if any.
        var planItemID: Int?
        var conclusion = Conclusion()

        init() {}

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            func text(_ key: CodingKeys) -> String { ((try? c.decodeIfPresent(String.self, forKey: key)) ?? nil) ?? "" }
            unitCode = text(.unitCode); kind = text(.kind); title = text(.title); decisionNumber = text(.decisionNumber)
            decisionDate = text(.decisionDate); team = text(.team); periodFrom = text(.periodFrom); periodTo = text(.periodTo)
            contents = text(.contents); startsOn = text(.startsOn); endsOn = text(.endsOn)
            subjects = ((try? c.decodeIfPresent([String].self, forKey: .subjects)) ?? nil) ?? []
            planItemID = ((try? c.decodeIfPresent(Int.self, forKey: .planItemID)) ?? nil) ?? Int(text(.planItemID))
            conclusion = ((try? c.decodeIfPresent(Conclusion.self, forKey: .conclusion)) ?? nil) ?? Conclusion()
        }
    }

    struct Checked: Sendable {
        var kind: InspectionKind
        var title: String
        var decisionNumber: String?
        var decisionDate: CivilDate?
        var team: String
        var subjects: [OrgUnit]
        var periodFrom: CivilDate?
        var periodTo: CivilDate?
        var contents: String
        var starts: CivilDate
        var ends: CivilDate
    }

    struct CheckedConclusion: Sendable {
        var number: String?
        var date: CivilDate
        var findings: [(unitID: Int, type: FindingType, text: String, severity: FindingSeverity?, criterion: String?)]
        var requirements: [(unitID: Int, text: String, due: CivilDate)]
    }

    static func record(_ input: Input, today: CivilDate, by actor: Actor, on db: any Database) async throws -> Inspection {
        let unit = try await UnitQueries.require(code: input.unitCode, field: "unitCode", on: db)
        try await Authorizer.require(actor, .inspect, on: unit, db: db, message: "Bạn không được ghi kiểm tra, giám sát của đơn vị này.")
        var issues: [ValidationIssue] = []
        let checked = try await check(input, unit: unit, today: today, issues: &issues, on: db)
        let concluding = !input.conclusion.concludedOn.isEmpty || !input.conclusion.findings.isEmpty || !input.conclusion.requirements.isEmpty
        let conclusion = concluding ? try await check(input.conclusion, subjects: checked?.subjects ?? [], starts: checked?.starts, today: today,
                                                      issues: &issues, on: db) : nil
        let item = try await planItem(input.planItemID, of: unit, issues: &issues, on: db)
        guard issues.isEmpty, let checked else { throw AppError.validation(ValidationFailure(issues)) }
        return try await db.writeTransaction { tx in
            let inspection = Inspection()
            inspection.unitID = unit.requireID
            inspection.kindRaw = checked.kind.rawValue
            inspection.title = checked.title
            inspection.decisionNumber = checked.decisionNumber
            inspection.decisionDate = checked.decisionDate?.description
            inspection.team = checked.team
            inspection.periodFrom = checked.periodFrom?.description
            inspection.periodTo = checked.periodTo?.description
            inspection.contents = checked.contents
            inspection.startsOn = checked.starts.description
            inspection.endsOn = checked.ends.description
            inspection.version = 1
            inspection.createdBy = actor.displayName
            inspection.createdAt = Date()
            try await inspection.create(on: tx)
            let sql = try UnitClosure.sqlDatabase(tx)
            for subject in checked.subjects {
                try await sql.insert(into: "inspection_subjects").columns("inspection_id", "unit_id").values(SQLBind(inspection.requireID), SQLBind(subject.requireID)).run()
            }
            if let conclusion { try await write(conclusion, to: inspection, on: tx) }
            if let item {
                let linked = try await sql.update(InspectionPlanItem.schema).set("inspection_id", to: inspection.requireID)
                    .where("id", .equal, item.requireID).where("inspection_id", .is, SQLLiteral.null).returning("id").all()
                guard !linked.isEmpty else { throw AppError(.conflict, "Mục kế hoạch kiểm tra này vừa được ghi là đã tiến hành.", field: "planItemID") }
            }
            try await AuditLog.record("inspection.create", entityType: "inspection", entityKey: "\(inspection.requireID)", unitID: unit.requireID, before: nil,
                                      after: ["title": checked.title, "subjects": checked.subjects.map(\.code).joined(separator: ","),
                                              "concluded": conclusion?.date.description ?? ""], by: actor, on: tx)
            try await ReportGeneration.bump(on: tx)
            return inspection
        }
    }

    /// A planned inspection concluded: its findings and requirements, version-checked.
    static func conclude(_ inspectionID: Int, _ input: Conclusion, today: CivilDate, by actor: Actor, on db: any Database) async throws -> Inspection {
        let context = try await InspectionContext.load(inspectionID, on: db)
        try await Authorizer.require(actor, .inspect, on: context.unit, db: db, message: "Bạn không được ghi kết luận kiểm tra của đơn vị này.")
        guard context.inspection.concludedOn == nil else {
            throw AppError(.conflict, "Cuộc kiểm tra đã có thông báo kết luận.", field: "concludedOn")
        }
        guard input.version == context.inspection.version else {
            throw AppError(.conflict, "Cuộc kiểm tra vừa được người khác cập nhật; tải lại trang để xem thay đổi.", field: "version")
        }
        var issues: [ValidationIssue] = []
        let conclusion = try await check(input, subjects: context.subjects, starts: CivilDate(parsing: context.inspection.startsOn), today: today,
                                         issues: &issues, on: db)
        guard issues.isEmpty, let conclusion else { throw AppError.validation(ValidationFailure(issues)) }
        return try await db.writeTransaction { tx in
            let changed = try await UnitClosure.sqlDatabase(tx).update(Inspection.schema).set("version", to: SQLRaw("version + 1"))
                .where("id", .equal, inspectionID).where("version", .equal, input.version).returning("id").all()
            guard !changed.isEmpty else {
                throw AppError(.conflict, "Cuộc kiểm tra vừa được người khác cập nhật; tải lại trang để xem thay đổi.", field: "version")
            }
            try await write(conclusion, to: context.inspection, on: tx)
            try await AuditLog.record("inspection.conclude", entityType: "inspection", entityKey: "\(inspectionID)", unitID: context.unit.requireID, before: nil,
                                      after: ["concluded": conclusion.date.description, "requirements": "\(conclusion.requirements.count)"], by: actor, on: tx)
            try await ReportGeneration.bump(on: tx)
            guard let fresh = try await Inspection.find(inspectionID, on: tx) else { throw AppError.notFound("Không tìm thấy cuộc kiểm tra.") }
            return fresh
        }
    }

    private static func write(_ conclusion: CheckedConclusion, to inspection: Inspection, on tx: any Database) async throws {
        try await UnitClosure.sqlDatabase(tx).update(Inspection.schema).set("conclusion_number", to: conclusion.number)
            .set("concluded_on", to: conclusion.date.description).where("id", .equal, inspection.requireID).run()
        for (index, finding) in conclusion.findings.enumerated() {
            let row = InspectionFinding()
            row.inspectionID = inspection.requireID
            row.unitID = finding.unitID
            row.typeRaw = finding.type.rawValue
            row.text = finding.text
            row.severityRaw = finding.severity?.rawValue
            row.criterion = finding.criterion
            row.position = index + 1
            try await row.create(on: tx)
        }
        for (index, requirement) in conclusion.requirements.enumerated() {
            let row = InspectionRequirement()
            row.inspectionID = inspection.requireID
            row.unitID = requirement.unitID
            row.text = requirement.text
            row.dueOn = requirement.due.description
            row.stateRaw = RequirementState.open.rawValue
            row.position = index + 1
            row.version = 1
            try await row.create(on: tx)
        }
    }

    static func check(_ input: Input, unit: OrgUnit, today: CivilDate, issues: inout [ValidationIssue], on db: any Database) async throws -> Checked? {
        let kind = InspectionKind(rawValue: input.kind.isEmpty ? InspectionKind.inspection.rawValue : input.kind)
        if kind == nil { issues.append(ValidationIssue(field: "kind", message: "Hình thức \"\(FreeText.printable(String(input.kind.prefix(40))))\" không có.")) }
        let title = FreeText.clean(input.title, field: "title", label: "Tên cuộc kiểm tra, giám sát", limit: FreeText.Limit.line, required: true).value(collecting: &issues) ?? ""
        let team = FreeText.clean(input.team, field: "team", label: "Đoàn kiểm tra, giám sát", limit: FreeText.Limit.line, required: true).value(collecting: &issues) ?? ""
        let contents = FreeText.clean(input.contents, field: "contents", label: "Nội dung", limit: FreeText.Limit.paragraph, multiline: true).value(collecting: &issues) ?? ""
        let number = FreeText.clean(input.decisionNumber, field: "decisionNumber", label: "Số quyết định", limit: 80).value(collecting: &issues)
        let decisionDate = optionalDate(input.decisionDate, field: "decisionDate", label: "Ngày quyết định", issues: &issues)
        let from = optionalDate(input.periodFrom, field: "periodFrom", label: "Thời kỳ kiểm tra từ", issues: &issues)
        let to = optionalDate(input.periodTo, field: "periodTo", label: "Thời kỳ kiểm tra đến", issues: &issues)
        if let from, let to, to < from { issues.append(ValidationIssue(field: "periodTo", message: "Thời kỳ kiểm tra đến \(to.vietnamese) trước ngày bắt đầu \(from.vietnamese).")) }
        let starts = CivilDate(parsing: input.startsOn)
        if starts == nil { issues.append(ValidationIssue(field: "startsOn", message: "Ngày bắt đầu \"\(FreeText.printable(String(input.startsOn.prefix(20))))\" không phải một ngày.")) }
        let ends = input.endsOn.isEmpty ? starts : CivilDate(parsing: input.endsOn)
        if ends == nil { issues.append(ValidationIssue(field: "endsOn", message: "Ngày kết thúc \"\(FreeText.printable(String(input.endsOn.prefix(20))))\" không phải một ngày.")) }
        if let starts, let ends, ends < starts { issues.append(ValidationIssue(field: "endsOn", message: "Ngày kết thúc \(ends.vietnamese) trước ngày bắt đầu \(starts.vietnamese).")) }
        var subjects: [OrgUnit] = []
        if input.subjects.isEmpty { issues.append(ValidationIssue(field: "subjects", message: "Chọn ít nhất một đơn vị được kiểm tra, giám sát.")) }
        for code in input.subjects {
            guard let subject = try await UnitQueries.find(code: code, on: db) else {
                issues.append(ValidationIssue(field: "subjects", message: "Không tìm thấy đơn vị mã \"\(FreeText.printable(String(code.prefix(40))))\"."))
                continue
            }
            if subjects.contains(where: { $0.requireID == subject.requireID }) { continue }
            let depth = try await UnitClosure.depth(from: unit.requireID, to: subject.requireID, on: db)
            if kind == .selfInspection, subject.requireID != unit.requireID {
                issues.append(ValidationIssue(field: "subjects", message: "Tự kiểm tra chỉ áp dụng cho chính đơn vị; \(subject.name) là đơn vị khác."))
            } else if kind != .selfInspection, kind != .frontSupervision, depth == nil || depth == 0 {
                issues.append(ValidationIssue(field: "subjects", message: "\(subject.name) không phải đơn vị cấp dưới của đơn vị kiểm tra."))
            }
            subjects.append(subject)
        }
        guard let kind, let starts, let ends else { return nil }
        return Checked(kind: kind, title: title, decisionNumber: number?.isEmpty == false ? number : nil, decisionDate: decisionDate, team: team,
                       subjects: subjects, periodFrom: from, periodTo: to, contents: contents, starts: starts, ends: ends)
    }

    static func check(_ input: Conclusion, subjects: [OrgUnit], starts: CivilDate?, today: CivilDate, issues: inout [ValidationIssue],
                      on db: any Database) async throws -> CheckedConclusion? {
        let number = FreeText.clean(input.conclusionNumber, field: "conclusionNumber", label: "Số thông báo kết luận", limit: 80).value(collecting: &issues)
        let date = CivilDate(parsing: input.concludedOn)
        if let date {
            if date > today { issues.append(ValidationIssue(field: "concludedOn", message: "Ngày kết luận \(date.vietnamese) sau hôm nay.")) }
            if let starts, date < starts { issues.append(ValidationIssue(field: "concludedOn", message: "Ngày kết luận \(date.vietnamese) trước ngày bắt đầu kiểm tra \(starts.vietnamese).")) }
        } else {
            issues.append(ValidationIssue(field: "concludedOn", message: "Ngày thông báo kết luận \"\(FreeText.printable(String(input.concludedOn.prefix(20))))\" không phải một ngày."))
        }
        func subject(_ code: String, place: String, field: String) -> OrgUnit? {
            guard !code.isEmpty else {
                issues.append(ValidationIssue(field: field, message: "\(place): thiếu đơn vị."))
                return nil
            }
            guard let found = subjects.first(where: { $0.code == code }) else {
                issues.append(ValidationIssue(field: field, message: "\(place): đơn vị \"\(FreeText.printable(String(code.prefix(40))))\" không thuộc các đơn vị được kiểm tra."))
                return nil
            }
            return found
        }
        var findings: [(unitID: Int, type: FindingType, text: String, severity: FindingSeverity?, criterion: String?)] = []
        for (index, finding) in input.findings.enumerated() {
            let place = "Nội dung kết luận thứ \(index + 1)"
            let unit = subject(finding.unitCode, place: place, field: "findings")
            let type = FindingType(rawValue: finding.type)
            if type == nil { issues.append(ValidationIssue(field: "findings", message: "\(place): loại \"\(FreeText.printable(String(finding.type.prefix(30))))\" không có (ưu điểm, hạn chế, vi phạm).")) }
            let severity = finding.severity.isEmpty ? nil : FindingSeverity(rawValue: finding.severity)
            if !finding.severity.isEmpty, severity == nil {
                issues.append(ValidationIssue(field: "findings", message: "\(place): mức độ \"\(FreeText.printable(String(finding.severity.prefix(30))))\" không có."))
            }
            var local: [ValidationIssue] = []
            let text = FreeText.clean(finding.text, field: "findings", label: "\(place): nội dung", limit: FreeText.Limit.paragraph, multiline: true, required: true)
                .value(collecting: &local) ?? ""
            let criterion = FreeText.clean(finding.criterion, field: "findings", label: "\(place): tiêu chí", limit: 80).value(collecting: &local)
            issues += local
            if let unit, let type, local.isEmpty {
                findings.append((unit.requireID, type, text, severity, criterion?.isEmpty == false ? criterion : nil))
            }
        }
        var requirements: [(unitID: Int, text: String, due: CivilDate)] = []
        for (index, requirement) in input.requirements.enumerated() {
            let place = "Yêu cầu thứ \(index + 1)"
            let unit = requirement.unitCode.isEmpty ? nil : subject(requirement.unitCode, place: place, field: "requirements")
            if requirement.unitCode.isEmpty { issues.append(ValidationIssue(field: "requirements", message: "\(place): thiếu đơn vị chịu trách nhiệm khắc phục.")) }
            var local: [ValidationIssue] = []
            let text = FreeText.clean(requirement.text, field: "requirements", label: "\(place): nội dung", limit: FreeText.Limit.paragraph, multiline: true, required: true)
                .value(collecting: &local) ?? ""
            issues += local
            let due = CivilDate(parsing: requirement.dueOn)
            if requirement.dueOn.isEmpty {
                issues.append(ValidationIssue(field: "requirements", message: "\(place): thiếu thời hạn khắc phục."))
            } else if due == nil {
                issues.append(ValidationIssue(field: "requirements", message: "\(place): thời hạn \"\(FreeText.printable(String(requirement.dueOn.prefix(20))))\" không phải một ngày."))
            } else if let due, let date, due < date {
                issues.append(ValidationIssue(field: "requirements", message: "\(place): thời hạn \(due.vietnamese) trước ngày kết luận \(date.vietnamese)."))
            }
            if let unit, let due, local.isEmpty { requirements.append((unit.requireID, text, due)) }
        }
        guard let date else { return nil }
        return CheckedConclusion(number: number?.isEmpty == false ? number : nil, date: date, findings: findings, requirements: requirements)
    }

    private static func planItem(_ id: Int?, of unit: OrgUnit, issues: inout [ValidationIssue], on db: any Database) async throws -> InspectionPlanItem? {
        guard let id else { return nil }
        guard let item = try await InspectionPlanItem.find(id, on: db), item.unitID == unit.requireID else {
            issues.append(ValidationIssue(field: "planItemID", message: "Không có mục #\(id) trong kế hoạch kiểm tra của \(unit.name)."))
            return nil
        }
        if item.inspectionID != nil { issues.append(ValidationIssue(field: "planItemID", message: "Mục kế hoạch tháng \(item.month)/\(item.year) đã có cuộc kiểm tra.")) }
        return item
    }

    private static func optionalDate(_ text: String, field: String, label: String, issues: inout [ValidationIssue]) -> CivilDate? {
        guard !text.isEmpty else { return nil }
        guard let date = CivilDate(parsing: text) else {
            issues.append(ValidationIssue(field: field, message: "\(label) \"\(FreeText.printable(String(text.prefix(20))))\" không phải một ngày."))
            return nil
        }
        return date
    }
}
