import Fluent

/// Every migration, in the order it runs. Append; never reorder or edit a shipped one.
enum MigrationList {
    static let all: [any Migration] = [
        CreateUnit(),
        CreateUnitClosure(),
        CreateUnitSuccessor(),
        CreateUser(),
        CreateUserSession(),
        CreateAPIToken(),
        CreateLoginAttempt(),
        CreateAuditEntry(),
        CreatePlan(),
        CreatePlanSection(),
        CreatePlanTarget(),
        CreatePlanTask(),
        CreateCitedDocument(),
        CreatePlanCitation(),
        CreatePlanImportDraft(),
        CreateIndicator(),
        AddPlanDerivation(),
        CreateTaskCoordinator(),
        CreateTaskOccurrence(),
        CreateTaskUpdate(),
        CreatePlanRevision(),
        CreateReportScheme(),
        CreateReport(),
        CreateReportValue(),
        CreateReportChildSum(),
        CreatePlanParagraph(),
    ]
}
