import DanVanCore
import Fluent
import Foundation
import SQLKit
import Vapor
@testable import DanVanServer

/// The fixture tree with a province plan for this year whose three targets (a ratio, a count,
/// a coverage of child units) every unit under T-P reports monthly.
struct ReportingFixture {
    let fixture: Fixture
    let planID: Int
    let ratio: Int
    let count: Int
    let coverage: Int
    /// This month: open and not yet due, whatever day the tests run.
    let period: ReportPeriod

    static func make(_ app: Application, deadlineDays: Int = 5, closeDays: Int = 30) async throws -> ReportingFixture {
        let fixture = try await Fixture.tree(app)
        let today = CivilDate.today()
        let province = try await fixture.unit("T-P")
        let planID = try await PlanCreation.perform(unitCode: province.code, year: today.year, subject: "Kế hoạch công tác dân vận",
                                                       by: .commandLine, on: app.db)
        let sql = app.db as! any SQLDatabase
        var ids: [Int] = []
        let definitions: [(String, IndicatorKind, Threshold, Threshold?)] = [
            ("Cán bộ được tập huấn", .ratio, Threshold(.gt, 85, measure: .percent), nil),
            ("Cuộc đối thoại với Nhân dân", .count, Threshold(.ge, 1, measure: .count), nil),
            ("Chi bộ có mô hình Dân vận khéo", .childCoverage, Threshold(.eq, 100, measure: .percent), Threshold(.ge, 1, measure: .count)),
        ]
        for (position, (name, kind, target, perUnit)) in definitions.enumerated() {
            let indicator = Indicator()
            indicator.name = name
            indicator.kind = kind.rawValue
            indicator.perUnitComparator = perUnit?.comparator.rawValue
            indicator.perUnitValue = perUnit?.value
            indicator.unitID = province.id
            indicator.createdAt = Date()
            try await indicator.create(on: app.db)
            var row = PlanRows.Target(planID: planID, position: position, text: "\(target.phrase) \(name.lowercased())",
                                      comparator: target.comparator.rawValue, value: target.value, upper: nil,
                                      measure: target.measure.rawValue, subject: name, line: position + 1)
            row.indicatorID = indicator.id
            try await sql.insert(into: PlanTargetRecord.schema).model(row, with: SQLRows.encoder).run()
            ids.append(try require(indicator.id))
        }
        let scheme = ReportScheme(planID: planID, scopeUnitID: province.requireID, frequency: .month, deadlineDays: deadlineDays)
        scheme.closeDays = closeDays
        try await scheme.create(on: app.db)
        return ReportingFixture(fixture: fixture, planID: planID, ratio: ids[0], count: ids[1], coverage: ids[2],
                                period: ReportPeriod(frequency: .month, year: today.year, index: today.month)!)
    }

    /// Form fields for this month's report of a unit.
    func fields(ratio: (String, String), count: String, coverage: String, action: String, version: String = "") -> [String: String] {
        ["period": period.code, "action": action, "version": version,
         "v\(self.ratio)_num": ratio.0, "v\(self.ratio)_den": ratio.1, "v\(self.count)_num": count, "v\(self.coverage)_num": coverage]
    }

    /// The same figures as `fields`, for calling the stores directly.
    func input(ratio: (String, String), count: String, coverage: String) -> ReportInput {
        var input = ReportInput()
        input.figures[self.ratio] = .init(numerator: ratio.0, denominator: ratio.1)
        input.figures[self.count] = .init(numerator: count)
        input.figures[self.coverage] = .init(numerator: coverage)
        return input
    }

    /// The commune T-C's report for this month, submitted by `reporter` through the store.
    func submitCommune(ratio: (String, String), count: String, coverage: String, by reporter: User,
                       on db: any Database) async throws -> Report {
        let form = try await ReportForm.load(unitID: try await fixture.unit("T-C").requireID, period: period, on: db)
        return try await ReportEntering.enter(.submit, form: form, input: input(ratio: ratio, count: count, coverage: coverage),
                                              by: Actor(reporter), today: .today(), on: db)
    }

    func report(_ unitCode: String, on db: any Database) async throws -> Report? {
        try await ReportLookup.report(unitID: try await fixture.unit(unitCode).requireID, period: period, on: db)
    }

    /// Rows in the tables a report action writes, to show a refused action wrote nothing.
    func storedCounts(on db: any Database) async throws -> [Int] {
        var counts: [Int] = []
        for table in ["reports", "report_values", "report_child_sums", "audit_entries"] {
            counts.append(try await (db as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()?
                .decode(column: "n", as: Int.self) ?? -1)
        }
        return counts
    }
}

private func require<T>(_ value: T?) throws -> T {
    guard let value else { throw AppError.internalError("missing value in reporting fixture") }
    return value
}
