import DanVanCore

/// The form to create or edit a unit, with the user's values kept after a refusal.
struct UnitFormPage: Encodable {
    let heading: String
    let action: String
    let isNew: Bool
    let values: UnitInput
    let kinds: [SelectOption]
    let levels: [SelectOption]
    let errors: FormErrors
    /// After a stale edit: the unit as it is now, shown beside what the user typed.
    let current: UnitDTO?
    let cancelHref: String

    static func new(parentCode: String?, values: UnitInput? = nil, errors: FormErrors = .none) -> UnitFormPage {
        var input = values ?? UnitInput()
        input.parentCode = input.parentCode ?? parentCode
        return UnitFormPage(heading: "Thêm đơn vị", action: SiteRoute.units.path, isNew: true, values: input,
                            kinds: SelectOption.kinds(selected: input.kind), levels: SelectOption.levels(selected: input.level),
                            errors: errors, current: nil,
                            cancelHref: parentCode.map { SiteRoute.unit($0).path } ?? SiteRoute.units.path)
    }

    static func edit(code: String, values: UnitInput, errors: FormErrors = .none, current: UnitDTO? = nil) -> UnitFormPage {
        UnitFormPage(heading: "Sửa đơn vị", action: SiteRoute.unitEdit(code).path, isNew: false, values: values,
                     kinds: SelectOption.kinds(selected: values.kind), levels: SelectOption.levels(selected: values.level),
                     errors: errors, current: current, cancelHref: SiteRoute.unit(code).path)
    }
}

/// Moving a unit or ending it: small forms that carry the version the user read.
struct UnitChangePage: Encodable {
    let heading: String
    let action: String
    let unit: UnitDTO
    let parentCode: String
    let validTo: String
    let successorCodes: String
    let version: Int
    let errors: FormErrors
    let current: UnitDTO?
    let cancelHref: String
}
