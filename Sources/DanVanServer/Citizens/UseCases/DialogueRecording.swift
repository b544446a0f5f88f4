import DanVanCore
import Fluent
import Foundation

/// A dialogue conference with its questions. Every question not answered on the spot becomes a
/// case, accepted on the day and assigned to a unit with the rule's deadline, and stays listed
/// under the conference until it is closed.
enum DialogueRecording {
    struct Question: Codable, Sendable {
        var asker = ""
        var category = ""
        var question = ""
        var answeredOnSpot = false
        var answeredBy = ""
        var kind = ""
        var leadUnitCode = ""

        init() {}

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            func text(_ key: CodingKeys) -> String { ((try? c.decodeIfPresent(String.self, forKey: key)) ?? nil) ?? "" }
            asker = text(.asker); category = text(.category); question = text(.question); answeredBy = text(.answeredBy)
            kind = text(.kind); leadUnitCode = text(.leadUnitCode)
            answeredOnSpot = ((try? c.decodeIfPresent(Bool.self, forKey: .answeredOnSpot)) ?? nil) ?? ["on", "true", "1"].contains(text(.answeredOnSpot))
        }
    }

    struct Input: Codable, Sendable {
        var unitCode = ""
        var coChairs = ""
        var topic = ""
        var form = ""
        var scope = ""
        var noticeOn = ""
        var channels = ""
        var extraordinaryReason = ""
        var heldOn = ""
        var attendance = ""
        var conclusions = ""
        var publishedOn = ""
        var questions: [Question] = []

        init() {}

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            func text(_ key: CodingKeys) -> String {
                if let number = (try? c.decodeIfPresent(Int.self, forKey: key)) ?? nil { return String(number) }
                return ((try? c.decodeIfPresent(String.self, forKey: key)) ?? nil) ?? ""
            }
            unitCode = text(.unitCode); coChairs = text(.coChairs); topic = text(.topic); form = text(.form); scope = text(.scope)
            noticeOn = text(.noticeOn); channels = text(.channels); extraordinaryReason = text(.extraordinaryReason); heldOn = text(.heldOn)
            attendance = text(.attendance); conclusions = text(.conclusions); publishedOn = text(.publishedOn)
            questions = ((try? c.decodeIfPresent([Question].self, forKey: .questions)) ?? nil) ?? []
        }
    }

    static let forms = ["Trực tiếp", "Trực tuyến", "Trực tiếp kết hợp trực tuyến"]

    static func record(_ input: Input, today: CivilDate, by actor: Actor, on db: any Database) async throws -> Dialogue {
        let unit = try await UnitQueries.require(code: input.unitCode, field: "unitCode", on: db)
        try await Authorizer.require(actor, .handleCitizens, on: unit, db: db, message: "Bạn không được ghi hội nghị đối thoại của đơn vị này.")
        var issues: [ValidationIssue] = []
        func line(_ value: String, _ field: String, _ label: String, required: Bool = false, limit: Int = FreeText.Limit.line) -> String {
            FreeText.clean(value, field: field, label: label, limit: limit, required: required).value(collecting: &issues) ?? ""
        }
        let coChairs = line(input.coChairs, "coChairs", "Đồng chủ trì", required: true)
        let topic = line(input.topic, "topic", "Chủ đề đối thoại", required: true)
        let scope = line(input.scope, "scope", "Phạm vi, thành phần")
        let channels = line(input.channels, "channels", "Hình thức thông báo")
        let reason = line(input.extraordinaryReason, "extraordinaryReason", "Lý do tổ chức đột xuất")
        let conclusions = FreeText.clean(input.conclusions, field: "conclusions", label: "Kết luận", limit: FreeText.Limit.document, multiline: true)
            .value(collecting: &issues) ?? ""
        let form = input.form.isEmpty ? forms[0] : input.form
        if !forms.contains(form) { issues.append(ValidationIssue(field: "form", message: "Hình thức \"\(input.form)\" không có; chọn trực tiếp hoặc trực tuyến.")) }
        let held = CivilDate(parsing: input.heldOn)
        if held == nil { issues.append(ValidationIssue(field: "heldOn", message: "Ngày đối thoại \"\(input.heldOn)\" không phải một ngày.")) }
        if let held, held > today { issues.append(ValidationIssue(field: "heldOn", message: "Ngày đối thoại \(held.vietnamese) sau hôm nay; ghi hội nghị sau khi đã tổ chức.")) }
        let notice = input.noticeOn.isEmpty ? nil : CivilDate(parsing: input.noticeOn)
        if !input.noticeOn.isEmpty, notice == nil { issues.append(ValidationIssue(field: "noticeOn", message: "Ngày thông báo \"\(input.noticeOn)\" không phải một ngày.")) }
        if let notice, let held, notice > held { issues.append(ValidationIssue(field: "noticeOn", message: "Ngày thông báo \(notice.vietnamese) sau ngày đối thoại.")) }
        let published = input.publishedOn.isEmpty ? nil : CivilDate(parsing: input.publishedOn)
        if !input.publishedOn.isEmpty, published == nil { issues.append(ValidationIssue(field: "publishedOn", message: "Ngày công khai kết quả \"\(input.publishedOn)\" không phải một ngày.")) }
        if let published, let held, published < held { issues.append(ValidationIssue(field: "publishedOn", message: "Ngày công khai kết quả trước ngày đối thoại.")) }
        let attendanceText = input.attendance.trimmingCharacters(in: .whitespaces)
        let attendance = attendanceText.isEmpty ? 0 : Int(attendanceText) ?? -1
        if !(0...100_000).contains(attendance) { issues.append(ValidationIssue(field: "attendance", message: "Số người dự \"\(input.attendance)\" phải là số nguyên không âm.")) }
        var questions: [(Question, CaseKind, OrgUnit)] = []
        for (index, question) in input.questions.enumerated() where !question.question.trimmingCharacters(in: .whitespaces).isEmpty {
            var clean = question
            clean.question = FreeText.clean(question.question, field: "questions.\(index).question", label: "Câu hỏi \(index + 1)", limit: FreeText.Limit.paragraph,
                                            multiline: true).value(collecting: &issues) ?? ""
            clean.asker = line(question.asker, "questions.\(index).asker", "Người hỏi (câu \(index + 1))")
            clean.category = line(question.category, "questions.\(index).category", "Lĩnh vực (câu \(index + 1))")
            clean.answeredBy = line(question.answeredBy, "questions.\(index).answeredBy", "Người trả lời (câu \(index + 1))")
            let kind = question.kind.isEmpty ? CaseKind.recommendation : CaseKind(parsing: question.kind)
            if kind == nil || kind == .denunciation {
                issues.append(ValidationIssue(field: "questions.\(index).kind", message: "Câu hỏi \(index + 1): chọn kiến nghị, phản ánh hoặc khiếu nại; tố cáo tại hội nghị được tiếp nhận riêng để giữ bí mật người tố cáo."))
            }
            var lead = unit
            if !question.answeredOnSpot, !question.leadUnitCode.isEmpty {
                if let found = try await UnitQueries.find(code: question.leadUnitCode, on: db),
                   try await UnitClosure.depth(from: unit.requireID, to: found.requireID, on: db) != nil {
                    lead = found
                } else {
                    issues.append(ValidationIssue(field: "questions.\(index).leadUnitCode", message: "Câu hỏi \(index + 1): đơn vị giải quyết phải là đơn vị tổ chức đối thoại hoặc đơn vị trực thuộc."))
                }
            }
            questions.append((clean, kind ?? .recommendation, lead))
        }
        guard issues.isEmpty, let held else { throw AppError.validation(ValidationFailure(issues)) }
        let deadlines = try await CaseDeadlines.load(on: db)
        let asked = questions
        return try await db.writeTransaction { tx in
            let dialogue = Dialogue()
            dialogue.unitID = unit.requireID
            dialogue.coChairs = coChairs
            dialogue.topic = topic
            dialogue.form = form
            dialogue.scope = scope
            dialogue.noticeOn = notice?.description
            dialogue.channels = channels
            dialogue.extraordinaryReason = reason.isEmpty ? nil : reason
            dialogue.heldOn = held.description
            dialogue.attendance = attendance
            dialogue.conclusions = conclusions
            dialogue.publishedOn = published?.description
            dialogue.version = 1
            dialogue.createdBy = actor.userID
            dialogue.createdAt = Date()
            try await dialogue.create(on: tx)
            for (position, (question, kind, lead)) in asked.enumerated() {
                let row = DialogueQuestion()
                row.dialogueID = dialogue.requireID
                row.position = position + 1
                row.asker = question.asker
                row.category = question.category
                row.question = question.question
                row.answeredOnSpot = question.answeredOnSpot
                row.answeredBy = question.answeredBy
                if !question.answeredOnSpot {
                    row.caseID = try await followUpCase(question, kind: kind, lead: lead, dialogue: dialogue, unit: unit, deadlines: deadlines, by: actor, on: tx)
                }
                try await row.create(on: tx)
            }
            try await AuditLog.record("dialogue.record", entityType: "dialogue", entityKey: "#\(dialogue.requireID)", unitID: unit.requireID, before: nil,
                                      after: ["topic": topic, "heldOn": held.description, "questions": "\(asked.count)",
                                              "cases": "\(asked.filter { !$0.0.answeredOnSpot }.count)"], by: actor, on: tx)
            try await ReportGeneration.bump(on: tx)
            return dialogue
        }
    }

    /// The case a question not answered on the spot becomes: accepted on the day, assigned, with the rule's due date.
    private static func followUpCase(_ question: Question, kind: CaseKind, lead: OrgUnit, dialogue: Dialogue, unit: OrgUnit, deadlines: CaseDeadlines,
                                     by actor: Actor, on tx: any Database) async throws -> Int {
        let held = dialogue.held ?? CivilDate.today()
        let checked = CaseReceiving.Checked(kind: kind, channel: .dialogue, received: held,
                                            subject: String(question.question.replacingOccurrences(of: "\n", with: " ").prefix(FreeText.Limit.line)),
                                            content: question.question, citizenName: question.asker.isEmpty ? nil : question.asker, citizenAddress: nil,
                                            citizenContact: nil, anonymous: question.asker.isEmpty, registerReference: nil, forwardedBy: nil,
                                            complexity: .ordinary, remote: false, nationalRef: nil, portalRef: nil, handlerIDs: [],
                                            identity: .init(name: "", address: "", contact: "", note: ""))
        let record = try await CaseReceiving.insert(checked, unitID: unit.requireID, origin: .init(dialogueID: dialogue.requireID), deadlines: deadlines,
                                                    status: .assigned, by: actor, on: tx)
        let resolve = deadlines.resolve(kind, secondRound: false, acceptedOn: held, given: .init(), extensions: 0)
        try await UnitClosure.sqlDatabase(tx).update(CitizenCase.schema)
            .set("accepted_on", to: held.description).set("lead_unit_id", to: lead.requireID)
            .set("due_on", to: resolve?.due.description).set("rule_key", to: resolve?.rule.key)
            .where("id", .equal, record.requireID).run()
        try await CaseHistory.append(record.requireID, action: "assign", on: held, text: "Giao \(lead.name) giải quyết sau hội nghị đối thoại",
                                     due: resolve?.due, ruleKey: resolve?.rule.key, by: actor, on: tx)
        return record.requireID
    }

    static func publish(_ dialogueID: Int, on date: String, version: Int, today: CivilDate, by actor: Actor, on db: any Database) async throws -> Dialogue {
        guard let dialogue = try await Dialogue.find(dialogueID, on: db) else { throw AppError(.notFound, "Không tìm thấy hội nghị đối thoại.") }
        try await Authorizer.require(actor, .handleCitizens, onUnitID: dialogue.unitID, db: db, message: "Bạn không được cập nhật hội nghị đối thoại này.")
        guard let published = CivilDate(parsing: date) else {
            throw AppError(.unprocessableEntity, "Ngày công khai kết quả \"\(date)\" không phải một ngày.", field: "publishedOn")
        }
        guard let held = dialogue.held, published >= held, published <= today else {
            throw AppError(.unprocessableEntity, "Ngày công khai kết quả phải từ ngày đối thoại đến hôm nay.", field: "publishedOn")
        }
        return try await db.writeTransaction { tx in
            let rows = try await UnitClosure.sqlDatabase(tx).update(Dialogue.schema).set("published_on", to: published.description)
                .set("version", to: version + 1).where("id", .equal, dialogueID).where("version", .equal, version).returning("id").all()
            guard !rows.isEmpty else { throw AppError(.conflict, "Hội nghị vừa được người khác cập nhật; tải lại trang.", field: "version") }
            try await AuditLog.record("dialogue.publish", entityType: "dialogue", entityKey: "#\(dialogueID)", unitID: dialogue.unitID, before: nil,
                                      after: ["publishedOn": published.description], by: actor, on: tx)
            try await ReportGeneration.bump(on: tx)
            return try await Dialogue.find(dialogueID, on: tx) ?? dialogue
        }
    }
}
