import DanVanCore
import Fluent
import Foundation

/// The publication register of a unit: what it still owes this year, what it published (with what
/// the rule asks beyond that), the form to record one; and, for a level above, each commune's
/// compliance so far.
struct PublicationRegisterPage: Encodable {
    struct Obligation: Encodable {
        let title: String
        let article: String
        let period: String
        let due: String
        let state: String
        let owed: Bool
        let overdue: Bool
        let published: String?
    }

    struct Row: Encodable {
        let id: Int
        let version: Int
        let unitName: String
        let title: String
        let item: String
        let period: String?
        let document: String?
        let forms: String
        let span: String
        let state: String
        let posted: Bool
        let shortcomings: [String]
        let proofLink: String?
        let responsible: String?
        let endAction: String?
    }

    struct Commune: Encodable {
        let name: String
        let href: String
        let due: Int
        let onTime: Int
        let late: Int
        let missing: Int
        let owedNow: Int
        let percent: String
        let short: Bool
    }

    let unitName: String
    let unitCode: String
    let today: String
    let year: Int
    let carriesDuty: Bool
    let obligations: [Obligation]
    let owedCount: Int
    let compliance: PublicationCompliance?
    let percent: String?
    let communes: [Commune]
    let rows: [Row]
    let canManage: Bool
    let action: String
    let rules: [SelectOption]
    let periods: [SelectOption]
    let forms: [SelectOption]
    let values: PublicationRecording.Input
    let notice: String?
    let errors: FormErrors
    let ruleSource: String
    let consultations: [ConsultationLine]
    let consultationAction: String
    let kinds: [SelectOption]
    let villages: [SelectOption]
    let consultation: ConsultationRecording.Input
    let consultationErrors: FormErrors
    let boards: [BoardLine.Summary]
    let boardAction: String
    let boardKinds: [SelectOption]
    let board: BoardRecording.Input
    let boardErrors: FormErrors
    let recommendations: [RecommendationLine]
    let recommendationAction: String
    let boardChoices: [SelectOption]

    /// What the page was asked to show again: a form with what was typed and its errors.
    struct Echo {
        var publication: PublicationRecording.Input?
        var consultation: ConsultationRecording.Input?
        var errors: FormErrors = .none
        var consultationErrors: FormErrors = .none
        var board: BoardRecording.Input?
        var boardErrors: FormErrors = .none
    }

    static func query(unit: OrgUnit, canManage: Bool, today: CivilDate, echo: Echo = Echo(), notice: String? = nil, actor: Actor? = nil,
                      on db: any Database) async throws -> PublicationRegisterPage {
        let values = echo.publication, errors = echo.errors
        let carries = PublicationDuty.applies(kind: unit.unitKind, level: unit.unitLevel)
        let owed = try await PublicationRegister.obligations(of: unit, on: today, db: db)
        let compliance = carries ? PublicationCompliance(owed, on: today) : nil
        // A commune has no communes below it; its own figures come from `owed`.
        let communes = carries ? [] : try await PublicationRegister.compliance(under: unit, on: today, db: db)
        let rules = PublicationRules.inForce(try await PublicationRules.binding(unit.requireID, on: db), on: today)
        // A commune sees its whole register; a level above, what is posted today across its communes.
        let publications = try await PublicationRegister.publications(under: unit, state: carries ? nil : .posted, on: today, limit: 200, db: db)
        let names = try await unitNames(publications.map(\.unitID), on: db)
        var input = values ?? PublicationRecording.Input()
        if values == nil { input.unitCode = unit.code; input.startsOn = today.description }
        return PublicationRegisterPage(
            unitName: unit.name, unitCode: unit.code, today: today.vietnamese, year: today.year, carriesDuty: carries,
            obligations: owed.sorted { ($0.state.isOwed ? 0 : 1, $0.dueOn) < ($1.state.isOwed ? 0 : 1, $1.dueOn) }.map(obligation),
            owedCount: owed.filter(\.state.isOwed).count, compliance: compliance, percent: compliance?.percentOnTime.map { "\($0) %" },
            communes: communes.map { commune($0, today: today) },
            rows: publications.map { row($0, rules: rules, unitName: names[$0.unitID] ?? "", today: today, canManage: canManage) },
            canManage: canManage && carries, action: SiteRoute.publicationNew.path,
            rules: rules.map { SelectOption(value: $0.code, label: "\($0.title) (\($0.frequency.label.lowercased()))", selected: $0.code == input.ruleCode) },
            periods: periodOptions(today: today, selected: input.period),
            forms: PublicationForm.all.map { SelectOption(value: $0.key, label: $0.label, selected: input.forms.contains($0.key)) },
            values: input, notice: notice, errors: errors, ruleSource: PublicationRule.shippedSource,
            consultations: try await ConsultationLine.lines(under: unit, year: today.year, canManage: canManage && carries, on: db),
            consultationAction: SiteRoute.consultationNew.path,
            kinds: ConsultationKind.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0.rawValue == (echo.consultation?.kind ?? "")) },
            villages: try await villageOptions(of: unit, selected: echo.consultation?.villageCode ?? "", on: db),
            consultation: echo.consultation ?? ConsultationRecording.Input(), consultationErrors: echo.consultationErrors,
            boards: try await BoardLine.summaries(under: unit, on: today, db: db), boardAction: SiteRoute.boardNew.path,
            boardKinds: OversightBoardKind.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0.rawValue == (echo.board?.kind ?? "investment_supervision")) },
            board: echo.board ?? BoardRecording.Input(), boardErrors: echo.boardErrors,
            recommendations: try await RecommendationLine.lines(under: unit, today: today, for: actor, on: db),
            recommendationAction: SiteRoute.recommendationNew.path, boardChoices: try await boardChoices(under: unit, today: today, on: db))
    }

    private static func boardChoices(under unit: OrgUnit, today: CivilDate, on db: any Database) async throws -> [SelectOption] {
        let ids = try await UnitQueries.subtree(of: [unit.requireID], maxDepth: 2, on: db)
        let names = Dictionary(uniqueKeysWithValues: ids.map { ($0.requireID, $0.name) })
        return try await OversightBoard.query(on: db).filter(\.$unitID ~~ Array(names.keys)).all().filter { $0.inOffice(on: today) }
            .map { SelectOption(value: String($0.requireID), label: "\($0.kind.label) · \(names[$0.unitID] ?? "")", selected: false) }
    }

    private static func villageOptions(of unit: OrgUnit, selected: String, on db: any Database) async throws -> [SelectOption] {
        let villages = try await UnitQueries.subtree(of: [unit.requireID], maxDepth: 2, on: db).filter { $0.unitKind == .village }
        return [SelectOption(value: "", label: "— (cả xã)", selected: selected.isEmpty)]
            + villages.map { SelectOption(value: $0.code, label: $0.name, selected: $0.code == selected) }
    }

    private static func obligation(_ o: PublicationObligation) -> Obligation {
        Obligation(title: o.rule.title, article: o.rule.article, period: o.period.label, due: o.dueOn.vietnamese, state: o.state.label,
                   owed: o.state.isOwed, overdue: o.state == .overdue || o.state == .late, published: o.publishedOn?.vietnamese)
    }

    private static func commune(_ c: PublicationRegister.UnitCompliance, today: CivilDate) -> Commune {
        let percent = c.compliance.percentOnTime
        return Commune(name: c.unit.name, href: SiteRoute.publications.path + "?unit=\(c.unit.code)", due: c.compliance.due, onTime: c.compliance.onTime,
                       late: c.compliance.late, missing: c.compliance.missing, owedNow: c.obligations.filter(\.state.isOwed).count,
                       percent: percent.map { "\($0) %" } ?? "—", short: (percent ?? 100) < 100)
    }

    static func row(_ p: Publication, rules: [PublicationRule], unitName: String, today: CivilDate, canManage: Bool) -> Row {
        let rule = rules.version(of: p.ruleCode, on: p.starts)
        let state = p.state(on: today)
        let shortcomings = rule.map { PublicationCheck.shortcomings(rule: $0, forms: p.formList, startsOn: p.starts, endsOn: p.ends, loudspeakerDays: p.loudspeakerDays) } ?? []
        return Row(id: p.requireID, version: p.version, unitName: unitName, title: p.title, item: rule?.title ?? p.ruleCode,
                   period: PublicationPeriod(key: p.period)?.label, document: p.documentLabel,
                   forms: p.formList.map(PublicationForm.label).joined(separator: "; "),
                   span: p.starts.vietnamese + " – " + (p.ends?.vietnamese ?? "…"), state: state.label, posted: state == .posted,
                   shortcomings: shortcomings, proofLink: p.proofLink.isEmpty ? nil : p.proofLink, responsible: p.responsible.isEmpty ? nil : p.responsible,
                   endAction: canManage && state != .ended ? SiteRoute.publicationEnd(p.requireID).path : nil)
    }

    /// The periods a clerk picks from: this year's and last year's, newest first.
    static func periodOptions(today: CivilDate, selected: String) -> [SelectOption] {
        var options = [SelectOption(value: "", label: "— (không theo kỳ)", selected: selected.isEmpty)]
        for year in [today.year, today.year - 1] {
            let periods = PublicationFrequency.quarterly.periods(of: year) + PublicationFrequency.halfYearly.periods(of: year)
                + PublicationFrequency.yearly.periods(of: year)
            options += periods.filter { $0.starts <= today }.map { SelectOption(value: $0.key, label: $0.label, selected: $0.key == selected) }
        }
        return options
    }

    static func unitNames(_ ids: [Int], on db: any Database) async throws -> [Int: String] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [:] }
        return Dictionary(uniqueKeysWithValues: try await OrgUnit.query(on: db).filter(\.$id ~~ unique).all().map { ($0.requireID, $0.name) })
    }
}
