import DanVanCore
import Fluent
import Vapor

/// /api/reports and /api/rollup: read and act on a unit's report for a period, and read a
/// subtree's roll-up. The same checks and the same one-transaction rule as the pages.
struct ReportsAPIController {
    struct FigureBody: Content {
        let indicator: Int
        let numerator: String?
        let denominator: String?
        let note: String?
    }

    struct ActionBody: Content {
        let period: String
        let action: String
        let values: [FigureBody]?
        let narrative: String?
        let version: Int?
        let confirmJumps: Bool?
        let reason: String?
    }

    struct ReportBody: Content {
        struct Figure: Content {
            let indicator: Int
            let name: String
            let kind: String
            let numerator: Int?
            let denominator: Int?
            let note: String
        }

        let unit: String
        let period: String
        let periodLabel: String
        let state: String
        let version: Int?
        let late: Bool
        let deadline: String
        let reason: String?
        let narrative: String
        let values: [Figure]
    }

    func register(_ api: any RoutesBuilder) {
        api.get("reports", ":code", use: show)
        api.post("reports", ":code", use: act)
        api.get("rollup", ":code", use: rollup)
    }

    func show(req: Request) async throws -> ReportBody {
        let unit = try await unit(req, for: .viewUnit)
        let form = try await ReportForm.load(unitID: unit.requireID, period: try await period(req.query["period"], req), on: req.db)
        return try await body(unit: unit, form: form, on: req.db)
    }

    func act(req: Request) async throws -> ReportBody {
        let unit = try await unit(req, for: .viewUnit)
        let request = try req.content.decode(ActionBody.self)
        try await ReportActions.authorize(request.action, on: unit, by: try req.actor, on: req.db)
        let form = try await ReportForm.load(unitID: unit.requireID, period: try await period(request.period, req), on: req.db)
        let existing = try await ReportLookup.report(unitID: unit.requireID, period: form.period, on: req.db)
        var input = try await ReportLookup.storedInput(existing, on: req.db)
        input.version = request.version
        input.confirmJumps = request.confirmJumps ?? false
        if let narrative = request.narrative { input.narrative = narrative }
        let known = Set(form.items.map(\.indicatorID))
        for figure in request.values ?? [] {
            guard known.contains(figure.indicator) else {
                throw AppError.invalid("values", "Chỉ số \(figure.indicator) không có trong báo cáo \(form.period.label) của \(unit.code).")
            }
            input.figures[figure.indicator] = .init(numerator: figure.numerator ?? "", denominator: figure.denominator ?? "", note: figure.note ?? "")
        }
        try await ReportActions.perform(request.action, unit: unit, form: form, input: input, reason: request.reason ?? "",
                                        today: req.today, by: try req.actor, on: req.db)
        return try await body(unit: unit, form: form, on: req.db)
    }

    func rollup(req: Request) async throws -> RollupRun.Output {
        let unit = try await unit(req, for: .viewUnit)
        let submitted: Bool? = req.query["submitted"]
        let outputs = try await RollupRun.run(unitCode: unit.code, periodCode: try await period(req.query["period"], req).code,
                                              includeSubmitted: submitted ?? false, on: req.db)
        guard let output = outputs.first else { throw AppError.notFound("Không có số liệu.") }
        return output
    }

    private func unit(_ req: Request, for action: AccessAction) async throws -> OrgUnit {
        guard let code = req.parameters.get("code") else { throw AppError.notFound("Không tìm thấy đơn vị.") }
        let unit = try await UnitQueries.require(code: code, on: req.db)
        try await req.authorize(action, on: unit)
        return unit
    }

    private func period(_ code: String?, _ req: Request) async throws -> ReportPeriod {
        try await ReportPeriods.requested(code, on: req.db)
    }

    private func body(unit: OrgUnit, form: ReportForm, on db: any Database) async throws -> ReportBody {
        let report = try await ReportLookup.report(unitID: unit.requireID, period: form.period, on: db)
        let values = try await report.asyncMap { try await ReportLookup.values(reportID: $0.requireID, on: db) } ?? [:]
        return ReportBody(unit: unit.code, period: form.period.code, periodLabel: form.period.label,
                          state: report?.state.rawValue ?? "none", version: report?.version, late: report?.late ?? false,
                          deadline: form.deadline.description, reason: report?.reason, narrative: report?.narrative ?? "",
                          values: form.items.map { item in
                              let value = values[item.indicatorID]
                              return .init(indicator: item.indicatorID, name: item.name, kind: item.kind.rawValue, numerator: value?.numerator,
                                           denominator: value?.denominator, note: value?.comment ?? "")
                          })
    }
}
