import DanVanCore

/// Reads a report form's fields ("v12_num", "v12_den", "v12_note", narrative, version).
enum ReportFormFields {
    static func input(_ fields: [String: String], form: ReportForm) -> ReportInput {
        var input = ReportInput()
        for item in form.items {
            input.figures[item.indicatorID] = .init(numerator: fields["v\(item.indicatorID)_num"] ?? "",
                                                    denominator: fields["v\(item.indicatorID)_den"] ?? "",
                                                    note: fields["v\(item.indicatorID)_note"] ?? "")
        }
        input.narrative = fields["narrative"] ?? ""
        input.version = fields["version"].flatMap { Int($0) }
        input.confirmJumps = fields["confirmJumps"] == "1"
        return input
    }
}
