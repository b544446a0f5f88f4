import DanVanCore
import Fluent
import Foundation
import SQLKit

/// A matter put to the people, as the commune records it: a consultation no shorter than the rule
/// unless a reason is written, a village decision whose count adds up; and the day its result was
/// published. Every fault named; one transaction.
enum ConsultationRecording {
    struct Input: Codable, Sendable, Equatable {
        var unitCode = ""
        var villageCode = ""
        var kind = ""
        var subject = ""
        var startsOn = ""
        var endsOn = ""
        var shortReason = ""
        var households = ""
        var participants = ""
        var votesFor = ""
        var votesAgainst = ""
        var votesAbstain = ""
        var minutes = ""
        var resultPublishedOn = ""

        init() {}

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            (unitCode, villageCode, kind, subject, startsOn, endsOn) = (c.lenientText(.unitCode), c.lenientText(.villageCode), c.lenientText(.kind), c.lenientText(.subject), c.lenientText(.startsOn), c.lenientText(.endsOn))
            (shortReason, households, participants, votesFor) = (c.lenientText(.shortReason), c.lenientText(.households), c.lenientText(.participants), c.lenientText(.votesFor))
            (votesAgainst, votesAbstain, minutes, resultPublishedOn) = (c.lenientText(.votesAgainst), c.lenientText(.votesAbstain), c.lenientText(.minutes), c.lenientText(.resultPublishedOn))
        }
    }

    static func create(_ input: Input, today: CivilDate, by actor: Actor, on db: any Database) async throws -> Consultation {
        let unit = try await UnitQueries.require(code: input.unitCode, field: "unitCode", on: db)
        try await Authorizer.require(actor, .publishToPeople, on: unit, db: db, message: "Bạn không được ghi việc lấy ý kiến Nhân dân của đơn vị này.")
        var issues: [ValidationIssue] = []
        let kind = ConsultationKind(rawValue: input.kind)
        if kind == nil { issues.append(ValidationIssue(field: "kind", message: "Hình thức \"\(FreeText.printable(String(input.kind.prefix(30))))\" không có.")) }
        let subject = FreeText.clean(input.subject, field: "subject", label: "Nội dung đưa ra lấy ý kiến", limit: FreeText.Limit.line, required: true)
            .value(collecting: &issues) ?? ""
        let minutes = FreeText.clean(input.minutes, field: "minutes", label: "Biên bản, kết quả", limit: FreeText.Limit.paragraph, multiline: true)
            .value(collecting: &issues) ?? ""
        let reason = FreeText.clean(input.shortReason, field: "shortReason", label: "Lý do rút ngắn", limit: FreeText.Limit.line).value(collecting: &issues) ?? ""
        let starts = DateField.parse(input.startsOn, field: "startsOn", label: "Ngày bắt đầu", required: true, into: &issues)
        let ends = DateField.parse(input.endsOn, field: "endsOn", label: "Ngày kết thúc", required: kind == .consultation, into: &issues)
        let published = DateField.parse(input.resultPublishedOn, field: "resultPublishedOn", label: "Ngày công khai kết quả", required: false, into: &issues)
        if let starts, let ends, ends < starts {
            issues.append(ValidationIssue(field: "endsOn", message: "Ngày kết thúc \(ends.vietnamese) trước ngày bắt đầu \(starts.vietnamese)."))
        }
        if let published, published > today { issues.append(ValidationIssue(field: "resultPublishedOn", message: "Ngày công khai kết quả \(published.vietnamese) sau hôm nay.")) }
        if let published, let starts, published < starts {
            issues.append(ValidationIssue(field: "resultPublishedOn", message: "Ngày công khai kết quả \(published.vietnamese) trước ngày bắt đầu \(starts.vietnamese)."))
        }
        let rule = try await ConsultationRules.inForce(for: unit.requireID, on: starts ?? today, db: db)
        if kind == .consultation, let starts, let ends, ends >= starts, rule.isShort(from: starts, to: ends), reason.isEmpty {
            issues.append(ValidationIssue(field: "shortReason", message: "Thời gian lấy ý kiến \(ConsultationRule.days(from: starts, to: ends)) ngày, ít hơn "
                                          + "\(rule.minDays) ngày theo \(rule.source); ghi lý do rút ngắn."))
        }
        let village = try await village(input.villageCode, under: unit, required: kind?.isVote ?? false, into: &issues, on: db)
        let count = counts(input, isVote: kind?.isVote ?? false, into: &issues)
        guard issues.isEmpty, let kind, let starts else { throw AppError.validation(ValidationFailure(issues)) }
        let outcome = outcome(kind: kind, count: count, rule: rule)
        return try await db.writeTransaction { tx in
            let record = Consultation()
            record.unitID = unit.requireID
            record.villageID = village?.requireID
            record.kindRaw = kind.rawValue
            record.subject = subject
            record.startsOn = starts.description
            record.endsOn = ends?.description
            record.shortReason = reason.isEmpty ? nil : reason
            (record.households, record.participants) = (count.households, count.participants)
            (record.votesFor, record.votesAgainst, record.votesAbstain) = (count.votesFor, count.against, count.abstain)
            record.outcome = outcome
            record.minutes = minutes
            record.resultPublishedOn = published?.description
            record.version = 1
            record.createdBy = actor.displayName
            record.createdAt = Date()
            try await record.create(on: tx)
            try await AuditLog.record("consultation.create", entityType: "consultation", entityKey: "\(record.requireID)", unitID: unit.requireID,
                                      before: nil, after: ["kind": kind.rawValue, "subject": subject, "outcome": outcome], by: actor, on: tx)
            try await ReportGeneration.bump(on: tx)
            return record
        }
    }

    /// The day the result was published. Version-checked.
    static func publish(_ id: Int, onDate: String, version: Int, today: CivilDate, by actor: Actor, on db: any Database) async throws -> Consultation {
        guard let record = try await Consultation.find(id, on: db), let unit = try await OrgUnit.find(record.unitID, on: db) else {
            throw AppError.notFound("Không tìm thấy việc lấy ý kiến #\(id).")
        }
        try await Authorizer.require(actor, .publishToPeople, on: unit, db: db, message: "Bạn không được ghi việc lấy ý kiến Nhân dân của đơn vị này.")
        var issues: [ValidationIssue] = []
        let published = onDate.isEmpty ? today : DateField.parse(onDate, field: "onDate", label: "Ngày công khai kết quả", required: true, into: &issues)
        if let published, published < record.starts || published > today {
            issues.append(ValidationIssue(field: "onDate", message: "Ngày công khai kết quả \(published.vietnamese) phải từ \(record.starts.vietnamese) đến hôm nay."))
        }
        guard issues.isEmpty, let published else { throw AppError.validation(ValidationFailure(issues)) }
        guard version == record.version else { throw AppError(.conflict, "Việc lấy ý kiến vừa được người khác cập nhật; tải lại trang.", field: "version") }
        return try await db.writeTransaction { tx in
            let changed = try await UnitClosure.sqlDatabase(tx).update(Consultation.schema).set("result_published_on", to: published.description)
                .set("version", to: SQLRaw("version + 1")).where("id", .equal, id).where("version", .equal, version).returning("id").all()
            guard !changed.isEmpty else { throw AppError(.conflict, "Việc lấy ý kiến vừa được người khác cập nhật; tải lại trang.", field: "version") }
            try await AuditLog.record("consultation.publish", entityType: "consultation", entityKey: "\(id)", unitID: unit.requireID,
                                      before: nil, after: ["resultPublishedOn": published.description], by: actor, on: tx)
            try await ReportGeneration.bump(on: tx)
            guard let fresh = try await Consultation.find(id, on: tx) else { throw AppError.notFound("Không tìm thấy việc lấy ý kiến #\(id).") }
            return fresh
        }
    }

    struct Count {
        var households: Int?
        var participants: Int?
        var votesFor: Int?
        var against: Int?
        var abstain: Int?
    }

    private static func counts(_ input: Input, isVote: Bool, into issues: inout [ValidationIssue]) -> Count {
        func number(_ text: String, _ field: String, _ label: String) -> Int? {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { return nil }
            guard let value = Int(trimmed), value >= 0, value <= 1_000_000 else {
                issues.append(ValidationIssue(field: field, message: "\(label) \"\(FreeText.printable(String(trimmed.prefix(12))))\" phải là số nguyên không âm."))
                return nil
            }
            return value
        }
        let count = Count(households: number(input.households, "households", "Số hộ"), participants: number(input.participants, "participants", "Số hộ tham gia"),
                          votesFor: number(input.votesFor, "votesFor", "Số hộ tán thành"), against: number(input.votesAgainst, "votesAgainst", "Số hộ không tán thành"),
                          abstain: number(input.votesAbstain, "votesAbstain", "Số hộ không ý kiến"))
        guard isVote else { return count }
        guard let households = count.households, households > 0 else {
            issues.append(ValidationIssue(field: "households", message: "Ghi số hộ gia đình của thôn (lớn hơn 0) để biết quyết định có được thông qua."))
            return count
        }
        if let participants = count.participants, participants > households {
            issues.append(ValidationIssue(field: "participants", message: "Số hộ tham gia (\(participants)) nhiều hơn số hộ của thôn (\(households))."))
        }
        let cast = (count.votesFor ?? 0) + (count.against ?? 0) + (count.abstain ?? 0)
        let ceiling = count.participants ?? households
        if cast > ceiling {
            issues.append(ValidationIssue(field: "votesFor", message: "Tổng số phiếu (\(cast)) nhiều hơn số hộ \(count.participants == nil ? "của thôn" : "tham gia") (\(ceiling))."))
        }
        return count
    }

    static func outcome(kind: ConsultationKind, count: Count, rule: ConsultationRule) -> String {
        guard kind.isVote, let households = count.households, let votesFor = count.votesFor else { return "" }
        return rule.passes(votesFor: votesFor, households: households) ? "passed" : "not_passed"
    }

    private static func village(_ code: String, under unit: OrgUnit, required: Bool, into issues: inout [ValidationIssue],
                                on db: any Database) async throws -> OrgUnit? {
        let trimmed = code.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else {
            if required { issues.append(ValidationIssue(field: "villageCode", message: "Chọn thôn, bản nơi hộ gia đình bàn và quyết định.")) }
            return nil
        }
        guard let village = try await UnitQueries.find(code: trimmed, on: db), village.unitKind == .village,
              try await UnitClosure.depth(from: unit.requireID, to: village.requireID, on: db) != nil else {
            issues.append(ValidationIssue(field: "villageCode", message: "\"\(FreeText.printable(String(trimmed.prefix(40))))\" không phải thôn, bản của \(unit.name)."))
            return nil
        }
        return village
    }

}
