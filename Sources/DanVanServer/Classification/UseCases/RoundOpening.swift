import DanVanCore
import Fluent
import Foundation

/// The level above opening a year's round for the units directly below it that the set grades:
/// one sheet per unit, pre-filled from what DanVan measures.
enum RoundOpening {
    struct Input: Codable, Sendable {
        var unitCode: String = ""
        var year: Int?
        var setID: Int?
        var title: String = ""
        var opensOn: String = ""
        var closesOn: String = ""

        init(unitCode: String = "", year: Int? = nil, setID: Int? = nil, title: String = "", opensOn: String = "", closesOn: String = "") {
            self.unitCode = unitCode
            self.year = year
            self.setID = setID
            self.title = title
            self.opensOn = opensOn
            self.closesOn = closesOn
        }

        init(from decoder: any Decoder) throws {
            let values = try decoder.container(keyedBy: CodingKeys.self)
            func text(_ key: CodingKeys) -> String { (try? values.decodeIfPresent(String.self, forKey: key)) ?? nil ?? "" }
            self.init(unitCode: text(.unitCode), year: (try? values.decodeIfPresent(Int.self, forKey: .year)) ?? nil,
                      setID: (try? values.decodeIfPresent(Int.self, forKey: .setID)) ?? nil, title: text(.title), opensOn: text(.opensOn),
                      closesOn: text(.closesOn))
        }
    }

    static func perform(_ input: Input, today: CivilDate, by actor: Actor, on db: any Database) async throws -> ClassificationRound {
        let unit = try await UnitQueries.require(code: input.unitCode, field: "unitCode", on: db)
        try await Authorizer.require(actor, .openRound, on: unit, db: db,
                                     message: "Chỉ cán bộ quản lý của đơn vị hoặc cấp trên mới được mở đợt xếp loại cho đơn vị này.")
        var issues: [ValidationIssue] = []
        let year = input.year ?? 0
        if !(2000...2100).contains(year) { issues.append(ValidationIssue(field: "year", message: "Năm xếp loại phải từ 2000 đến 2100.")) }
        let opens = CivilDate(parsing: input.opensOn)
        let closes = CivilDate(parsing: input.closesOn)
        if opens == nil { issues.append(ValidationIssue(field: "opensOn", message: "Ngày mở đợt phải là ngày hợp lệ (dd/mm/yyyy).")) }
        if closes == nil { issues.append(ValidationIssue(field: "closesOn", message: "Hạn gửi phiếu tự chấm phải là ngày hợp lệ (dd/mm/yyyy).")) }
        if let opens, let closes, closes < opens { issues.append(ValidationIssue(field: "closesOn", message: "Hạn gửi phiếu trước ngày mở đợt.")) }
        let title = FreeText.clean(input.title, field: "title", label: "Tên đợt", limit: FreeText.Limit.name).value(collecting: &issues) ?? ""
        let set = try await input.setID.asyncMap { try await CriteriaSet.find($0, on: db) } ?? nil
        if set == nil { issues.append(ValidationIssue(field: "setID", message: "Chọn bộ tiêu chí áp dụng cho đợt xếp loại.")) }
        if let set, let opens, !set.applies(on: opens) {
            issues.append(ValidationIssue(field: "setID", message: "Bộ tiêu chí \(set.citation) không có hiệu lực vào ngày \(opens.vietnamese)."))
        }
        if let set, try await !CriteriaSets.usable(set, by: unit, on: db) {
            issues.append(ValidationIssue(field: "setID", message: "Bộ tiêu chí này do đơn vị khác ban hành, không áp dụng cho đơn vị này."))
        }
        guard issues.isEmpty, let set, let opens, let closes else { throw AppError.validation(ValidationFailure(issues)) }
        let units = try await gradedUnits(under: unit, kinds: set.unitKinds, on: opens, db: db)
        guard !units.isEmpty else {
            throw AppError.invalid("setID", "Không có đơn vị trực thuộc nào thuộc loại bộ tiêu chí xếp loại (\(set.unitKinds.map(\.label).joined(separator: ", "))).")
        }
        let round = try await db.writeTransaction { tx in
            if try await ClassificationRound.query(on: tx).filter(\.$unitID == unit.requireID).filter(\.$year == year).first() != nil {
                throw AppError(.conflict, "\(unit.name) đã mở đợt xếp loại năm \(year).", field: "year")
            }
            let round = ClassificationRound()
            round.unitID = unit.requireID
            round.year = year
            round.setID = set.requireID
            round.title = title.isEmpty ? "Đánh giá, xếp loại công tác dân vận năm \(year)" : title
            round.opensOn = opens.description
            round.closesOn = closes.description
            round.stateRaw = ClassificationRound.State.open.rawValue
            round.version = 1
            round.createdAt = Date()
            try await round.create(on: tx)
            for child in units {
                let sheet = ClassificationSheet()
                sheet.roundID = round.requireID
                sheet.unitID = child.requireID
                sheet.stateRaw = SheetState.draft.rawValue
                sheet.selfTotal = 0
                sheet.gated = false
                sheet.version = 1
                sheet.updatedAt = Date()
                try await sheet.create(on: tx)
            }
            try await AuditLog.record("classification.round", entityType: "classification_round", entityKey: "#\(round.requireID)", unitID: unit.requireID,
                                      before: nil, after: ["year": "\(year)", "set": set.citation, "sheets": "\(units.count)"], by: actor, on: tx)
            try await SheetPrefilling.prefill(roundID: round.requireID, asOf: today, on: tx)
            try await ReportGeneration.bump(on: tx)
            return round
        }
        return round
    }

    /// Units directly below, active on the day, of the kinds the set grades.
    static func gradedUnits(under unit: OrgUnit, kinds: [UnitKind], on day: CivilDate, db: any Database) async throws -> [OrgUnit] {
        try await OrgUnit.query(on: db).filter(\.$parentID == unit.requireID).sort(\.$name).all().filter { child in
            kinds.contains { $0.rawValue == child.kind } && child.isActive(on: day)
        }
    }
}
