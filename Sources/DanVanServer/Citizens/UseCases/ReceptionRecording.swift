import DanVanCore
import Fluent
import Foundation

/// A reception day as the register keeps it: who received (or which deputy stood in), when,
/// where, how many citizens and groups, and each matter raised, which becomes a case.
enum ReceptionRecording {
    struct Input: Codable, Sendable {
        var unitCode = ""
        var position = ""
        var hostName = ""
        var deputyName = ""
        var extraordinary = false
        var heldOn = ""
        var place = ""
        var citizens = ""
        var groups = ""
        var note = ""
        var matters: [CaseReceiving.Input] = []

        init() {}

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            func text(_ key: CodingKeys) -> String {
                if let number = (try? c.decodeIfPresent(Int.self, forKey: key)) ?? nil { return String(number) }
                return ((try? c.decodeIfPresent(String.self, forKey: key)) ?? nil) ?? ""
            }
            unitCode = text(.unitCode); position = text(.position); hostName = text(.hostName); deputyName = text(.deputyName)
            extraordinary = ((try? c.decodeIfPresent(Bool.self, forKey: .extraordinary)) ?? nil) ?? ["on", "true", "1"].contains(text(.extraordinary))
            heldOn = text(.heldOn); place = text(.place); citizens = text(.citizens); groups = text(.groups); note = text(.note)
            matters = ((try? c.decodeIfPresent([CaseReceiving.Input].self, forKey: .matters)) ?? nil) ?? []
        }
    }

    static func record(_ input: Input, today: CivilDate, key: IdentityKey?, by actor: Actor, on db: any Database) async throws -> ReceptionSession {
        let unit = try await UnitQueries.require(code: input.unitCode, field: "unitCode", on: db)
        try await Authorizer.require(actor, .handleCitizens, on: unit, db: db, message: "Bạn không được ghi sổ tiếp dân của đơn vị này.")
        var issues: [ValidationIssue] = []
        let position = LeaderPosition(rawValue: input.position)
        if position == nil { issues.append(ValidationIssue(field: "position", message: "Chọn chức danh người chủ trì tiếp dân.")) }
        let host = FreeText.clean(input.hostName, field: "hostName", label: "Họ tên người chủ trì", limit: FreeText.Limit.name, required: true)
            .value(collecting: &issues) ?? ""
        let deputy = FreeText.clean(input.deputyName, field: "deputyName", label: "Cấp phó tiếp thay", limit: FreeText.Limit.name).value(collecting: &issues) ?? ""
        let place = FreeText.clean(input.place, field: "place", label: "Địa điểm", limit: FreeText.Limit.line, required: true).value(collecting: &issues) ?? ""
        let note = FreeText.clean(input.note, field: "note", label: "Ghi chú", limit: FreeText.Limit.paragraph, multiline: true).value(collecting: &issues) ?? ""
        let held = CivilDate(parsing: input.heldOn)
        if held == nil { issues.append(ValidationIssue(field: "heldOn", message: "Ngày tiếp \"\(input.heldOn)\" không phải một ngày; ghi dạng 15/11/2026.")) }
        if let held, held > today { issues.append(ValidationIssue(field: "heldOn", message: "Ngày tiếp \(held.vietnamese) sau hôm nay.")) }
        func count(_ text: String, _ field: String, _ label: String) -> Int {
            guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { return 0 }
            guard let value = Int(text.trimmingCharacters(in: .whitespaces)), (0...100_000).contains(value) else {
                issues.append(ValidationIssue(field: field, message: "\(label) phải là số nguyên từ 0 đến 100.000, không phải \"\(text)\"."))
                return 0
            }
            return value
        }
        let citizens = count(input.citizens, "citizens", "Số lượt công dân")
        let groups = count(input.groups, "groups", "Số đoàn đông người")
        let matters = input.matters.filter { !$0.subject.trimmingCharacters(in: .whitespaces).isEmpty || !$0.kind.isEmpty }
        let mode = try await IdentityMode.current(on: db)
        var checked: [CaseReceiving.Checked] = []
        for (index, matter) in matters.enumerated() {
            var filled = matter
            filled.unitCode = unit.code
            filled.channel = CaseChannel.inPerson.rawValue
            filled.receivedOn = input.heldOn
            do {
                checked.append(try await CaseReceiving.check(filled, unitID: unit.requireID, mode: mode, key: key, today: today, on: db))
            } catch let error as AppError {
                let inner = error.issues.isEmpty ? [ValidationIssue(field: "matters", message: error.reason)] : error.issues
                issues += inner.map { ValidationIssue(field: "matters.\(index).\($0.field)", message: "Việc thứ \(index + 1): \($0.message)") }
            }
        }
        guard issues.isEmpty, let position, let held else { throw AppError.validation(ValidationFailure(issues)) }
        let deadlines = try await CaseDeadlines.load(on: db)
        let raised = checked
        return try await db.writeTransaction { tx in
            let session = ReceptionSession()
            session.unitID = unit.requireID
            session.positionRaw = position.rawValue
            session.hostName = host
            session.deputyName = deputy.isEmpty ? nil : deputy
            session.extraordinary = input.extraordinary
            session.heldOn = held.description
            session.place = place
            session.citizens = max(citizens, raised.count)
            session.groups = groups
            session.note = note
            session.createdBy = actor.userID
            session.createdAt = Date()
            try await session.create(on: tx)
            for matter in raised {
                let record = try await CaseReceiving.insert(matter, unitID: unit.requireID, origin: .init(receptionSessionID: session.requireID),
                                                            deadlines: deadlines, by: actor, on: tx)
                if let key, !matter.identity.isEmpty { try await CaseReceiving.seal(matter.identity, caseID: record.requireID, key: key, on: tx) }
            }
            try await AuditLog.record("reception.record", entityType: "reception", entityKey: "#\(session.requireID)", unitID: unit.requireID, before: nil,
                                      after: ["position": position.rawValue, "heldOn": held.description, "deputy": deputy, "cases": "\(raised.count)"],
                                      by: actor, on: tx)
            try await ReportGeneration.bump(on: tx)
            return session
        }
    }
}
