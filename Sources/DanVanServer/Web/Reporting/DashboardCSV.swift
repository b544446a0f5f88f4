import DanVanCore
import DanVanDocuments
import Foundation
import Vapor

/// The dashboard's tables as CSV, numbers as plain digits so that a spreadsheet reads them as numbers.
enum DashboardCSV {
    static func children(_ page: DashboardPage) throws -> Data {
        let header = ["Mã đơn vị", "Đơn vị", "Tử số / số lượng", "Mẫu số", "Đơn vị báo cáo", "Đơn vị trực thuộc đạt", "Đơn vị trực thuộc có số liệu",
                      "Kết quả", "Đánh giá"]
        let rows = page.children.map { child -> [String] in
            [child.code, child.name, String(child.totals.numerator), String(child.totals.denominator), String(child.totals.reporting),
             String(child.totals.childrenMeeting), String(child.totals.childrenCounted),
             RollupFigure.percent(child.value).map { String(($0 * 100).rounded() / 100) } ?? "", child.status?.label ?? ""]
        }
        return try CSVTable.write(header: header, rows: rows)
    }

    static func completeness(_ result: CompletenessQuery.Result, period: ReportPeriod) throws -> Data {
        let header = ["Mã đơn vị", "Đơn vị", "Kỳ", "Phải báo cáo", "Đã gửi", "Đã duyệt", "Đúng hạn", "Muộn", "Chưa gửi"]
        let rows = result.children.map { line -> [String] in
            let counts = line.counts
            return [line.code, line.name, period.code] + [counts.expected, counts.submitted, counts.approved, counts.onTime, counts.late, counts.missing]
                .map(String.init)
        }
        return try CSVTable.write(header: header, rows: rows)
    }

    static func response(_ data: Data, name: String) throws -> Response {
        let response = Response(status: .ok, body: .init(data: Data("\u{FEFF}".utf8) + data))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
        return response
    }
}
