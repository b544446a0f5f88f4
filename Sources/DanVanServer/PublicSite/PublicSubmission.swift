import DanVanCore
import Fluent
import Foundation

/// A recommendation or a report sent from a unit's public page: received as an online case of
/// that unit, answered with a tracking code. Complaints and denunciations need the forms the law
/// sets and are not taken here. Links are refused (the form is a target for spam); a filled
/// honeypot field stores nothing.
enum PublicSubmission {
    static let messageLimit = 4_000

    struct Input: Codable, Sendable, Equatable {
        var kind = ""
        var subject = ""
        var content = ""
        var name = ""
        var address = ""
        var contact = ""
        /// Hidden from people; a robot fills it.
        var website = ""

        init() {}

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            (kind, subject, content, name) = (c.lenientText(.kind), c.lenientText(.subject), c.lenientText(.content), c.lenientText(.name))
            (address, contact, website) = (c.lenientText(.address), c.lenientText(.contact), c.lenientText(.website))
        }
    }

    /// The acting party in the audit log: the public page, not a person signed in.
    static let actor = Actor(userID: nil, name: "trang công khai", displayName: "Người dân (trang công khai)", role: .admin, unitID: nil,
                             credential: .commandLine)

    static func submit(_ input: Input, to unit: OrgUnit, today: CivilDate, on db: any Database) async throws -> CitizenCase {
        guard input.website.isEmpty else { throw AppError(.badRequest, "Không gửi được biểu mẫu.", field: "website") }
        var issues: [ValidationIssue] = []
        let kind = CaseKind(parsing: input.kind)
        if kind != .recommendation && kind != .report {
            issues.append(ValidationIssue(field: "kind", message: "Chọn kiến nghị hoặc phản ánh. Khiếu nại, tố cáo xin gửi đơn hoặc đến trụ sở tiếp công dân."))
        }
        if input.content.count > messageLimit {
            issues.append(ValidationIssue(field: "content", message: "Nội dung dài \(input.content.count) ký tự, quá \(messageLimit) ký tự cho phép."))
        }
        for (field, label, text) in [("subject", "Tóm tắt", input.subject), ("content", "Nội dung", input.content)] where containsLink(text) {
            issues.append(ValidationIssue(field: field, message: "\(label) có đường dẫn web; xin bỏ đường dẫn và mô tả bằng lời."))
        }
        if input.name.trimmingCharacters(in: .whitespaces).isEmpty {
            issues.append(ValidationIssue(field: "name", message: "Họ và tên chưa có; cơ quan cần biết ai gửi để trả lời."))
        }
        if input.contact.trimmingCharacters(in: .whitespaces).isEmpty && input.address.trimmingCharacters(in: .whitespaces).isEmpty {
            issues.append(ValidationIssue(field: "contact", message: "Ghi số điện thoại, thư điện tử hoặc địa chỉ để nhận trả lời."))
        }
        guard issues.isEmpty else { throw AppError.validation(ValidationFailure(issues)) }
        var receiving = CaseReceiving.Input()
        receiving.unitCode = unit.code
        receiving.kind = kind?.rawValue ?? ""
        receiving.channel = CaseChannel.online.rawValue
        receiving.receivedOn = today.description
        receiving.subject = input.subject
        receiving.content = input.content
        receiving.citizenName = input.name
        receiving.citizenAddress = input.address
        receiving.citizenContact = input.contact
        return try await CaseReceiving.receive(receiving, today: today, key: nil, by: actor, on: db)
    }

    static func containsLink(_ text: String) -> Bool {
        let lower = text.lowercased()
        if lower.contains("http://") || lower.contains("https://") || lower.contains("www.") { return true }
        return lower.range(of: #"[a-z0-9-]+\.(com|net|org|vn|info|xyz|top|ru|io|me|link|site|online)(/|\b)"#, options: .regularExpression) != nil
    }
}
