import Vapor

/// The body limit a route was registered with, where the CSRF check finds it.
enum BodyLimit {
    static let key = "danvan.bodyLimit"

    static func of(_ req: Request) -> Int {
        (req.route?.userInfo[AnySendableHashable(key)] as? Int) ?? req.application.settings.uploads.formBytes
    }
}

extension RoutesBuilder {
    /// A route that takes files: its body is collected up to `limit` and not a byte further,
    /// by Vapor and by the CSRF check alike; past it the answer is 413.
    @discardableResult
    func upload<Response: AsyncResponseEncodable>(_ method: HTTPMethod, _ path: [PathComponent], limit: Int,
                                                 use closure: @escaping @Sendable (Request) async throws -> Response) -> Route {
        let route = on(method, path, body: .collect(maxSize: ByteCount(value: limit)), use: closure)
        route.userInfo[AnySendableHashable(BodyLimit.key)] = limit
        return route
    }
}
