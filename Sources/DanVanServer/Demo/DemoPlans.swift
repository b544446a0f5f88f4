import DanVanCore
import Fluent
import Foundation
import SQLKit

/// The demo's plan cycle: the province programme, the district plan that implements it
/// (seed 000), and a commune plan derived from the district's with one target weakened, as a
/// clerk might; the district plan's occurrences followed through 2023.
enum DemoPlans {
    static let files = [("plans/1-tinh-uy-lai-chau-27-CTr-TU.txt", "LC-TU-BTV"), ("plans/2-huyen-uy-tam-duong-159-KH-HU.txt", "TD-HU")]
    static let derivedUnit = "TD-DU-BINHLU"

    static func load(on db: any Database) async throws {
        var planIDs: [Int] = []
        for (file, unit) in files {
            let data = try Data(contentsOf: ResourcePaths.file("Demo/" + file))
            let outcome = try await PlanFileImporter.importFile(named: URL(fileURLWithPath: file).lastPathComponent, data: data,
                                                                unitCode: unit, by: DemoLoader.actor, on: db)
            guard case .stored(let planID, _) = outcome else { throw AppError.internalError("Không nạp được kế hoạch mẫu \(file): \(outcome)") }
            planIDs.append(planID)
        }
        guard let district = planIDs.last else { return }
        let commune = try await UnitQueries.require(code: derivedUnit, on: db)
        let derived = try await PlanDerivation.perform(from: district, for: commune, year: nil, by: DemoLoader.actor, on: db)
        try await weakenTrainingTarget(of: derived, on: db)
        try await followThroughTheYear(planID: district, on: db)
        try await DemoReports.load(planIDs: planIDs + [derived], on: db)
    }

    /// "Trên 85% cán bộ ... được tập huấn" becomes "80% trở lên": the coverage check flags it.
    private static func weakenTrainingTarget(of planID: Int, on db: any Database) async throws {
        guard let target = try await PlanTargetRecord.query(on: db).filter(\.$planID == planID).filter(\.$comparator == "gt")
            .filter(\.$value == 85).first() else { return }
        target.comparator = TargetComparator.ge.rawValue
        target.value = 80
        target.text = target.text.replacingOccurrences(of: "Trên 85%", with: "80% trở lên")
        try await target.save(on: db)
    }

    /// Most months done on time, some late, one that could not be done, the year's end still open.
    private static func followThroughTheYear(planID: Int, on db: any Database) async throws {
        let tasks = try await PlanTaskRecord.query(on: db).filter(\.$planID == planID).all().map(\.requireID)
        let occurrences = try await TaskOccurrence.query(on: db).filter(\.$taskID ~~ tasks).sort(\.$taskID).sort(\.$month).all()
        for (index, occurrence) in occurrences.enumerated() {
            guard let due = occurrence.dueOn.flatMap(CivilDate.init(parsing:)) else { continue }
            switch (occurrence.month, index % 9) {
            case (12, _): continue
            case (11, _): occurrence.state = OccurrenceState.inProgress.rawValue
            case (_, 4): occurrence.state = OccurrenceState.done.rawValue; occurrence.doneOn = shifted(due, days: 12)
            case (_, 7) where occurrence.month > 8:
                occurrence.state = OccurrenceState.cannotDo.rawValue
                occurrence.reason = "Chưa có văn bản hướng dẫn của cấp trên."
            default: occurrence.state = OccurrenceState.done.rawValue; occurrence.doneOn = shifted(due, days: -3)
            }
            try await occurrence.save(on: db)
        }
    }

    private static func shifted(_ date: CivilDate, days: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let start = calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day)) ?? Date()
        let moved = calendar.dateComponents([.year, .month, .day], from: calendar.date(byAdding: .day, value: days, to: start) ?? start)
        return CivilDate(year: moved.year ?? date.year, month: moved.month ?? date.month, day: moved.day ?? date.day)?.description ?? date.description
    }
}
