import DanVanCore
import DanVanDocuments
import Fluent
import Foundation

/// The copy of a letter handed to whoever verifies it: the case's own text with every piece of
/// the sender taken out. The sender's fields never go in; what the clerk typed of them into the
/// summary or the content is replaced too (a sealed identity's fragments were replaced when it
/// was sealed).
enum RedactedCopyDocuments {
    static func letter(_ context: CaseContext, on db: any Database) async throws -> RedactedLetterWriter.Letter {
        let record = context.record
        let unit = context.unit
        let fragments = [record.citizenName, record.citizenAddress, record.citizenContact].compactMap { $0 }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.count >= 3 }
        let header = try await OfficialHeaderQuery.header(unitID: unit.requireID, number: nil, type: "BS", place: nil, issuedOn: nil,
                                                          year: record.received?.year ?? 0, on: db)
        let sender = record.kind == .denunciation
            ? "Người tố cáo: thông tin về họ tên, địa chỉ, bút tích và thông tin cá nhân khác được giữ bí mật, không chuyển kèm (Luật Tố cáo năm 2018, Điều 9 và Điều 56)."
            : (record.anonymous ? "Người gửi đơn đề nghị giữ kín thông tin cá nhân; không chuyển kèm."
                : "Thông tin cá nhân của người gửi đơn không chuyển kèm; liên hệ qua \(unit.officialBody.printedName).")
        return RedactedLetterWriter.Letter(
            header: header, issuerName: unit.officialBody.printedName, trackingCode: record.trackingCode, kind: record.kind, channel: record.channel,
            received: record.received, subject: IdentityVault.redact(record.subject, removing: fragments),
            content: IdentityVault.redact(record.content, removing: fragments), senderLine: sender,
            handedTo: record.transferTo ?? context.lead.map(\.name), due: record.due,
            signature: OfficialSignature(authority: "T/M \(unit.unitKind.system == .party ? "BAN THƯỜNG VỤ" : "ỦY BAN NHÂN DÂN")",
                                         position: unit.unitKind.system == .party ? "BÍ THƯ" : "CHỦ TỊCH", name: nil))
    }

    static func docx(_ context: CaseContext, on db: any Database) async throws -> Data {
        try RedactedLetterWriter.docx(try await letter(context, on: db))
    }
}
