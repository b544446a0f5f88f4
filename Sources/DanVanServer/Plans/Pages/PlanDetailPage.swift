import DanVanCore
import Fluent

/// A stored plan: as the document reads, the targets and the task table, what it implements,
/// what implements it, and which documents it cites.
struct PlanDetailPage: Encodable {
    struct Section: Encodable { let number: String; let heading: String; let indent: Int }
    struct Target: Encodable { let text: String; let rule: String; let evaluation: String; let line: Int }
    struct Task: Encodable {
        let group: String; let text: String; let timing: String; let lead: String; let coordinating: String; let section: String
    }
    struct Citation: Encodable { let label: String; let href: String; let isBasis: Bool }

    let plan: PlanRow
    let unitHref: String?
    /// The unit's plans of the year.
    let plansHref: String
    let issuedOn: String?
    let issuer: String?
    let sections: [Section]
    let targets: [Target]
    let appendix: [Task]
    let bodyTasks: [Task]
    let implements: PlanRow?
    let implementedBy: [PlanRow]
    let citations: [Citation]
    let recipients: [String]
    let signature: String?
    let statusLabel: String
    let isDraft: Bool
    let gridHref: String
    let docxHref: String
    let coverage: PlanCoverage.Report?
    let chainDown: PlanChainDown
    let editHref: String?
    let revisionsHref: String?
    let reporting: PlanReporting
    /// Set when the user asked to start a plan the unit already had, and was brought here.
    var alreadyExisted = false
    /// Set when the user has just confirmed an imported file and was brought here.
    var justSaved = false

    static func query(_ plan: Plan, for user: User, reportingErrors: FormErrors = .none, rollups: GenerationCache<RollupResult>,
                      on db: any Database) async throws -> PlanDetailPage {
        let unit = try await OrgUnit.find(plan.unitID, on: db)
        let planID = plan.requireID
        let sections = try await PlanSectionRecord.query(on: db).filter(\.$planID == planID).sort(\.$position).all()
        let targets = try await PlanTargetRecord.query(on: db).filter(\.$planID == planID).sort(\.$position).all()
        let tasks = try await PlanTaskRecord.query(on: db).filter(\.$planID == planID).sort(\.$position).all().map(task)
        let upper = try await plan.implementsPlanID.asyncMap { try await Plan.find($0, on: db) } ?? nil
        let readableUpper = try await upper.asyncMap { try await PlanAccess.readable([$0], by: user, on: db).first } ?? nil
        let allLower = try await Plan.query(on: db).filter(\.$implementsPlanID == planID).all()
        let lower = try await PlanAccess.readable(allLower, by: user, on: db)
        let canEdit = try await unit.asyncMap { try await Authorizer.allows(user, .editPlans, on: $0, db: db) } == true
        let children = try await UnitQueries.children(of: plan.unitID, on: db)
        let scheme = try await ReportScheme.query(on: db).filter(\.$planID == planID).first()
        let links = try await UnitLinks.load(for: user, among: [plan.unitID] + children.map(\.requireID) + (scheme.map { [$0.scopeUnitID] } ?? []),
                                             on: db)
        let reporting = try await PlanReporting.query(plan, scheme: scheme, targets: targets, canEdit: canEdit, links: links, errors: reportingErrors,
                                                 rollups: rollups, on: db)
        let noData = TargetEvaluation.Status.noData.label
        return PlanDetailPage(
            plan: PlanRow(plan, unitName: unit?.name ?? ""), unitHref: unit.flatMap(links.href),
            plansHref: SiteRoute.plans.path + "?unit=\(unit?.code ?? "")&year=\(plan.year)",
            issuedOn: plan.issuedOn.flatMap(CivilDate.init(parsing:))?.vietnamese, issuer: plan.issuerText,
            sections: sections.map { Section(number: $0.number, heading: $0.heading, indent: $0.depth) },
            targets: targets.map { Target(text: $0.text, rule: $0.threshold.phrase, evaluation: reporting.evaluations[$0.requireID] ?? noData,
                                          line: $0.line) },
            appendix: tasks.filter { $0.section == "appendix" }, bodyTasks: tasks.filter { $0.section != "appendix" },
            implements: try await readableUpper.asyncMap { try await PlanQueries.rows([$0], on: db).first } ?? nil,
            implementedBy: try await PlanQueries.rows(lower, on: db),
            citations: try await citations(planID, on: db),
            recipients: PlanPartsWriter.names(plan.recipientsJSON),
            signature: [plan.signatureAuthority, plan.signaturePosition, plan.signatureName].compactMap { $0 }.joined(separator: " · "),
            statusLabel: plan.status.label, isDraft: plan.status == .draft,
            gridHref: SiteRoute.planGrid(planID).path,
            docxHref: SiteRoute.planDocx(planID).path,
            // Coverage is judged only against an upper plan the reader is shown.
            coverage: readableUpper == nil ? nil : try await PlanCoverage.report(for: plan, on: db),
            chainDown: try await PlanChainDown.query(plan, children: children, lower: allLower, for: user, links: links, on: db),
            editHref: canEdit ? SiteRoute.planEdit(planID).path : nil,
            revisionsHref: plan.revision > 1 ? SiteRoute.planRevisions(planID).path : nil,
            reporting: reporting.reporting)
    }


    private static func task(_ record: PlanTaskRecord) -> Task {
        Task(group: record.group ?? "", text: record.text, timing: record.timingRaw,
             lead: PlanPartsWriter.names(record.leadNames).joined(separator: "; "),
             coordinating: PlanPartsWriter.names(record.coordinatingNames).joined(separator: "; "), section: record.section)
    }

    private static func citations(_ planID: Int, on db: any Database) async throws -> [Citation] {
        let links = try await PlanCitation.query(on: db).filter(\.$planID == planID).all()
        let documents = links.isEmpty ? [] : try await CitedDocument.query(on: db).filter(\.$id ~~ links.map(\.documentID)).all()
        let byID = Dictionary(uniqueKeysWithValues: documents.map { ($0.requireID, $0) })
        return links.compactMap { link in
            byID[link.documentID].map { Citation(label: CitedDocumentPage.label($0), href: SiteRoute.document($0.requireID).path,
                                                 isBasis: link.isBasis) }
        }.sorted { ($0.isBasis ? 0 : 1, $0.label) < ($1.isBasis ? 0 : 1, $1.label) }
    }
}
