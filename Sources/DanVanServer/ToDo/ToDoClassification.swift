import DanVanCore
import Fluent
import SQLKit

/// Classification on the to-do page: the unit's own sheet to score and send by the close date
/// (or to correct, when returned); for a manager, the sheets of the round the unit opened that
/// wait for appraisal.
enum ToDoClassification {
    static func own(_ unit: OrgUnit, today: CivilDate, on db: any Database) async throws -> [ToDoItem] {
        let sheets = try await ClassificationSheet.query(on: db).filter(\.$unitID == unit.requireID)
            .filter(\.$stateRaw ~~ [SheetState.draft.rawValue, SheetState.returned.rawValue]).all()
        var items: [ToDoItem] = []
        for sheet in sheets {
            guard let round = try await ClassificationRound.find(sheet.roundID, on: db), round.state == .open else { continue }
            let returned = sheet.state == .returned
            items.append(ToDoItem(.classification, what: returned ? "Sửa và gửi lại phiếu tự chấm điểm công tác dân vận năm \(round.year)"
                                      : "Tự chấm điểm công tác dân vận năm \(round.year)",
                                  forWhom: unit.name, due: round.closes, note: returned ? sheet.returnReason.map { "Lý do trả lại: \($0)" } : nil,
                                  href: SiteRoute.classificationSheet(sheet.requireID).path,
                                  urgency: .of(due: round.closes, today: today, returned: returned)))
        }
        return items
    }

    static func waiting(in unit: OrgUnit, today: CivilDate, on db: any Database) async throws -> [ToDoItem] {
        let rounds = try await ClassificationRound.query(on: db).filter(\.$unitID == unit.requireID)
            .filter(\.$stateRaw == ClassificationRound.State.open.rawValue).all()
        var items: [ToDoItem] = []
        for round in rounds {
            let count = try await ClassificationSheet.query(on: db).filter(\.$roundID == round.requireID)
                .filter(\.$stateRaw == SheetState.submitted.rawValue).count()
            guard count > 0 else { continue }
            items.append(ToDoItem(.classification, what: "\(count) phiếu tự chấm điểm năm \(round.year) chờ thẩm định", forWhom: "Các đơn vị cấp dưới",
                                  due: nil, href: SiteRoute.classificationRound(round.requireID).path, urgency: .of(due: nil, today: today, waiting: true)))
        }
        return items
    }
}
