import DanVanCore
import Fluent
import Foundation
import SQLKit

/// A publication as the commune records it, and its early end. Every fault named with its field;
/// what the rule asks beyond that (duration, loudspeaker days, forms) is shown beside the record,
/// not refused: the publication happened and must not be lost.
enum PublicationRecording {
    struct Input: Codable, Sendable, Equatable {
        var unitCode = ""
        var ruleCode = ""
        var period = ""
        var title = ""
        var docNumber = ""
        var docDate = ""
        var forms: [String] = []
        var startsOn = ""
        var endsOn = ""
        var loudspeakerDays = ""
        var proofLink = ""
        var responsible = ""

        init() {}

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            unitCode = c.lenientText(.unitCode); ruleCode = c.lenientText(.ruleCode); period = c.lenientText(.period); title = c.lenientText(.title); docNumber = c.lenientText(.docNumber)
            docDate = c.lenientText(.docDate); startsOn = c.lenientText(.startsOn); endsOn = c.lenientText(.endsOn); loudspeakerDays = c.lenientText(.loudspeakerDays)
            proofLink = c.lenientText(.proofLink); responsible = c.lenientText(.responsible)
            forms = ((try? c.decodeIfPresent([String].self, forKey: .forms)) ?? nil) ?? c.lenientText(.forms).split(separator: ",").map(String.init)
        }
    }

    static func create(_ input: Input, by actor: Actor, on db: any Database) async throws -> Publication {
        let unit = try await UnitQueries.require(code: input.unitCode, field: "unitCode", on: db)
        try await Authorizer.require(actor, .publishToPeople, on: unit, db: db, message: "Bạn không được ghi việc công khai của đơn vị này.")
        let rules = try await PublicationRules.binding(unit.requireID, on: db)
        var issues: [ValidationIssue] = []
        let starts = DateField.parse(input.startsOn, field: "startsOn", label: "Ngày bắt đầu công khai", required: true, into: &issues)
        let ends = DateField.parse(input.endsOn, field: "endsOn", label: "Ngày kết thúc", required: false, into: &issues)
        if let starts, let ends, ends < starts {
            issues.append(ValidationIssue(field: "endsOn", message: "Ngày kết thúc \(ends.vietnamese) trước ngày bắt đầu \(starts.vietnamese)."))
        }
        let docDate = DateField.parse(input.docDate, field: "docDate", label: "Ngày văn bản", required: false, into: &issues)
        if let docDate, let starts, starts < docDate {
            issues.append(ValidationIssue(field: "startsOn", message: "Ngày bắt đầu công khai \(starts.vietnamese) trước ngày của văn bản \(docDate.vietnamese)."))
        }
        let rule = rules.version(of: input.ruleCode, on: starts ?? .literal("2000-01-01"))
        if rule == nil {
            issues.append(ValidationIssue(field: "ruleCode", message: input.ruleCode.isEmpty ? "Chọn nội dung phải công khai."
                : "Nội dung \"\(FreeText.printable(String(input.ruleCode.prefix(40))))\" không có trong danh mục công khai."))
        }
        let period = checkPeriod(input.period, rule: rule, into: &issues)
        let title = FreeText.clean(input.title, field: "title", label: "Tiêu đề", limit: FreeText.Limit.line, required: true).value(collecting: &issues) ?? ""
        let docNumber = FreeText.clean(input.docNumber, field: "docNumber", label: "Số văn bản", limit: FreeText.Limit.name).value(collecting: &issues) ?? ""
        let responsible = FreeText.clean(input.responsible, field: "responsible", label: "Người chịu trách nhiệm", limit: FreeText.Limit.name)
            .value(collecting: &issues) ?? ""
        let forms = input.forms.filter { !$0.isEmpty }
        if forms.isEmpty { issues.append(ValidationIssue(field: "forms", message: "Chọn ít nhất một hình thức công khai.")) }
        for form in forms where !PublicationForm.all.contains(where: { $0.key == form }) {
            issues.append(ValidationIssue(field: "forms", message: "Hình thức \"\(FreeText.printable(String(form.prefix(30))))\" không có."))
        }
        let loudspeaker = loudspeakerDays(input.loudspeakerDays, forms: forms, into: &issues)
        let link = proofLink(input.proofLink, into: &issues)
        guard issues.isEmpty, let starts, let rule else { throw AppError.validation(ValidationFailure(issues)) }
        let kept = PublicationForm.all.map(\.key).filter(forms.contains)
        return try await db.writeTransaction { tx in
            let publication = Publication()
            publication.unitID = unit.requireID
            publication.ruleCode = rule.code
            publication.period = period
            publication.title = title
            publication.docNumber = docNumber
            publication.docDate = docDate?.description
            publication.forms = kept.joined(separator: ",")
            publication.startsOn = starts.description
            publication.endsOn = ends?.description
            publication.loudspeakerDays = loudspeaker
            publication.proofLink = link
            publication.responsible = responsible
            publication.version = 1
            publication.createdBy = actor.displayName
            publication.createdAt = Date()
            try await publication.create(on: tx)
            try await AuditLog.record("publication.create", entityType: "publication", entityKey: "\(publication.requireID)", unitID: unit.requireID,
                                      before: nil, after: ["rule": rule.code, "period": period, "title": title, "startsOn": starts.description], by: actor, on: tx)
            try await ReportGeneration.bump(on: tx)
            return publication
        }
    }

    /// Takes a publication down on a day (a notice withdrawn, a posting replaced). Version-checked.
    static func end(_ id: Int, onDate: String, version: Int, today: CivilDate, by actor: Actor, on db: any Database) async throws -> Publication {
        guard let publication = try await Publication.find(id, on: db), let unit = try await OrgUnit.find(publication.unitID, on: db) else {
            throw AppError.notFound("Không tìm thấy việc công khai #\(id).")
        }
        try await Authorizer.require(actor, .publishToPeople, on: unit, db: db, message: "Bạn không được ghi việc công khai của đơn vị này.")
        var issues: [ValidationIssue] = []
        let day = onDate.isEmpty ? today : DateField.parse(onDate, field: "onDate", label: "Ngày kết thúc", required: true, into: &issues)
        if let day, day < publication.starts {
            issues.append(ValidationIssue(field: "onDate", message: "Ngày kết thúc \(day.vietnamese) trước ngày bắt đầu \(publication.starts.vietnamese)."))
        }
        guard issues.isEmpty, let day else { throw AppError.validation(ValidationFailure(issues)) }
        guard version == publication.version else {
            throw AppError(.conflict, "Việc công khai vừa được người khác cập nhật; tải lại trang để xem thay đổi.", field: "version")
        }
        return try await db.writeTransaction { tx in
            let changed = try await UnitClosure.sqlDatabase(tx).update(Publication.schema).set("ends_on", to: day.description)
                .set("version", to: SQLRaw("version + 1")).where("id", .equal, id).where("version", .equal, version).returning("id").all()
            guard !changed.isEmpty else { throw AppError(.conflict, "Việc công khai vừa được người khác cập nhật; tải lại trang để xem thay đổi.", field: "version") }
            try await AuditLog.record("publication.end", entityType: "publication", entityKey: "\(id)", unitID: unit.requireID,
                                      before: ["endsOn": publication.endsOn ?? ""], after: ["endsOn": day.description], by: actor, on: tx)
            try await ReportGeneration.bump(on: tx)
            guard let fresh = try await Publication.find(id, on: tx) else { throw AppError.notFound("Không tìm thấy việc công khai #\(id).") }
            return fresh
        }
    }


    private static func checkPeriod(_ text: String, rule: PublicationRule?, into issues: inout [ValidationIssue]) -> String {
        guard let rule else { return "" }
        let key = text.trimmingCharacters(in: .whitespaces).uppercased()
        if rule.frequency == .once { return "" }
        guard let period = PublicationPeriod(key: key), rule.frequency.periods(of: period.starts.year).contains(period) else {
            let example = rule.frequency.periods(of: 2026).first?.key ?? "2026"
            issues.append(ValidationIssue(field: "period", message: key.isEmpty
                ? "Nội dung \"\(rule.title)\" công khai \(rule.frequency.label.lowercased()): chọn kỳ (ví dụ \(example))."
                : "Kỳ \"\(FreeText.printable(String(key.prefix(20))))\" không hợp với nội dung công khai \(rule.frequency.label.lowercased()) (ví dụ \(example))."))
            return ""
        }
        return period.key
    }

    private static func loudspeakerDays(_ text: String, forms: [String], into issues: inout [ValidationIssue]) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        guard let days = Int(trimmed), (0...366).contains(days) else {
            issues.append(ValidationIssue(field: "loudspeakerDays", message: "Số ngày phát trên loa \"\(FreeText.printable(String(trimmed.prefix(10))))\" phải là số từ 0 đến 366."))
            return nil
        }
        if days > 0, !forms.contains("loa") {
            issues.append(ValidationIssue(field: "loudspeakerDays", message: "Có số ngày phát trên loa nhưng chưa chọn hình thức \"\(PublicationForm.label("loa"))\"."))
        }
        return days
    }

    private static func proofLink(_ text: String, into issues: inout [ValidationIssue]) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return "" }
        guard trimmed.count <= 500, let url = URL(string: trimmed), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
            issues.append(ValidationIssue(field: "proofLink", message: "Đường dẫn minh chứng \"\(FreeText.printable(String(trimmed.prefix(60))))\" không phải địa chỉ web (http:// hoặc https://)."))
            return ""
        }
        return trimmed
    }
}
