import DanVanCore
import Fluent

/// `/citizens/dialogues/{id}`: a conference, its flags against the rule, its questions and the
/// cases the unanswered ones became, each with its state until closed.
struct DialoguePage: Encodable {
    struct Question: Encodable {
        let number: Int
        let asker: String
        let category: String
        let question: String
        let answeredOnSpot: Bool
        let answeredBy: String
        let caseHref: String?
        let caseStatus: String?
        let caseDue: String?
        let caseTimeliness: String?
        let caseTimelinessKey: String?
    }

    let id: Int
    let version: Int
    let unitName: String
    let unitCode: String
    let topic: String
    let coChairs: String
    let form: String
    let scope: String
    let notice: String?
    let channels: String
    let extraordinaryReason: String?
    let held: String
    let attendance: Int
    let conclusions: String
    let published: String?
    let noticeShort: Bool
    let publishedLate: Bool
    let rule: String
    let questions: [Question]
    let openCases: Int
    let canPublish: Bool
    let publishHref: String
    let today: String
    let errors: FormErrors

    static func query(_ id: Int, actor: Actor, today: CivilDate, errors: FormErrors = .none, on db: any Database) async throws -> DialoguePage {
        guard let dialogue = try await Dialogue.find(id, on: db), let unit = try await OrgUnit.find(dialogue.unitID, on: db) else {
            throw AppError(.notFound, "Không tìm thấy hội nghị đối thoại.")
        }
        try await Authorizer.require(actor, .viewUnit, on: unit, db: db, message: "Bạn không có quyền xem hội nghị đối thoại này.")
        let questions = try await DialogueQuestion.query(on: db).filter(\.$dialogueID == id).sort(\.$position).all()
        let caseIDs = questions.compactMap(\.caseID)
        let cases = caseIDs.isEmpty ? [] : try await CitizenCase.query(on: db).filter(\.$id ~~ caseIDs).all()
        let byID = Dictionary(uniqueKeysWithValues: cases.map { ($0.requireID, $0) })
        let rule = DialogueRule.current
        let held = dialogue.held ?? today
        let published = dialogue.publishedOn.flatMap(CivilDate.init(parsing:))
        return DialoguePage(
            id: id, version: dialogue.version, unitName: unit.name, unitCode: unit.code, topic: dialogue.topic, coChairs: dialogue.coChairs, form: dialogue.form,
            scope: dialogue.scope, notice: dialogue.noticeOn.flatMap(CivilDate.init(parsing:))?.vietnamese, channels: dialogue.channels,
            extraordinaryReason: dialogue.extraordinaryReason, held: held.vietnamese, attendance: dialogue.attendance, conclusions: dialogue.conclusions,
            published: published?.vietnamese,
            noticeShort: rule.noticeTooShort(noticeOn: dialogue.noticeOn.flatMap(CivilDate.init(parsing:)), heldOn: held, extraordinary: dialogue.extraordinaryReason != nil),
            publishedLate: rule.publishedLate(heldOn: held, publishedOn: published, today: today),
            rule: "Thông báo trước ít nhất \(rule.noticeDays) ngày, công khai kết quả trong \(rule.publishDays) ngày (\(rule.citation)).",
            questions: questions.map { question in
                let record = question.caseID.flatMap { byID[$0] }
                let timeliness = record?.timeliness(today: today)
                return Question(number: question.position, asker: question.asker, category: question.category, question: question.question,
                                answeredOnSpot: question.answeredOnSpot, answeredBy: question.answeredBy,
                                caseHref: record.map { SiteRoute.citizenCase($0.requireID).path }, caseStatus: record?.status.label,
                                caseDue: record?.due?.vietnamese, caseTimeliness: timeliness?.label, caseTimelinessKey: timeliness?.rawValue)
            },
            openCases: cases.filter { $0.status.isOpen }.count,
            canPublish: published == nil ? try await Authorizer.allows(actor, .handleCitizens, on: unit, db: db) : false,
            publishHref: SiteRoute.dialoguePublish(id).path, today: today.description, errors: errors)
    }
}

/// `/citizens/rules`: the deadline rules, the reception duties and the calendar's days off, each with its document.
struct CitizenRulesPage: Encodable {
    struct Rule: Encodable {
        let key: String
        let event: String
        let kinds: String
        let limit: String
        let extensions: String
        let citation: String
        let validity: String
        let inForce: Bool
    }

    struct Duty: Encodable {
        let position: String
        let level: String
        let wording: String
        let deputy: String
        let citation: String
        let validity: String
    }

    struct Day: Encodable {
        let date: String
        let kind: String
        let name: String
        let citation: String
    }

    let rules: [Rule]
    let duties: [Duty]
    let days: [Day]
    let dialogueRule: String

    static func validity(_ from: CivilDate, _ to: CivilDate?) -> String {
        "Từ \(from.vietnamese)" + (to.map { " đến \($0.vietnamese)" } ?? "")
    }

    static func query(today: CivilDate, on db: any Database) async throws -> CitizenRulesPage {
        let rules = try await CitizenRules.deadlineRules(on: db)
        let duties = try await CitizenRules.receptionDuties(on: db)
        let days = try await CitizenRules.days(on: db)
        let dialogue = DialogueRule.current
        return CitizenRulesPage(
            rules: rules.map { rule in
                var limit = "\(rule.limit) \(rule.dayKind.label)"
                if let complex = rule.complexLimit { limit += "; phức tạp \(complex)" }
                if let remote = rule.remoteLimit { limit += "; vùng sâu, vùng xa \(remote)" }
                if let both = rule.remoteComplexLimit { limit += "; vùng sâu, vùng xa, phức tạp \(both)" }
                let ext = rule.maxExtensions == 0 ? "Không" : "Mỗi lần \(rule.extensions.days) ngày; phức tạp \(rule.extensions.whenComplex) lần, đặc biệt phức tạp \(rule.extensions.whenVeryComplex) lần"
                return Rule(key: rule.key, event: rule.event + (rule.secondRound ? " (lần hai)" : ""), kinds: rule.kinds.map(\.label).joined(separator: ", "),
                            limit: limit, extensions: ext, citation: rule.citation, validity: validity(rule.validFrom, rule.validTo), inForce: rule.isInForce(on: today))
            },
            duties: duties.map { duty in
                Duty(position: duty.position.label, level: duty.level.label, wording: duty.wording,
                     deputy: duty.deputyCounts ? "Được tính" : "Không tính", citation: duty.citation, validity: validity(duty.validFrom, duty.validTo))
            },
            days: days.filter { $0.date.year >= today.year }.map { Day(date: $0.date.vietnamese, kind: $0.kind.label, name: $0.name, citation: $0.citation) },
            dialogueRule: "Hội nghị đối thoại: thông báo trước ít nhất \(dialogue.noticeDays) ngày, công khai kết quả trong \(dialogue.publishDays) ngày (\(dialogue.citation)).")
    }
}
