import DanVanCore
import Foundation

/// The periodic report on receiving citizens and handling their petitions, in the official
/// layout: reception days, dialogues, matters received by kind and how they were handled, the
/// leaders' reception duty, and a table per unit below as the annex.
public enum CitizenReportWriter {
    public struct Figures: Sendable {
        public var sessions: Int
        public var citizens: Int
        public var groups: Int
        public var dialogues: Int
        public var received: Int
        public var timeliness: TimelinessCounts

        public init(sessions: Int, citizens: Int, groups: Int, dialogues: Int, received: Int, timeliness: TimelinessCounts) {
            self.sessions = sessions
            self.citizens = citizens
            self.groups = groups
            self.dialogues = dialogues
            self.received = received
            self.timeliness = timeliness
        }
    }

    public struct Report: Sendable {
        public var header: OfficialHeaderText
        public var issuerName: String
        public var periodLabel: String
        public var total: Figures
        public var kinds: [(kind: CaseKind, received: Int, timeliness: TimelinessCounts)]
        public var lines: [(unitName: String, figures: Figures)]
        public var dialogueQuestions: Int
        public var answeredOnSpot: Int
        public var dutiesMissed: Int
        public var signature: OfficialSignature?

        public init(header: OfficialHeaderText, issuerName: String, periodLabel: String, total: Figures,
                    kinds: [(kind: CaseKind, received: Int, timeliness: TimelinessCounts)], lines: [(unitName: String, figures: Figures)],
                    dialogueQuestions: Int, answeredOnSpot: Int, dutiesMissed: Int, signature: OfficialSignature?) {
            self.header = header
            self.issuerName = issuerName
            self.periodLabel = periodLabel
            self.total = total
            self.kinds = kinds
            self.lines = lines
            self.dialogueQuestions = dialogueQuestions
            self.answeredOnSpot = answeredOnSpot
            self.dutiesMissed = dutiesMissed
            self.signature = signature
        }
    }

    public static func docx(_ report: Report) throws -> Data {
        try OfficialDocxLayout.docx(document(report))
    }

    static func document(_ report: Report) -> OfficialDocument {
        let total = report.total
        let t = total.timeliness
        let reception = OfficialSection(number: "I", heading: "CÔNG TÁC TIẾP CÔNG DÂN, ĐỐI THOẠI", depth: 1, items: [
            .dash("Tổ chức \(total.sessions) buổi tiếp công dân, tiếp \(total.citizens) lượt công dân, \(total.groups) đoàn đông người."),
            .dash(report.dutiesMissed == 0 ? "Người đứng đầu cấp ủy, chính quyền thực hiện đủ số ngày tiếp công dân theo quy định."
                  : "Còn \(report.dutiesMissed) tháng người đứng đầu chưa thực hiện đủ số ngày tiếp công dân theo quy định."),
            .dash("Tổ chức \(total.dialogues) hội nghị đối thoại trực tiếp với Nhân dân; \(report.dialogueQuestions) ý kiến, "
                  + "trong đó \(report.answeredOnSpot) ý kiến được trả lời tại hội nghị, \(report.dialogueQuestions - report.answeredOnSpot) ý kiến được giao giải quyết sau hội nghị."),
        ])
        let petitions = OfficialSection(number: "II", heading: "TIẾP NHẬN, XỬ LÝ KIẾN NGHỊ, PHẢN ÁNH, KHIẾU NẠI, TỐ CÁO", depth: 1, items: [
            .dash("Tiếp nhận \(total.received) vụ việc: " + report.kinds.map { "\($0.kind.label.lowercased()) \($0.received)" }.joined(separator: ", ") + "."),
            .dash("Đã giải quyết, trả lời \(t.finished) vụ việc, trong đó đúng hạn \(t.onTime)" + (t.onTimePercent.map { " (\($0)%)" } ?? "") + ", trễ hạn \(t.late)."),
            .dash("Đang giải quyết \(t.inTime + t.overdue) vụ việc, trong đó trong hạn \(t.inTime), quá hạn \(t.overdue)."),
        ])
        let assessment = OfficialSection(number: "III", heading: "ĐÁNH GIÁ CHUNG VÀ PHƯƠNG HƯỚNG", depth: 1, items: [
            .placeholder("Ưu điểm, hạn chế, nguyên nhân; nhiệm vụ trọng tâm kỳ tới."),
        ])
        return OfficialDocument(
            header: report.header, documentWord: "BÁO CÁO",
            subject: "Kết quả công tác tiếp công dân, đối thoại và giải quyết kiến nghị, phản ánh, khiếu nại, tố cáo \(report.periodLabel)",
            opening: ["\(report.issuerName) báo cáo kết quả công tác tiếp công dân, đối thoại và giải quyết kiến nghị, phản ánh, khiếu nại, tố cáo \(report.periodLabel) như sau:"],
            sections: [reception, petitions, assessment], recipients: ["Cấp trên trực tiếp", "Lưu"], signature: report.signature,
            appendices: [OfficialAppendix(
                title: "KẾT QUẢ TIẾP CÔNG DÂN, GIẢI QUYẾT ĐƠN THƯ \(report.periodLabel.uppercased())", note: "(Kèm theo báo cáo của \(report.issuerName))",
                columns: [.init("TT", weight: 4, centered: true), .init("Đơn vị", weight: 24), .init("Buổi tiếp", weight: 7, centered: true),
                          .init("Lượt công dân", weight: 8, centered: true), .init("Đối thoại", weight: 7, centered: true),
                          .init("Vụ việc tiếp nhận", weight: 8, centered: true), .init("Đúng hạn", weight: 7, centered: true),
                          .init("Trễ hạn", weight: 7, centered: true), .init("Trong hạn", weight: 7, centered: true), .init("Quá hạn", weight: 7, centered: true)],
                rows: (report.lines + [(unitName: "Tổng cộng", figures: total)]).enumerated().map { index, line in
                    let f = line.figures
                    return [[index < report.lines.count ? String(index + 1) : ""], [line.unitName], [String(f.sessions)], [String(f.citizens)], [String(f.dialogues)],
                            [String(f.received)], [String(f.timeliness.onTime)], [String(f.timeliness.late)], [String(f.timeliness.inTime)],
                            [String(f.timeliness.overdue)]]
                })])
    }

    public static func table(_ report: Report) -> SpreadsheetTable {
        let columns: [SpreadsheetTable.Column] = [
            .init("TT", width: 5, format: .integer), .init("Đơn vị", width: 36), .init("Buổi tiếp công dân", width: 12, format: .integer),
            .init("Lượt công dân", width: 12, format: .integer), .init("Đoàn đông người", width: 12, format: .integer),
            .init("Hội nghị đối thoại", width: 12, format: .integer), .init("Vụ việc tiếp nhận", width: 12, format: .integer),
            .init("Đúng hạn", width: 10, format: .integer), .init("Trễ hạn", width: 10, format: .integer),
            .init("Trong hạn", width: 10, format: .integer), .init("Quá hạn", width: 10, format: .integer)]
        let rows = (report.lines + [(unitName: "Tổng cộng", figures: report.total)]).enumerated().map { index, line -> [SpreadsheetTable.Value] in
            let f = line.figures
            return [index < report.lines.count ? .number(Double(index + 1)) : .text(""), .text(line.unitName)]
                + [f.sessions, f.citizens, f.groups, f.dialogues, f.received, f.timeliness.onTime, f.timeliness.late, f.timeliness.inTime, f.timeliness.overdue]
                .map { .number(Double($0)) }
        }
        return SpreadsheetTable(sheetName: "Tổng hợp", title: "KẾT QUẢ TIẾP CÔNG DÂN, GIẢI QUYẾT ĐƠN THƯ \(report.periodLabel.uppercased())",
                                subtitle: [report.issuerName], columns: columns, rows: rows)
    }

    public static func kindsTable(_ report: Report) -> SpreadsheetTable {
        let columns: [SpreadsheetTable.Column] = [.init("Loại vụ việc", width: 20), .init("Tiếp nhận", width: 12, format: .integer),
                                                  .init("Đúng hạn", width: 10, format: .integer), .init("Trễ hạn", width: 10, format: .integer),
                                                  .init("Trong hạn", width: 10, format: .integer), .init("Quá hạn", width: 10, format: .integer)]
        let rows = report.kinds.map { line -> [SpreadsheetTable.Value] in
            [.text(line.kind.label)] + [line.received, line.timeliness.onTime, line.timeliness.late, line.timeliness.inTime, line.timeliness.overdue]
                .map { .number(Double($0)) }
        }
        return SpreadsheetTable(sheetName: "Theo loại", title: "VỤ VIỆC THEO LOẠI \(report.periodLabel.uppercased())", subtitle: [report.issuerName],
                                columns: columns, rows: rows)
    }

    public static func xlsx(_ report: Report) throws -> Data {
        try XlsxWriter.xlsx([table(report), kindsTable(report)])
    }
}
