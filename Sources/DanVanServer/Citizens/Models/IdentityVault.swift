import Crypto
import DanVanCore
import Foundation

/// The key that seals denouncers' identities in the optional mode. It comes from a file
/// (`DANVAN_IDENTITY_KEY_FILE`) or the environment (`DANVAN_IDENTITY_KEY`), 32 bytes in base64,
/// and is never written to the database: the database keeps only its id (a hash prefix), so a
/// copy of the database or a backup holds ciphertext and nothing to open it with.
public struct IdentityKey: Sendable {
    let key: SymmetricKey
    public let id: String

    public init?(base64: String) {
        guard let data = Data(base64Encoded: base64.trimmingCharacters(in: .whitespacesAndNewlines)), data.count == 32 else { return nil }
        key = SymmetricKey(data: data)
        id = SHA256.hash(data: data).prefix(6).map { String(format: "%02x", $0) }.joined()
    }

    /// A fresh key in base64, for `danvan identity new-key`.
    public static func generate() -> String {
        SymmetricKey(size: .bits256).withUnsafeBytes { Data($0).base64EncodedString() }
    }

    /// The key the settings name, a problem in one Vietnamese line, or nil when none is set.
    static func load(file: String?, value: String?) -> Result<IdentityKey?, StartupError> {
        if let file {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                return .failure(StartupError("Không đọc được tệp khóa danh tính \(file) (DANVAN_IDENTITY_KEY_FILE)."))
            }
            guard let key = IdentityKey(base64: text) else {
                return .failure(StartupError("Tệp khóa danh tính \(file) không chứa 32 byte dạng base64; tạo khóa bằng \"danvan identity new-key\"."))
            }
            return .success(key)
        }
        guard let value else { return .success(nil) }
        guard let key = IdentityKey(base64: value) else {
            return .failure(StartupError("DANVAN_IDENTITY_KEY không phải 32 byte dạng base64; tạo khóa bằng \"danvan identity new-key\"."))
        }
        return .success(key)
    }
}

/// Seals and opens a denouncer's identity with AES-GCM. The case's id is the authenticated
/// data, so a sealed identity copied onto another case does not open.
enum IdentityVault {
    struct Identity: Codable, Sendable, Equatable {
        var name: String
        var address: String
        var contact: String
        var note: String

        var isEmpty: Bool { [name, address, contact, note].allSatisfy { $0.isEmpty } }

        /// The pieces of text that must be taken out of anything else written about the case.
        var fragments: [String] {
            [name, address, contact].map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.count >= 3 }
        }
    }

    static func seal(_ identity: Identity, caseID: Int, with key: IdentityKey) throws -> String {
        try seal(try JSONEncoder().encode(identity), binding: "citizen_case:\(caseID)", with: key)
    }

    static func open(_ sealed: String, caseID: Int, with key: IdentityKey) throws -> Identity {
        try JSONDecoder().decode(Identity.self, from: try open(sealed, binding: "citizen_case:\(caseID)", with: key))
    }

    /// Any bytes sealed for one place (`binding`, the authenticated data), as base64 text.
    static func seal(_ plain: Data, binding: String, with key: IdentityKey) throws -> String {
        let box = try AES.GCM.seal(plain, using: key.key, authenticating: Data(binding.utf8))
        guard let combined = box.combined else { throw AppError(.internalServerError, "Không niêm phong được dữ liệu.") }
        return combined.base64EncodedString()
    }

    static func open(_ sealed: String, binding: String, with key: IdentityKey) throws -> Data {
        guard let data = Data(base64Encoded: sealed) else { throw AppError(.internalServerError, "Bản niêm phong hỏng.") }
        return try AES.GCM.open(try AES.GCM.SealedBox(combined: data), using: key.key, authenticating: Data(binding.utf8))
    }

    /// Text with every fragment of the identity replaced, folding case and marks, so that a
    /// clerk who typed the name into the summary does not carry it past the seal.
    static func redact(_ text: String, removing fragments: [String]) -> String {
        var result = text
        for fragment in fragments.sorted(by: { $0.count > $1.count }) {
            while let range = result.range(of: fragment, options: [.caseInsensitive, .diacriticInsensitive]) {
                result.replaceSubrange(range, with: "[đã che]")
            }
        }
        return result
    }
}
