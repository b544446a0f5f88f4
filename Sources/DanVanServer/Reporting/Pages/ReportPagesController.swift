import DanVanCore
import DanVanDocuments
import Fluent
import Vapor

/// Reports: the list, one unit's report for a period (enter, submit, return, approve, reopen),
/// the CSV upload, and the dashboards with their CSV tables.
struct ReportPagesController {
    let limits: UploadLimits

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.reports.pathComponents, use: list)
        routes.get(SiteRoute.reportsTemplate.pathComponents, use: template)
        routes.upload(.POST, SiteRoute.reportsImport.pathComponents, limit: limits.singleFileBytes, use: importCSV)
        routes.get(SiteRoute.report(SiteRoute.anyCode).pathComponents, use: show)
        routes.post(SiteRoute.reportAction(SiteRoute.anyCode).pathComponents, use: act)
        routes.get(SiteRoute.dashboard(SiteRoute.anyCode).pathComponents, use: dashboard)
        routes.get(SiteRoute.dashboardChildrenCSV(SiteRoute.anyCode).pathComponents, use: childrenCSV)
        routes.get(SiteRoute.dashboardCompletenessCSV(SiteRoute.anyCode).pathComponents, use: completenessCSV)
    }

    func list(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let page = try await ReportsPage.query(for: user, year: req.query[String.self, at: "year"], on: req.db)
        return try await req.renderPage("reports", title: "Báo cáo năm \(page.year)", page)
    }

    /// A CSV to fill in: one row per indicator the unit reports for the period, with the headers
    /// the import reads and the indicator's name beside its code (the import ignores that column).
    func template(req: Request) async throws -> Response {
        let unit = try await req.chosenUnit()
        try await req.authorize(.enterReport, on: unit)
        let period = try await ReportPeriods.requested(req.query["period"], on: req.db)
        let form = try await ReportForm.load(unitID: unit.requireID, period: period, on: req.db)
        let columns: [ReportCSVColumn] = [.unit, .period, .indicator, .numerator, .denominator, .note]
        let header = columns.map(\.vietnameseHeader) + ["Tên chỉ số (không nhập)"]
        let rows = form.items.map { item in
            [unit.code, period.code, String(item.indicatorID), "", "", "", item.name]
        }
        return DocumentDownload.response(try CSVTable.write(header: header, rows: rows), kind: .csv,
                                         name: "Mẫu nhập số liệu \(unit.code) \(period.code)")
    }

    struct ImportForm: Content {
        let file: File?
        let submit: String?
    }

    func importCSV(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.content.decode(ImportForm.self)
        let year: String? = nil
        do {
            guard let file = form.file, file.data.readableBytes > 0 else { throw AppError.invalid("file", "Hãy chọn tệp CSV.") }
            let outcome = try await ReportsCSVImport.perform(Data(buffer: file.data), submit: form.submit == "1", today: req.today,
                                                             by: try req.actor, on: req.db)
            let page = try await ReportsPage.query(for: user, year: year, notice: "Đã nhập \(outcome.figures) số liệu của \(outcome.reports) báo cáo.",
                                                   on: req.db)
            return try await req.renderPage("reports", title: "Báo cáo", page)
        } catch let error as AppError where [.unprocessableEntity, .conflict, .forbidden].contains(error.status) {
            let page = try await ReportsPage.query(for: user, year: year, errors: FormErrors(error), on: req.db)
            return try await req.renderPage("reports", title: "Báo cáo", page, status: error.status)
        }
    }

    /// Unit → the reports of the year (the list is of the user's own unit) → this period.
    static func crumbs(_ unit: OrgUnit, _ period: ReportPeriod, for user: User) -> [Layout.Crumb] {
        [Layout.Crumb(label: unit.name, href: SiteRoute.unit(unit.code).path),
         Layout.Crumb(label: "Báo cáo năm \(period.year)",
                      href: unit.id == user.unitID ? SiteRoute.reports.path + "?year=\(period.year)" : nil),
         Layout.Crumb(label: period.label, href: nil)]
    }

    func show(req: Request) async throws -> Response {
        let unit = try await req.visibleUnit()
        let period = try await ReportPeriods.requested(req.query["period"], on: req.db)
        let form = try await ReportForm.load(unitID: unit.requireID, period: period, on: req.db)
        let page = try await ReportEntryPage.query(unit: unit, form: form, user: try req.requireUser(), on: req.db)
        return try await req.renderPage("report", title: "Báo cáo \(period.label)", page, crumbs: Self.crumbs(unit, period, for: try req.requireUser()))
    }

    func act(req: Request) async throws -> Response {
        let unit = try await req.visibleUnit()
        let user = try req.requireUser()
        let fields = try req.content.decode([String: String].self)
        try await ReportActions.authorize(fields["action"] ?? "", on: unit, by: try req.actor, on: req.db)
        let period = try await ReportPeriods.requested(fields["period"], on: req.db)
        let form = try await ReportForm.load(unitID: unit.requireID, period: period, on: req.db)
        let input = ReportFormFields.input(fields, form: form)
        do {
            try await ReportActions.perform(fields["action"] ?? "", unit: unit, form: form, input: input, reason: fields["reason"] ?? "",
                                            today: req.today, by: try req.actor, on: req.db)
            return req.redirect(to: SiteRoute.report(unit.code).path + "?period=" + period.code)
        } catch let error as AppError where [.unprocessableEntity, .conflict].contains(error.status) {
            let page = try await ReportEntryPage.query(unit: unit, form: form, user: user, typed: input, errors: FormErrors(error), on: req.db)
            return try await req.renderPage("report", title: "Báo cáo \(period.label)", page, status: error.status,
                                            crumbs: Self.crumbs(unit, period, for: try req.requireUser()))
        }
    }

    func dashboard(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let access = try await DashboardAccess.cached(code: try req.routeParameter(), for: user,
                                                      generation: req.storage[ReportGenerationKey.self] ?? nil,
                                                      in: req.application.dashboardAccessCache, on: req.db)
        guard Authorizer.allows(user, .viewUnit, relation: access.relation) else { throw AppError.forbidden }
        let unit = access.unit
        let request = try await req.dashboardRequest()
        let key = "\(unit.requireID)|\(request.period.code)|\(request.indicatorID.map(String.init) ?? "")|\(request.includeSubmitted)"
        let db = req.db
        let rollups = req.application.rollupCache
        let today = Today.date
        let body = try await req.application.dashboardCache.value(for: key, generation: access.generation) {
            let page = try await DashboardPage.build(unit: unit, period: request.period, indicatorID: request.indicatorID,
                                                     includeSubmitted: request.includeSubmitted, rollups: rollups, on: db)
            let years = try await YearChoice.years(for: unit, today: today, on: db)
            return DashboardHTML.body(page, periods: ReportPeriods.choices(in: request.period.year), years: Array(years.reversed()),
                                      today: today)
        }
        return try await req.renderPage("dashboard", title: "Tổng hợp · \(unit.name)", ["body": body.rendered])
    }

    func childrenCSV(req: Request) async throws -> Response {
        try await csv(.children, req: req)
    }

    func completenessCSV(req: Request) async throws -> Response {
        try await csv(.completeness, req: req)
    }

    /// The same table as the Excel download, as CSV.
    private func csv(_ kind: TableExports.Kind, req: Request) async throws -> Response {
        let unit = try await req.visibleUnit()
        let request = try await req.dashboardRequest()
        let table = try await DocumentExports.spreadsheet(kind, unit: unit, link: request, rollups: req.application.rollupCache, on: req.db)
        return DocumentDownload.response(try CSVTable.write(table), kind: .csv,
                                         name: DocumentNames.table(kind, unitCode: unit.code, period: request.period))
    }

}
