import DanVanCore
import Fluent

/// `/citizens`: the unit's citizen work in a year: timeliness of its cases (its own and each unit
/// below), what is overdue, the leaders' reception duty month by month, and the dialogues.
struct CitizensOverviewPage: Encodable {
    struct TimelinessRow: Encodable {
        let unitName: String
        let href: String
        let onTime: Int
        let late: Int
        let inTime: Int
        let overdue: Int
        let percent: String
    }

    let unitName: String
    let unitCode: String
    let year: Int
    let yearChoice: YearChoice
    let canHandle: Bool
    let total: TimelinessRow
    let children: [TimelinessRow]
    let overdue: [CaseListPage.Item]
    let duties: [ReceptionQueries.DutyRow]
    let dialogues: [ReceptionQueries.DialogueRow]
    let casesHref: String
    let overdueHref: String
    let newCaseHref: String
    let newReceptionHref: String
    let newDialogueHref: String
    let rulesHref: String
    let reportHref: String
    let reportDocxHref: String

    static func row(_ name: String, href: String, _ counts: TimelinessCounts?) -> TimelinessRow {
        let counts = counts ?? TimelinessCounts()
        return TimelinessRow(unitName: name, href: href, onTime: counts.onTime, late: counts.late, inTime: counts.inTime, overdue: counts.overdue,
                             percent: counts.onTimePercent.map { "\($0)%" } ?? "—")
    }

    static func query(unit: OrgUnit, year: Int, years: ClosedRange<Int>, canHandle: Bool, today: CivilDate, on db: any Database) async throws -> CitizensOverviewPage {
        let children = try await UnitQueries.children(of: unit.requireID, on: db).sortedForDisplay()
        let counts = try await CaseQueries.timeliness(of: [unit.requireID] + children.map(\.requireID), year: year, today: today, on: db)
        let overdue = try await CaseQueries.list(under: unit.requireID, filter: .init(overdueOnly: true), today: today, limit: 20, on: db)
        let query = "unit=\(unit.code)&year=\(year)"
        return CitizensOverviewPage(
            unitName: unit.name, unitCode: unit.code, year: year,
            yearChoice: .make(action: SiteRoute.citizens.path, selected: year, years: years, keeping: ["unit": unit.code]),
            canHandle: canHandle,
            total: row(unit.name, href: SiteRoute.citizenCases.path + "?" + query, counts[unit.requireID]),
            children: children.map { row($0.name, href: SiteRoute.citizens.path + "?unit=\($0.code)&year=\(year)", counts[$0.requireID]) },
            overdue: overdue.map { CaseListPage.Item($0, today: today) },
            duties: try await ReceptionQueries.duties(for: [unit] + children, year: year, today: today, on: db),
            dialogues: try await ReceptionQueries.dialogues(under: unit.requireID, year: year, today: today, on: db),
            casesHref: SiteRoute.citizenCases.path + "?" + query, overdueHref: SiteRoute.citizenCases.path + "?unit=\(unit.code)&overdue=1",
            newCaseHref: SiteRoute.citizenCaseNew.path + "?unit=\(unit.code)", newReceptionHref: SiteRoute.receptionNew.path + "?unit=\(unit.code)",
            newDialogueHref: SiteRoute.dialogueNew.path + "?unit=\(unit.code)", rulesHref: SiteRoute.citizenRules.path,
            reportHref: SiteRoute.citizensReportXlsx.path + "?" + query, reportDocxHref: SiteRoute.citizensReportDocx.path + "?" + query)
    }
}

/// `/citizens/cases`: the cases of a unit's subtree, filtered; never a citizen's name.
struct CaseListPage: Encodable {
    struct Item: Encodable {
        let href: String
        let trackingCode: String
        let kind: String
        let subject: String
        let unitName: String
        let leadName: String?
        let received: String
        let status: String
        let due: String?
        let timeliness: String
        let timelinessKey: String
        let daysLate: Int?

        init(_ row: CaseQueries.Row, today: CivilDate) {
            href = SiteRoute.citizenCase(row.id).path
            trackingCode = row.tracking_code
            kind = row.caseKind.label
            subject = row.subject
            unitName = row.unit_name
            leadName = row.lead_name
            received = CivilDate(parsing: row.received_on)?.vietnamese ?? row.received_on
            status = row.caseStatus.label
            due = row.due_on.flatMap(CivilDate.init(parsing:))?.vietnamese
            let timeliness = row.timeliness(today: today)
            self.timeliness = timeliness.label
            timelinessKey = timeliness.rawValue
            let late = row.daysLate(today: today)
            daysLate = late > 0 ? late : nil
        }
    }

    let unitName: String
    let unitCode: String
    let items: [Item]
    let kinds: [SelectOption]
    let statuses: [SelectOption]
    let search: String
    let overdueOnly: Bool
    let action: String
    let backHref: String
    let more: String?
}
