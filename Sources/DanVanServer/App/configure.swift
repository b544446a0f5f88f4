import Fluent
import Leaf
import LeafKit
import Vapor

/// Builds the application: database, migrations, views, middleware and routes.
/// Everything the server, the commands and the tests run goes through here.
public func configure(_ app: Application, settings: Settings, database: DatabaseLocation) throws {
    app.settings = settings
    app.dashboardCache = GenerationCache<HTML>()
    app.assets = try Assets.load(from: ResourcePaths.publicFiles)
    app.rollupCache = GenerationCache<RollupResult>(capacity: 64)
    app.modelSummaryCache = GenerationCache<ModelSummary>(capacity: 256)
    app.modelPageCache = GenerationCache<String>(capacity: 512)
    app.publicPageCache = GenerationCache<String>(capacity: 1_024)
    app.dashboardAccessCache = GenerationCache<DashboardAccess>(capacity: 4_096)
    app.personalCache = PersonalCache()
    app.publicRateLimit = PublicRateLimit()
    app.trackingCache = PublicCache(lifetime: TimeInterval(app.settings.publicCacheSeconds))
    app.publicAnswers = PublicCache(lifetime: TimeInterval(app.settings.publicCacheSeconds))
    try DatabaseSetup.use(database, on: app)
    app.migrations.add(MigrationList.all)
    app.passwords.use(.bcrypt(cost: settings.bcryptCost))
    app.usePasswordPool(cost: settings.bcryptCost)
    app.leaf.configuration = LeafConfiguration(rootDirectory: ResourcePaths.views)
    // The resource bundle sits under .build/ during development; the default limits refuse hidden folders.
    app.leaf.sources = .singleSource(NIOLeafFiles(fileio: app.fileio, limits: [.toSandbox, .requireExtensions],
                                                  sandboxDirectory: ResourcePaths.views, viewDirectory: ResourcePaths.views))
    app.leaf.cache.isEnabled = app.environment.isRelease
    app.views.use(.leaf)
    app.http.server.configuration.hostname = settings.hostname
    app.http.server.configuration.port = settings.port
    // Pages of a province run to 100 KB; gzip makes them a tenth of that on a mountain link.
    app.http.server.configuration.responseCompression = .enabledForCompressibleTypes
    app.routes.defaultMaxBodySize = ByteCount(value: settings.uploads.formBytes)
    let json = JSONEncoder()
    json.dateEncodingStrategy = .iso8601
    json.outputFormatting = [.withoutEscapingSlashes]
    ContentConfiguration.global.use(encoder: json, for: .json)

    app.middleware = Middlewares()
    app.middleware.use(TodayMiddleware(pinned: settings.today))
    app.middleware.use(SecurityHeaders())
    app.middleware.use(ErrorRenderer())
    app.middleware.use(BodyLimitMiddleware())
    app.middleware.use(CSRFProtection())
    app.middleware.use(SessionAuthenticator())
    app.middleware.use(BearerAuthenticator())
    app.middleware.use(PersonalCacheMiddleware())
    try registerRoutes(app)
}

/// Migrates the database to the current schema.
public func migrate(_ app: Application) async throws {
    try await DatabaseSetup.prepare(app.db)
    try await app.autoMigrate()
}
