import DanVanCore
import Foundation

/// The copy of a letter handed to whoever verifies it (Luật Tố cáo 2018, Điều 9 and 56): the
/// matter as DanVan holds it, with the sender left out. Only the app's own text goes into it;
/// the caller has already taken every fragment of the sender out of the summary and content.
public enum RedactedLetterWriter {
    public struct Letter: Sendable {
        public var header: OfficialHeaderText
        public var issuerName: String
        public var trackingCode: String
        public var kind: CaseKind
        public var channel: CaseChannel
        public var received: CivilDate?
        public var subject: String
        public var content: String
        /// Why the sender is not named, as printed: the law for a denunciation, the citizen's wish otherwise.
        public var senderLine: String
        public var handedTo: String?
        public var due: CivilDate?
        public var signature: OfficialSignature?

        public init(header: OfficialHeaderText, issuerName: String, trackingCode: String, kind: CaseKind, channel: CaseChannel,
                    received: CivilDate?, subject: String, content: String, senderLine: String, handedTo: String?, due: CivilDate?,
                    signature: OfficialSignature?) {
            self.header = header
            self.issuerName = issuerName
            self.trackingCode = trackingCode
            self.kind = kind
            self.channel = channel
            self.received = received
            self.subject = subject
            self.content = content
            self.senderLine = senderLine
            self.handedTo = handedTo
            self.due = due
            self.signature = signature
        }
    }

    public static func docx(_ letter: Letter) throws -> Data {
        try OfficialDocxLayout.docx(document(letter))
    }

    static func document(_ letter: Letter) -> OfficialDocument {
        var facts: [OfficialItem] = [
            .dash("Mã vụ việc: \(letter.trackingCode)."),
            .dash("Loại: \(letter.kind.label); hình thức tiếp nhận: \(letter.channel.label.lowercased())"
                  + (letter.received.map { "; ngày tiếp nhận \($0.vietnamese)" } ?? "") + "."),
            .dash(letter.senderLine),
        ]
        if let handedTo = letter.handedTo { facts.append(.dash("Chuyển đến: \(handedTo).")) }
        if let due = letter.due { facts.append(.dash("Thời hạn giải quyết: \(due.vietnamese).")) }
        let paragraphs = letter.content.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let content = OfficialSection(number: "II", heading: "NỘI DUNG ĐƠN", depth: 1,
                                      items: [.text(letter.subject)] + paragraphs.map { OfficialItem.text($0) })
        return OfficialDocument(
            header: letter.header, documentWord: "BẢN SAO NỘI DUNG ĐƠN",
            subject: "\(letter.kind.label) mã \(letter.trackingCode) (đã loại bỏ thông tin về người gửi đơn)",
            opening: ["\(letter.issuerName) sao nội dung đơn để chuyển xác minh, giải quyết; thông tin về người gửi đơn đã được loại bỏ theo quy định."],
            sections: [OfficialSection(number: "I", heading: "THÔNG TIN VỤ VIỆC", depth: 1, items: facts), content],
            recipients: [letter.handedTo ?? "Đơn vị được giao xác minh", "Lưu: hồ sơ vụ việc"], signature: letter.signature, appendices: [])
    }
}
