import DanVanCore
import Foundation

/// The stable JSON form of a read plan: UTF-8, camelCase keys, absent values as null.
public enum PlanDocumentJSON {
    public static func encode(_ document: PlanDocument) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self)
    }
}

/// A short human summary for `danvan import FILE` without --json.
public enum PlanDocumentSummary {
    public static func text(_ document: PlanDocument) -> String {
        var lines = ["Loại: \(document.kind == .plan ? "kế hoạch" : "không rõ") \(document.documentType ?? "")",
                     "Số: \(document.number?.normalized ?? "—")  Ngày: \(document.issuedOn ?? "—")  Năm: \(document.year.map(String.init) ?? "—")",
                     "Trích yếu: \(document.subject ?? "—")",
                     "Căn cứ: \(document.basis.map(\.normalized).joined(separator: ", "))",
                     "\(document.sections.count) mục lớn, \(document.targets.count) chỉ tiêu, \(document.tasks.count) nhiệm vụ, "
                        + "\(document.citations.count) văn bản được dẫn, \(document.recipients.count) nơi nhận"]
        lines += document.warnings.map { "Cảnh báo\($0.line.map { " dòng \($0)" } ?? ""): \($0.message)" }
        return lines.joined(separator: "\n")
    }
}
