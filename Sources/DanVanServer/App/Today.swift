import DanVanCore
import Vapor

/// "Today" for the whole server, as one dependency: the calendar date in Việt Nam, or the day
/// the settings pin (`--today`, `DANVAN_TODAY`), so the demo and the tests live on a fixed day.
/// Each request and command runs with the app's pinned day bound to this task; nothing else in
/// the server reads the system clock for a date.
enum Today {
    @TaskLocal static var pinned: CivilDate?

    static var date: CivilDate { pinned ?? CivilDate.today() }
}

/// Binds the settings' pinned day to every request.
struct TodayMiddleware: AsyncMiddleware {
    let pinned: CivilDate?

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let pinned else { return try await next.respond(to: request) }
        return try await Today.$pinned.withValue(pinned) { try await next.respond(to: request) }
    }
}

extension Request {
    var today: CivilDate { Today.date }
}
