import DanVanCore
import Fluent

/// One unit's sheet: every criterion with its maximum, what DanVan measured (source and
/// figures), the unit's score and words, the evidence, and the appraisal with its reasons; the
/// forms the reader's rights and the sheet's state allow.
struct SheetPage: Encodable {
    struct FileLink: Encodable {
        let href: String
        let label: String
        let removeAction: String
    }

    struct Row: Encodable {
        let key: String
        let number: String
        let text: String
        let maxPoints: String
        let isGroup: Bool
        let depth: Int
        let kindLabel: String
        let byAbove: Bool
        let evidenceRequired: Bool
        let selfPoints: String
        let note: String
        let prefill: String?
        let prefillSource: String?
        let prefillFigures: String?
        let overrideReason: String
        let appraised: String
        let appraisalReason: String
        let lowered: Bool
        let files: [FileLink]
        let error: String?
        /// The same words for reading, nil when empty (Leaf takes an empty string as present).
        let noteText: String?
        let overrideText: String?
        let appraisalText: String?
    }

    struct Option: Encodable {
        let value: String
        let label: String
    }

    let unitName: String
    let roundTitle: String
    /// The round's table, for a reader who may see the unit that opened it.
    let roundHref: String?
    let roundUnitName: String
    let year: Int
    let state: String
    let stateLabel: String
    let version: Int
    let selfTotal: String
    let appraisedTotal: String?
    let label: String?
    let gated: Bool
    let window: String
    let submittedOn: String?
    let returnReason: String?
    let reopenReason: String?
    let rows: [Row]
    let canEdit: Bool
    let canAppraise: Bool
    let canReturn: Bool
    let canExclude: Bool
    let canReopen: Bool
    let saveAction: String
    let decideAction: String
    let evidenceAction: String
    let prefillAction: String
    let evidenceChoices: [Option]
    /// Every file attached, with its criterion: the unit may take one off while it holds the sheet.
    let attached: [Attached]

    struct Attached: Encodable {
        let criterion: String
        let file: FileLink
    }
    let notice: String?
    let errors: FormErrors

    private static func isLowered(_ score: ClassificationScore?) -> Bool {
        guard let appraised = score?.appraisedPoints, let own = score?.selfPoints else { return false }
        return appraised < own
    }

    static func make(_ context: SheetContext, may: (score: Bool, appraise: Bool, seeRound: Bool), today: CivilDate, typed: [String: SheetScoring.Entry] = [:],
                     notice: String? = nil, errors: FormErrors = .none) -> SheetPage {
        let sheet = context.sheet
        let open = context.round.state == .open
        let state = sheet.state
        let files = Dictionary(grouping: context.files, by: \.criterionKey)
        let showAppraisal = [.appraised, .published].contains(state) || may.appraise
        func depth(_ key: String) -> Int { key.split(separator: ".").count - 1 }
        let rows = context.definition.rows.map { row -> Row in
            let score = context.scores[row.key]
            let entry = typed[row.key]
            let own = score?.selfPoints.map { Points(hundredths: $0).short } ?? ""
            let appraised = score?.appraisedPoints.map { Points(hundredths: $0).short } ?? ""
            let error = ["scores.", "reasons.", "notes.", "files."].compactMap { errors.byField[$0 + row.key] }.joined(separator: " ")
            let note = entry?.note ?? score?.selfNote ?? ""
            let override = entry?.overrideReason ?? score?.overrideReason ?? ""
            let reason = showAppraisal ? score?.appraisalReason ?? "" : ""
            return Row(key: row.key, number: row.number, text: row.text, maxPoints: row.maxPoints.short, isGroup: !row.isLeaf, depth: depth(row.key),
                       kindLabel: row.kind.label, byAbove: row.scorer == .above, evidenceRequired: row.evidenceRequired,
                       selfPoints: entry?.points ?? own, note: note,
                       prefill: score?.prefillPoints.map { Points(hundredths: $0).short },
                       prefillSource: row.binding.flatMap { PrefillSources.source($0)?.label }, prefillFigures: score?.prefillFigures,
                       overrideReason: override,
                       appraised: showAppraisal ? appraised : "", appraisalReason: reason,
                       lowered: showAppraisal && isLowered(score),
                       files: files[row.key]?.map {
                           FileLink(href: SiteRoute.classificationFile($0.id ?? 0).path, label: $0.originalName,
                                    removeAction: SiteRoute.classificationFileRemove($0.id ?? 0).path)
                       } ?? [],
                       error: error.isEmpty ? nil : error, noteText: note.isEmpty ? nil : note, overrideText: override.isEmpty ? nil : override,
                       appraisalText: reason.isEmpty ? nil : reason)
        }
        let afterClose = context.round.closes.map { today > $0 } ?? false
        return SheetPage(
            unitName: context.unit.name, roundTitle: context.round.title, roundHref: may.seeRound ? SiteRoute.classificationRound(context.round.requireID).path : nil,
            roundUnitName: context.roundUnit.name, year: context.round.year, state: state.rawValue, stateLabel: state.label, version: sheet.version,
            selfTotal: Points(hundredths: sheet.selfTotal).description,
            appraisedTotal: [.appraised, .published].contains(state) ? sheet.appraisedTotal.map { Points(hundredths: $0).description } : nil,
            label: [.appraised, .published].contains(state) ? sheet.label : nil, gated: sheet.gated,
            window: "Hạn gửi phiếu: \(context.round.closes?.vietnamese ?? context.round.closesOn)",
            submittedOn: sheet.submittedOn.flatMap(CivilDate.init(parsing:))?.vietnamese,
            returnReason: state == .returned ? sheet.returnReason : nil, reopenReason: sheet.reopenReason,
            rows: rows, canEdit: may.score && open && state.unitMayEdit,
            canAppraise: may.appraise && open && SheetAction.appraise.next(from: state) != nil,
            canReturn: may.appraise && open && SheetAction.return.next(from: state) != nil,
            canExclude: may.appraise && open && afterClose && SheetAction.exclude.next(from: state) != nil,
            canReopen: may.appraise && state == .published,
            saveAction: SiteRoute.classificationSheet(sheet.requireID).path, decideAction: SiteRoute.classificationSheetDecide(sheet.requireID).path,
            evidenceAction: SiteRoute.classificationSheetEvidence(sheet.requireID).path, prefillAction: SiteRoute.classificationSheetPrefill(sheet.requireID).path,
            evidenceChoices: context.definition.leaves.filter { $0.scorer == .unit }.map {
                Option(value: $0.key, label: "\($0.key) \($0.text.prefix(60))\($0.evidenceRequired ? " (bắt buộc)" : "")")
            },
            attached: context.files.map { file in
                Attached(criterion: file.criterionKey,
                         file: FileLink(href: SiteRoute.classificationFile(file.id ?? 0).path, label: file.originalName,
                                        removeAction: SiteRoute.classificationFileRemove(file.id ?? 0).path))
            },
            notice: notice, errors: errors)
    }
}
