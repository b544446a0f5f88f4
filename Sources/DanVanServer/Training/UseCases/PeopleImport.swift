import DanVanCore
import DanVanDocuments
import Fluent
import Foundation
import SQLKit

/// A unit's staff list, as it keeps it in a spreadsheet, into the people register: every row
/// checked, every bad row named with its line, and all rows stored in one transaction or none.
/// A person already on the unit's register (the same name) is updated, not added twice.
enum PeopleImport {
    enum Column: String, CaseIterable {
        case fullName, position, category, inCharge, activeFrom, activeTo

        var header: String {
            switch self {
            case .fullName: "Họ và tên"
            case .position: "Chức vụ"
            case .category: "Đối tượng"
            case .inCharge: "Phụ trách dân vận"
            case .activeFrom: "Từ ngày"
            case .activeTo: "Đến ngày"
            }
        }
    }

    struct Row: Sendable {
        let line: Int
        let fullName: String
        let position: String
        let category: String
        let inCharge: Bool
        let activeFrom: CivilDate?
        let activeTo: CivilDate?
    }

    struct Outcome: Sendable, Equatable {
        var added = 0
        var updated = 0
    }

    static func perform(_ data: Data, filename: String, unitCode: String, by actor: Actor, on db: any Database) async throws -> Outcome {
        let unit = try await UnitQueries.require(code: unitCode, field: "unit", on: db)
        try await Authorizer.require(actor, .manageTraining, on: unit, db: db, message: "Bạn không được nhập danh sách cán bộ cho đơn vị này.")
        let table = try ImportTable.read(data, filename: filename, columns: Column.allCases.map(\.header), required: [Column.fullName.header, Column.category.header],
                                         anchor: Column.fullName.header, emptyMessage: "Tệp không có dòng cán bộ nào.")
        let categories = try await TrainingLists.categories(on: db)
        var issues: [ValidationIssue] = []
        var rows: [Row] = []
        var seen: [String: Int] = [:]
        for line in table.rows {
            func cell(_ column: Column) -> String { line.cell(column.header) }
            var problems: [String] = []
            let name = FreeText.clean(cell(.fullName), field: "file", label: "Họ và tên", limit: FreeText.Limit.name, required: true)
            let position = FreeText.clean(cell(.position), field: "file", label: "Chức vụ", limit: FreeText.Limit.name)
            var local: [ValidationIssue] = []
            let cleanName = name.value(collecting: &local) ?? ""
            let cleanPosition = position.value(collecting: &local) ?? ""
            problems += local.map(\.message)
            let category = TrainingLists.category(matching: cell(.category), in: categories)
            if category == nil {
                problems.append("đối tượng \"\(FreeText.printable(String(cell(.category).prefix(60))))\" không có; dùng một trong: "
                                + categories.map(\.label).joined(separator: "; ") + ".")
            }
            let inCharge = yesNo(cell(.inCharge))
            if inCharge == nil { problems.append("cột \"\(Column.inCharge.header)\" ghi \"có\" hoặc để trống, không phải \"\(FreeText.printable(String(cell(.inCharge).prefix(20))))\".") }
            let from = date(cell(.activeFrom), label: Column.activeFrom.header, problems: &problems)
            let to = date(cell(.activeTo), label: Column.activeTo.header, problems: &problems)
            if let from, let to, to < from { problems.append("đến ngày \(to.vietnamese) trước từ ngày \(from.vietnamese).") }
            let folded = VietnameseFolding.fold(cleanName)
            if !folded.isEmpty, let first = seen[folded] {
                problems.append("\(cleanName) trùng với dòng \(first).")
            } else if !folded.isEmpty {
                seen[folded] = line.line
            }
            if problems.isEmpty, let category {
                rows.append(Row(line: line.line, fullName: cleanName, position: cleanPosition, category: category.key, inCharge: inCharge ?? false,
                                activeFrom: from, activeTo: to))
            } else {
                issues += problems.map { ValidationIssue(field: "file", message: "Dòng \(line.line): \($0)", line: line.line) }
            }
        }
        guard issues.isEmpty else { throw AppError.validation(ValidationFailure(issues)) }
        let checked = rows
        return try await db.writeTransaction { tx in
            let existing = try await Person.query(on: tx).filter(\.$unitID == unit.requireID).all()
            let byName = Dictionary(existing.map { (VietnameseFolding.fold($0.fullName), $0) }, uniquingKeysWith: { first, _ in first })
            var outcome = Outcome()
            for row in checked {
                if let person = byName[VietnameseFolding.fold(row.fullName)] {
                    person.position = row.position
                    person.category = row.category
                    person.inCharge = row.inCharge
                    person.activeFrom = row.activeFrom?.description
                    person.activeTo = row.activeTo?.description
                    person.version += 1
                    try await person.update(on: tx)
                    outcome.updated += 1
                } else {
                    try await PeopleRegister.add(row, unitID: unit.requireID, on: tx)
                    outcome.added += 1
                }
            }
            try await AuditLog.record("people.import", entityType: "unit", entityKey: unit.code, unitID: unit.requireID, before: nil,
                                      after: ["added": "\(outcome.added)", "updated": "\(outcome.updated)", "file": filename], by: actor, on: tx)
            try await ReportGeneration.bump(on: tx)
            return outcome
        }
    }

    static func yesNo(_ text: String) -> Bool? {
        let folded = VietnameseFolding.fold(text).trimmingCharacters(in: .whitespaces)
        if ["", "khong", "0", "no", "false"].contains(folded) { return false }
        if ["co", "x", "1", "yes", "true"].contains(folded) { return true }
        return nil
    }

    private static func date(_ text: String, label: String, problems: inout [String]) -> CivilDate? {
        guard !text.isEmpty else { return nil }
        guard let date = CivilDate(parsing: text) else {
            problems.append("\(label.lowercased()) \"\(FreeText.printable(String(text.prefix(20))))\" không phải một ngày (ghi 2026-01-15 hoặc 15/01/2026).")
            return nil
        }
        return date
    }
}

/// Adding a person, with the first line of the history of units.
enum PeopleRegister {
    /// A person whose start is not known has been there "since before": counted on any date.
    static let sinceBefore = "1900-01-01"

    static func add(_ row: PeopleImport.Row, unitID: Int, on tx: any Database) async throws {
        let person = Person()
        person.unitID = unitID
        person.fullName = row.fullName
        person.position = row.position
        person.category = row.category
        person.inCharge = row.inCharge
        person.activeFrom = row.activeFrom?.description
        person.activeTo = row.activeTo?.description
        person.search = VietnameseFolding.fold(row.fullName + " " + row.position)
        person.version = 1
        person.createdAt = Date()
        try await person.create(on: tx)
        try await UnitClosure.sqlDatabase(tx).insert(into: "person_units").columns("person_id", "unit_id", "from_on", "to_on")
            .values(SQLBind(person.requireID), SQLBind(unitID), SQLBind(row.activeFrom?.description ?? sinceBefore), SQLBind(row.activeTo?.description)).run()
    }
}
