import Foundation
import DanVanCore
import Fluent

/// "Dân vận khéo": the register of a unit's subtree for a year with its filters, the counts by
/// field and kind, the units that must register and have no model yet, the campaign, and what
/// the reader may do (launch, register, import, download).
struct ModelsPage: Encodable, Sendable {
    /// What the reader may do on the unit, decided before the page is built or looked up.
    struct Rights: Sendable {
        let register: Bool
        let launch: Bool
    }

    /// The frame's part: the cached body, and the import form with the session's token.
    struct Shell: Encodable {
        let body: String
        let canRegister: Bool
        let importAction: String
        let errors: FormErrors
    }

    struct Line: Encodable {
        let href: String
        let name: String
        let unitName: String
        let field: String
        let kindLabel: String
        let statusLabel: String
        let status: String
        let late: Bool
        let replicated: Bool
        let carried: Bool
        let copies: Int
        let recognition: String?
    }

    struct GridRow: Encodable {
        let field: String
        let counts: [Int]
        let total: Int
    }

    struct Missing: Encodable {
        let name: String
        let code: String
    }

    struct Campaign: Encodable {
        let title: String
        let document: String
        let registration: String
        let evaluation: String
        let issuer: String
    }

    let unitCode: String
    let unitName: String
    let year: Int
    let years: YearChoice
    let fieldOptions: [SelectOption]
    let kindOptions: [SelectOption]
    let statusOptions: [SelectOption]
    let levelOptions: [SelectOption]
    let search: String
    let filtered: Bool
    let listAction = SiteRoute.models.path
    let lines: [Line]
    let nextHref: String?
    let registered: Int
    let recognised: Int
    let exemplary: Int
    let late: Int
    let returned: Int
    let lastYear: Int
    let outputs: String?
    let unitsExpected: Int
    let unitsWithModel: Int
    let missing: [Missing]
    let missingCount: Int
    /// Units without a model beyond the first shown; the register export lists them all.
    let missingMore: Int
    let kindHeaders: [String]
    let grid: [GridRow]
    let campaign: Campaign?
    let canLaunch: Bool
    let canRegister: Bool
    let launchHref: String
    let newHref: String
    let importAction: String
    let downloads: [SelectOption]
    let notice: String?
    let errors: FormErrors

    static func query(unit: OrgUnit, year: Int, filter: ModelRegisterQuery.Filter, offset: Int, rights: Rights, today: CivilDate,
                      summaries: (cache: GenerationCache<ModelSummary>, generation: Int?)? = nil,
                      notice: String? = nil, errors: FormErrors = .none, on db: any Database) async throws -> ModelsPage {
        let rows = try await ModelRegisterQuery.rows(root: unit.requireID, filter, offset: offset, limit: ModelRegisterQuery.pageSize + 1, on: db)
        let countingDay = min(today, CivilDate(year: year, month: 12, day: 31) ?? today)
        let summary = if let summaries {
            try await ModelSummaryQuery.cached(unit: unit, year: year, today: countingDay, generation: summaries.generation, in: summaries.cache, on: db)
        } else {
            try await ModelSummaryQuery.load(unit: unit, year: year, today: countingDay, on: db)
        }
        let campaign = try await ModelCampaigns.governing(unitID: unit.requireID, year: year, on: db)
        let issuer = try await campaign.asyncMap { try await OrgUnit.find($0.unitID, on: db)?.name } ?? nil
        let fields = (campaign?.fields ?? ModelField.defaults).map(\.name)
        let allFields = fields + summary.byField.keys.filter { !fields.contains($0) }.sorted()
        let range = try await YearChoice.years(for: unit, today: today, on: db)
        let query = "unit=\(unit.code)&year=\(year)"
        var nextHref: String?
        if rows.count > ModelRegisterQuery.pageSize {
            nextHref = SiteRoute.models.path + "?" + query + filterQuery(filter) + "&from=\(offset + ModelRegisterQuery.pageSize)"
        }
        return ModelsPage(
            unitCode: unit.code, unitName: unit.name, year: year,
            years: YearChoice(action: SiteRoute.models.path, hidden: [.init(name: "unit", value: unit.code)],
                              options: range.reversed().map { SelectOption(value: String($0), label: String($0), selected: $0 == year) }),
            fieldOptions: allFields.map { SelectOption(value: $0, label: $0, selected: $0 == filter.field) },
            kindOptions: ModelKind.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0 == filter.kind) },
            statusOptions: ModelStatus.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0 == filter.status) },
            levelOptions: (campaign?.levels ?? CampaignLaunching.defaultLevels).map { SelectOption(value: $0, label: $0, selected: $0 == filter.level) },
            search: filter.search ?? "",
            filtered: filter != ModelRegisterQuery.Filter(year: year),
            lines: rows.prefix(ModelRegisterQuery.pageSize).map(line), nextHref: nextHref,
            registered: summary.registered, recognised: summary.recognised, exemplary: summary.exemplary, late: summary.late,
            returned: summary.returned, lastYear: summary.lastYear,
            outputs: summary.reviewFigures.outputs.isEmpty ? nil : "Kết quả từ các mô hình: " + summary.reviewFigures.outputs.map { "\($0.1) \($0.0)" }.joined(separator: ", "), unitsExpected: summary.unitsExpected, unitsWithModel: summary.withModel.count,
            missing: summary.missing.prefix(Self.missingShown).map { Missing(name: $0.name, code: $0.code) },
            missingCount: summary.missing.count, missingMore: max(0, summary.missing.count - Self.missingShown),
            kindHeaders: ModelKind.allCases.map(\.label),
            grid: allFields.compactMap { field in
                let counts = ModelKind.allCases.map { summary.grid[field]?[$0.rawValue] ?? 0 }
                let total = counts.reduce(0, +)
                return total == 0 && !fields.contains(field) ? nil : GridRow(field: field, counts: counts, total: total)
            },
            campaign: campaign.map { campaign in
                Campaign(title: campaign.title, document: campaign.documentNumber
                            + (CivilDate(parsing: campaign.documentDate).map { " ngày \($0.vietnamese)" } ?? ""),
                         registration: dates(campaign.registrationFrom, campaign.registrationTo),
                         evaluation: dates(campaign.evaluationFrom, campaign.evaluationTo), issuer: issuer ?? "")
            },
            canLaunch: rights.launch && campaign?.unitID != unit.id,
            canRegister: rights.register,
            launchHref: SiteRoute.campaignNew.path + "?" + query,
            newHref: SiteRoute.modelNew.path + "?" + query,
            importAction: SiteRoute.modelsImport.path + "?" + query,
            downloads: [
                SelectOption(value: SiteRoute.modelsRegisterXlsx.path + "?" + query, label: "Tổng hợp đăng ký (Excel)", selected: false),
                SelectOption(value: SiteRoute.modelsResultsXlsx.path + "?" + query, label: "Kết quả đánh giá, công nhận (Excel)", selected: false),
                SelectOption(value: SiteRoute.modelsRegistrationDocx.path + "?" + query, label: "Danh sách đăng ký kèm công văn (Word)", selected: false),
                SelectOption(value: SiteRoute.modelsDecisionDocx.path + "?" + query, label: "Dự thảo quyết định công nhận (Word)", selected: false),
            ],
            notice: notice, errors: errors)
    }

    private static func line(_ row: ModelRegisterQuery.Row) -> Line {
        Line(href: SiteRoute.model(row.id).path, name: row.name, unitName: row.unitName, field: row.field, kindLabel: row.kind.label,
             statusLabel: row.status.label, status: row.status.rawValue, late: row.late, replicated: row.replicatedFromID != nil,
             carried: row.carriedFromID != nil, copies: row.replications,
             recognition: row.level.map { level in [level, row.decisionNumber].compactMap { $0 }.joined(separator: " · ") })
    }

    static let missingShown = 60

    static func dates(_ from: String, _ to: String) -> String {
        let start = CivilDate(parsing: from)?.vietnamese ?? from, end = CivilDate(parsing: to)?.vietnamese ?? to
        return "\(start) – \(end)"
    }

    static func filterQuery(_ filter: ModelRegisterQuery.Filter) -> String {
        var parts: [String] = []
        if let field = filter.field { parts.append("field=" + (field.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? "")) }
        if let kind = filter.kind { parts.append("kind=\(kind.rawValue)") }
        if let status = filter.status { parts.append("status=\(status.rawValue)") }
        if let level = filter.level { parts.append("level=" + (level.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? "")) }
        return parts.map { "&" + $0 }.joined()
    }
}
