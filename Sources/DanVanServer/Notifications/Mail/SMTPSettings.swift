import Foundation
import DanVanCore

/// The relay mail goes through, read from `DANVAN_SMTP_URL`:
/// `smtp://user:pass@host:587` (STARTTLS, required), `smtps://…:465` (TLS from the start), or
/// `smtp://host:25?tls=none` (no encryption: a relay on the same machine or network only).
struct SMTPSettings: Sendable, Equatable {
    enum Security: Sendable, Equatable {
        case startTLS, implicitTLS, none
    }

    let host: String
    let port: Int
    let username: String?
    let password: String?
    let security: Security
    let from: String
    /// A PEM file of the authority that signed the relay's certificate, when it is not a public one.
    var caFile: String? = nil

    /// The settings, nil when no relay is set, or a message naming what is wrong.
    static func parse(url raw: String?, from: String?, caFile: String? = nil) -> Result<SMTPSettings?, SettingsProblem> {
        guard let raw, !raw.isEmpty else { return .success(nil) }
        guard let components = URLComponents(string: raw), let scheme = components.scheme?.lowercased(),
              ["smtp", "smtps"].contains(scheme), let host = components.host, !host.isEmpty else {
            return .failure(SettingsProblem("DANVAN_SMTP_URL \"\(Self.redacted(raw))\" không hợp lệ; ghi dạng smtp://tên:mật-khẩu@máy-chủ:587."))
        }
        let tlsNone = components.queryItems?.contains { $0.name == "tls" && $0.value == "none" } == true
        let security: Security = scheme == "smtps" ? .implicitTLS : tlsNone ? .none : .startTLS
        guard let sender = from, case .success(let address) = EmailAddress.parse(sender) else {
            return .failure(SettingsProblem("DANVAN_MAIL_FROM \"\(from ?? "")\" không phải một địa chỉ thư; cần địa chỉ người gửi khi đã đặt DANVAN_SMTP_URL."))
        }
        if let caFile, !FileManager.default.isReadableFile(atPath: caFile) {
            return .failure(SettingsProblem("DANVAN_SMTP_CA_FILE \"\(caFile)\" không đọc được; cần tệp PEM của cơ quan cấp chứng thư cho máy chủ thư."))
        }
        return .success(SMTPSettings(host: host, port: components.port ?? (scheme == "smtps" ? 465 : 587),
                                     username: components.user?.removingPercentEncoding, password: components.password?.removingPercentEncoding,
                                     security: security, from: address.value, caFile: caFile))
    }

    /// The address with its password hidden, for messages and logs.
    static func redacted(_ raw: String) -> String {
        guard var components = URLComponents(string: raw), components.password != nil else { return raw }
        components.password = "***"
        return components.string ?? raw
    }
}

struct SettingsProblem: Error, Sendable {
    let message: String
    init(_ message: String) { self.message = message }
}
