import Fluent

/// Every migration, in the order it runs. Append; never reorder, rename or edit a shipped one
/// (Fluent knows a migration by its type name: a renamed one would run again). Each creates or
/// changes one table and names its tables literally, so later code changes cannot alter it.
/// AddPlanDerivation, shipped before that rule, changes three.
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
        CreateEvidenceFile(),
        CreateReportGeneration(),
        AddPlanImportDraftReading(),
        AddLoginAttemptAddress(),
        AddPlanTargetLevel(),
        AddUserEmail(),
        CreateNotification(),
        CreateNotificationPreference(),
        CreateMailOutbox(),
        CreateJobLease(),
        CreateModelCampaign(),
        CreateMovementModel(),
        CreateModelNote(),
        CreateCriteriaSet(),
        CreateClassificationRound(),
        CreateCitizenRules(),
        CreateCitizenCase(),
        CreateReception(),
    ]
}
