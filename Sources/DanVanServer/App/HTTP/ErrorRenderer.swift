import DanVanCore
import Vapor

/// Turns every error into what the caller can use: JSON with the message and the field for
/// the API, a Vietnamese page for a browser, the login page when signing in is needed.
/// Internal details never reach the response.
struct ErrorRenderer: AsyncMiddleware {
    struct APIError: Encodable {
        let error = true
        let status: UInt
        let reason: String
        let field: String?
        let issues: [ValidationIssue]
        let current: AnyEncodable?
    }

    struct ErrorPage: Encodable {
        let status: UInt
        let heading: String
        let message: String
        let issues: [ValidationIssue]
    }

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: req)
        } catch {
            return try await render(error, for: req)
        }
    }

    private func render(_ error: any Error, for req: Request) async throws -> Response {
        let appError = Self.appError(from: error, req: req)
        if req.isAPI {
            let body = APIError(status: appError.status.code, reason: appError.reason, field: appError.field,
                                issues: appError.issues, current: appError.current.map(AnyEncodable.init))
            let response = Response(status: appError.status)
            try response.content.encode(body, as: .json)
            return response
        }
        if appError.status == .unauthorized, req.method == .GET || req.auth.get(User.self) == nil, req.url.path != SiteRoute.login.path {
            let expired = req.storage[SessionExpiredKey.self] == true ? "&expired=1" : ""
            let next = req.url.path.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? "/"
            return req.redirect(to: SiteRoute.login.path + "?next=" + next + expired, redirectType: .normal)
        }
        let page = ErrorPage(status: appError.status.code, heading: Self.heading(for: appError.status),
                             message: appError.reason, issues: appError.issues)
        return try await req.renderPage("error", title: page.heading, page, status: appError.status)
    }

    static func appError(from error: any Error, req: Request) -> AppError {
        switch error {
        case let appError as AppError:
            return appError
        case let abort as any AbortError where abort.status == .notFound:
            return AppError(.notFound, "Không tìm thấy trang \(req.url.path).")
        case let abort as any AbortError where abort.status == .payloadTooLarge:
            let limit = BodyLimit.of(req)
            return AppError(.payloadTooLarge, "Dữ liệu gửi lên quá lớn: tối đa \(ByteCountText.of(limit)) cho trang này.", field: "file")
        case let abort as any AbortError where abort.status.code < 500:
            return AppError(abort.status, "Yêu cầu không hợp lệ: \(abort.reason)")
        case let error where ConcurrentWrite.isLostRace(error):
            return ConcurrentWrite.conflict
        case let decoding as DecodingError:
            return AppError(.badRequest, "Dữ liệu gửi lên không đúng định dạng: \(Self.describe(decoding))", field: Self.field(decoding))
        default:
            req.logger.report(error: error)
            return AppError(.internalServerError, "Có lỗi trong hệ thống; dữ liệu của bạn chưa bị thay đổi. Hãy thử lại hoặc báo quản trị viên.")
        }
    }

    private static func heading(for status: HTTPStatus) -> String {
        switch status {
        case .forbidden: "Không có quyền truy cập"
        case .notFound: "Không tìm thấy"
        case .conflict: "Dữ liệu đã thay đổi"
        case .unprocessableEntity, .badRequest: "Dữ liệu chưa hợp lệ"
        case .tooManyRequests: "Tạm khóa"
        default: "Có lỗi xảy ra"
        }
    }

    private static func field(_ error: DecodingError) -> String? {
        switch error {
        case .keyNotFound(let key, _): key.stringValue
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            context.codingPath.last?.stringValue
        @unknown default: nil
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _): "thiếu trường \"\(key.stringValue)\"."
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            "trường \"\(context.codingPath.map(\.stringValue).joined(separator: "."))\" sai kiểu."
        case .dataCorrupted(let context): context.debugDescription
        @unknown default: "không đọc được."
        }
    }
}

/// Wraps any Encodable so it can sit in a struct field.
struct AnyEncodable: Encodable {
    let value: any Encodable

    init(_ value: any Encodable) {
        self.value = value
    }

    func encode(to encoder: any Encoder) throws {
        try value.encode(to: encoder)
    }
}
