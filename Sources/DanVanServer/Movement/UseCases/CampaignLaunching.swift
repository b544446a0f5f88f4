import DanVanCore
import Fluent
import Foundation

/// The level above launching a year's campaign for its subtree. The launching document may be
/// pasted as it is cited ("Kế hoạch số 12-KH/BTGDV ngày 10/01/2026"): the citation reader takes
/// its number and date.
enum CampaignLaunching {
    struct Input: Codable, Sendable {
        var unitCode: String
        var year: Int?
        var title: String = ""
        var document: String = ""
        var documentDate: String = ""
        var fields: String = ""
        var kinds: [String] = ModelKind.allCases.map(\.rawValue)
        var unitKinds: [String] = [UnitKind.partyCommittee.rawValue, UnitKind.partyCell.rawValue]
        var registrationFrom: String = ""
        var registrationTo: String = ""
        var evaluationFrom: String = ""
        var evaluationTo: String = ""
        var levels: String = ""
        var criteria: String = ""

        init(unitCode: String, year: Int?, title: String = "", document: String = "", documentDate: String = "", fields: String = "",
             kinds: [String] = ModelKind.allCases.map(\.rawValue), unitKinds: [String] = [UnitKind.partyCommittee.rawValue, UnitKind.partyCell.rawValue],
             registrationFrom: String = "", registrationTo: String = "", evaluationFrom: String = "", evaluationTo: String = "",
             levels: String = "", criteria: String = "") {
            self.unitCode = unitCode
            self.year = year
            self.title = title
            self.document = document
            self.documentDate = documentDate
            self.fields = fields
            self.kinds = kinds
            self.unitKinds = unitKinds
            self.registrationFrom = registrationFrom
            self.registrationTo = registrationTo
            self.evaluationFrom = evaluationFrom
            self.evaluationTo = evaluationTo
            self.levels = levels
            self.criteria = criteria
        }

        /// Fields left out of a JSON body take the form's defaults; the checks name what is missing.
        init(from decoder: any Decoder) throws {
            let values = try decoder.container(keyedBy: CodingKeys.self)
            func text(_ key: CodingKeys) throws -> String { try values.decodeIfPresent(String.self, forKey: key) ?? "" }
            self.init(unitCode: try text(.unitCode), year: try values.decodeIfPresent(Int.self, forKey: .year), title: try text(.title),
                      document: try text(.document), documentDate: try text(.documentDate), fields: try text(.fields),
                      kinds: try values.decodeIfPresent([String].self, forKey: .kinds) ?? ModelKind.allCases.map(\.rawValue),
                      unitKinds: try values.decodeIfPresent([String].self, forKey: .unitKinds)
                          ?? [UnitKind.partyCommittee.rawValue, UnitKind.partyCell.rawValue],
                      registrationFrom: try text(.registrationFrom), registrationTo: try text(.registrationTo),
                      evaluationFrom: try text(.evaluationFrom), evaluationTo: try text(.evaluationTo), levels: try text(.levels),
                      criteria: try text(.criteria))
        }
    }

    static let defaultLevels = ["Cấp xã", "Cấp tỉnh"]
    static let defaultCriteria = [
        "Đúng chủ đề, lĩnh vực đã đăng ký; giải quyết vấn đề thực tiễn của địa phương",
        "Có kế hoạch, phân công rõ lực lượng chủ trì, phối hợp, tham gia",
        "Nhân dân đồng tình, tích cực tham gia, được hưởng lợi",
        "Có sản phẩm, kết quả cụ thể, kiểm chứng được",
        "Duy trì bền vững, có khả năng nhân rộng",
    ]

    static func perform(_ input: Input, by actor: Actor, on db: any Database) async throws -> ModelCampaign {
        let unit = try await UnitQueries.require(code: input.unitCode, on: db)
        try await Authorizer.require(actor, .launchCampaign, on: unit, db: db,
                                     message: "Chỉ cán bộ quản lý của đơn vị hoặc cấp trên mới được phát động phong trào cho đơn vị này.")
        let campaign = try validated(input, unitID: unit.requireID)
        return try await db.writeTransaction { tx in
            if try await ModelCampaign.query(on: tx).filter(\.$unitID == unit.requireID).filter(\.$year == campaign.year).first() != nil {
                throw AppError(.conflict, "\(unit.name) đã phát động phong trào \"Dân vận khéo\" năm \(campaign.year).", field: "year")
            }
            try await campaign.create(on: tx)
            try await AuditLog.record("model.campaign", entityType: "campaign", entityKey: "#\(campaign.requireID)", unitID: unit.requireID,
                                      before: nil, after: ["year": "\(campaign.year)", "document": campaign.documentNumber], by: actor, on: tx)
            try await ReportGeneration.bump(on: tx)
            return campaign
        }
    }

    static func validated(_ input: Input, unitID: Int) throws -> ModelCampaign {
        var issues: [ValidationIssue] = []
        func text(_ value: String, _ field: String, _ label: String, limit: Int = FreeText.Limit.name, required: Bool = false,
                  multiline: Bool = false) -> String {
            switch FreeText.clean(value, field: field, label: label, limit: limit, multiline: multiline, required: required) {
            case .success(let clean): return clean
            case .failure(let issue): issues.append(issue); return ""
            }
        }
        let year = input.year ?? 0
        if !(2000...2100).contains(year) { issues.append(ValidationIssue(field: "year", message: "Năm phát động phải từ 2000 đến 2100.")) }
        let title = text(input.title, "title", "Tên đợt phát động", required: true)
        let document = text(input.document, "document", "Số văn bản phát động", required: true)
        let cited = CitationScanner.mentions(in: document, line: 1).first
        let number = cited?.number.raw ?? DocumentNumber.parse(document)?.raw ?? document
        var date = CivilDate(parsing: input.documentDate) ?? cited?.issuedOn
        if date == nil { issues.append(ValidationIssue(field: "documentDate", message: "Ngày văn bản phát động phải là ngày hợp lệ (dd/mm/yyyy).")) }
        if let day = date, day.year > year + 1 || day.year < year - 1 { issues.append(ValidationIssue(field: "documentDate", message: "Ngày văn bản phát động không thuộc năm \(year).")); date = nil }
        let fields = ModelField.parse(lines: text(input.fields, "fields", "Lĩnh vực", limit: FreeText.Limit.paragraph, multiline: true))
        let kinds = input.kinds.compactMap(ModelKind.init(rawValue:))
        if kinds.isEmpty { issues.append(ValidationIssue(field: "kinds", message: "Chọn ít nhất một loại: mô hình hoặc điển hình.")) }
        let unitKinds = input.unitKinds.compactMap(UnitKind.init(rawValue:))
        if unitKinds.isEmpty { issues.append(ValidationIssue(field: "unitKinds", message: "Chọn ít nhất một loại đơn vị phải đăng ký.")) }
        let windows = [("registrationFrom", "Ngày bắt đầu đăng ký", input.registrationFrom), ("registrationTo", "Hạn đăng ký", input.registrationTo),
                       ("evaluationFrom", "Ngày bắt đầu đánh giá", input.evaluationFrom), ("evaluationTo", "Ngày kết thúc đánh giá", input.evaluationTo)]
        let days = windows.map { field, label, value -> CivilDate? in
            guard let day = CivilDate(parsing: value) else {
                issues.append(ValidationIssue(field: field, message: "\(label) phải là ngày hợp lệ (dd/mm/yyyy)."))
                return nil
            }
            return day
        }
        if let from = days[0], let to = days[1], to < from { issues.append(ValidationIssue(field: "registrationTo", message: "Hạn đăng ký trước ngày bắt đầu đăng ký.")) }
        if let to = days[1], let start = days[2], start <= to { issues.append(ValidationIssue(field: "evaluationFrom", message: "Đánh giá phải bắt đầu sau hạn đăng ký.")) }
        if let start = days[2], let end = days[3], end < start { issues.append(ValidationIssue(field: "evaluationTo", message: "Ngày kết thúc đánh giá trước ngày bắt đầu.")) }
        let levels = ModelCampaign.lines(text(input.levels, "levels", "Cấp công nhận", limit: FreeText.Limit.line, multiline: true))
        let criteria = ModelCampaign.lines(text(input.criteria, "criteria", "Tiêu chí đánh giá", limit: FreeText.Limit.paragraph, multiline: true))
        guard issues.isEmpty else { throw AppError.validation(ValidationFailure(issues)) }
        let campaign = ModelCampaign()
        campaign.unitID = unitID
        campaign.year = year
        campaign.title = title
        campaign.documentNumber = number
        campaign.documentDate = date?.description ?? ""
        let chosen = fields.isEmpty ? ModelField.defaults : fields
        campaign.fieldsJSON = String(decoding: (try? JSONEncoder().encode(chosen)) ?? Data("[]".utf8), as: UTF8.self)
        campaign.kindsText = kinds.map(\.rawValue).joined(separator: ",")
        campaign.unitKindsText = unitKinds.map(\.rawValue).joined(separator: ",")
        campaign.registrationFrom = days[0]?.description ?? ""
        campaign.registrationTo = days[1]?.description ?? ""
        campaign.evaluationFrom = days[2]?.description ?? ""
        campaign.evaluationTo = days[3]?.description ?? ""
        campaign.levelsText = (levels.isEmpty ? defaultLevels : levels).joined(separator: "\n")
        campaign.criteriaText = (criteria.isEmpty ? defaultCriteria : criteria).joined(separator: "\n")
        campaign.version = 1
        campaign.createdAt = Date()
        return campaign
    }
}
