import Fluent
import SQLKit
import Testing
@testable import DanVanServer

@Suite("Migration list")
struct MigrationListTests {
    /// Fluent records a migration by name: renaming or reordering a shipped one would run it again
    /// on every existing database. Append to both lists; never change a line above.
    static let shipped = [
        "CreateUnit", "CreateUnitClosure", "CreateUnitSuccessor", "CreateUser", "CreateUserSession", "CreateAPIToken",
        "CreateLoginAttempt", "CreateAuditEntry", "CreatePlan", "CreatePlanSection", "CreatePlanTarget", "CreatePlanTask",
        "CreateCitedDocument", "CreatePlanCitation", "CreatePlanImportDraft", "CreateIndicator", "AddPlanDerivation",
        "CreateTaskCoordinator", "CreateTaskOccurrence", "CreateTaskUpdate", "CreatePlanRevision", "CreateReportScheme",
        "CreateReport", "CreateReportValue", "CreateReportChildSum", "CreatePlanParagraph", "CreateEvidenceFile",
        "CreateReportGeneration", "AddPlanImportDraftReading", "AddLoginAttemptAddress",
        "AddPlanTargetLevel",
        "AddUserEmail",
        "CreateNotification",
        "CreateNotificationPreference",
        "CreateMailOutbox",
        "CreateJobLease",
        "CreateModelCampaign",
        "CreateMovementModel",
        "CreateModelNote",
        "CreateCriteriaSet",
        "CreateClassificationRound",
        "CreateCitizenRules",
        "CreateCitizenCase",
        "CreateReception",
        "CreateCaseScans",
        "CreateTraining",
        "CreateInspection",
        "CreateInspectionPlan",
        "CreateRequirementFiles",
        "CreatePublications",
        "CreateConsultations",
        "CreateOversightBoards",
        "CreateBoardRecommendations",
    ].map { "DanVanServer." + $0 }

    @Test("the names of the migrations are the shipped ones, in order")
    func namesAreFrozen() {
        #expect(MigrationList.all.map(\.name) == Self.shipped)
    }

    @Test("a database made before the evidence and generation tables had their own migrations upgrades", arguments: TestDatabase.all)
    func olderDatabaseUpgrades(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // The two split-out migrations find their tables made by the older combined ones; run again, they change nothing.
            try await CreateEvidenceFile().prepare(on: app.db)
            try await CreateReportGeneration().prepare(on: app.db)
            let sql = try #require(app.db as? any SQLDatabase)
            let rows = try await sql.raw("SELECT COUNT(*) AS n FROM report_generation").first()
            #expect(try rows?.decode(column: "n", as: Int.self) == 1)
            #expect(try await ReportGeneration.current(on: app.db) == 0)
        }
    }

    @Test("a database missing a migration is seen as older, without changing it", arguments: TestDatabase.all)
    func pendingIsReadOnly(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            #expect(try await DatabaseSetup.pendingMigrations(app.db).isEmpty)
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw("DELETE FROM _fluent_migrations WHERE name = 'DanVanServer.CreateReportGeneration'").run()
            #expect(try await DatabaseSetup.pendingMigrations(app.db) == ["DanVanServer.CreateReportGeneration"])
            #expect(try await DatabaseSetup.pendingMigrations(app.db).count == 1, "asking twice changed nothing")
        }
    }
}
