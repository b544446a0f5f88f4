import DanVanCore
import Fluent

/// The registration form, new or to change: the ten items, field and theme, kind, the person of
/// an individual exemplar, and the plan task it serves.
struct ModelFormPage: Encodable {
    struct Item: Encodable {
        let key: String
        let label: String
        let value: String
    }

    let heading: String
    let action: String
    let cancelHref: String
    let unitCode: String
    let year: Int
    let version: Int?
    let values: ModelRegistration
    let fields: [SelectOption]
    let subthemes: [String]
    let kinds: [SelectOption]
    let items: [Item]
    let tasks: [SelectOption]
    let lateWarning: String?
    let errors: FormErrors

    static func query(unit: OrgUnit, year: Int, model: MovementModel?, typed: ModelRegistration?, taskID: Int?, today: CivilDate,
                      errors: FormErrors = .none, on db: any Database) async throws -> ModelFormPage {
        let campaign = try await ModelCampaigns.governing(unitID: unit.requireID, year: year, on: db)
        let values = typed ?? model?.registration ?? ModelRegistration(field: (campaign?.fields ?? ModelField.defaults).first?.name ?? "")
        let fields = campaign?.fields ?? ModelField.defaults
        let kinds = campaign?.kinds.isEmpty == false ? campaign?.kinds ?? ModelKind.allCases : ModelKind.allCases
        var warning: String?
        if model == nil, let campaign, let ends = campaign.registrationEnds, let evaluation = campaign.evaluationStarts {
            switch RegistrationTiming.of(today, registrationEnds: ends, evaluationStarts: evaluation) {
            case .late: warning = "Đã quá hạn đăng ký (\(ends.vietnamese)): đăng ký vẫn được nhận và ghi là đăng ký muộn."
            case .closed: warning = "Đã hết hạn đăng ký: việc đánh giá bắt đầu từ \(evaluation.vietnamese)."
            case .inTime: warning = nil
            }
        }
        return ModelFormPage(
            heading: model == nil ? "Đăng ký mô hình “Dân vận khéo” năm \(year) · \(unit.name)" : "Sửa đăng ký: \(model?.name ?? "")",
            action: model.map { SiteRoute.modelEdit($0.requireID).path } ?? SiteRoute.modelNew.path,
            cancelHref: model.map { SiteRoute.model($0.requireID).path } ?? SiteRoute.models.path + "?unit=\(unit.code)&year=\(year)",
            unitCode: unit.code, year: year, version: model?.version, values: values,
            fields: fields.map { SelectOption(value: $0.name, label: $0.name, selected: $0.name == values.field) },
            subthemes: fields.flatMap(\.subthemes),
            kinds: kinds.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0.rawValue == values.kind) },
            items: ModelRegistration.items.map { Item(key: $0.key, label: $0.label, value: values[keyPath: $0.path]) },
            tasks: try await tasks(for: unit, year: year, selected: taskID ?? model?.planTaskID, on: db),
            lateWarning: warning, errors: errors)
    }

    /// Tasks of the year's plans about models that the unit leads, or of its own plans.
    private static func tasks(for unit: OrgUnit, year: Int, selected: Int?, on db: any Database) async throws -> [SelectOption] {
        let rows = try await UnitClosure.sqlDatabase(db).raw("""
            SELECT t.id, t.text FROM plan_tasks t JOIN plans p ON p.id = t.plan_id
            WHERE p.year = \(bind: year) AND (p.unit_id = \(bind: unit.requireID) OR t.lead_unit_id = \(bind: unit.requireID)
                  OR p.unit_id = \(bind: unit.parentID ?? -1))
            ORDER BY p.id, t.position LIMIT 60
            """).all()
        return try rows.map { row in
            let id = try row.decode(column: "id", as: Int.self)
            let text = try row.decode(column: "text", as: String.self)
            return SelectOption(value: String(id), label: String(text.prefix(120)), selected: id == selected)
        }
    }
}
