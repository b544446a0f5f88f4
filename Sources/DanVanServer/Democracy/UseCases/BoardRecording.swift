import DanVanCore
import Fluent
import Foundation

/// A board the people elected, as the commune records it: which, where (the commune or one of its
/// villages), the decision recognising it, the term, the members one per line. Every fault named.
enum BoardRecording {
    struct Input: Codable, Sendable, Equatable {
        var unitCode = ""
        var villageCode = ""
        var kind = ""
        var decision = ""
        var termFrom = ""
        var termTo = ""
        var members = ""

        init() {}

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            (unitCode, villageCode, kind, decision) = (c.lenientText(.unitCode), c.lenientText(.villageCode), c.lenientText(.kind), c.lenientText(.decision))
            (termFrom, termTo, members) = (c.lenientText(.termFrom), c.lenientText(.termTo), c.lenientText(.members))
        }
    }

    static let minimumMembers = 3
    static let maximumMembers = 50

    static func create(_ input: Input, by actor: Actor, on db: any Database) async throws -> OversightBoard {
        let commune = try await UnitQueries.require(code: input.unitCode, field: "unitCode", on: db)
        try await Authorizer.require(actor, .publishToPeople, on: commune, db: db, message: "Bạn không được ghi ban giám sát của đơn vị này.")
        var issues: [ValidationIssue] = []
        let kind = OversightBoardKind(rawValue: input.kind)
        if kind == nil { issues.append(ValidationIssue(field: "kind", message: "Loại ban \"\(FreeText.printable(String(input.kind.prefix(30))))\" không có.")) }
        var place = commune
        if !input.villageCode.trimmingCharacters(in: .whitespaces).isEmpty {
            if let village = try await UnitQueries.find(code: input.villageCode.trimmingCharacters(in: .whitespaces), on: db), village.unitKind == .village,
               try await UnitClosure.depth(from: commune.requireID, to: village.requireID, on: db) != nil {
                place = village
            } else {
                issues.append(ValidationIssue(field: "villageCode", message: "\"\(FreeText.printable(String(input.villageCode.prefix(40))))\" không phải thôn, bản của \(commune.name)."))
            }
            if kind == .peopleInspection {
                issues.append(ValidationIssue(field: "villageCode", message: "Ban Thanh tra nhân dân được bầu ở cấp xã, không ở thôn, bản."))
            }
        }
        let decision = FreeText.clean(input.decision, field: "decision", label: "Quyết định công nhận", limit: FreeText.Limit.line, required: true)
            .value(collecting: &issues) ?? ""
        let members = input.members.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if members.count > maximumMembers {
            issues.append(ValidationIssue(field: "members", message: "Ghi tối đa \(maximumMembers) thành viên (đang có \(members.count))."))
        }
        for (index, member) in members.enumerated() where member.count > FreeText.Limit.name {
            issues.append(ValidationIssue(field: "members", message: "Dòng \(index + 1) của danh sách thành viên dài quá \(FreeText.Limit.name) ký tự."))
        }
        if members.count < minimumMembers {
            issues.append(ValidationIssue(field: "members", message: "Ghi ít nhất \(minimumMembers) thành viên, mỗi người một dòng (đang có \(members.count))."))
        }
        let from = DateField.parse(input.termFrom, field: "termFrom", label: "Ngày bắt đầu nhiệm kỳ", required: true, into: &issues)
        let to = DateField.parse(input.termTo, field: "termTo", label: "Ngày kết thúc nhiệm kỳ", required: false, into: &issues)
        if let from, let to, to < from { issues.append(ValidationIssue(field: "termTo", message: "Nhiệm kỳ kết thúc \(to.vietnamese) trước khi bắt đầu \(from.vietnamese).")) }
        if let kind, let from {
            let existing = try await OversightBoard.query(on: db).filter(\.$unitID == place.requireID).filter(\.$kindRaw == kind.rawValue).all()
            // Two terms overlap when each starts before the other ends.
            let overlap = existing.first { board in
                let start = CivilDate(parsing: board.termFrom) ?? from
                let end = board.termTo.flatMap(CivilDate.init(parsing:))
                return start <= (to ?? .literal("2200-12-31")) && from <= (end ?? .literal("2200-12-31"))
            }
            if let overlap {
                issues.append(ValidationIssue(field: "termFrom", message: "\(place.name) đã có \(kind.label) nhiệm kỳ từ "
                                              + "\(CivilDate(parsing: overlap.termFrom)?.vietnamese ?? overlap.termFrom); nhiệm kỳ không được trùng."))
            }
        }
        guard issues.isEmpty, let kind, let from else { throw AppError.validation(ValidationFailure(issues)) }
        let unitID = place.requireID
        return try await db.writeTransaction { tx in
            let board = OversightBoard()
            board.unitID = unitID
            board.kindRaw = kind.rawValue
            board.decision = decision
            board.termFrom = from.description
            board.termTo = to?.description
            board.members = members.joined(separator: "\n")
            board.version = 1
            board.createdBy = actor.displayName
            board.createdAt = Date()
            try await board.create(on: tx)
            try await AuditLog.record("board.create", entityType: "oversight_board", entityKey: "\(board.requireID)", unitID: unitID, before: nil,
                                      after: ["kind": kind.rawValue, "decision": decision, "termFrom": from.description], by: actor, on: tx)
            try await ReportGeneration.bump(on: tx)
            return board
        }
    }
}
