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

/// Refuses a body larger than its route accepts before anything reads it: by its declared
/// length, or by what has arrived. (The route's own collection stops a body that declares none.)
struct BodyLimitMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let limit = BodyLimit.of(req)
        let declared = req.headers.first(name: .contentLength).flatMap(Int.init) ?? 0
        if declared > limit || (req.body.data?.readableBytes ?? 0) > limit {
            throw Abort(.payloadTooLarge)
        }
        return try await next.respond(to: req)
    }
}
