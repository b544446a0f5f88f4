import DanVanCore
import Fluent
import Foundation
import Vapor

/// `danvan rollup` as a plain function: the roll-up of one unit's subtree, or of every root,
/// timed, with the root's values.
enum RollupRun {
    struct IndicatorLine: Content {
        let id: Int
        let name: String
        let kind: String
        let numerator: Int
        let denominator: Int?
        let reporting: Int
        let value: Double?
        let childrenMeeting: Int?
        let childrenCounted: Int?
    }

    struct Output: Content {
        let unit: String
        let period: String
        let nodes: Int
        let indicators: [IndicatorLine]
        let elapsedMs: Double
    }

    static func run(unitCode: String?, periodCode: String, includeSubmitted: Bool, rebuildSums: Bool = false,
                    on db: any Database) async throws -> [Output] {
        let period = try ReportPeriods.parse(periodCode)
        if rebuildSums {
            try await db.transaction { tx in
                for month in period.firstMonth...period.lastMonth {
                    try await ReportChildSums.rebuild(year: period.year, endMonth: month, on: tx)
                }
                try await ReportGeneration.bump(on: tx)
            }
        }
        let roots = if let unitCode { [try await UnitQueries.require(code: unitCode, field: "unit", on: db)] }
            else { try await UnitQueries.roots(on: db) }
        var outputs: [Output] = []
        for root in roots {
            let started = DispatchTime.now().uptimeNanoseconds
            let result = try await RollupQuery.compute(rootID: root.requireID, period: period, includeSubmitted: includeSubmitted, on: db)
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000
            outputs.append(Output(unit: root.code, period: period.code, nodes: result.nodeCount,
                                  indicators: lines(result), elapsedMs: (elapsed * 10).rounded() / 10))
        }
        return outputs
    }

    static func lines(_ result: RollupResult) -> [IndicatorLine] {
        guard let row = result.totals(of: result.rootID) else { return [] }
        return result.indicators.enumerated().compactMap { index, indicator in
            let totals = row[index]
            guard totals.reporting > 0 else { return nil }
            let coverage = indicator.kind == .childCoverage
            return IndicatorLine(id: indicator.id, name: indicator.name, kind: indicator.kind.rawValue, numerator: totals.numerator,
                                 denominator: indicator.kind == .ratio ? totals.denominator : nil, reporting: totals.reporting,
                                 value: HeadlineFigure.percent(totals.value(indicator.kind, level: indicator.level)),
                                 childrenMeeting: coverage ? totals.childrenMeeting : nil,
                                 childrenCounted: coverage ? totals.childrenCounted : nil)
        }
    }

    static func text(_ outputs: [Output]) -> String {
        outputs.map { output in
            var lines = ["\(output.unit) · \(output.period) · \(output.nodes) đơn vị · \(output.elapsedMs) ms"]
            for line in output.indicators {
                let figure = line.value.map { " = \(Threshold.format(($0 * 10).rounded() / 10))" } ?? ""
                lines.append("  [\(line.id)] \(line.name): \(line.numerator)\(line.denominator.map { "/\($0)" } ?? "")\(figure)")
            }
            return lines.joined(separator: "\n")
        }.joined(separator: "\n")
    }
}
