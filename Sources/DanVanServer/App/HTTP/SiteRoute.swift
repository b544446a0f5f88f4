import Foundation
import Vapor

/// Every page and form target of the web application. Routes are registered from these
/// cases and links are built from them, so a link can never point at a route that is not there.
enum SiteRoute: Equatable {
    case home
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
    case userEdit(String)
    case audit
    case account
    case accountPassword
    case accountTokens
    case tokenRevoke(String)
    case plans
    case plan(String)
    case planImport
    case planDraft(String)
    case planDraftDiscard(String)
    case planGrid(String)
    case planDerive(String)
    case planEdit(String)
    case planNew
    case planAddTarget(String)
    case planAddTask(String)
    case targetRemove(String)
    case planTaskRemove(String)
    case planIssue(String)
    case planRevisions(String)
    case planReporting(String)
    case target(String)
    case targetIndicator(String)
    case planTask(String)
    case tasks
    case tasksOverdue
    case occurrence(String)
    case occurrenceUpdate(String)
    case occurrenceRemind(String)
    case evidence(String)
    case document(String)
    case reports
    case reportsImport
    case report(String)
    case reportAction(String)
    case dashboard(String)
    case dashboardChildrenCSV(String)
    case dashboardCompletenessCSV(String)
    case planDocx(String)
    case planGridXlsx(String)
    case reviewReportDocx(String)
    case dashboardTargetsXlsx(String)
    case dashboardChildrenXlsx(String)
    case dashboardCompletenessXlsx(String)

    /// Placeholder for a path parameter when registering a route.
    static let param = ":id"

    var path: String {
        "/" + segments.map { $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? $0 }
            .joined(separator: "/")
    }

    var pathComponents: [PathComponent] {
        segments.map { $0 == Self.param ? .parameter("id") : .constant($0) }
    }

    private var segments: [String] {
        switch self {
        case .home: []
        case .login: ["login"]
        case .logout: ["logout"]
        case .units: ["units"]
        case .unit(let code): ["units", code]
        case .unitNew: ["units", "new"]
        case .unitEdit(let code): ["units", code, "edit"]
        case .unitMove(let code): ["units", code, "move"]
        case .unitEnd(let code): ["units", code, "end"]
        case .unitsImport: ["units", "import"]
        case .unitsExport: ["units", "export.csv"]
        case .users: ["users"]
        case .userNew: ["users", "new"]
        case .userEdit(let id): ["users", id, "edit"]
        case .audit: ["audit"]
        case .account: ["account"]
        case .accountPassword: ["account", "password"]
        case .accountTokens: ["account", "tokens"]
        case .tokenRevoke(let id): ["account", "tokens", id, "revoke"]
        case .plans: ["plans"]
        case .plan(let id): ["plans", id]
        case .planImport: ["plans", "import"]
        case .planDraft(let id): ["plans", "import", id]
        case .planDraftDiscard(let id): ["plans", "import", id, "discard"]
        case .planGrid(let id): ["plans", id, "grid"]
        case .planDerive(let id): ["plans", id, "derive"]
        case .planEdit(let id): ["plans", id, "edit"]
        case .planNew: ["plans", "new"]
        case .planAddTarget(let id): ["plans", id, "targets"]
        case .planAddTask(let id): ["plans", id, "tasks"]
        case .targetRemove(let id): ["targets", id, "remove"]
        case .planTaskRemove(let id): ["plan-tasks", id, "remove"]
        case .planIssue(let id): ["plans", id, "issue"]
        case .planRevisions(let id): ["plans", id, "revisions"]
        case .planReporting(let id): ["plans", id, "reporting"]
        case .target(let id): ["targets", id]
        case .targetIndicator(let id): ["targets", id, "indicator"]
        case .planTask(let id): ["plan-tasks", id]
        case .tasks: ["tasks"]
        case .tasksOverdue: ["tasks", "overdue"]
        case .occurrence(let id): ["tasks", id]
        case .occurrenceUpdate(let id): ["tasks", id, "update"]
        case .occurrenceRemind(let id): ["tasks", id, "remind"]
        case .evidence(let id): ["evidence", id]
        case .document(let id): ["documents", id]
        case .reports: ["reports"]
        case .reportsImport: ["reports", "import"]
        case .report(let code): ["reports", code]
        case .reportAction(let code): ["reports", code, "action"]
        case .dashboard(let code): ["dashboard", code]
        case .dashboardChildrenCSV(let code): ["dashboard", code, "children.csv"]
        case .dashboardCompletenessCSV(let code): ["dashboard", code, "completeness.csv"]
        case .planDocx(let id): ["plans", id, "plan.docx"]
        case .planGridXlsx(let id): ["plans", id, "grid.xlsx"]
        case .reviewReportDocx(let code): ["dashboard", code, "review.docx"]
        case .dashboardTargetsXlsx(let code): ["dashboard", code, "targets.xlsx"]
        case .dashboardChildrenXlsx(let code): ["dashboard", code, "children.xlsx"]
        case .dashboardCompletenessXlsx(let code): ["dashboard", code, "completeness.xlsx"]
        }
    }
}

extension Request {
    /// The `:id` path parameter of a SiteRoute, or 404.
    func routeParameter() throws -> String {
        guard let value = parameters.get("id"), !value.isEmpty else { throw AppError.notFound("Không tìm thấy trang.") }
        return value
    }
}
