import DanVanCore
import Fluent

/// A sheet with everything its pages and use cases read: the round, the set, the unit graded,
/// the unit that opened the round, the scores by criterion and the evidence files.
struct SheetContext: Sendable {
    let sheet: ClassificationSheet
    let round: ClassificationRound
    let set: CriteriaSet
    let definition: CriteriaSetDefinition
    let unit: OrgUnit
    let roundUnit: OrgUnit
    let scores: [String: ClassificationScore]
    let files: [ClassificationFile]

    static func load(_ sheetID: Int, on db: any Database) async throws -> SheetContext {
        guard let sheet = try await ClassificationSheet.find(sheetID, on: db),
              let round = try await ClassificationRound.find(sheet.roundID, on: db),
              let set = try await CriteriaSet.find(round.setID, on: db),
              let unit = try await OrgUnit.find(sheet.unitID, on: db),
              let roundUnit = try await OrgUnit.find(round.unitID, on: db) else {
            throw AppError.notFound("Không tìm thấy phiếu chấm điểm.")
        }
        let scores = try await ClassificationScore.query(on: db).filter(\.$sheetID == sheetID).all()
        let files = try await ClassificationFile.query(on: db).filter(\.$sheetID == sheetID).sort(\.$id).all()
        return SheetContext(sheet: sheet, round: round, set: set, definition: try set.definition, unit: unit, roundUnit: roundUnit,
                            scores: Dictionary(scores.map { ($0.criterionKey, $0) }, uniquingKeysWith: { first, _ in first }), files: files)
    }

    /// The sheet, for someone who may see it: the unit's own people and every level above it.
    static func visible(_ sheetID: Int, by user: User, on db: any Database) async throws -> SheetContext {
        let context = try await load(sheetID, on: db)
        guard try await Authorizer.allows(user, .viewUnit, on: context.unit, db: db) else {
            throw AppError(.forbidden, "Bạn không có quyền xem phiếu chấm điểm này.")
        }
        return context
    }

    var selfScores: [String: Points] {
        scores.compactMapValues { $0.selfPoints.map(Points.init(hundredths:)) }
    }

    /// The scores the appraisal stands on: the appraised score where there is one, else the unit's
    /// own; criteria only the level above scores count their appraised score alone.
    var appraisedScores: [String: Points] {
        var result: [String: Points] = [:]
        for leaf in definition.leaves {
            let row = scores[leaf.key]
            if let points = row?.appraisedPoints ?? (leaf.scorer == .unit ? row?.selfPoints : nil) {
                result[leaf.key] = Points(hundredths: points)
            }
        }
        return result
    }

    var evidenceKeys: Set<String> { Set(files.map(\.criterionKey)) }

    /// Sent by the close date: the gate's test.
    var submittedInTime: Bool {
        guard let closes = round.closes else { return true }
        guard let submitted = sheet.submittedOn.flatMap(CivilDate.init(parsing:)) else { return false }
        return submitted <= closes
    }
}
