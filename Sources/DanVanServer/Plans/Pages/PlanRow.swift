import DanVanCore

/// A plan as a line in a list.
struct PlanRow: Encodable {
    let id: Int
    let href: String
    let number: String
    let year: Int
    let subject: String
    let unitName: String
    let statusLabel: String
    let isDraft: Bool

    init(_ plan: Plan, unitName: String) {
        id = plan.requireID
        href = SiteRoute.plan(plan.requireID).path
        number = plan.numberNormalized ?? "(chưa số)"
        year = plan.year
        subject = plan.subject.sentenceCased
        self.unitName = unitName
        statusLabel = plan.status.label
        isDraft = plan.status == .draft
    }
}
