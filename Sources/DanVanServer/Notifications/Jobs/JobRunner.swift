import DanVanCore
import Fluent
import Foundation
import SQLKit
import Vapor

/// The periodic jobs inside the server: the day's deadline notices, the daily digest after
/// `digestHour`, and the outbox. Only the holder of the lease runs them, so several servers on
/// one PostgreSQL database run each job once; every job is idempotent besides.
struct JobRunner: Sendable {
    static let leaseName = "jobs"

    let holder: String
    let settings: Settings
    let transport: (any MailTransport)?

    struct Outcome: Sendable, Equatable {
        var ranAsHolder = false
        var deadlineEvents = 0
        var digests = 0
        var sent = 0
        var failed = 0
    }

    init(settings: Settings, group: any EventLoopGroup, transport: (any MailTransport)? = nil,
         holder: String = "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)-\(SecretToken.generate(bytes: 4))") {
        self.settings = settings
        self.holder = holder
        if let transport {
            self.transport = transport
        } else if case .success(let smtp?) = SMTPSettings.parse(url: settings.smtpURL, from: settings.mailFrom, caFile: settings.smtpCAFile) {
            self.transport = SMTPClient(settings: smtp, group: group)
        } else {
            self.transport = nil
        }
    }

    var siteURL: String {
        (settings.publicURL ?? "http://\(settings.hostname):\(settings.port)").trimmingCharacters(in: CharacterSet(charactersIn: "/"))
    }

    func runOnce(on db: any Database, now: Date = Date(), today: CivilDate) async throws -> Outcome {
        let sql = try UnitClosure.sqlDatabase(db)
        let leaseSeconds = Double(max(settings.jobSeconds * 3, 300))
        guard try await JobLease.acquire(Self.leaseName, holder: holder, seconds: leaseSeconds, now: now, on: sql) else { return Outcome() }
        var outcome = Outcome(ranAsHolder: true)
        if try await JobLease.doneOn("deadlines", on: sql) != today.description {
            outcome.deadlineEvents = try await DeadlineNotices.run(today: today, on: db).events
            try await JobLease.markDone("deadlines", day: today.description, on: sql)
        }
        if Self.hour(of: now) >= settings.digestHour, try await JobLease.doneOn("digest", on: sql) != today.description {
            outcome.digests = try await DigestMails.run(day: today, on: db)
            try await JobLease.markDone("digest", day: today.description, on: sql)
        }
        if let transport, let from = settings.mailFrom {
            let sent = try await OutboxSender(transport: transport, from: from, siteURL: siteURL).run(now: now, on: sql)
            outcome.sent = sent.sent
            outcome.failed = sent.failed
        }
        return outcome
    }

    static func hour(of date: Date) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? .current
        return calendar.component(.hour, from: date)
    }
}

/// Starts the runner's loop when the server boots and stops it on shutdown.
struct JobRunnerLifecycle: LifecycleHandler {
    func didBootAsync(_ app: Application) async throws {
        let settings = app.settings
        guard settings.jobSeconds > 0 else { return }
        let runner = JobRunner(settings: settings, group: app.eventLoopGroup)
        let db = app.db
        let logger = app.logger
        let task = Task {
            while !Task.isCancelled {
                do {
                    let today = settings.today ?? CivilDate.today()
                    _ = try await Today.$pinned.withValue(settings.today) { try await runner.runOnce(on: db, today: today) }
                } catch {
                    logger.warning("Việc định kỳ lỗi: \(String(describing: error))")
                }
                try? await Task.sleep(nanoseconds: UInt64(settings.jobSeconds) * 1_000_000_000)
            }
        }
        app.storage[JobTaskKey.self] = task
    }

    func shutdownAsync(_ app: Application) async {
        app.storage[JobTaskKey.self]?.cancel()
    }

    private struct JobTaskKey: StorageKey {
        typealias Value = Task<Void, Never>
    }
}
