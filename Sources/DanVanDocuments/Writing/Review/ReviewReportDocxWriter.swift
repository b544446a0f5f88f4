import DanVanCore
import Foundation

/// Writes a review report in the order such reports run: the situation, results (targets by
/// area, tasks, "Dân vận khéo" models and classification when the plan has such targets,
/// training and inspection when the subtree held any, reporting), an overall assessment with places for the author's words, directions for the
/// next period drawn from unfinished tasks and unmet targets, proposals; then appendix tables.
public enum ReviewReportDocxWriter {
    public static func docx(_ report: ReviewReportExport) throws -> Data {
        try OfficialDocxLayout.docx(document(report))
    }

    static func document(_ report: ReviewReportExport) -> OfficialDocument {
        let wording = ReviewWording(period: report.period)
        var sections: [OfficialSection] = [
            .init(number: "I", heading: "ĐẶC ĐIỂM TÌNH HÌNH", depth: 0, items: [
                .placeholder("[Nêu khái quát tình hình của địa phương, đơn vị trong kỳ; những thuận lợi, khó khăn tác động đến công tác dân vận.]"),
            ]),
            .init(number: "II", heading: "KẾT QUẢ THỰC HIỆN", depth: 0, items: []),
        ]
        sections += ReviewResultSections.targets(report, number: "1")
        sections += ReviewResultSections.tasks(report, number: "2")
        var next = 3
        if let models = ReviewResultSections.models(report, number: String(next)) {
            sections += models
            next += 1
        }
        if let figures = ReviewResultSections.trainingInspection(report, number: String(next)) {
            sections += figures
            next += 1
        }
        sections += ReviewResultSections.reporting(report, number: String(next))
        sections += assessment(wording)
        sections.append(.init(number: "IV", heading: "PHƯƠNG HƯỚNG, NHIỆM VỤ " + wording.nextPeriod.uppercased(), depth: 0,
                              items: ReviewDirections.items(report)))
        sections.append(.init(number: "V", heading: "ĐỀ XUẤT, KIẾN NGHỊ", depth: 0, items: [
            .placeholder("[Nêu đề xuất, kiến nghị với cấp trên, nếu có.]"),
        ]))
        return OfficialDocument(header: report.header, documentWord: "BÁO CÁO", subject: wording.subject, opening: [opening(report, wording)],
                                sections: sections, recipients: report.recipients, signature: report.signature,
                                appendices: ReviewAppendices.all(report))
    }

    static func opening(_ report: ReviewReportExport, _ wording: ReviewWording) -> String {
        let basis = report.planReference.map { "Thực hiện \($0), " } ?? ""
        let counted = report.includesSubmitted ? "đã gửi và đã duyệt" : "đã duyệt"
        return "\(basis)\(report.unitName) báo cáo \(wording.what) như sau (số liệu tổng hợp từ các báo cáo \(counted) của các đơn vị "
            + "đến hết \(report.period.lastDay.day)/\(report.period.lastDay.month)/\(report.period.year)):"
    }

    private static func assessment(_ wording: ReviewWording) -> [OfficialSection] {
        var sections: [OfficialSection] = [
            .init(number: "III", heading: "ĐÁNH GIÁ CHUNG", depth: 0, items: []),
            .init(number: "1", heading: "Ưu điểm", depth: 1, items: [.placeholder("[Nêu những ưu điểm, kết quả nổi bật trong kỳ.]")]),
            .init(number: "2", heading: "Hạn chế, khuyết điểm", depth: 1, items: [.placeholder("[Nêu những hạn chế, khuyết điểm.]")]),
            .init(number: "3", heading: "Nguyên nhân", depth: 1, items: [
                .placeholder("[Nêu nguyên nhân khách quan, chủ quan của những hạn chế, khuyết điểm.]"),
            ]),
        ]
        if wording.kind == .final {
            sections.append(.init(number: "4", heading: "Bài học kinh nghiệm", depth: 1, items: [.placeholder("[Nêu bài học kinh nghiệm.]")]))
        }
        return sections
    }
}
