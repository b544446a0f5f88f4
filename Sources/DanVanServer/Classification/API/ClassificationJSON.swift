import DanVanCore
import Vapor

/// The JSON shapes of classification: sets, rounds with their sheets, one sheet in full.
enum ClassificationJSON {
    struct Band: Content {
        let min: Points
        let max: Points
        let label: String
    }

    struct SetSummary: Content {
        let id: Int
        let unit: String
        let title: String
        let decision: String
        let decisionDate: String
        let validFrom: String
        let validTo: String?
        let replacedBy: Int?
        let unitKinds: [String]
        let maxPoints: Points
        let bands: [Band]
        let gates: [String]
    }

    struct SetDetail: Content {
        let set: SetSummary
        let criteria: [Criterion]
    }

    struct RoundInfo: Content {
        let id: Int
        let unit: String
        let year: Int
        let title: String
        let state: String
        let opensOn: String
        let closesOn: String
        let decision: String?
        let decisionDate: String?
        let version: Int
    }

    struct SheetLine: Content {
        let id: Int
        let unit: String
        let unitName: String
        let selfTotal: Points
        let appraisedTotal: Points?
        let band: String?
        let gated: Bool
        let state: String
        let groups: [String: [Points?]]

        enum CodingKeys: String, CodingKey { case id, unit, unitName, selfTotal, appraisedTotal, band, gated, state, groups }

        /// Every key always present: a sheet not yet appraised has `"appraisedTotal": null, "band": null`.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(unit, forKey: .unit)
            try container.encode(unitName, forKey: .unitName)
            try container.encode(selfTotal, forKey: .selfTotal)
            try container.encode(appraisedTotal, forKey: .appraisedTotal)
            try container.encode(band, forKey: .band)
            try container.encode(gated, forKey: .gated)
            try container.encode(state, forKey: .state)
            try container.encode(groups, forKey: .groups)
        }
    }

    struct Round: Content {
        let round: RoundInfo
        let set: SetSummary
        let sheets: [SheetLine]
        let distribution: [String: Int]
        let lastYear: [String: Int]
    }

    struct ScoreLine: Content {
        let key: String
        let number: String
        let text: String
        let maxPoints: Points
        let kind: String
        let scorer: String
        let evidenceRequired: Bool
        let selfPoints: Points?
        let note: String
        let prefillPoints: Points?
        let prefillSource: String?
        let prefillFigures: String?
        let overrideReason: String?
        let appraisedPoints: Points?
        let appraisalReason: String?
        let files: [String]
    }

    struct Sheet: Content {
        let id: Int
        let round: RoundInfo
        let unit: String
        let unitName: String
        let state: String
        let version: Int
        let selfTotal: Points
        let appraisedTotal: Points?
        let band: String?
        let gated: Bool
        let submittedOn: String?
        let returnReason: String?
        let scores: [ScoreLine]
    }

    static func set(_ set: CriteriaSet, unitCode: String) throws -> SetSummary {
        let definition = try set.definition
        return SetSummary(id: set.requireID, unit: unitCode, title: set.title, decision: set.decisionNumber, decisionDate: set.decisionDate,
                          validFrom: set.validFrom, validTo: set.validTo, replacedBy: set.replacedByID, unitKinds: set.unitKinds.map(\.rawValue),
                          maxPoints: definition.maxPoints,
                          bands: definition.bands.bands.reversed().map { Band(min: $0.minimum, max: $0.maximum, label: $0.label) },
                          gates: definition.gates.map(\.description))
    }

    static func round(_ round: ClassificationRound, unitCode: String) -> RoundInfo {
        RoundInfo(id: round.requireID, unit: unitCode, year: round.year, title: round.title, state: round.state.rawValue, opensOn: round.opensOn,
                  closesOn: round.closesOn, decision: round.decisionNumber, decisionDate: round.decisionDate, version: round.version)
    }

    static func round(_ table: RoundTable) throws -> Round {
        Round(round: round(table.round, unitCode: table.unit.code), set: try set(table.set, unitCode: table.unit.code),
              sheets: table.lines.map { line in
                  SheetLine(id: line.sheetID, unit: line.unitCode, unitName: line.unitName, selfTotal: line.selfTotal, appraisedTotal: line.appraisedTotal,
                            band: line.label, gated: line.gated, state: line.state.rawValue,
                            groups: line.groups.mapValues { [$0.own, $0.appraised] })
              },
              distribution: Dictionary(table.distribution.map { ($0.label, $0.count) }, uniquingKeysWith: +), lastYear: table.lastYear)
    }

    static func sheet(_ context: SheetContext) -> Sheet {
        let files = Dictionary(grouping: context.files, by: \.criterionKey)
        return Sheet(id: context.sheet.requireID, round: round(context.round, unitCode: context.roundUnit.code), unit: context.unit.code,
                     unitName: context.unit.name, state: context.sheet.state.rawValue, version: context.sheet.version,
                     selfTotal: Points(hundredths: context.sheet.selfTotal), appraisedTotal: context.sheet.appraisedTotal.map(Points.init(hundredths:)),
                     band: context.sheet.label, gated: context.sheet.gated, submittedOn: context.sheet.submittedOn,
                     returnReason: context.sheet.returnReason,
                     scores: context.definition.leaves.map { leaf in
                         let row = context.scores[leaf.key]
                         return ScoreLine(key: leaf.key, number: leaf.number, text: leaf.text, maxPoints: leaf.maxPoints, kind: leaf.kind.rawValue,
                                          scorer: leaf.scorer.rawValue, evidenceRequired: leaf.evidenceRequired,
                                          selfPoints: row?.selfPoints.map(Points.init(hundredths:)), note: row?.selfNote ?? "",
                                          prefillPoints: row?.prefillPoints.map(Points.init(hundredths:)),
                                          prefillSource: leaf.binding.flatMap { PrefillSources.source($0)?.label },
                                          prefillFigures: row?.prefillFigures, overrideReason: row?.overrideReason,
                                          appraisedPoints: row?.appraisedPoints.map(Points.init(hundredths:)), appraisalReason: row?.appraisalReason,
                                          files: files[leaf.key]?.map(\.originalName) ?? [])
                     })
    }
}
