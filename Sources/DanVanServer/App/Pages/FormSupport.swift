import DanVanCore

/// One choice in a <select>.
struct SelectOption: Codable, Sendable {
    let value: String
    let label: String
    let selected: Bool

    static func kinds(selected: String?) -> [SelectOption] {
        UnitKind.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0.rawValue == selected) }
    }

    static func levels(selected: String?) -> [SelectOption] {
        UnitLevel.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0.rawValue == selected) }
    }

    static func roles(_ roles: [Role], selected: String?) -> [SelectOption] {
        roles.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0.rawValue == selected) }
    }
}

/// Messages to show beside each field after a refused submission, plus a summary.
struct FormErrors: Encodable {
    let summary: String?
    let byField: [String: String]

    static let none = FormErrors(summary: nil, byField: [:])

    init(summary: String?, byField: [String: String]) {
        self.summary = summary
        self.byField = byField
    }

    init(_ error: AppError) {
        var byField: [String: String] = [:]
        for issue in error.issues {
            byField[issue.field] = byField[issue.field].map { $0 + " " + issue.message } ?? issue.message
        }
        if error.issues.isEmpty, let field = error.field {
            byField[field] = error.reason
        }
        self.init(summary: error.reason, byField: byField)
    }
}
