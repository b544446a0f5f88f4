import DanVanCore

/// The form launching a year's campaign, with the usual defaults filled in: the four fields,
/// every kind, party committees and cells must register, registration in February–March,
/// evaluation in September–October.
struct CampaignFormPage: Encodable {
    struct Choice: Encodable {
        let value: String
        let label: String
        let checked: Bool
    }

    let heading: String
    let action: String
    let cancelHref: String
    let values: CampaignLaunching.Input
    let kinds: [Choice]
    let unitKinds: [Choice]
    let errors: FormErrors

    static func make(unit: OrgUnit, year: Int, typed: CampaignLaunching.Input?, errors: FormErrors = .none) -> CampaignFormPage {
        let values = typed ?? CampaignLaunching.Input(
            unitCode: unit.code, year: year, title: "Phong trào thi đua “Dân vận khéo” năm \(year)",
            fields: ModelField.lines(ModelField.defaults),
            registrationFrom: "\(year)-02-01", registrationTo: "\(year)-03-31", evaluationFrom: "\(year)-09-01", evaluationTo: "\(year)-10-31",
            levels: CampaignLaunching.defaultLevels.joined(separator: "\n"), criteria: CampaignLaunching.defaultCriteria.joined(separator: "\n"))
        return CampaignFormPage(
            heading: "Phát động phong trào “Dân vận khéo” năm \(year) · \(unit.name)",
            action: SiteRoute.campaignNew.path, cancelHref: SiteRoute.models.path + "?unit=\(unit.code)&year=\(year)", values: values,
            kinds: ModelKind.allCases.map { Choice(value: $0.rawValue, label: $0.label, checked: values.kinds.contains($0.rawValue)) },
            unitKinds: UnitKind.allCases.map { Choice(value: $0.rawValue, label: $0.label, checked: values.unitKinds.contains($0.rawValue)) },
            errors: errors)
    }
}
