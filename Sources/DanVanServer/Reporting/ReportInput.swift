import DanVanCore

/// What someone sent for a report: figures as typed (by indicator id), the narrative, the
/// version they read, and whether they confirmed figures that were flagged.
struct ReportInput: Sendable {
    struct Figures: Sendable {
        var numerator = ""
        var denominator = ""
        var note = ""
    }

    var figures: [Int: Figures] = [:]
    var narrative = ""
    /// The report version the form was opened at; nil for a report not yet started.
    var version: Int?
    var confirmJumps = false

    static let narrativeLimit = 20_000

    func entryInput(for item: ReportForm.Item) -> ReportEntryInput {
        let typed = figures[item.indicatorID] ?? Figures()
        return ReportEntryInput(indicatorID: item.indicatorID, indicatorName: item.name, kind: item.kind,
                                numerator: typed.numerator, denominator: typed.denominator, comment: typed.note)
    }
}
