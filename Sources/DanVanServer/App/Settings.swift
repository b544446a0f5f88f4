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
    /// `DANVAN_SMTP_URL`: the relay mail goes through (smtp://user:pass@host:587); nil: mail waits in the outbox.
    public var smtpURL: String?
    /// `DANVAN_MAIL_FROM`: the sender's address on every mail.
    public var mailFrom: String?
    /// `DANVAN_SMTP_CA_FILE`: the PEM of the authority that signed the relay's certificate, when not a public one.
    public var smtpCAFile: String?
    /// `DANVAN_JOB_SECONDS`: how often the job runner wakes (deadline notices, digests, the outbox); 0 turns it off.
    public var jobSeconds: Int
    /// `DANVAN_DIGEST_HOUR`: the hour (Việt Nam time) from which the day's digest goes out.
    public var digestHour: Int
    /// `DANVAN_IDENTITY_KEY_FILE` or `DANVAN_IDENTITY_KEY`: the key that seals denouncers' identities
    /// when an administrator turns the optional mode on; nil: identities cannot be stored at all.
    public var identityKey: IdentityKey?
    /// `DANVAN_PUBLIC_LOOKUPS`: tracking-page lookups one address may make in 10 minutes.
    public var publicLookups: Int
    /// `DANVAN_PUBLIC_SUBMISSIONS`: recommendations one address may send from the public pages in an hour.
    public var publicSubmissions: Int
    /// `DANVAN_PUBLIC_CACHE_SECONDS`: how long a public page's answer is kept in memory (0: never).
    public var publicCacheSeconds: Int

    /// Values that could not be read (a port that is not a number, a cost out of range), each in
    /// one Vietnamese line; `validated()` refuses to start with them.
    public private(set) var problems: [String] = []

    public init(dataDirectory: String? = nil, databaseURL: String? = nil, hostname: String? = nil, port: Int? = nil,
                today: CivilDate? = nil, environment: [String: String] = ProcessEnvironment.values) {
        var problems: [String] = []
        func env(_ key: String) -> String? {
            guard let value = environment[key], !value.isEmpty else { return nil }
            return value
        }
        func number(_ key: String, _ label: String, in range: ClosedRange<Int>, default fallback: Int, given: Int? = nil) -> Int {
            let raw = given.map(String.init) ?? env(key)
            guard let raw else { return fallback }
            guard let value = Int(raw), range.contains(value) else {
                problems.append("\(label) \"\(raw)\" không hợp lệ (\(given == nil ? key : "tham số dòng lệnh")); chọn từ \(range.lowerBound) đến \(range.upperBound).")
                return fallback
            }
            return value
        }
        self.dataDirectory = dataDirectory ?? env("DANVAN_DATA_DIR") ?? "./data"
        self.databaseURL = databaseURL ?? env("DATABASE_URL")
        self.hostname = hostname ?? env("DANVAN_HOSTNAME") ?? "127.0.0.1"
        self.port = number("DANVAN_PORT", "Cổng", in: 1...65_535, default: 8080, given: port)
        self.publicURL = env("DANVAN_PUBLIC_URL")
        self.trustProxy = env("DANVAN_TRUST_PROXY") == "1"
        self.sessionHours = number("DANVAN_SESSION_HOURS", "Thời gian đăng nhập (giờ)", in: 1...720, default: 12)
        self.bcryptCost = number("DANVAN_BCRYPT_COST", "Độ khó bcrypt", in: 4...16, default: 12)
        self.uploads = UploadLimits(fileBytes: number("DANVAN_MAX_UPLOAD_MB", "Giới hạn tệp (MB)", in: 1...200, default: 20) * 1_048_576)
        if let raw = env("DANVAN_TODAY"), today == nil, CivilDate(parsing: raw) == nil {
            problems.append("DANVAN_TODAY \"\(raw)\" không phải một ngày; ghi dạng 2026-11-30.")
        }
        self.today = today ?? env("DANVAN_TODAY").flatMap(CivilDate.init(parsing:))
        self.smtpURL = env("DANVAN_SMTP_URL")
        self.mailFrom = env("DANVAN_MAIL_FROM")
        self.smtpCAFile = env("DANVAN_SMTP_CA_FILE")
        self.jobSeconds = number("DANVAN_JOB_SECONDS", "Chu kỳ chạy việc định kỳ (giây)", in: 0...86_400, default: 60)
        self.digestHour = number("DANVAN_DIGEST_HOUR", "Giờ gửi thư tổng hợp", in: 0...23, default: 6)
        self.publicLookups = number("DANVAN_PUBLIC_LOOKUPS", "Số lần tra cứu mỗi địa chỉ trong 10 phút", in: 1...1_000_000_000, default: 20)
        self.publicSubmissions = number("DANVAN_PUBLIC_SUBMISSIONS", "Số kiến nghị mỗi địa chỉ gửi trong 1 giờ", in: 1...1_000_000_000, default: 5)
        self.publicCacheSeconds = number("DANVAN_PUBLIC_CACHE_SECONDS", "Thời gian giữ kết quả trang công khai (giây)", in: 0...3_600, default: 60)
        switch IdentityKey.load(file: env("DANVAN_IDENTITY_KEY_FILE"), value: env("DANVAN_IDENTITY_KEY")) {
        case .success(let key): self.identityKey = key
        case .failure(let problem):
            self.identityKey = nil
            problems.append(problem.description)
        }
        if case .failure(let problem) = SMTPSettings.parse(url: smtpURL, from: mailFrom, caFile: smtpCAFile) {
            problems.append(problem.message)
        }
        self.problems = problems
    }

    /// The settings, or the first problem as a one-line start-up error.
    public func validated() throws -> Settings {
        if let problem = problems.first { throw StartupError(problem) }
        return self
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
