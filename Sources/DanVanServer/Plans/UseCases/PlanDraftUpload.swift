import DanVanCore
import DanVanDocuments
import Fluent
import Foundation
import SQLKit

/// Plan files uploaded on the import page. Each is read once, now: a file that is a plan is kept
/// as a draft with its reading until its reviewer confirms or discards it; a file that cannot be
/// read, or is not a plan, is refused at once with what to do and nothing of it is kept. A user
/// keeps at most `UploadLimits.draftsPerUser` drafts and `draftBytesPerUser` bytes.
enum PlanDraftUpload {
    struct File {
        let filename: String
        let data: Data
    }

    enum Outcome {
        case kept(PlanImportDraft)
        case refused(filename: String, reason: String)
    }

    static func perform(_ files: [File], limits: UploadLimits, by actor: Actor, on db: any Database) async throws -> [Outcome] {
        guard let userID = actor.userID else { throw AppError.unauthenticated }
        if actor.role != .admin {
            guard let own = actor.unitID else { throw AppError.forbidden }
            try await Authorizer.require(actor, .editPlans, onUnitID: own, db: db)
        }
        guard !files.isEmpty else { throw AppError.invalid("files", "Hãy chọn ít nhất một tệp kế hoạch (.docx, .pdf, .txt, .md).") }
        guard files.count <= limits.planFilesPerUpload else {
            throw AppError.invalid("files", "Mỗi lần nhập tối đa \(limits.planFilesPerUpload) tệp; bạn đã chọn \(files.count).")
        }
        // Read before the transaction: a PDF can take seconds, and a write transaction holds SQLite's lock.
        var read: [Result<(PlanDocument, [PlanLine]), String>] = []
        for file in files { read.append(await reading(file)) }
        let readings = read
        return try await db.writeTransaction { tx in
            var (count, bytes) = try await held(by: userID, on: tx)
            var outcomes: [Outcome] = []
            for (file, reading) in zip(files, readings) {
                if count >= limits.draftsPerUser || bytes + file.data.count > limits.draftBytesPerUser {
                    outcomes.append(.refused(filename: file.filename, reason: "Bạn đang có \(count) tệp chờ xác nhận; hãy lưu hoặc hủy bớt rồi nhập tiếp."))
                    continue
                }
                switch reading {
                case .failure(let reason):
                    outcomes.append(.refused(filename: file.filename, reason: reason))
                case .success(let (document, lines)):
                    let draft = try PlanImportDraft(userID: userID, filename: file.filename, content: file.data, reading: document, lines: lines)
                    try await draft.create(on: tx)
                    count += 1
                    bytes += file.data.count
                    outcomes.append(.kept(draft))
                }
            }
            return outcomes
        }
    }

    /// The file read as a plan, or why it is not one in words a clerk can act on.
    private static func reading(_ file: File) async -> Result<(PlanDocument, [PlanLine]), String> {
        switch await PlanFileReading.read(file.data, filename: file.filename) {
        case .failure(let error):
            return .failure(error.description)
        case .success(let read):
            guard read.document.kind == .plan else {
                return .failure(read.document.warnings.first?.message ?? "Tệp \(file.filename) không được nhận là kế hoạch.")
            }
            return .success((read.document, read.lines))
        }
    }

    /// Drafts the user holds now, after expired ones are removed.
    private static func held(by userID: Int, on db: any Database) async throws -> (count: Int, bytes: Int) {
        try await PlanImportDraft.query(on: db).filter(\.$createdAt < Date().addingTimeInterval(-PlanImportDraft.lifetime)).delete()
        let sql = try UnitClosure.sqlDatabase(db)
        let size: SQLQueryString = sql.dialect.name == "postgresql" ? "octet_length(content)" : "length(content)"
        let row = try await sql.raw("SELECT COUNT(*) AS n, COALESCE(SUM(\(size)), 0) AS bytes FROM plan_import_drafts WHERE user_id = \(bind: userID)").first()
        return (try row?.decode(column: "n", as: Int.self) ?? 0, try row?.decode(column: "bytes", as: Int.self) ?? 0)
    }
}
