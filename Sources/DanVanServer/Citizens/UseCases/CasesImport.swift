import DanVanCore
import DanVanDocuments
import Fluent
import Foundation

/// A paper register of petitions typed into a spreadsheet: each row checked as the receiving
/// form checks it (so a denouncer's name in a row is refused in the default mode, naming the
/// line), and all rows stored in one transaction or none.
enum CasesImport {
    enum Column: String, CaseIterable {
        case receivedOn, kind, channel, subject, content, citizenName, citizenAddress, registerReference, forwardedBy, nationalRef, identityName

        var header: String {
            switch self {
            case .receivedOn: "Ngày tiếp nhận"
            case .kind: "Loại đơn"
            case .channel: "Hình thức tiếp nhận"
            case .subject: "Tóm tắt nội dung"
            case .content: "Nội dung"
            case .citizenName: "Họ tên công dân"
            case .citizenAddress: "Địa chỉ"
            case .registerReference: "Số vào sổ mật"
            case .forwardedBy: "Cơ quan chuyển đơn"
            case .nationalRef: "Mã CSDL quốc gia"
            case .identityName: "Họ tên người tố cáo"
            }
        }

        init?(header: String) {
            let folded = VietnameseFolding.fold(header).trimmingCharacters(in: .whitespaces)
            guard let column = Column.allCases.first(where: { VietnameseFolding.fold($0.header) == folded || $0.rawValue.lowercased() == folded }) else { return nil }
            self = column
        }
    }

    static func perform(_ data: Data, filename: String, unitCode: String, today: CivilDate, key: IdentityKey?, by actor: Actor,
                        on db: any Database) async throws -> Int {
        let unit = try await UnitQueries.require(code: unitCode, field: "unit", on: db)
        try await Authorizer.require(actor, .handleCitizens, on: unit, db: db, message: "Bạn không được nhập sổ đơn thư cho đơn vị này.")
        let rows = try TableFile.rows(data, filename: filename).mapError(AppError.validation).get()
        guard let headerIndex = rows.firstIndex(where: { $0.cells.contains { Column(header: $0) == .subject } }) else {
            throw AppError.invalid("file", "Không thấy dòng tiêu đề có cột \"\(Column.subject.header)\".")
        }
        var columns: [Column: Int] = [:]
        for (index, header) in rows[headerIndex].cells.enumerated() {
            if let column = Column(header: header), columns[column] == nil { columns[column] = index }
        }
        for required in [Column.receivedOn, .kind] where columns[required] == nil {
            throw AppError.invalid("file", "Tệp thiếu cột \"\(required.header)\".")
        }
        let body = rows[(headerIndex + 1)...].filter { !$0.cells.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
        guard !body.isEmpty else { throw AppError.invalid("file", "Tệp không có dòng đơn thư nào.") }
        let mode = try await IdentityMode.current(on: db)
        var issues: [ValidationIssue] = []
        var checked: [CaseReceiving.Checked] = []
        for row in body {
            func cell(_ column: Column) -> String {
                columns[column].flatMap { $0 < row.cells.count ? row.cells[$0].trimmingCharacters(in: .whitespaces) : nil } ?? ""
            }
            var input = CaseReceiving.Input()
            input.unitCode = unit.code
            input.receivedOn = cell(.receivedOn)
            input.kind = cell(.kind)
            input.channel = cell(.channel)
            input.subject = cell(.subject)
            input.content = cell(.content)
            input.citizenName = cell(.citizenName)
            input.citizenAddress = cell(.citizenAddress)
            input.registerReference = cell(.registerReference)
            input.forwardedBy = cell(.forwardedBy)
            input.nationalRef = cell(.nationalRef)
            input.identityName = cell(.identityName)
            do {
                checked.append(try await CaseReceiving.check(input, unitID: unit.requireID, mode: mode, key: key, today: today, on: db))
            } catch let error as AppError where error.status == .unprocessableEntity {
                let found = error.issues.isEmpty ? [ValidationIssue(field: error.field ?? "file", message: error.reason)] : error.issues
                issues += found.map { ValidationIssue(field: $0.field, message: "Dòng \(row.line): \($0.message)", line: row.line) }
            }
        }
        guard issues.isEmpty else {
            throw AppError(.unprocessableEntity, "Không nhập dòng nào. " + ValidationFailure(issues).summary, field: "file", issues: issues)
        }
        let deadlines = try await CaseDeadlines.load(on: db)
        let rowsToStore = checked
        return try await db.writeTransaction { tx in
            for item in rowsToStore {
                let record = try await CaseReceiving.insert(item, unitID: unit.requireID, origin: .none, deadlines: deadlines, by: actor, on: tx)
                if let key, !item.identity.isEmpty { try await CaseReceiving.seal(item.identity, caseID: record.requireID, key: key, on: tx) }
            }
            return rowsToStore.count
        }
    }
}
