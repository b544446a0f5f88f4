import Vapor

/// Registers every page and API route.
func registerRoutes(_ app: Application) throws {
    app.get("health") { _ in "ok" }
    app.assets.register(app)
    AuthPagesController().register(app)
    UnitPagesController().register(app)
    UnitImportPagesController(limits: app.settings.uploads).register(app)
    UserPagesController().register(app)
    AuditPagesController().register(app)
    AccountPagesController().register(app)
    PlanPagesController().register(app)
    PlanImportPagesController(limits: app.settings.uploads).register(app)
    TaskPagesController(limits: app.settings.uploads).register(app)
    PlanEditPagesController().register(app)
    ReportPagesController(limits: app.settings.uploads).register(app)
    DocumentPagesController().register(app)
    NotificationPagesController().register(app)
    ModelPagesController(limits: app.settings.uploads).register(app)
    ClassificationPagesController(limits: app.settings.uploads).register(app)
    CitizenPagesController(limits: app.settings.uploads).register(app)
    TrainingPagesController(limits: app.settings.uploads).register(app)

    let api = app.grouped("api")
    OpenAPIController().register(api)
    UnitsAPIController(limits: app.settings.uploads).register(api)
    UsersAPIController().register(api)
    TokensAPIController().register(api)
    AuditAPIController().register(api)
    PlansAPIController(limits: app.settings.uploads).register(api)
    ReportsAPIController().register(api)
    TasksAPIController().register(api)
    NotificationsAPIController().register(api)
    ModelsAPIController(limits: app.settings.uploads).register(api)
    ClassificationAPIController(limits: app.settings.uploads).register(api)
    CitizensAPIController(limits: app.settings.uploads).register(api)
    TrainingAPIController(limits: app.settings.uploads).register(api)
}
