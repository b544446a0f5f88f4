import DanVanCore
import Foundation

/// Every setting the server reads, in one place. Command-line flags win over the
/// environment, which wins over the defaults; README.md documents each one.
public struct Settings: Sendable {
    public var dataDirectory: String
    /// `DATABASE_URL`: when it names PostgreSQL, the embedded SQLite file is not used.
    public var databaseURL: String?
    public var hostname: String
    public var port: Int
    /// Public address when served behind TLS; an https address marks cookies Secure.
    public var publicURL: String?
    /// `DANVAN_TRUST_PROXY=1`: the server sits behind a proxy that sets X-Forwarded-For, whose first
    /// address is then taken as the client's (for the sign-in limits). Off, the socket's peer is.
    public var trustProxy: Bool
    public var sessionHours: Int
    public var bcryptCost: Int
    /// How large each kind of upload may be: one place for every body limit.
    public var uploads: UploadLimits
    /// `DANVAN_TODAY` or `--today`: the day the server takes as today (the demo, tests); nil: the real date.
    public var today: CivilDate?

    public init(dataDirectory: String? = nil, databaseURL: String? = nil, hostname: String? = nil, port: Int? = nil,
                today: CivilDate? = nil, environment: [String: String] = ProcessEnvironment.values) {
        func env(_ key: String) -> String? {
            guard let value = environment[key], !value.isEmpty else { return nil }
            return value
        }
        self.dataDirectory = dataDirectory ?? env("DANVAN_DATA_DIR") ?? "./data"
        self.databaseURL = databaseURL ?? env("DATABASE_URL")
        self.hostname = hostname ?? env("DANVAN_HOSTNAME") ?? "127.0.0.1"
        self.port = port ?? env("DANVAN_PORT").flatMap(Int.init) ?? 8080
        self.publicURL = env("DANVAN_PUBLIC_URL")
        self.trustProxy = env("DANVAN_TRUST_PROXY") == "1"
        self.sessionHours = env("DANVAN_SESSION_HOURS").flatMap(Int.init) ?? 12
        self.bcryptCost = env("DANVAN_BCRYPT_COST").flatMap(Int.init) ?? 12
        self.uploads = UploadLimits(fileBytes: env("DANVAN_MAX_UPLOAD_MB").flatMap(Int.init).map { $0 * 1_048_576 } ?? 20 * 1_048_576)
        self.today = today ?? env("DANVAN_TODAY").flatMap(CivilDate.init(parsing:))
    }

    public var secureCookies: Bool {
        publicURL?.lowercased().hasPrefix("https://") ?? false
    }

    public var sqlitePath: String {
        URL(fileURLWithPath: dataDirectory).appendingPathComponent("danvan.sqlite").path
    }
}

/// The process's environment variables, or a test's stand-in when a test runs the command line
/// in-process: settings read their variables through here.
public enum ProcessEnvironment {
    @TaskLocal public static var override: [String: String]?

    public static var values: [String: String] { override ?? ProcessInfo.processInfo.environment }
}

/// Every limit on what a request may carry. Each route that takes a file registers with its
/// limit (`RoutesBuilder.upload`), and the CSRF check reads the same limit, so a body is never
/// collected past what its route accepts; any other request carries at most a form's worth.
public struct UploadLimits: Sendable {
    /// `DANVAN_MAX_UPLOAD_MB`: one uploaded file (a plan, a CSV file).
    public var fileBytes: Int
    /// A form or a JSON body.
    public var formBytes = 1_048_576
    /// Plan files chosen together on the import page.
    public var planFilesPerUpload = 10
    /// Plan files a user may keep waiting for review, and their total size.
    public var draftsPerUser = 20
    public var draftBytesPerUser: Int { 5 * fileBytes }

    public init(fileBytes: Int) {
        self.fileBytes = fileBytes
    }

    /// The import page: several plan files at once.
    public var planUploadBytes: Int { planFilesPerUpload * fileBytes + formBytes }
    /// The API's plan import and the CSV imports: one file.
    public var singleFileBytes: Int { fileBytes + formBytes }
    /// A task's progress post with its evidence files.
    public var evidencePostBytes: Int { EvidencePolicy.maxFilesPerUpdate * EvidencePolicy.maxBytes + formBytes }
}
