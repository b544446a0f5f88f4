import DanVanCore
import Fluent
import Foundation

/// A unit (a province's board, a commune) keeping a criteria set: entered as the office's
/// table, with the decision that issued it. A set in use never changes: a new version replaces
/// it from a date, and the old one ends the day before.
enum CriteriaSetSaving {
    struct Input: Codable, Sendable {
        var unitCode: String = ""
        var title: String = ""
        /// "Quyết định số 1878-QĐ/TU ngày 30/10/2017" or just the number.
        var decision: String = ""
        var decisionDate: String = ""
        var validFrom: String = ""
        var unitKinds: [String] = []
        var replaces: Int?
        var criteria: [[String]] = []
        var bands: [[String]] = []
        var gates: [[String]] = []

        init(unitCode: String = "", title: String = "", decision: String = "", decisionDate: String = "", validFrom: String = "", unitKinds: [String] = [],
             replaces: Int? = nil, tables: CriteriaSetFile.Tables? = nil) {
            self.unitCode = unitCode
            self.title = title
            self.decision = decision
            self.decisionDate = decisionDate
            self.validFrom = validFrom
            self.unitKinds = unitKinds
            self.replaces = replaces
            self.criteria = tables?.criteria ?? []
            self.bands = tables?.bands ?? []
            self.gates = tables?.gates ?? []
        }

        init(from decoder: any Decoder) throws {
            let values = try decoder.container(keyedBy: CodingKeys.self)
            func text(_ key: CodingKeys) -> String { (try? values.decodeIfPresent(String.self, forKey: key)) ?? nil ?? "" }
            func table(_ key: CodingKeys) -> [[String]] { (try? values.decodeIfPresent([[String]].self, forKey: key)) ?? nil ?? [] }
            self.init(unitCode: text(.unitCode), title: text(.title), decision: text(.decision), decisionDate: text(.decisionDate),
                      validFrom: text(.validFrom), unitKinds: (try? values.decodeIfPresent([String].self, forKey: .unitKinds)) ?? nil ?? [],
                      replaces: (try? values.decodeIfPresent(Int.self, forKey: .replaces)) ?? nil,
                      tables: .init(criteria: table(.criteria), bands: table(.bands), gates: table(.gates)))
        }
    }

    static func perform(_ input: Input, by actor: Actor, on db: any Database) async throws -> CriteriaSet {
        let unit = try await UnitQueries.require(code: input.unitCode, field: "unitCode", on: db)
        try await Authorizer.require(actor, .openRound, on: unit, db: db,
                                     message: "Chỉ cán bộ quản lý của đơn vị hoặc cấp trên mới được ban hành bộ tiêu chí cho đơn vị này.")
        let (set, definition) = try validated(input, unitID: unit.requireID)
        return try await db.writeTransaction { tx in
            if let oldID = input.replaces {
                try await replace(oldID, from: set, on: tx)
            }
            try await set.create(on: tx)
            if let oldID = input.replaces {
                try await UnitClosure.sqlDatabase(tx).update(CriteriaSet.schema).set("replaced_by_id", to: set.requireID).where("id", .equal, oldID).run()
            }
            try await AuditLog.record("criteria.set", entityType: "criteria_set", entityKey: "#\(set.requireID)", unitID: unit.requireID, before: nil,
                                      after: ["decision": set.decisionNumber, "validFrom": set.validFrom, "maxPoints": definition.maxPoints.short,
                                              "criteria": "\(definition.rows.count)"], by: actor, on: tx)
            return set
        }
    }

    /// The old version ends the day before the new one begins; one already replaced, or in use
    /// on or after that day by a round, cannot be.
    private static func replace(_ oldID: Int, from new: CriteriaSet, on tx: any Database) async throws {
        guard let old = try await CriteriaSet.find(oldID, on: tx), old.unitID == new.unitID else {
            throw AppError.invalid("replaces", "Không tìm thấy bộ tiêu chí cần thay thế của đơn vị này.")
        }
        if old.replacedByID != nil { throw AppError(.conflict, "Bộ tiêu chí này đã được thay thế bằng phiên bản khác.", field: "replaces") }
        guard let from = CivilDate(parsing: new.validFrom), let oldFrom = CivilDate(parsing: old.validFrom), from > oldFrom,
              true else {
            throw AppError.invalid("validFrom", "Phiên bản mới phải có hiệu lực sau ngày \(CivilDate(parsing: old.validFrom)?.vietnamese ?? old.validFrom).")
        }
        let laterRounds = try await ClassificationRound.query(on: tx).filter(\.$setID == oldID).filter(\.$opensOn >= from.description).count()
        if laterRounds > 0 {
            throw AppError(.conflict, "Đã có \(laterRounds) đợt xếp loại mở từ ngày \(from.vietnamese) theo bộ tiêu chí cũ; phiên bản mới phải có hiệu lực sau đó.",
                           field: "validFrom")
        }
        old.validTo = from.adding(days: -1).description
        try await old.save(on: tx)
    }

    static func validated(_ input: Input, unitID: Int) throws -> (CriteriaSet, CriteriaSetDefinition) {
        var issues: [ValidationIssue] = []
        func text(_ value: String, _ field: String, _ label: String) -> String {
            switch FreeText.clean(value, field: field, label: label, limit: FreeText.Limit.name, required: true) {
            case .success(let clean): return clean
            case .failure(let issue): issues.append(issue); return ""
            }
        }
        let title = text(input.title, "title", "Tên bộ tiêu chí")
        let decision = text(input.decision, "decision", "Số quyết định ban hành")
        let cited = CitationScanner.mentions(in: decision, line: 1).first
        let number = cited?.number.raw ?? DocumentNumber.parse(decision)?.raw ?? decision
        let date = CivilDate(parsing: input.decisionDate) ?? cited?.issuedOn
        if date == nil { issues.append(ValidationIssue(field: "decisionDate", message: "Ngày quyết định phải là ngày hợp lệ (dd/mm/yyyy).")) }
        let validFrom = CivilDate(parsing: input.validFrom) ?? (input.validFrom.isEmpty ? date : nil)
        if validFrom == nil { issues.append(ValidationIssue(field: "validFrom", message: "Ngày có hiệu lực phải là ngày hợp lệ (dd/mm/yyyy).")) }
        let kinds = input.unitKinds.compactMap(UnitKind.init(rawValue:))
        if kinds.isEmpty { issues.append(ValidationIssue(field: "unitKinds", message: "Chọn ít nhất một loại đơn vị được xếp loại theo bộ tiêu chí.")) }
        var definition: CriteriaSetDefinition?
        switch CriteriaTable.read(criteria: input.criteria, bands: input.bands, gates: input.gates) {
        case .success(let read): definition = read
        case .failure(let failure): issues += failure.issues
        }
        if let definition {
            let unknown = definition.rows.compactMap(\.binding).filter { PrefillSources.source($0) == nil }
            for binding in Set(unknown).sorted() {
                issues.append(ValidationIssue(field: "Dữ liệu DanVan",
                                              message: "Không có nguồn dữ liệu \"\(binding)\"; dùng một trong: \(PrefillSources.all.map(\.key).joined(separator: ", "))."))
            }
        }
        guard issues.isEmpty, let definition, let date, let validFrom else { throw AppError.validation(ValidationFailure(issues)) }
        let set = CriteriaSet()
        set.unitID = unitID
        set.title = title
        set.decisionNumber = number
        set.decisionDate = date.description
        set.validFrom = validFrom.description
        set.unitKindsText = kinds.map(\.rawValue).joined(separator: ",")
        set.maxPointsHundredths = definition.maxPoints.hundredths
        set.definitionJSON = String(decoding: try JSONEncoder().encode(definition), as: UTF8.self)
        set.version = 1
        set.createdAt = Date()
        return (set, definition)
    }
}
