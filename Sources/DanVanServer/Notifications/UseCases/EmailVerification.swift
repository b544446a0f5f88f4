import DanVanCore
import Fluent
import Foundation
import SQLKit

/// A person sets (or clears) their e-mail address; nothing but the verification mail goes to
/// it until they open the link it carries.
enum EmailVerification {
    static let validHours = 48

    /// Sets the address and queues its verification mail in one transaction; an empty address
    /// clears it. Returns whether a verification mail was queued.
    @discardableResult
    static func setAddress(_ raw: String, for userID: Int, by actor: Actor, on db: any Database, now: Date = Date()) async throws -> Bool {
        guard actor.userID == userID || actor.role == .admin else { throw AppError.forbidden }
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        let address: String? = trimmed.isEmpty ? nil : try EmailAddress.parse(trimmed).map(\.value).orInvalid()
        return try await db.writeTransaction { tx in
            guard let user = try await User.find(userID, on: tx) else { throw AppError.notFound("Không tìm thấy tài khoản.") }
            guard address != user.email || (address != nil && user.emailVerifiedAt == nil) else { return false }
            let token = address == nil ? nil : SecretToken.generate()
            user.email = address
            user.emailVerifiedAt = nil
            user.emailTokenHash = token.map(SecretToken.hash)
            user.emailTokenExpiresAt = token == nil ? nil : now.addingTimeInterval(Double(validHours) * 3600)
            try await user.save(on: tx)
            if let address, let token {
                try await MailOutbox.enqueue([MailComposer.verification(userID: userID, to: address, token: token)],
                                             on: try UnitClosure.sqlDatabase(tx), now: now)
            }
            try await AuditLog.record("user.email", entityType: "user", entityKey: user.username, unitID: user.unitID,
                                      before: nil, after: ["email": address ?? ""], by: actor, on: tx)
            return address != nil
        }
    }

    /// Marks the address whose link this is as verified.
    static func verify(token: String, on db: any Database, now: Date = Date()) async throws -> User {
        guard !token.isEmpty, token.count < 200 else {
            throw AppError.invalid("token", "Liên kết xác nhận không đầy đủ; hãy mở đúng liên kết trong thư.")
        }
        return try await db.writeTransaction { tx in
            guard let user = try await User.query(on: tx).filter(\.$emailTokenHash == SecretToken.hash(token)).first() else {
                throw AppError.invalid("token", "Liên kết xác nhận không đúng hoặc đã được dùng; hãy khai lại địa chỉ thư ở trang Cá nhân.")
            }
            guard let expires = user.emailTokenExpiresAt, expires > now else {
                throw AppError.invalid("token", "Liên kết xác nhận đã hết hạn (\(validHours) giờ); hãy khai lại địa chỉ thư ở trang Cá nhân để nhận liên kết mới.")
            }
            user.emailVerifiedAt = now
            user.emailTokenHash = nil
            user.emailTokenExpiresAt = nil
            try await user.save(on: tx)
            try await AuditLog.record("user.email_verified", entityType: "user", entityKey: user.username, unitID: user.unitID,
                                      before: nil, after: ["email": user.email ?? ""], by: Actor(user), on: tx)
            return user
        }
    }
}
