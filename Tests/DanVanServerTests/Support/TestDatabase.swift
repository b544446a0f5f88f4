import Foundation
import Testing

/// The databases the storage and HTTP suites run on: SQLite in memory always, PostgreSQL
/// when `DANVAN_TEST_POSTGRES_URL` names a server.
enum TestDatabase: Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres(url: String)

    static var postgresURL: String? {
        guard let url = ProcessInfo.processInfo.environment["DANVAN_TEST_POSTGRES_URL"], !url.isEmpty else { return nil }
        return url
    }

    /// CI sets this so that a PostgreSQL suite that did not run is a failure, not a skip.
    static var postgresRequired: Bool {
        ProcessInfo.processInfo.environment["DANVAN_REQUIRE_POSTGRES"] == "1"
    }

    static var all: [TestDatabase] {
        [.sqlite] + (postgresURL.map { [.postgres(url: $0)] } ?? [])
    }

    var testDescription: String {
        switch self {
        case .sqlite: "SQLite"
        case .postgres: "PostgreSQL"
        }
    }
}
