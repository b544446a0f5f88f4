import DanVanCore
import Foundation

/// The two documents of the "Dân vận khéo" year, in the official layout: a unit's letter
/// sending its registrations up with the list as an annex, and the steering committee's draft
/// decision recognising models, with the recognised list as its annex.
public enum ModelDocumentWriter {
    public struct Row: Sendable {
        public var name: String
        public var unitName: String
        public var field: String
        public var kind: String
        public var person: String
        public var summary: String
        public var level: String

        public init(name: String, unitName: String, field: String, kind: String, person: String, summary: String, level: String) {
            self.name = name
            self.unitName = unitName
            self.field = field
            self.kind = kind
            self.person = person
            self.summary = summary
            self.level = level
        }
    }

    public struct Context: Sendable {
        public var header: OfficialHeaderText
        public var issuerName: String
        /// The unit above the letter goes to ("Kính gửi").
        public var addressee: String?
        public var year: Int
        /// "Kế hoạch số 12-KH/BTGDV ngày 10/01/2026 của Ban Tuyên giáo và Dân vận Tỉnh ủy", when a campaign governs.
        public var campaignReference: String?
        public var recipients: [String]
        public var signature: OfficialSignature?

        public init(header: OfficialHeaderText, issuerName: String, addressee: String?, year: Int, campaignReference: String?, recipients: [String],
                    signature: OfficialSignature?) {
            self.header = header
            self.issuerName = issuerName
            self.addressee = addressee
            self.year = year
            self.campaignReference = campaignReference
            self.recipients = recipients
            self.signature = signature
        }
    }

    public static func registrationLetter(_ context: Context, rows: [Row]) throws -> Data {
        let basis = context.campaignReference.map { "Thực hiện \($0), " } ?? ""
        let collective = rows.filter { !$0.person.isEmpty }.count
        let document = OfficialDocument(
            header: context.header, documentWord: "", subject: "V/v đăng ký xây dựng mô hình, điển hình “Dân vận khéo” năm \(context.year)",
            opening: (context.addressee.map { ["Kính gửi: \($0)"] } ?? []) + ["\(basis)\(context.issuerName) đăng ký \(rows.count) mô hình, điển hình “Dân vận khéo” năm \(context.year) "
                        + "(\(rows.count - collective) tập thể, \(collective) cá nhân), có danh sách kèm theo.",
                      "Đề nghị cấp trên theo dõi, hướng dẫn để các mô hình được triển khai đạt kết quả."],
            sections: [], recipients: context.recipients, signature: context.signature,
            appendices: [OfficialAppendix(
                title: "DANH SÁCH ĐĂNG KÝ MÔ HÌNH, ĐIỂN HÌNH “DÂN VẬN KHÉO” NĂM \(context.year)",
                note: "(Kèm theo công văn của \(context.issuerName))",
                columns: [.init("TT", weight: 5, centered: true), .init("Tên mô hình, điển hình", weight: 30), .init("Đơn vị", weight: 18),
                          .init("Lĩnh vực", weight: 14), .init("Loại", weight: 12), .init("Nội dung, cách làm", weight: 30)],
                rows: rows.enumerated().map { index, row in
                    [[String(index + 1)], [row.name] + (row.person.isEmpty ? [] : [row.person]), [row.unitName], [row.field], [row.kind], [row.summary]]
                })])
        return try OfficialDocxLayout.docx(document)
    }

    public static func recognitionDecision(_ context: Context, rows: [Row]) throws -> Data {
        var opening = ["Căn cứ chức năng, nhiệm vụ, quyền hạn của \(context.issuerName);"]
        if let reference = context.campaignReference { opening.append("Căn cứ \(reference) về phong trào thi đua “Dân vận khéo” năm \(context.year);") }
        opening.append("Xét kết quả đánh giá của Ban Chỉ đạo và đề nghị của cơ quan thường trực,")
        opening.append("QUYẾT ĐỊNH:")
        let exemplary = rows.filter { $0.level.contains("Tiêu biểu") }.count
        // The articles run on as paragraphs, "Điều 1. …", as decisions print them.
        opening += [
            "Điều 1. Công nhận \(rows.count) mô hình, điển hình “Dân vận khéo” năm \(context.year)"
                + (exemplary > 0 ? ", trong đó \(exemplary) mô hình, điển hình tiêu biểu" : "") + " (có danh sách kèm theo).",
            "Điều 2. Các tập thể, cá nhân có mô hình, điển hình được công nhận tiếp tục duy trì, phát huy hiệu quả và nhân rộng mô hình.",
            "Điều 3. Quyết định có hiệu lực kể từ ngày ký. Các cơ quan, đơn vị và tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.",
        ]
        let document = OfficialDocument(
            header: context.header, documentWord: "QUYẾT ĐỊNH", subject: "Về việc công nhận mô hình, điển hình “Dân vận khéo” năm \(context.year)",
            opening: opening, sections: [],
            recipients: context.recipients, signature: context.signature,
            appendices: [OfficialAppendix(
                title: "DANH SÁCH MÔ HÌNH, ĐIỂN HÌNH “DÂN VẬN KHÉO” ĐƯỢC CÔNG NHẬN NĂM \(context.year)",
                note: "(Kèm theo Quyết định của \(context.issuerName))",
                columns: [.init("TT", weight: 5, centered: true), .init("Tên mô hình, điển hình", weight: 34), .init("Đơn vị", weight: 22),
                          .init("Lĩnh vực", weight: 16), .init("Loại", weight: 13), .init("Công nhận", weight: 14)],
                rows: rows.enumerated().map { index, row in
                    [[String(index + 1)], [row.name] + (row.person.isEmpty ? [] : [row.person]), [row.unitName], [row.field], [row.kind], [row.level]]
                })])
        return try OfficialDocxLayout.docx(document)
    }
}
