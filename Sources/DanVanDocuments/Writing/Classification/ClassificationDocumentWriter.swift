import DanVanCore
import Foundation

/// The draft decision announcing a round's results, in the official layout, with the results
/// table as its annex: every unit with its self score, appraised score and class.
public enum ClassificationDocumentWriter {
    public struct Row: Sendable {
        public var unitName: String
        public var selfTotal: String
        public var appraisedTotal: String
        public var label: String

        public init(unitName: String, selfTotal: String, appraisedTotal: String, label: String) {
            self.unitName = unitName
            self.selfTotal = selfTotal
            self.appraisedTotal = appraisedTotal
            self.label = label
        }
    }

    public struct Context: Sendable {
        public var header: OfficialHeaderText
        public var issuerName: String
        public var year: Int
        /// "Quyết định số 245-QĐ/TU ngày 15/10/2024 của Tỉnh ủy Lai Châu ban hành tiêu chí …".
        public var setReference: String
        /// Count per label, best first: "Tốt: 1", "Khá: 1", "Không đủ điều kiện xếp loại: 1".
        public var distribution: [(label: String, count: Int)]
        public var recipients: [String]
        public var signature: OfficialSignature?

        public init(header: OfficialHeaderText, issuerName: String, year: Int, setReference: String, distribution: [(label: String, count: Int)],
                    recipients: [String], signature: OfficialSignature?) {
            self.header = header
            self.issuerName = issuerName
            self.year = year
            self.setReference = setReference
            self.distribution = distribution
            self.recipients = recipients
            self.signature = signature
        }
    }

    public static func decision(_ context: Context, rows: [Row]) throws -> Data {
        let counts = context.distribution.filter { $0.count > 0 }.map { entry in
            entry.label.hasPrefix("Không") ? "\(entry.count) đơn vị \(entry.label.firstLetterLowercased)" : "\(entry.count) đơn vị xếp loại \(entry.label)"
        }.joined(separator: ", ")
        let opening = [
            "Căn cứ chức năng, nhiệm vụ, quyền hạn của \(context.issuerName);",
            "Căn cứ \(context.setReference);",
            "Xét kết quả tự đánh giá, chấm điểm của các đơn vị và kết quả thẩm định,",
            "QUYẾT ĐỊNH:",
            "Điều 1. Công nhận kết quả đánh giá, xếp loại công tác dân vận năm \(context.year) đối với \(rows.count) đơn vị"
                + (counts.isEmpty ? "" : " (\(counts))") + ", có danh sách kèm theo.",
            "Điều 2. Các đơn vị căn cứ kết quả đánh giá, xếp loại, có kế hoạch khắc phục hạn chế, nâng cao chất lượng công tác dân vận năm \(context.year + 1).",
            "Điều 3. Quyết định có hiệu lực kể từ ngày ký. Các cơ quan, đơn vị có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.",
        ]
        let document = OfficialDocument(
            header: context.header, documentWord: "QUYẾT ĐỊNH", subject: "Về việc công nhận kết quả đánh giá, xếp loại công tác dân vận năm \(context.year)",
            opening: opening, sections: [], recipients: context.recipients, signature: context.signature,
            appendices: [OfficialAppendix(
                title: "KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CÔNG TÁC DÂN VẬN NĂM \(context.year)",
                note: "(Kèm theo Quyết định của \(context.issuerName))",
                columns: [.init("TT", weight: 5, centered: true), .init("Đơn vị", weight: 40), .init("Tự chấm", weight: 12, centered: true),
                          .init("Thẩm định", weight: 12, centered: true), .init("Xếp loại", weight: 22)],
                rows: rows.enumerated().map { index, row in
                    [[String(index + 1)], [row.unitName], [row.selfTotal], [row.appraisedTotal], [row.label]]
                })])
        return try OfficialDocxLayout.docx(document)
    }
}
