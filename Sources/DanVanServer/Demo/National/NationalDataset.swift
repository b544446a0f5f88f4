import DanVanCore
import Fluent
import Foundation
import SQLKit

/// `danvan demo --scale national`: a synthetic country to measure roll-ups and dashboards at
/// the size they must serve. The same seed gives the same data.
enum NationalDataset {
    struct Summary {
        let units: Int
        let indicators: Int
        let reports: Int
        let values: Int
        let seconds: Double

        var text: String {
            "Đã sinh dữ liệu toàn quốc: \(units) đơn vị, \(indicators) chỉ tiêu, \(reports) báo cáo, \(values) số liệu "
                + "(\(Int(seconds.rounded())) giây). Tài khoản: tinh01 (quản lý Tỉnh ủy tỉnh số 01), mật khẩu như dữ liệu mẫu."
        }
    }

    static func generate(_ shape: NationalShape, seed: Int, passwordHash: String, on db: any Database,
                         progress: ProgressBar) async throws -> Summary {
        let started = Date()
        let sql = try UnitClosure.sqlDatabase(db)
        if try await UnitQueries.find(code: NationalUnits.rootCode, on: db) != nil {
            throw AppError(.conflict, "Dữ liệu toàn quốc đã có trong cơ sở dữ liệu này (đơn vị \(NationalUnits.rootCode)).")
        }
        let (tree, indicators) = try await db.transaction { tx in
            var random = SplitMix(seed: UInt64(truncatingIfNeeded: seed))
            let sql = try UnitClosure.sqlDatabase(tx)
            let tree = try await NationalUnits.insert(shape, random: &random, on: sql) { progress.note($0) }
            let indicators = try await NationalPlan.insert(rootID: tree.rootID, year: shape.year, on: sql)
            try await insertAccount(provinceID: tree.provinceIDs[0], passwordHash: passwordHash, on: tx)
            return (tree, indicators)
        }
        progress.start(total: 12 * tree.provinceIDs.count)
        for month in 1...12 {
            try await db.transaction { tx in
                let sql = try UnitClosure.sqlDatabase(tx)
                for (index, province) in tree.provinceIDs.enumerated() {
                    try await NationalReports.insertReports(month: month, year: shape.year, provinceID: province, seed: seed, on: sql)
                    try await NationalReports.insertValues(month: month, year: shape.year, provinceID: province,
                                                           indicatorIDs: indicators, seed: seed, on: sql)
                    progress.advance("Tháng \(month)/\(shape.year), tỉnh \(index + 1)/\(tree.provinceIDs.count)")
                }
                try await ReportChildSums.rebuild(year: shape.year, endMonth: month, on: tx)
                try await ReportGeneration.bump(on: tx)
            }
        }
        progress.finish()
        return Summary(units: tree.unitCount, indicators: indicators.count,
                       reports: try await count("reports", on: sql), values: try await count(ReportValue.table, on: sql),
                       seconds: Date().timeIntervalSince(started))
    }

    private static func insertAccount(provinceID: Int, passwordHash: String, on db: any Database) async throws {
        guard try await User.query(on: db).filter(\.$username == "tinh01").first() == nil else { return }
        let user = User()
        user.username = "tinh01"
        user.fullName = "Quản lý Tỉnh ủy tỉnh số 01"
        user.unitID = provinceID
        user.role = Role.manager.rawValue
        user.passwordHash = passwordHash
        user.active = true
        user.version = 1
        try await user.create(on: db)
    }

    private static func count(_ table: String, on sql: any SQLDatabase) async throws -> Int {
        try await sql.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()?.decode(column: "n", as: Int.self) ?? 0
    }
}
