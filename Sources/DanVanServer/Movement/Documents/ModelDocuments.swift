import DanVanCore
import DanVanDocuments
import Fluent
import Foundation

/// The movement's documents for a unit's subtree and a year: the register and the results as
/// spreadsheets, the registration letter and the recognition decision as DOCX. The pages and
/// `danvan models export` write the same bytes.
enum ModelDocuments {
    enum Kind: String, CaseIterable {
        case register, results, registrations, decision

        var name: String {
            switch self {
            case .register: "Tổng hợp đăng ký mô hình Dân vận khéo"
            case .results: "Kết quả đánh giá, công nhận mô hình Dân vận khéo"
            case .registrations: "Danh sách đăng ký mô hình Dân vận khéo"
            case .decision: "Dự thảo quyết định công nhận mô hình Dân vận khéo"
            }
        }

        var download: DocumentDownload.Kind { self == .register || self == .results ? .xlsx : .docx }
    }

    static func data(_ kind: Kind, unit: OrgUnit, year: Int, today: CivilDate, on db: any Database) async throws -> Data {
        switch kind {
        case .register: return try XlsxWriter.xlsx([try await registerTable(unit: unit, year: year, on: db)])
        case .results: return try XlsxWriter.xlsx([try await resultsTable(unit: unit, year: year, today: today, on: db)])
        case .registrations:
            let rows = try await allRows(unit: unit, year: year, on: db).filter { $0.status.counts }
            return try ModelDocumentWriter.registrationLetter(try await context(unit: unit, year: year, type: "CV", on: db), rows: rows.map(documentRow))
        case .decision:
            let rows = try await allRows(unit: unit, year: year, on: db).filter(\.status.isRecognised)
            return try ModelDocumentWriter.recognitionDecision(try await context(unit: unit, year: year, type: "QĐ", on: db), rows: rows.map(documentRow))
        }
    }

    static func fileName(_ kind: Kind, unit: OrgUnit, year: Int) -> String {
        "\(kind.name) \(year) \(unit.code)"
    }

    private static func allRows(unit: OrgUnit, year: Int, on db: any Database) async throws -> [ModelRegisterQuery.Row] {
        try await ModelRegisterQuery.rows(root: unit.requireID, .init(year: year), limit: 200_000, on: db)
    }

    static func registerTable(unit: OrgUnit, year: Int, on db: any Database) async throws -> SpreadsheetTable {
        let rows = try await allRows(unit: unit, year: year, on: db)
        let models = try await MovementModel.query(on: db).filter(\.$id ~~ rows.map(\.id)).all()
        let byID = Dictionary(uniqueKeysWithValues: models.map { ($0.requireID, $0) })
        let columns = ModelRegisterColumn.allCases
        return SpreadsheetTable(
            sheetName: "Đăng ký", title: "TỔNG HỢP ĐĂNG KÝ MÔ HÌNH “DÂN VẬN KHÉO” NĂM \(year)", subtitle: [unit.name, "\(rows.count) mô hình, điển hình"],
            columns: columns.map { column in
                switch column {
                case .number: .init(column.header, width: 6, format: .integer)
                case .unitCode: .init(column.header, width: TableExports.codeWidth(rows.map(\.unitCode)))
                case .name, .problem, .goals, .content, .outputs: .init(column.header, width: 36)
                default: .init(column.header, width: 18)
                }
            },
            rows: rows.enumerated().map { index, row in
                let registration = byID[row.id]?.registration ?? ModelRegistration()
                return columns.map { column -> SpreadsheetTable.Value in
                    switch column {
                    case .number: .number(Double(index + 1))
                    case .unitCode: .text(row.unitCode)
                    case .unitName: .text(row.unitName)
                    case .name: .text(row.name)
                    case .field: .text(row.field)
                    case .subtheme: .text(row.subtheme)
                    case .kind: .text(row.kind.label)
                    case .personName: .text(registration.personName)
                    case .personPosition: .text(registration.personPosition)
                    case .personUnit: .text(registration.personUnit)
                    case .status: .text(row.status.label)
                    case .late: .text(row.late ? "Muộn" : "")
                    case .recognition: .text([row.level, row.decisionNumber].compactMap { $0 }.joined(separator: " · "))
                    default:
                        .text(ModelRegistration.items.first { $0.key == column.rawValue }.map { registration[keyPath: $0.path] } ?? "")
                    }
                }
            })
    }

    /// Field × kind: registered, recognised, "tiêu biểu", by level, commendation proposed and given.
    static func resultsTable(unit: OrgUnit, year: Int, today: CivilDate, on db: any Database) async throws -> SpreadsheetTable {
        let rows = try await allRows(unit: unit, year: year, on: db).filter { $0.status.counts }
        let summary = try await ModelSummaryQuery.load(unit: unit, year: year, today: today, on: db)
        let levels = Array(Set(rows.compactMap(\.level))).sorted()
        var table: [[SpreadsheetTable.Value]] = []
        let fields = Array(Set(rows.map(\.field))).sorted()
        for field in fields {
            for kind in ModelKind.allCases {
                let group = rows.filter { $0.field == field && $0.kind == kind }
                guard !group.isEmpty else { continue }
                table.append(line(field, kind.label, group, levels: levels))
            }
        }
        table.append(line("Cộng", "", rows, levels: levels))
        return SpreadsheetTable(
            sheetName: "Kết quả", title: "KẾT QUẢ ĐÁNH GIÁ, CÔNG NHẬN MÔ HÌNH “DÂN VẬN KHÉO” NĂM \(year)",
            subtitle: [unit.name, "\(summary.withModel.count)/\(summary.unitsExpected) đơn vị thuộc diện đăng ký có mô hình"],
            columns: [.init("Lĩnh vực", width: 28), .init("Loại", width: 20), .init("Đăng ký", width: 10, format: .integer),
                      .init("Được công nhận", width: 12, format: .integer), .init("Tiêu biểu", width: 10, format: .integer)]
                + levels.map { .init("Công nhận \($0.firstLetterLowercased)", width: 14, format: .integer) }
                + [.init("Đề nghị khen thưởng", width: 12, format: .integer), .init("Đã khen thưởng", width: 12, format: .integer)],
            rows: table)
    }

    private static func line(_ field: String, _ kind: String, _ group: [ModelRegisterQuery.Row], levels: [String]) -> [SpreadsheetTable.Value] {
        let count = { (test: (ModelRegisterQuery.Row) -> Bool) in SpreadsheetTable.Value.number(Double(group.filter(test).count)) }
        return [.text(field), .text(kind), .number(Double(group.count)), count { $0.status.isRecognised }, count { $0.status == .exemplary }]
            + levels.map { level in count { $0.level == level && $0.status.isRecognised } }
            + [count { $0.commendationProposed != nil }, count { $0.commendationGiven != nil }]
    }

    private static func documentRow(_ row: ModelRegisterQuery.Row) -> ModelDocumentWriter.Row {
        ModelDocumentWriter.Row(name: row.name, unitName: row.unitName, field: [row.field, row.subtheme].filter { !$0.isEmpty }.joined(separator: ": "),
                                kind: row.kind.label, person: row.personName, summary: "",
                                level: row.level.map { "\(row.status == .exemplary ? "Tiêu biểu, " : "")\($0.firstLetterLowercased)" } ?? "")
    }

    private static func context(unit: OrgUnit, year: Int, type: String, on db: any Database) async throws -> ModelDocumentWriter.Context {
        let campaign = try await ModelCampaigns.governing(unitID: unit.requireID, year: year, on: db)
        let launcher = try await campaign.asyncMap { try await OrgUnit.find($0.unitID, on: db) } ?? nil
        let parent = try await unit.parentID.asyncMap { try await OrgUnit.find($0, on: db) } ?? nil
        let reference = campaign.map { campaign in
            let typeName = DocumentNumber.parse(campaign.documentNumber).flatMap { DocumentType.named($0.type)?.name } ?? "Văn bản"
            return "\(typeName) số \(campaign.documentNumber)" + (CivilDate(parsing: campaign.documentDate).map { " ngày \($0.vietnamese)" } ?? "")
                + (launcher.map { " của \($0.officialBody.printedName)" } ?? "")
        }
        let position = switch unit.unitKind.system {
        case .party: "BÍ THƯ"
        case .state: "CHỦ TỊCH"
        default: "THỦ TRƯỞNG ĐƠN VỊ"
        }
        return ModelDocumentWriter.Context(
            header: try await OfficialHeaderQuery.header(unitID: unit.requireID, number: nil, type: type, place: nil, issuedOn: nil, year: year, on: db),
            issuerName: unit.officialBody.printedName, addressee: parent?.officialBody.printedName, year: year, campaignReference: reference,
            recipients: type == "QĐ" ? ["Như Điều 3", "Lưu"] : (parent.map { ["\($0.officialBody.printedName) (b/c)"] } ?? []) + ["Lưu"],
            signature: type == "QĐ" ? OfficialSignature(authority: "T/M BAN CHỈ ĐẠO", position: "TRƯỞNG BAN", name: nil)
                : OfficialSignature(authority: nil, position: position, name: nil))
    }
}
