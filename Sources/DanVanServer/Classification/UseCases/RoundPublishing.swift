import DanVanCore
import Fluent
import Foundation
import SQLKit

/// The level above publishing a round's results by decision: every sheet appraised (those that
/// are not are named), quotas kept (the counts named); then every sheet locks.
enum RoundPublishing {
    struct Input: Codable, Sendable {
        var decision: String = ""
        var decisionDate: String = ""
        var version: Int?

        init(decision: String = "", decisionDate: String = "", version: Int? = nil) {
            self.decision = decision
            self.decisionDate = decisionDate
            self.version = version
        }

        /// Missing fields are empty: the use case decides (after authorization) what is wrong.
        init(from decoder: any Decoder) throws {
            let values = try decoder.container(keyedBy: CodingKeys.self)
            self.init(decision: (try? values.decodeIfPresent(String.self, forKey: .decision)) ?? nil ?? "",
                      decisionDate: (try? values.decodeIfPresent(String.self, forKey: .decisionDate)) ?? nil ?? "",
                      version: (try? values.decodeIfPresent(Int.self, forKey: .version)) ?? nil)
        }
    }

    static func perform(_ roundID: Int, _ input: Input, by actor: Actor, on db: any Database) async throws -> ClassificationRound {
        guard let round = try await ClassificationRound.find(roundID, on: db), let unit = try await OrgUnit.find(round.unitID, on: db),
              let set = try await CriteriaSet.find(round.setID, on: db) else {
            throw AppError.notFound("Không tìm thấy đợt xếp loại.")
        }
        try await Authorizer.require(actor, .openRound, on: unit, db: db, message: "Chỉ đơn vị mở đợt xếp loại mới được công bố kết quả.")
        guard round.state == .open else { throw AppError(.conflict, "Đợt xếp loại đã công bố.", field: "state") }
        var issues: [ValidationIssue] = []
        let cleaned = FreeText.clean(input.decision, field: "decision", label: "Số quyết định", limit: FreeText.Limit.name).value(collecting: &issues)
        let decision = cleaned ?? ""
        let cited = CitationScanner.mentions(in: decision, line: 1).first
        let number = cited?.number.raw ?? DocumentNumber.parse(decision)?.raw ?? decision
        let date = CivilDate(parsing: input.decisionDate) ?? cited?.issuedOn
        if cleaned != nil, number.isEmpty { issues.append(ValidationIssue(field: "decision", message: "Hãy nhập số quyết định công bố kết quả.")) }
        if date == nil { issues.append(ValidationIssue(field: "decisionDate", message: "Ngày quyết định phải là ngày hợp lệ (dd/mm/yyyy).")) }
        let sheets = try await ClassificationSheet.query(on: db).filter(\.$roundID == roundID).all()
        // After a reopen the other sheets are still published: only the reopened one waits.
        let waiting = sheets.filter { $0.state != .appraised && $0.state != .published }
        if !waiting.isEmpty {
            let names = try await OrgUnit.query(on: db).filter(\.$id ~~ waiting.map(\.unitID)).sort(\.$name).all().map(\.name)
            issues.append(ValidationIssue(field: "sheets", message: "Còn \(waiting.count) phiếu chưa thẩm định: \(names.joined(separator: ", "))."))
        }
        issues += CriteriaScoring.quotaIssues(try set.definition, labels: sheets.map { $0.label ?? "" })
        guard issues.isEmpty, let date else { throw AppError.validation(ValidationFailure(issues)) }
        return try await db.writeTransaction { tx in
            let sql = try UnitClosure.sqlDatabase(tx)
            let updated = try await sql.update(ClassificationRound.schema).set("state", to: ClassificationRound.State.published.rawValue)
                .set("decision_number", to: number).set("decision_date", to: date.description).set("version", to: SQLRaw("version + 1"))
                .where("id", .equal, roundID).where("version", .equal, input.version ?? round.version).where("state", .equal, ClassificationRound.State.open.rawValue)
                .returning("id").all()
            guard !updated.isEmpty else { throw AppError(.conflict, "Đợt xếp loại vừa được người khác thay đổi; hãy mở lại trang.", field: "version") }
            let moved = try await sql.update(ClassificationSheet.schema).set("state", to: SheetState.published.rawValue).set("version", to: SQLRaw("version + 1"))
                .where("round_id", .equal, roundID).where("state", .equal, SheetState.appraised.rawValue).returning("id").all()
            guard moved.count == sheets.filter({ $0.state == .appraised }).count else { throw AppError(.conflict, "Một phiếu vừa thay đổi; hãy mở lại trang.", field: "version") }
            try await AuditLog.record("classification.publish", entityType: "classification_round", entityKey: "#\(roundID)", unitID: unit.requireID,
                                      before: ["state": "open"], after: ["decision": number, "date": date.description, "sheets": "\(sheets.count)"], by: actor, on: tx)
            try await ReportGeneration.bump(on: tx)
            guard let saved = try await ClassificationRound.find(roundID, on: tx) else { throw AppError.notFound("Không tìm thấy đợt xếp loại.") }
            try await ClassificationNotices.published(saved, decision: "Quyết định số \(number) ngày \(date.vietnamese) của \(unit.name)", by: actor, on: tx)
            return saved
        }
    }
}
