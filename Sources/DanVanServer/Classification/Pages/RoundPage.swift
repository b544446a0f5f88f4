import DanVanCore
import Fluent

/// A round's table for the level above: per unit self vs appraised per group and in total,
/// differences marked, band, gate, state; the distribution against last year; publishing.
struct RoundPage: Encodable {
    struct Group: Encodable {
        let number: String
        let text: String
        let maxPoints: String
    }

    struct Cell: Encodable {
        let own: String
        let appraised: String?
        let differs: Bool
    }

    struct Line: Encodable {
        let href: String
        let unitName: String
        let state: String
        let stateLabel: String
        let selfTotal: String
        let appraisedTotal: String?
        let differs: Bool
        let label: String?
        let gated: Bool
        let late: Bool
        let cells: [Cell]
    }

    struct Count: Encodable {
        let label: String
        let count: Int
        let lastYear: Int?
    }

    let title: String
    let unitName: String
    let year: Int
    let stateLabel: String
    let published: Bool
    let setLabel: String
    let setHref: String
    let window: String
    let decision: String?
    let groups: [Group]
    let lines: [Line]
    let distribution: [Count]
    let hasLastYear: Bool
    let canPublish: Bool
    let publishAction: String
    let version: Int
    let xlsxHref: String
    let docxHref: String
    let errors: FormErrors

    static func make(_ table: RoundTable, canPublish: Bool, errors: FormErrors = .none) -> RoundPage {
        let round = table.round
        let lines = table.lines.map { line in
            Line(href: SiteRoute.classificationSheet(line.sheetID).path, unitName: line.unitName, state: line.state.rawValue, stateLabel: line.state.label,
                 selfTotal: line.selfTotal.description, appraisedTotal: line.appraisedTotal?.description, differs: line.differs, label: line.label,
                 gated: line.gated, late: line.submittedOn.map { day in round.closes.map { day > $0 } ?? false } ?? false,
                 cells: table.definition.groups.map { group in
                     let cell = line.groups[group.key]
                     // A group only the level above scores has no self score to compare.
                     let aboveOnly = group.leaves.allSatisfy { $0.scorer == .above }
                     return Cell(own: aboveOnly ? "—" : (cell?.own ?? .zero).short, appraised: cell?.appraised?.short,
                                 differs: !aboveOnly && (cell?.appraised.map { $0 != cell?.own } ?? false))
                 })
        }
        let distribution = table.distribution.map { Count(label: $0.label, count: $0.count, lastYear: table.lastYear.isEmpty ? nil : table.lastYear[$0.label] ?? 0) }
        return RoundPage(title: round.title, unitName: table.unit.name, year: round.year, stateLabel: round.state.label, published: round.state == .published,
                         setLabel: "\(table.set.title) (\(table.set.citation))", setHref: SiteRoute.criteriaSet(table.set.requireID).path,
                         window: "Mở từ \(CivilDate(parsing: round.opensOn)?.vietnamese ?? round.opensOn), hạn gửi phiếu \(round.closes?.vietnamese ?? round.closesOn)",
                         decision: round.decisionNumber.map { "Quyết định số \($0) ngày \(round.decisionDate.flatMap(CivilDate.init(parsing:))?.vietnamese ?? "")" },
                         groups: table.definition.groups.map { Group(number: $0.number, text: $0.text, maxPoints: $0.maxPoints.short) },
                         lines: lines, distribution: distribution, hasLastYear: !table.lastYear.isEmpty,
                         canPublish: canPublish && round.state == .open, publishAction: SiteRoute.classificationRoundPublish(round.requireID).path,
                         version: round.version, xlsxHref: SiteRoute.classificationRoundXlsx(round.requireID).path,
                         docxHref: SiteRoute.classificationRoundDocx(round.requireID).path, errors: errors)
    }
}
