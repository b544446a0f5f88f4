import DanVanCore
import Fluent
import Foundation

/// What a unit's public page shows, and nothing else: every field here is chosen to be public
/// (the allow-list). Citizens' names, case contents, people registers, users, drafts, progress
/// notes, audit and identities have no field to travel in.
struct PublicUnitView: Sendable {
    struct PlanLine: Sendable {
        let id: Int
        let title: String
        let issuedOn: String?
    }

    struct TargetLine: Sendable {
        let text: String
        let status: String
        let met: Bool
        let explanation: String
    }

    struct DialogueLine: Sendable {
        let topic: String
        let heldOn: String
        let upcoming: Bool
        /// The conclusions, only once the unit published them.
        let results: String?
    }

    struct NoticeLine: Sendable {
        let id: Int
        let title: String
        let item: String
        let period: String?
        let document: String?
        let span: String
        let forms: String
        let startsOn: CivilDate
    }

    /// A matter put to the people, once its result was published: never the minutes.
    struct ConsultationResult: Sendable {
        let subject: String
        let kind: String
        let village: String?
        let span: String
        let outcome: String?
        let publishedOn: String
    }

    /// A "Dân vận khéo" model recognised by the level above: its name, field, year and level.
    struct ModelLine: Sendable {
        let name: String
        let field: String
        let year: Int
        let recognition: String
    }

    struct UnitLink: Sendable {
        let name: String
        let code: String
        let onTime: String?
    }

    let code: String
    let name: String
    let today: CivilDate
    let plans: [PlanLine]
    let targetsPeriod: String?
    let targets: [TargetLine]
    let dialogues: [DialogueLine]
    let notices: [NoticeLine]
    var consultations: [ConsultationResult] = []
    var models: [ModelLine] = []
    let below: [UnitLink]

    static func load(_ unit: OrgUnit, today: CivilDate, on db: any Database) async throws -> PublicUnitView {
        let plans = try await Plan.query(on: db).filter(\.$unitID == unit.requireID).filter(\.$status == .issued)
            .filter(\.$year >= today.year - 1).sort(\.$year, .descending).all()
        let (period, targets) = try await targets(of: unit, today: today, on: db)
        return PublicUnitView(
            code: unit.code, name: unit.name, today: today,
            plans: plans.map { PlanLine(id: $0.requireID, title: planTitle($0), issuedOn: $0.issuedOn.flatMap(CivilDate.init(parsing:))?.vietnamese) },
            targetsPeriod: period, targets: targets, dialogues: try await dialogues(of: unit, today: today, on: db),
            notices: try await notices(of: unit, today: today, on: db), consultations: try await consultations(of: unit, today: today, on: db),
            models: try await models(of: unit, today: today, on: db), below: try await below(unit, today: today, on: db))
    }

    /// Models of the unit and the units below it recognised this year or last.
    private static func models(of unit: OrgUnit, today: CivilDate, on db: any Database) async throws -> [ModelLine] {
        let ids = try await UnitQueries.subtree(of: [unit.requireID], maxDepth: 2, on: db).map(\.requireID)
        return try await MovementModel.query(on: db).filter(\.$unitID ~~ ids).filter(\.$status ~~ ["recognised", "exemplary"])
            .filter(\.$year >= today.year - 1).sort(\.$year, .descending).sort(\.$name).limit(30).all().map { model in
                ModelLine(name: model.name, field: model.field, year: model.year,
                          recognition: (model.status == "exemplary" ? "Điển hình tiêu biểu" : "Được công nhận") + (model.recognitionLevel.map { " · \($0)" } ?? ""))
            }
    }

    private static func consultations(of unit: OrgUnit, today: CivilDate, on db: any Database) async throws -> [ConsultationResult] {
        try await ConsultationLine.lines(under: unit, year: nil, ownOnly: true, publishedOnly: true, canManage: false, on: db).prefix(20)
            .map { ConsultationResult(subject: $0.subject, kind: $0.kindLabel, village: $0.village, span: $0.span, outcome: $0.outcome,
                                      publishedOn: $0.resultPublishedOn ?? "") }
    }

    static func planTitle(_ plan: Plan) -> String {
        [plan.numberNormalized.map { "Số \($0)" }, plan.subject.sentenceCased].compactMap { $0 }.joined(separator: " · ")
    }

    /// The targets of the unit's own issued plans for the last quarter that has ended, met or not,
    /// from approved figures only.
    private static func targets(of unit: OrgUnit, today: CivilDate, on db: any Database) async throws -> (String?, [TargetLine]) {
        guard let current = ReportPeriod(frequency: .quarter, year: today.year, index: (today.month - 1) / 3 + 1) else { return (nil, []) }
        let period = current.previous
        let own = Set(try await Plan.query(on: db).filter(\.$unitID == unit.requireID).filter(\.$status == .issued)
            .filter(\.$year == period.year).all().map(\.requireID))
        let rows = try await DashboardQueries.targets(unitID: unit.requireID, year: period.year, on: db).filter { own.contains($0.planID) }
        guard !rows.isEmpty else { return (nil, []) }
        let rollup = try await RollupQuery.compute(rootID: unit.requireID, period: period, includeSubmitted: false, on: db)
        let evaluations = try await TargetEvaluations.evaluate(rows, unit: unit, period: period, rollup: rollup, on: db)
        let lines = zip(rows, evaluations).map { row, evaluation in
            TargetLine(text: row.text, status: evaluation.status.label, met: evaluation.status == .met, explanation: evaluation.explanation)
        }
        return (period.label, lines)
    }

    private static func dialogues(of unit: OrgUnit, today: CivilDate, on db: any Database) async throws -> [DialogueLine] {
        try await Dialogue.query(on: db).filter(\.$unitID == unit.requireID).filter(\.$heldOn >= "\(today.year - 1)-01-01")
            .sort(\.$heldOn, .descending).limit(20).all().map { d in
                let held = CivilDate(parsing: d.heldOn)
                return DialogueLine(topic: d.topic, heldOn: held?.vietnamese ?? d.heldOn, upcoming: held.map { $0 >= today } ?? false,
                                    results: d.publishedOn == nil ? nil : d.conclusions)
            }
    }

    /// Publications in force on the day.
    static func notices(of unit: OrgUnit, today: CivilDate, on db: any Database) async throws -> [NoticeLine] {
        let rules = try await PublicationRules.binding(unit.requireID, on: db)
        let rows = try await PublicationRegister.publications(under: unit, state: .posted, on: today, limit: 100, db: db)
            .filter { $0.unitID == unit.requireID }
        return rows.map { notice($0, rules: rules) }
    }

    static func notice(_ p: Publication, rules: [PublicationRule]) -> NoticeLine {
        return NoticeLine(id: p.requireID, title: p.title, item: rules.version(of: p.ruleCode, on: p.starts)?.title ?? "",
                          period: PublicationPeriod(key: p.period)?.label, document: p.documentLabel,
                          span: "Từ \(p.starts.vietnamese)" + (p.ends.map { " đến \($0.vietnamese)" } ?? ""),
                          forms: p.formList.map(PublicationForm.label).joined(separator: "; "), startsOn: p.starts)
    }

    /// The units below with a public page of their own, with their share of publications on time.
    private static func below(_ unit: OrgUnit, today: CivilDate, on db: any Database) async throws -> [UnitLink] {
        let units = try await UnitQueries.subtree(of: [unit.requireID], maxDepth: 2, on: db)
            .filter { $0.requireID != unit.requireID && $0.isActive(on: today) && PublicPages.isOn($0) }
        guard !units.isEmpty else { return [] }
        let compliance = try await PublicationRegister.compliance(under: unit, on: today, db: db)
        return units.map { u in
            let share = compliance.first { $0.unit.requireID == u.requireID }?.compliance.percentOnTime
            return UnitLink(name: u.name, code: u.code, onTime: share.map { "\($0) %" })
        }
    }
}

/// Which units have a public page.
enum PublicPages {
    static func isOn(_ unit: OrgUnit) -> Bool {
        unit.publicPage ?? PublicationDuty.publicPageByDefault(kind: unit.unitKind, level: unit.unitLevel)
    }
}
