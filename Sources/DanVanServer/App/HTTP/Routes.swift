import Vapor

/// Registers every page and API route.
func registerRoutes(_ app: Application) throws {
    app.get("health") { _ in "ok" }
    app.assets.register(app)
    AuthPagesController().register(app)
    UnitPagesController().register(app)
    UnitImportPagesController().register(app)
    UserPagesController().register(app)
    AuditPagesController().register(app)
    AccountPagesController().register(app)
    PlanPagesController().register(app)
    PlanImportPagesController().register(app)
    TaskPagesController().register(app)
    PlanEditPagesController().register(app)
    ReportPagesController().register(app)
    DocumentPagesController().register(app)

    let api = app.grouped("api")
    OpenAPIController().register(api)
    UnitsAPIController().register(api)
    UsersAPIController().register(api)
    TokensAPIController().register(api)
    AuditAPIController().register(api)
    PlansAPIController().register(api)
    ReportsAPIController().register(api)
    TasksAPIController().register(api)
}
