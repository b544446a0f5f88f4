import DanVanCore
import DanVanDocuments
import Fluent
import Foundation

/// The round's documents: the summary workbook (per group and per criterion, self and
/// appraised, band) and the draft decision with its annex; and a set in the office's layout.
/// The pages, the API and the command line write the same bytes.
enum ClassificationDocuments {
    static func summaryXlsx(_ table: RoundTable) throws -> Data {
        try XlsxWriter.xlsx([groupsTable(table), criteriaTable(table)])
    }

    static func groupsTable(_ table: RoundTable) -> SpreadsheetTable {
        let groups = table.definition.groups
        var columns: [SpreadsheetTable.Column] = [.init("TT", width: 5, format: .integer), .init("Đơn vị", width: 36)]
        for group in groups {
            columns += [.init("\(group.number) tự chấm (\(group.maxPoints.short))", width: 11, format: .points),
                        .init("\(group.number) thẩm định", width: 11, format: .points)]
        }
        columns += [.init("Tổng tự chấm", width: 12, format: .points), .init("Tổng thẩm định", width: 12, format: .points),
                    .init("Xếp loại", width: 30), .init("Trạng thái", width: 20)]
        let rows = table.lines.enumerated().map { index, line -> [SpreadsheetTable.Value] in
            var cells: [SpreadsheetTable.Value] = [.number(Double(index + 1)), .text(line.unitName)]
            for group in groups {
                let cell = line.groups[group.key]
                cells += [number(cell?.own), number(cell?.appraised)]
            }
            return cells + [number(line.selfTotal), number(line.appraisedTotal), .text(line.label ?? ""), .text(line.state.label)]
        }
        return SpreadsheetTable(sheetName: "Tổng hợp", title: "TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CÔNG TÁC DÂN VẬN NĂM \(table.round.year)",
                                subtitle: [table.unit.name, "\(table.set.title) (\(table.set.citation))"], columns: columns, rows: rows)
    }

    static func criteriaTable(_ table: RoundTable) -> SpreadsheetTable {
        var columns: [SpreadsheetTable.Column] = [.init("STT", width: 6), .init("Tiêu chí", width: 44), .init("Điểm tối đa", width: 9, format: .points)]
        for line in table.lines {
            columns += [.init("\(line.unitName) · tự chấm", width: 12, format: .points), .init("\(line.unitName) · thẩm định", width: 12, format: .points)]
        }
        let rows = table.definition.rows.map { row -> [SpreadsheetTable.Value] in
            var cells: [SpreadsheetTable.Value] = [.text(row.key), .text(row.text), number(row.maxPoints)]
            for line in table.lines {
                if row.isLeaf {
                    let cell = line.criteria[row.key]
                    cells += [number(cell?.own), number(cell?.appraised)]
                } else {
                    let cell = line.groups[row.key]
                    cells += [number(cell?.own), number(cell?.appraised)]
                }
            }
            return cells
        }
        return SpreadsheetTable(sheetName: "Chi tiết", title: "ĐIỂM TỪNG TIÊU CHÍ NĂM \(table.round.year)", subtitle: [table.unit.name],
                                columns: columns, rows: rows)
    }

    static func decisionDocx(_ table: RoundTable, on db: any Database) async throws -> Data {
        let unit = table.unit
        let issuer = try await OrgUnit.find(table.set.unitID, on: db)
        let context = ClassificationDocumentWriter.Context(
            header: try await OfficialHeaderQuery.header(unitID: unit.requireID, number: table.round.decisionNumber, type: "QĐ", place: nil,
                                                         issuedOn: table.round.decisionDate.flatMap(CivilDate.init(parsing:)), year: table.round.year, on: db),
            issuerName: unit.officialBody.printedName, year: table.round.year,
            setReference: "\(table.set.citation)" + (issuer.map { " của \($0.officialBody.printedName)" } ?? "") + " ban hành \(table.set.title.firstLetterLowercased)",
            distribution: table.distribution, recipients: ["Như Điều 3", "Lưu"],
            signature: OfficialSignature(authority: "T/M \(unit.unitKind.system == .party ? "BAN THƯỜNG VỤ" : "ỦY BAN NHÂN DÂN")",
                                         position: unit.unitKind.system == .party ? "BÍ THƯ" : "CHỦ TỊCH", name: nil))
        let rows = table.lines.map { line in
            ClassificationDocumentWriter.Row(unitName: line.unitName, selfTotal: line.selfTotal.description,
                                             appraisedTotal: line.appraisedTotal?.description ?? "", label: line.label ?? line.state.label)
        }
        return try ClassificationDocumentWriter.decision(context, rows: rows)
    }

    /// A set in the layout it is imported from: criteria, bands, gates on three sheets.
    static func setXlsx(_ set: CriteriaSet) throws -> Data {
        let sheets = CriteriaTable.write(try set.definition)
        func table(_ name: String, _ title: String, _ rows: [[String]], widths: [Double]) -> SpreadsheetTable {
            SpreadsheetTable(sheetName: name, title: title, subtitle: [set.citation],
                             columns: zip(rows.first ?? [], widths).map { .init($0, width: $1) },
                             rows: rows.dropFirst().map { $0.map { SpreadsheetTable.Value.text($0) } })
        }
        return try XlsxWriter.xlsx([
            table("Tiêu chí", set.title.uppercased(), sheets.criteria, widths: [7, 60, 10, 14, 12, 16, 18]),
            table("Xếp loại", "BẢNG XẾP LOẠI", sheets.bands, widths: [28, 10, 14]),
            table("Điều kiện", "ĐIỀU KIỆN XẾP LOẠI", sheets.gates, widths: [70]),
        ])
    }

    static func fileName(_ table: RoundTable, _ what: String) -> String {
        "\(what) \(table.round.year) \(table.unit.code)"
    }

    private static func number(_ points: Points?) -> SpreadsheetTable.Value {
        points.map { .number(Double($0.hundredths) / 100) } ?? .empty
    }
}
