import DanVanCore
import Fluent
import SQLKit

/// Shortcomings fixed on time: of the requirements inspections laid on the unit that fell due
/// in the year (or were fixed in it), those whose remedy was reported by the due date and
/// accepted. A requirement closed with a reason is not counted; one still waiting for the
/// inspecting unit, reported in time, is not yet due.
struct InspectionRemedySource: PrefillSource {
    let key = "inspections.fixed_on_time"
    let label = "Khắc phục hạn chế, khuyết điểm sau kiểm tra, giám sát đúng hạn"

    func measure(_ scope: PrefillScope, on db: any Database) async throws -> [Int: PrefillMeasure] {
        let requirements = try await InspectionRequirement.query(on: db)
            .filter(\.$dueOn >= "\(scope.year)-01-01").filter(\.$dueOn <= "\(scope.year)-12-31").all()
        let units = Set(try await UnitClosure.sqlDatabase(db).raw(PrefillSources.sheetUnits(scope.roundID)).all().map { try $0.decode(column: "unit_id", as: Int.self) })
        return Self.measures(requirements.filter { units.contains($0.unitID) }, asOf: scope.asOf)
    }

    static func measures(_ requirements: [InspectionRequirement], asOf day: CivilDate) -> [Int: PrefillMeasure] {
        var counted: [Int: (done: Int, due: Int)] = [:]
        for requirement in requirements {
            guard let timeliness = requirement.timeliness(today: day), timeliness != .inTime else { continue }
            counted[requirement.unitID, default: (0, 0)].due += 1
            if timeliness == .onTime { counted[requirement.unitID, default: (0, 0)].done += 1 }
        }
        return counted.mapValues { PrefillMeasure(numerator: $0.done, denominator: $0.due, figures: "\($0.done)/\($0.due) yêu cầu sau kiểm tra, giám sát khắc phục đúng hạn") }
    }
}
