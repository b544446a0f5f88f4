import DanVanCore
import Fluent

/// Which places below a unit have the board a target names in office on a day: villages for the
/// community investment supervision board, communes' People's Committees for the people's
/// inspection board. Counts, summed over the subtree.
enum BoardCoverage {
    struct Place: Sendable {
        let unit: OrgUnit
        let board: OversightBoard?
    }

    static func places(under root: OrgUnit, kind: OversightBoardKind, on day: CivilDate, db: any Database) async throws -> [Place] {
        let units = try await UnitQueries.subtree(of: [root.requireID], maxDepth: 4, on: db).filter { unit in
            unit.isActive(on: day) && (kind == .investmentSupervision ? unit.unitKind == .village : PublicationDuty.applies(kind: unit.unitKind, level: unit.unitLevel))
        }
        guard !units.isEmpty else { return [] }
        let boards = try await OversightBoard.query(on: db).filter(\.$unitID ~~ units.map(\.requireID)).filter(\.$kindRaw == kind.rawValue).all()
            .filter { $0.inOffice(on: day) }
        let byUnit = Dictionary(grouping: boards, by: \.unitID)
        return units.map { Place(unit: $0, board: byUnit[$0.requireID]?.first) }
    }

    static func evaluations(_ rows: [DashboardQueries.TargetRow], unit: OrgUnit, period: ReportPeriod, on db: any Database) async throws -> [Int: TargetEvaluation] {
        var evaluations: [Int: TargetEvaluation] = [:]
        for (index, row) in rows.enumerated() where row.kind == .boardCoverage {
            let kind = OversightBoardKind.named(in: VietnameseFolding.fold(row.text)) ?? .investmentSupervision
            let places = try await places(under: unit, kind: kind, on: period.lastDay, db: db)
            let with = places.filter { $0.board != nil }.count
            let evaluation = TargetEvaluation.evaluate(row.threshold, .ratio(numerator: Double(with), denominator: Double(places.count)))
            let missing = places.filter { $0.board == nil }.map(\.unit.name)
            evaluations[index] = TargetEvaluation(status: places.isEmpty ? .noData : evaluation.status, figure: evaluation.figure,
                                                  explanation: "\(with)/\(places.count) nơi có \(kind.label). " + evaluation.explanation
                                                      + (missing.isEmpty ? "" : " Chưa có: \(missing.prefix(10).joined(separator: ", ")).") )
        }
        return evaluations
    }
}
