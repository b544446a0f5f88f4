import Foundation

/// Where the data lives: the embedded SQLite file (the default) or a PostgreSQL server.
public enum DatabaseLocation: Sendable, Equatable {
    case sqliteFile(path: String)
    case sqliteMemory
    case postgres(url: String, searchPath: String?)

    /// Reads `DATABASE_URL`, refusing anything it cannot use with a one-line reason.
    public static func resolve(_ settings: Settings) throws(StartupError) -> DatabaseLocation {
        guard let raw = settings.databaseURL?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else {
            return .sqliteFile(path: settings.sqlitePath)
        }
        guard let components = URLComponents(string: raw), let scheme = components.scheme?.lowercased() else {
            throw StartupError("DATABASE_URL không hợp lệ: \"\(redacted(raw))\". Ví dụ đúng: postgres://user:password@127.0.0.1:5432/danvan")
        }
        switch scheme {
        case "postgres", "postgresql":
            guard let host = components.host, !host.isEmpty else {
                throw StartupError("DATABASE_URL thiếu tên máy chủ PostgreSQL: \"\(redacted(raw))\".")
            }
            guard components.path.count > 1 else {
                throw StartupError("DATABASE_URL thiếu tên cơ sở dữ liệu (phần /ten_csdl ở cuối): \"\(redacted(raw))\".")
            }
            if let port = components.port, !(1...65535).contains(port) {
                throw StartupError("DATABASE_URL có cổng không hợp lệ: \(port).")
            }
            return .postgres(url: raw, searchPath: nil)
        case "sqlite":
            let path = components.path
            guard !path.isEmpty else { throw StartupError("DATABASE_URL sqlite thiếu đường dẫn tệp.") }
            return .sqliteFile(path: path)
        default:
            throw StartupError("DATABASE_URL dùng giao thức \"\(scheme)\" không được hỗ trợ; dùng postgres:// hoặc bỏ trống để dùng SQLite.")
        }
    }

    /// The URL with its password hidden, for messages.
    static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.password != nil else { return url }
        components.password = "***"
        return components.string ?? url
    }
}

/// A problem that stops the process before it serves: printed as one line, exit code 1.
public struct StartupError: Error, CustomStringConvertible, Sendable {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
