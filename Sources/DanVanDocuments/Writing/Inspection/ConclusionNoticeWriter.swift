import DanVanCore
import Foundation

/// The conclusion notice of an inspection or supervision (thông báo kết luận) in the official
/// layout: what was checked and by whom, strengths, shortcomings and violations, and the
/// requirements each inspected unit must fix by its date; and the same findings and
/// requirements, with where each requirement stands, as a workbook.
public enum ConclusionNoticeWriter {
    public struct Finding: Sendable {
        public var unitName: String
        public var type: FindingType
        public var severity: FindingSeverity?
        public var text: String

        public init(unitName: String, type: FindingType, severity: FindingSeverity?, text: String) {
            (self.unitName, self.type, self.severity, self.text) = (unitName, type, severity, text)
        }
    }

    public struct Requirement: Sendable {
        public var unitName: String
        public var text: String
        public var due: CivilDate?
        public var state: String
        public var fixedOn: CivilDate?
        public var timeliness: String

        public init(unitName: String, text: String, due: CivilDate?, state: String, fixedOn: CivilDate?, timeliness: String) {
            (self.unitName, self.text, self.due, self.state, self.fixedOn, self.timeliness) = (unitName, text, due, state, fixedOn, timeliness)
        }
    }

    public struct Notice: Sendable {
        public var header: OfficialHeaderText
        public var issuerName: String
        public var kind: InspectionKind
        public var title: String
        public var decision: String?
        public var team: String
        public var subjects: [String]
        public var starts: CivilDate
        public var ends: CivilDate
        public var contents: String
        public var findings: [Finding]
        public var requirements: [Requirement]
        public var signature: OfficialSignature?

        public init(header: OfficialHeaderText, issuerName: String, kind: InspectionKind, title: String, decision: String?, team: String,
                    subjects: [String], starts: CivilDate, ends: CivilDate, contents: String, findings: [Finding], requirements: [Requirement],
                    signature: OfficialSignature?) {
            self.header = header
            self.issuerName = issuerName
            self.kind = kind
            self.title = title
            self.decision = decision
            self.team = team
            self.subjects = subjects
            self.starts = starts
            self.ends = ends
            self.contents = contents
            self.findings = findings
            self.requirements = requirements
            self.signature = signature
        }
    }

    public static func docx(_ notice: Notice) throws -> Data {
        try OfficialDocxLayout.docx(document(notice))
    }

    static func document(_ notice: Notice) -> OfficialDocument {
        let word = notice.kind.noticeWord
        let period = notice.starts == notice.ends ? "ngày \(notice.starts.vietnamese)" : "từ ngày \(notice.starts.vietnamese) đến ngày \(notice.ends.vietnamese)"
        var opening = (notice.decision.map { "Thực hiện \($0), " } ?? "") + "\(notice.team) đã tiến hành \(word) \(period) đối với "
            + notice.subjects.joined(separator: ", ") + "."
        if !notice.contents.isEmpty { opening += " Nội dung: " + sentence(notice.contents) }
        let closing = "Trên cơ sở báo cáo của đoàn và ý kiến của các đơn vị được \(word), \(notice.issuerName) kết luận như sau:"
        let byUnit = notice.subjects.count > 1
        func line(_ finding: Finding) -> OfficialItem {
            let marks = [finding.type == .violation ? "vi phạm" : nil, finding.severity.map { "mức độ \($0.label.lowercased())" }].compactMap { $0 }
            return .dash((byUnit ? "\(finding.unitName): " : "") + sentence(finding.text, adding: marks.isEmpty ? "" : " (\(marks.joined(separator: ", ")))"))
        }
        let strengths = notice.findings.filter { $0.type == .strength }.map(line)
        let shortcomings = notice.findings.filter { $0.type != .strength }.map(line)
        let requirements = notice.requirements.map { requirement in
            OfficialItem.dash("\(requirement.unitName): " + sentence(requirement.text, adding: requirement.due.map { "; thời hạn khắc phục: \($0.vietnamese)" } ?? ""))
        }
        return OfficialDocument(
            header: notice.header, documentWord: "THÔNG BÁO", subject: subject(notice),
            opening: [opening, closing],
            sections: [
                OfficialSection(number: "1", heading: "Ưu điểm", depth: 1, items: strengths.isEmpty ? [.placeholder("Chưa ghi ưu điểm.")] : strengths),
                OfficialSection(number: "2", heading: "Hạn chế, khuyết điểm", depth: 1, items: shortcomings.isEmpty ? [.dash("Không có.")] : shortcomings),
                OfficialSection(number: "3", heading: "Yêu cầu", depth: 1,
                                items: (requirements.isEmpty ? [.dash("Không có yêu cầu khắc phục.")] : requirements)
                                    + [.text("Các đơn vị báo cáo kết quả khắc phục kèm minh chứng về \(notice.issuerName) đúng thời hạn.")]),
            ],
            recipients: notice.subjects + ["Lưu"], signature: notice.signature, appendices: [])
    }

    /// The text as one sentence with `adding` before its closing full stop: "… bảng tin; thời hạn …: 30/06/2026."
    static func sentence(_ text: String, adding suffix: String = "") -> String {
        var body = text.trimmingCharacters(in: .whitespacesAndNewlines)
        while let last = body.last, ".;,".contains(last) { body.removeLast() }
        return body + suffix + "."
    }

    /// "Kết luận kiểm tra công tác dân vận …": the kind's word is not repeated when the title starts with it.
    static func subject(_ notice: Notice) -> String {
        let title = notice.title.firstLetterLowercased
        let folded = VietnameseFolding.fold(title)
        let startsWithWord = ["kiem tra", "giam sat", "phuc tra", "tu kiem tra"].contains { folded.hasPrefix($0) }
        return "Kết luận " + (startsWithWord ? title : "\(notice.kind.noticeWord) \(title)")
    }

    public static func xlsx(_ notice: Notice) throws -> Data {
        let findings = SpreadsheetTable(
            sheetName: "Kết luận", title: "NỘI DUNG KẾT LUẬN \(notice.kind.noticeWord.uppercased()): \(notice.title.uppercased())", subtitle: [notice.issuerName],
            columns: [.init("TT", width: 5, format: .integer), .init("Đơn vị", width: 30), .init("Loại", width: 18), .init("Mức độ", width: 12),
                      .init("Nội dung", width: 70)],
            rows: notice.findings.enumerated().map { index, finding in
                [.number(Double(index + 1)), .text(finding.unitName), .text(finding.type.label), .text(finding.severity?.label ?? ""), .text(finding.text)]
            })
        let requirements = SpreadsheetTable(
            sheetName: "Yêu cầu", title: "YÊU CẦU KHẮC PHỤC VÀ KẾT QUẢ", subtitle: [notice.issuerName, notice.title],
            columns: [.init("TT", width: 5, format: .integer), .init("Đơn vị", width: 30), .init("Yêu cầu", width: 60), .init("Thời hạn", width: 12),
                      .init("Trạng thái", width: 26), .init("Ngày báo cáo khắc phục", width: 16), .init("Đúng hạn, trễ hạn", width: 16)],
            rows: notice.requirements.enumerated().map { index, requirement in
                [.number(Double(index + 1)), .text(requirement.unitName), .text(requirement.text), .text(requirement.due?.vietnamese ?? ""),
                 .text(requirement.state), .text(requirement.fixedOn?.vietnamese ?? ""), .text(requirement.timeliness)]
            })
        return try XlsxWriter.xlsx([findings, requirements])
    }
}
