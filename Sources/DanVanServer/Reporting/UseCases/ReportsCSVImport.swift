import DanVanCore
import DanVanDocuments
import Fluent
import Foundation

/// Figures from a CSV file: every row checked as the form checks it, each report entered through
/// `ReportEntering` (which asks the actor's right to report for its unit), in one transaction:
/// every report or nothing at all.
enum ReportsCSVImport {
    struct Outcome {
        let reports: Int
        let figures: Int
    }

    private struct Key: Hashable {
        let unitCode: String
        let period: ReportPeriod
    }

    static func perform(_ data: Data, submit: Bool, today: CivilDate, by actor: Actor, on db: any Database) async throws -> Outcome {
        let table: CSVTable
        do { table = try CSVTable.parse(data) } catch { throw AppError.validation(error) }
        let columns = try columnIndexes(table.header)
        var groups: [Key: [(line: Int, cells: [String])]] = [:]
        var order: [Key] = []
        var issues: [ValidationIssue] = []
        for row in table.rows {
            let cell = { (column: ReportCSVColumn) in columns[column].flatMap { $0 < row.cells.count ? row.cells[$0].trimmed() : nil } ?? "" }
            guard let period = ReportPeriod(code: cell(.period)) else {
                issues.append(ValidationIssue(field: "period", message: "Kỳ \"\(cell(.period))\" không tồn tại (viết 2025-03, 2025-Q1, 2025-H1 hoặc 2025).",
                                              line: row.line))
                continue
            }
            let key = Key(unitCode: cell(.unit), period: period)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(row)
        }
        guard issues.isEmpty else { throw AppError.validation(ValidationFailure(issues)) }
        guard !order.isEmpty else { throw AppError.invalid("file", "Tệp CSV không có dòng số liệu nào.") }
        let batches = order.map { (key: $0, rows: groups[$0] ?? []) }
        return try await db.writeTransaction { tx in
            var figures = 0
            for batch in batches {
                figures += try await store(batch.key, rows: batch.rows, columns: columns, submit: submit, by: actor, today: today, on: tx)
            }
            return Outcome(reports: batches.count, figures: figures)
        }
    }

    private static func columnIndexes(_ header: [String]) throws -> [ReportCSVColumn: Int] {
        var indexes: [ReportCSVColumn: Int] = [:]
        for (index, name) in header.enumerated() {
            if let column = ReportCSVColumn(header: name) { indexes[column] = index }
        }
        let missing = ReportCSVColumn.required.filter { indexes[$0] == nil }
        guard missing.isEmpty else {
            throw AppError(.unprocessableEntity, "Tệp CSV thiếu cột: " + missing.map { "\($0.rawValue) (\($0.vietnameseHeader))" }
                .joined(separator: ", ") + ".", field: "file")
        }
        return indexes
    }

    /// One unit's report for one period; problems name the file's line.
    private static func store(_ key: Key, rows: [(line: Int, cells: [String])], columns: [ReportCSVColumn: Int], submit: Bool,
                              by actor: Actor, today: CivilDate, on tx: any Database) async throws -> Int {
        let firstLine = rows.first?.line
        guard let unit = try await UnitQueries.find(code: key.unitCode, on: tx) else {
            throw lineError(firstLine, "unit", "Không có đơn vị mã \"\(key.unitCode)\".")
        }
        guard try await Authorizer.allows(actor, .enterReport, on: unit, db: tx) else {
            throw AppError(.forbidden, "Dòng \(firstLine ?? 0): bạn không được nhập báo cáo cho \(unit.name) (\(unit.code)).", field: "unit")
        }
        let form: ReportForm
        do { form = try await ReportForm.load(unitID: unit.requireID, period: key.period, on: tx) } catch let error as AppError {
            throw lineError(firstLine, "period", "\(unit.code): \(error.reason)")
        }
        let existing = try await ReportLookup.report(unitID: unit.requireID, period: key.period, on: tx)
        var input = try await ReportLookup.storedInput(existing, on: tx)
        let known = Set(form.items.map(\.indicatorID))
        var lineOf: [Int: Int] = [:]
        for row in rows {
            let cell = { (column: ReportCSVColumn) in columns[column].flatMap { $0 < row.cells.count ? row.cells[$0].trimmed() : nil } ?? "" }
            guard let id = Int(cell(.indicator)), known.contains(id) else {
                throw lineError(row.line, "indicator", "Chỉ số \"\(cell(.indicator))\" không có trong báo cáo \(key.period.label) của \(unit.code).")
            }
            input.figures[id] = .init(numerator: cell(.numerator), denominator: cell(.denominator), note: cell(.note))
            lineOf[id] = row.line
        }
        do {
            _ = try await ReportEntering.apply(submit ? .submit : .save, form: form, input: input, by: actor, today: today, on: tx)
        } catch let error as AppError {
            // A figure's problem names the line that carries that indicator ("v12_num" → the row of indicator 12).
            let line = { (field: String?) in ReportEntryInput.indicatorID(inField: field).flatMap { lineOf[$0] } ?? firstLine }
            throw AppError(error.status, "Dòng \(line(error.field) ?? 0) (\(unit.code), \(key.period.code)): \(error.reason)",
                           field: error.field, issues: error.issues.map { ValidationIssue(field: $0.field, message: $0.message, line: line($0.field)) })
        }
        return rows.count
    }

    private static func lineError(_ line: Int?, _ field: String, _ message: String) -> AppError {
        AppError.validation(ValidationFailure([ValidationIssue(field: field, message: message, line: line)]))
    }
}
