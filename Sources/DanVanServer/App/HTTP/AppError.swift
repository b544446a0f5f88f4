import DanVanCore
import Vapor

/// An error a user can read: a Vietnamese message, the field at fault, and for a stale
/// edit the data as it now stands.
struct AppError: AbortError, @unchecked Sendable {
    let status: HTTPResponseStatus
    let reason: String
    let field: String?
    let issues: [ValidationIssue]
    let current: (any Encodable)?

    init(_ status: HTTPResponseStatus, _ reason: String, field: String? = nil,
         issues: [ValidationIssue] = [], current: (any Encodable)? = nil) {
        self.status = status
        self.reason = reason
        self.field = field
        self.issues = issues
        self.current = current
    }

    static func validation(_ failure: ValidationFailure) -> AppError {
        AppError(.unprocessableEntity, failure.summary, field: failure.issues.first?.field, issues: failure.issues)
    }

    static func invalid(_ field: String, _ message: String) -> AppError {
        validation(ValidationFailure([ValidationIssue(field: field, message: message)]))
    }

    static func notFound(_ message: String) -> AppError {
        AppError(.notFound, message)
    }

    static let forbidden = AppError(.forbidden, "Bạn không có quyền truy cập nội dung này.")
    static let unauthenticated = AppError(.unauthorized, "Bạn cần đăng nhập để tiếp tục.")

    static func staleVersion(current: any Encodable, readVersion: Int, currentVersion: Int) -> AppError {
        AppError(.conflict, "Dữ liệu đã được người khác sửa sau khi bạn mở (bạn sửa phiên bản \(readVersion), "
                 + "hiện tại là phiên bản \(currentVersion)). Không có gì bị ghi đè; hãy xem dữ liệu hiện tại và sửa lại.",
                 field: "version", current: current)
    }

    static func internalError(_ message: String) -> AppError {
        AppError(.internalServerError, message)
    }
}

extension Result where Failure == ReportWorkflow.Refusal {
    /// A refusal of the report rules as the answer the caller sees.
    func orAppError() throws -> Success {
        switch self {
        case .success(let value): return value
        case .failure(let refusal):
            let status: HTTPStatus = switch refusal.kind {
            case .conflict: .conflict
            case .invalid: .unprocessableEntity
            case .forbidden: .forbidden
            }
            throw AppError(status, refusal.message, field: refusal.field)
        }
    }
}

extension Result where Failure == ValidationIssue {
    /// A refused field as the answer the caller sees: 422 naming the field.
    func orInvalid() throws -> Success {
        switch self {
        case .success(let value): return value
        case .failure(let issue): throw AppError.validation(ValidationFailure([issue]))
        }
    }

    /// The value, or nil with the refusal added to `issues`, for a use case naming every bad field at once.
    func value(collecting issues: inout [ValidationIssue]) -> Success? {
        switch self {
        case .success(let value): return value
        case .failure(let issue): issues.append(issue); return nil
        }
    }
}
