import Foundation
import Vapor

/// Every page and form target of the web application. Routes are registered from these
/// cases and links are built from them, so a link can never point at a route that is not there.
enum SiteRoute: Equatable {
    case home
    /// A stylesheet or script by its fingerprinted name (see `Assets`).
    case asset(String)
    case login
    case logout
    case units
    case unit(String)
    case unitNew
    case unitEdit(String)
    case unitMove(String)
    case unitEnd(String)
    case unitsImport
    case unitsExport
    case users
    case userNew
    case userEdit(Int)
    case audit
    case account
    case accountPassword
    case accountTokens
    case tokenRevoke(Int)
    case plans
    case plan(Int)
    case planImport
    case planDraft(Int)
    case planDraftDiscard(Int)
    case planGrid(Int)
    case planDerive(Int)
    case planEdit(Int)
    case planNew
    case planAddTarget(Int)
    case planAddTask(Int)
    case targetRemove(Int)
    case planTaskRemove(Int)
    case planIssue(Int)
    case planRevisions(Int)
    case planReporting(Int)
    case target(Int)
    case targetIndicator(Int)
    case planTask(Int)
    case tasks
    case tasksOverdue
    case occurrence(Int)
    case occurrenceUpdate(Int)
    case occurrenceRemind(Int)
    case evidence(Int)
    case document(Int)
    case reports
    case reportsImport
    case reportsTemplate
    case report(String)
    case reportAction(String)
    case dashboard(String)
    case dashboardChildrenCSV(String)
    case dashboardCompletenessCSV(String)
    case planDocx(Int)
    case planGridXlsx(Int)
    case reviewReportDocx(String)
    case dashboardTargetsXlsx(String)
    case dashboardChildrenXlsx(String)
    case dashboardCompletenessXlsx(String)
    case notifications
    case notificationOpen(Int)
    case notificationsReadAll
    case accountNotifications
    case accountEmail
    case accountEmailVerify
    case adminMail
    case adminMailRetry(Int)
    case models
    case modelNew
    case model(Int)
    case modelEdit(Int)
    case modelDecide(Int)
    case modelNotes(Int)
    case modelSelfAssessment(Int)
    case modelCarry(Int)
    case modelReplicate(Int)
    case modelFile(Int)
    case modelsImport
    case modelsRegisterXlsx
    case modelsResultsXlsx
    case modelsRegistrationDocx
    case modelsDecisionDocx
    case campaignNew
    case classification
    case classificationRoundNew
    case classificationRound(Int)
    case classificationRoundPublish(Int)
    case classificationRoundXlsx(Int)
    case classificationRoundDocx(Int)
    case classificationSheet(Int)
    case classificationSheetDecide(Int)
    case classificationSheetEvidence(Int)
    case classificationSheetPrefill(Int)
    case classificationFile(Int)
    case classificationFileRemove(Int)
    case criteriaSets
    case criteriaSet(Int)
    case criteriaSetXlsx(Int)
    case citizens
    case citizenCases
    case citizenCaseNew
    case citizenCase(Int)
    case citizenCaseAction(Int)
    case citizenCaseIdentity(Int)
    case citizenCaseHandlers(Int)
    case citizenCaseReceipt(Int)
    case citizenCaseRedacted(Int)
    case citizenCaseScans(Int)
    case citizenCaseScanOpen(Int)
    case receptionNew
    case dialogueNew
    case dialogue(Int)
    case dialoguePublish(Int)
    case citizenRules
    case citizensReportXlsx
    case citizensReportDocx
    case training
    case people
    case peopleImport
    case courseNew
    case course(Int)
    case courseRoster(Int)
    case inspections
    case inspectionNew
    case inspection(Int)
    case inspectionConclusion(Int)
    case inspectionDocx(Int)
    case inspectionXlsx(Int)
    case requirementAction(Int)
    case requirementFile(Int)
    case inspectionPlanFromTask
    case personMove(Int)
    case identitySettings
    case track
    case publications
    case publicationNew
    case publicationEnd(Int)
    case consultationNew
    case consultationPublish(Int)
    case boardNew
    case recommendationNew
    case recommendationAction(Int)
    case unitPublicPage(String)
    case publicUnit(String)
    case publicPlan(String, Int)
    case publicPlanDocx(String, Int)
    case publicFeed(String)
    case publicSend(String)
    case robots
    case sitemap

    /// Any value, when a route is registered: the value's segment becomes the `:id` parameter.
    static let anyID = 0
    static let anyCode = ""

    /// A fixed word of the path, or the value the route is about (an id, a unit's code).
    private enum Segment {
        case fixed(String)
        case value(String)
        /// A second value in one path (a public plan under its unit's code): the `:plan` parameter.
        case plan(Int)
    }

    var path: String {
        "/" + segments.map { segment in
            switch segment {
            case .fixed(let word): word
            case .value(let value): value.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? value
            case .plan(let id): String(id)
            }
        }.joined(separator: "/")
    }

    /// The pattern routes are registered with.
    var pathComponents: [PathComponent] {
        segments.map { segment in
            switch segment {
            case .fixed(let word): .constant(word)
            case .value: .parameter("id")
            case .plan: .parameter("plan")
            }
        }
    }

    private var segments: [Segment] {
        switch self {
        case .home: []
        case .asset(let name): [.fixed("assets"), .value(name)]
        case .login: [.fixed("login")]
        case .logout: [.fixed("logout")]
        case .units: [.fixed("units")]
        case .unit(let code): [.fixed("units"), .value(code)]
        case .unitNew: [.fixed("units"), .fixed("new")]
        case .unitEdit(let code): [.fixed("units"), .value(code), .fixed("edit")]
        case .unitMove(let code): [.fixed("units"), .value(code), .fixed("move")]
        case .unitEnd(let code): [.fixed("units"), .value(code), .fixed("end")]
        case .unitsImport: [.fixed("units"), .fixed("import")]
        case .unitsExport: [.fixed("units"), .fixed("export.csv")]
        case .users: [.fixed("users")]
        case .userNew: [.fixed("users"), .fixed("new")]
        case .userEdit(let id): [.fixed("users"), .value(String(id)), .fixed("edit")]
        case .audit: [.fixed("audit")]
        case .account: [.fixed("account")]
        case .accountPassword: [.fixed("account"), .fixed("password")]
        case .accountTokens: [.fixed("account"), .fixed("tokens")]
        case .tokenRevoke(let id): [.fixed("account"), .fixed("tokens"), .value(String(id)), .fixed("revoke")]
        case .plans: [.fixed("plans")]
        case .plan(let id): [.fixed("plans"), .value(String(id))]
        case .planImport: [.fixed("plans"), .fixed("import")]
        case .planDraft(let id): [.fixed("plans"), .fixed("import"), .value(String(id))]
        case .planDraftDiscard(let id): [.fixed("plans"), .fixed("import"), .value(String(id)), .fixed("discard")]
        case .planGrid(let id): [.fixed("plans"), .value(String(id)), .fixed("grid")]
        case .planDerive(let id): [.fixed("plans"), .value(String(id)), .fixed("derive")]
        case .planEdit(let id): [.fixed("plans"), .value(String(id)), .fixed("edit")]
        case .planNew: [.fixed("plans"), .fixed("new")]
        case .planAddTarget(let id): [.fixed("plans"), .value(String(id)), .fixed("targets")]
        case .planAddTask(let id): [.fixed("plans"), .value(String(id)), .fixed("tasks")]
        case .targetRemove(let id): [.fixed("targets"), .value(String(id)), .fixed("remove")]
        case .planTaskRemove(let id): [.fixed("plan-tasks"), .value(String(id)), .fixed("remove")]
        case .planIssue(let id): [.fixed("plans"), .value(String(id)), .fixed("issue")]
        case .planRevisions(let id): [.fixed("plans"), .value(String(id)), .fixed("revisions")]
        case .planReporting(let id): [.fixed("plans"), .value(String(id)), .fixed("reporting")]
        case .target(let id): [.fixed("targets"), .value(String(id))]
        case .targetIndicator(let id): [.fixed("targets"), .value(String(id)), .fixed("indicator")]
        case .planTask(let id): [.fixed("plan-tasks"), .value(String(id))]
        case .tasks: [.fixed("tasks")]
        case .tasksOverdue: [.fixed("tasks"), .fixed("overdue")]
        case .occurrence(let id): [.fixed("tasks"), .value(String(id))]
        case .occurrenceUpdate(let id): [.fixed("tasks"), .value(String(id)), .fixed("update")]
        case .occurrenceRemind(let id): [.fixed("tasks"), .value(String(id)), .fixed("remind")]
        case .evidence(let id): [.fixed("evidence"), .value(String(id))]
        case .document(let id): [.fixed("documents"), .value(String(id))]
        case .reports: [.fixed("reports")]
        case .reportsImport: [.fixed("reports"), .fixed("import")]
        case .reportsTemplate: [.fixed("reports"), .fixed("template.csv")]
        case .report(let code): [.fixed("reports"), .value(code)]
        case .reportAction(let code): [.fixed("reports"), .value(code), .fixed("action")]
        case .dashboard(let code): [.fixed("dashboard"), .value(code)]
        case .dashboardChildrenCSV(let code): [.fixed("dashboard"), .value(code), .fixed("children.csv")]
        case .dashboardCompletenessCSV(let code): [.fixed("dashboard"), .value(code), .fixed("completeness.csv")]
        case .planDocx(let id): [.fixed("plans"), .value(String(id)), .fixed("plan.docx")]
        case .planGridXlsx(let id): [.fixed("plans"), .value(String(id)), .fixed("grid.xlsx")]
        case .reviewReportDocx(let code): [.fixed("dashboard"), .value(code), .fixed("review.docx")]
        case .dashboardTargetsXlsx(let code): [.fixed("dashboard"), .value(code), .fixed("targets.xlsx")]
        case .dashboardChildrenXlsx(let code): [.fixed("dashboard"), .value(code), .fixed("children.xlsx")]
        case .dashboardCompletenessXlsx(let code): [.fixed("dashboard"), .value(code), .fixed("completeness.xlsx")]
        case .notifications: [.fixed("notifications")]
        case .notificationOpen(let id): [.fixed("notifications"), .value(String(id))]
        case .notificationsReadAll: [.fixed("notifications"), .fixed("read-all")]
        case .accountNotifications: [.fixed("account"), .fixed("notifications")]
        case .accountEmail: [.fixed("account"), .fixed("email")]
        case .accountEmailVerify: [.fixed("account"), .fixed("email"), .fixed("verify")]
        case .adminMail: [.fixed("admin"), .fixed("mail")]
        case .adminMailRetry(let id): [.fixed("admin"), .fixed("mail"), .value(String(id)), .fixed("retry")]
        case .models: [.fixed("models")]
        case .modelNew: [.fixed("models"), .fixed("new")]
        case .model(let id): [.fixed("models"), .value(String(id))]
        case .modelEdit(let id): [.fixed("models"), .value(String(id)), .fixed("edit")]
        case .modelDecide(let id): [.fixed("models"), .value(String(id)), .fixed("decide")]
        case .modelNotes(let id): [.fixed("models"), .value(String(id)), .fixed("notes")]
        case .modelSelfAssessment(let id): [.fixed("models"), .value(String(id)), .fixed("self-assessment")]
        case .modelCarry(let id): [.fixed("models"), .value(String(id)), .fixed("carry")]
        case .modelReplicate(let id): [.fixed("models"), .value(String(id)), .fixed("replicate")]
        case .modelFile(let id): [.fixed("model-files"), .value(String(id))]
        case .modelsImport: [.fixed("models"), .fixed("import")]
        case .modelsRegisterXlsx: [.fixed("models"), .fixed("register.xlsx")]
        case .modelsResultsXlsx: [.fixed("models"), .fixed("results.xlsx")]
        case .modelsRegistrationDocx: [.fixed("models"), .fixed("registrations.docx")]
        case .modelsDecisionDocx: [.fixed("models"), .fixed("decision.docx")]
        case .campaignNew: [.fixed("models"), .fixed("campaigns"), .fixed("new")]
        case .classification: [.fixed("classification")]
        case .classificationRoundNew: [.fixed("classification"), .fixed("rounds"), .fixed("new")]
        case .classificationRound(let id): [.fixed("classification"), .fixed("rounds"), .value(String(id))]
        case .classificationRoundPublish(let id): [.fixed("classification"), .fixed("rounds"), .value(String(id)), .fixed("publish")]
        case .classificationRoundXlsx(let id): [.fixed("classification"), .fixed("rounds"), .value(String(id)), .fixed("summary.xlsx")]
        case .classificationRoundDocx(let id): [.fixed("classification"), .fixed("rounds"), .value(String(id)), .fixed("decision.docx")]
        case .classificationSheet(let id): [.fixed("classification"), .fixed("sheets"), .value(String(id))]
        case .classificationSheetDecide(let id): [.fixed("classification"), .fixed("sheets"), .value(String(id)), .fixed("decide")]
        case .classificationSheetEvidence(let id): [.fixed("classification"), .fixed("sheets"), .value(String(id)), .fixed("evidence")]
        case .classificationSheetPrefill(let id): [.fixed("classification"), .fixed("sheets"), .value(String(id)), .fixed("prefill")]
        case .classificationFile(let id): [.fixed("classification-files"), .value(String(id))]
        case .classificationFileRemove(let id): [.fixed("classification-files"), .value(String(id)), .fixed("remove")]
        case .criteriaSets: [.fixed("classification"), .fixed("sets")]
        case .criteriaSet(let id): [.fixed("classification"), .fixed("sets"), .value(String(id))]
        case .criteriaSetXlsx(let id): [.fixed("classification"), .fixed("sets"), .value(String(id)), .fixed("criteria.xlsx")]
        case .citizens: [.fixed("citizens")]
        case .citizenCases: [.fixed("citizens"), .fixed("cases")]
        case .citizenCaseNew: [.fixed("citizens"), .fixed("cases"), .fixed("new")]
        case .citizenCase(let id): [.fixed("citizens"), .fixed("cases"), .value(String(id))]
        case .citizenCaseAction(let id): [.fixed("citizens"), .fixed("cases"), .value(String(id)), .fixed("action")]
        case .citizenCaseIdentity(let id): [.fixed("citizens"), .fixed("cases"), .value(String(id)), .fixed("identity")]
        case .citizenCaseHandlers(let id): [.fixed("citizens"), .fixed("cases"), .value(String(id)), .fixed("handlers")]
        case .citizenCaseReceipt(let id): [.fixed("citizens"), .fixed("cases"), .value(String(id)), .fixed("receipt")]
        case .citizenCaseRedacted(let id): [.fixed("citizens"), .fixed("cases"), .value(String(id)), .fixed("redacted.docx")]
        case .citizenCaseScans(let id): [.fixed("citizens"), .fixed("cases"), .value(String(id)), .fixed("scans")]
        case .citizenCaseScanOpen(let id): [.fixed("citizens"), .fixed("cases"), .value(String(id)), .fixed("scans"), .fixed("open")]
        case .receptionNew: [.fixed("citizens"), .fixed("reception"), .fixed("new")]
        case .dialogueNew: [.fixed("citizens"), .fixed("dialogues"), .fixed("new")]
        case .dialogue(let id): [.fixed("citizens"), .fixed("dialogues"), .value(String(id))]
        case .dialoguePublish(let id): [.fixed("citizens"), .fixed("dialogues"), .value(String(id)), .fixed("publish")]
        case .citizenRules: [.fixed("citizens"), .fixed("rules")]
        case .citizensReportXlsx: [.fixed("citizens"), .fixed("report.xlsx")]
        case .citizensReportDocx: [.fixed("citizens"), .fixed("report.docx")]
        case .training: [.fixed("training")]
        case .people: [.fixed("people")]
        case .peopleImport: [.fixed("people"), .fixed("import")]
        case .courseNew: [.fixed("training"), .fixed("courses"), .fixed("new")]
        case .course(let id): [.fixed("training"), .fixed("courses"), .value(String(id))]
        case .courseRoster(let id): [.fixed("training"), .fixed("courses"), .value(String(id)), .fixed("roster")]
        case .inspections: [.fixed("inspections")]
        case .inspectionNew: [.fixed("inspections"), .fixed("new")]
        case .inspection(let id): [.fixed("inspections"), .value(String(id))]
        case .inspectionConclusion(let id): [.fixed("inspections"), .value(String(id)), .fixed("conclusion")]
        case .inspectionDocx(let id): [.fixed("inspections"), .value(String(id)), .fixed("thong-bao-ket-luan.docx")]
        case .inspectionXlsx(let id): [.fixed("inspections"), .value(String(id)), .fixed("ket-luan.xlsx")]
        case .requirementAction(let id): [.fixed("inspections"), .fixed("requirements"), .value(String(id)), .fixed("actions")]
        case .requirementFile(let id): [.fixed("inspections"), .fixed("requirement-files"), .value(String(id))]
        case .inspectionPlanFromTask: [.fixed("inspections"), .fixed("plan"), .fixed("from-task")]
        case .personMove(let id): [.fixed("people"), .value(String(id)), .fixed("move")]
        case .identitySettings: [.fixed("admin"), .fixed("identity")]
        case .track: [.fixed("tra-cuu")]
        case .publications: [.fixed("publications")]
        case .publicationNew: [.fixed("publications"), .fixed("new")]
        case .publicationEnd(let id): [.fixed("publications"), .value(String(id)), .fixed("end")]
        case .consultationNew: [.fixed("consultations"), .fixed("new")]
        case .consultationPublish(let id): [.fixed("consultations"), .value(String(id)), .fixed("publish")]
        case .boardNew: [.fixed("oversight-boards"), .fixed("new")]
        case .recommendationNew: [.fixed("board-recommendations"), .fixed("new")]
        case .recommendationAction(let id): [.fixed("board-recommendations"), .value(String(id)), .fixed("actions")]
        case .unitPublicPage(let code): [.fixed("units"), .value(code), .fixed("public-page")]
        case .publicUnit(let code): [.fixed("p"), .value(code)]
        case .publicPlan(let code, let id): [.fixed("p"), .value(code), .fixed("ke-hoach"), .plan(id)]
        case .publicPlanDocx(let code, let id): [.fixed("p"), .value(code), .fixed("ke-hoach"), .plan(id), .fixed("van-ban.docx")]
        case .publicFeed(let code): [.fixed("p"), .value(code), .fixed("feed.atom")]
        case .publicSend(let code): [.fixed("p"), .value(code), .fixed("gui-kien-nghi")]
        case .robots: [.fixed("robots.txt")]
        case .sitemap: [.fixed("sitemap.xml")]
        }
    }
}

extension Request {
    /// The `:id` path parameter of a SiteRoute that names a record, or 404.
    func routeID() throws -> Int {
        guard let value = parameters.get("id"), let id = Int(value) else { throw AppError.notFound("Không tìm thấy trang.") }
        return id
    }

    /// The `:id` path parameter of a SiteRoute, or 404.
    func routeParameter() throws -> String {
        guard let value = parameters.get("id"), !value.isEmpty else { throw AppError.notFound("Không tìm thấy trang.") }
        return value
    }
}
