import DanVanCore
import DanVanDocuments
import Fluent
import Foundation

/// The register a unit keeps in Excel today, read in the columns the export writes: every row
/// checked as the form checks it, every bad row named with its line, and all rows stored in one
/// transaction or none. Rows may name units below the chosen one ("Mã đơn vị"); without that
/// column every row is the chosen unit's.
enum ModelsImport {
    static func perform(_ data: Data, filename: String, unitCode: String, year: Int, today: CivilDate, by actor: Actor,
                        on db: any Database) async throws -> Int {
        let rows = try TableFile.rows(data, filename: filename).mapError(AppError.validation).get()
        guard let headerIndex = rows.firstIndex(where: { $0.cells.contains { ModelRegisterColumn(header: $0) == .name } }) else {
            throw AppError.invalid("file", "Không thấy dòng tiêu đề có cột \"\(ModelRegisterColumn.name.header)\".")
        }
        var columns: [ModelRegisterColumn: Int] = [:]
        for (index, header) in rows[headerIndex].cells.enumerated() {
            if let column = ModelRegisterColumn(header: header), columns[column] == nil { columns[column] = index }
        }
        for required in [ModelRegisterColumn.field, .kind] where columns[required] == nil {
            throw AppError.invalid("file", "Tệp thiếu cột \"\(required.header)\".")
        }
        let body = rows[(headerIndex + 1)...]
        guard !body.isEmpty else { throw AppError.invalid("file", "Tệp không có dòng mô hình nào.") }
        let root = try await UnitQueries.require(code: unitCode, on: db)
        let columnIndexes = columns
        return try await db.writeTransaction { tx in
            var issues: [ValidationIssue] = []
            var seen: Set<String> = []
            var stored = 0
            for row in body {
                let cell = { (column: ModelRegisterColumn) in columnIndexes[column].flatMap { $0 < row.cells.count ? row.cells[$0].trimmingCharacters(in: .whitespaces) : nil } ?? "" }
                do {
                    let unit = try await unitOfRow(cell(.unitCode), root: root, by: actor, on: tx)
                    var registration = ModelRegistration(name: cell(.name), field: cell(.field), subtheme: cell(.subtheme), kind: cell(.kind),
                                                         personName: cell(.personName), personPosition: cell(.personPosition),
                                                         personUnit: cell(.personUnit))
                    for item in ModelRegistration.items {
                        if let column = ModelRegisterColumn(rawValue: item.key) { registration[keyPath: item.path] = cell(column) }
                    }
                    let model = try await ModelRegistering.prepare(registration, unit: unit, year: year, today: today, on: tx)
                    guard seen.insert("\(unit.requireID)|\(model.nameKey)").inserted else {
                        throw AppError.invalid("name", "Tên \"\(model.name)\" của \(unit.name) trùng với một dòng trước trong tệp.")
                    }
                    model.registeredBy = actor.userID
                    try await ModelRegistering.requireUniqueName(model, on: tx)
                    if issues.isEmpty {
                        try await ModelRegistering.insert(model, by: actor, action: "model.import", on: tx)
                        stored += 1
                    }
                } catch let error as AppError where error.status != .internalServerError {
                    let found = error.issues.isEmpty ? [ValidationIssue(field: error.field ?? "file", message: error.reason)] : error.issues
                    issues += found.map { ValidationIssue(field: $0.field, message: $0.message, line: row.line) }
                }
            }
            guard issues.isEmpty else {
                throw AppError(.unprocessableEntity, "Không nhập dòng nào. " + ValidationFailure(issues).summary, field: "file", issues: issues)
            }
            return stored
        }
    }

    /// The file's rows with their line numbers, the header among them.
    private static func unitOfRow(_ code: String, root: OrgUnit, by actor: Actor, on db: any Database) async throws -> OrgUnit {
        guard !code.isEmpty, code != root.code else {
            try await Authorizer.require(actor, .registerModel, on: root, db: db, message: "Bạn không được đăng ký mô hình cho đơn vị này.")
            return root
        }
        guard let unit = try await UnitQueries.find(code: code, on: db),
              try await UnitClosure.depth(from: root.requireID, to: unit.requireID, on: db) != nil else {
            throw AppError.invalid("unitCode", "Không có đơn vị mã \"\(code)\" thuộc \(root.name).")
        }
        guard try await Authorizer.allows(actor, .registerModel, on: unit, db: db) else {
            throw AppError.invalid("unitCode", "Bạn không được đăng ký mô hình cho \(unit.name) (\(code)).")
        }
        return unit
    }
}
