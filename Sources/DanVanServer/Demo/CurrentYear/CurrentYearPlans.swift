import DanVanCore
import Fluent
import Foundation

/// This year's plans: the province programme read from its document like any imported plan,
/// with its reporting duty; each commune's plan derived from it, its tasks given to the commune
/// or its mass mobilisation bloc, numbered and issued by the commune itself (Sơn Bình's is
/// still a draft, so the province sees one commune without an issued plan).
enum CurrentYearPlans {
    struct Loaded {
        let programme: Int
        /// The plans whose tasks are followed through the year.
        let followed: [Int]
    }

    static let programmeFile = "Demo/current/chuong-trinh-tinh-uy.txt"
    static let programmeUnit = "LC-TU-BTV"
    static let reportingScope = "LC-TU"
    static let communes = [("LC-DU-BINHLU", "05-KH/ĐU", true), ("LC-DU-BANBO", "07-KH/ĐU", true), ("LC-DU-SONBINH", nil, false)]

    static func load(year: Int, people: DemoPeople, on db: any Database) async throws -> Loaded {
        let template = try String(contentsOf: ResourcePaths.file(programmeFile), encoding: .utf8)
        let text = template.replacingOccurrences(of: "{{YEAR}}", with: String(year)).replacingOccurrences(of: "{{PREV}}", with: String(year - 1))
        let outcome = try await PlanFileImporter.importFile(named: "45-CTr-TU-\(year).txt", data: Data(text.utf8), unitCode: programmeUnit,
                                                            by: DemoLoader.actor, on: db)
        guard case .stored(let programme, _) = outcome else { throw AppError.internalError("Không nạp được chương trình mẫu: \(outcome)") }
        try await DemoFigures.confirmIndicators(planID: programme, on: db)
        _ = try await ReportingDutySetting.perform(.init(frequency: ReportFrequency.month.rawValue, scopeCode: reportingScope,
                                                         deadlineDays: "5", closeDays: "30"),
                                                   planID: programme, by: DemoLoader.actor, on: db)
        var followed = [programme]
        for (code, number, issued) in communes {
            let plan = try await communePlan(code, from: programme, year: year, number: number, issued: issued, people: people, on: db)
            if issued { followed.append(plan) }
        }
        return Loaded(programme: programme, followed: followed)
    }

    private static func communePlan(_ code: String, from programme: Int, year: Int, number: String?, issued: Bool,
                                    people: DemoPeople, on db: any Database) async throws -> Int {
        let commune = try await UnitQueries.require(code: code, on: db)
        let planID = try await PlanDerivation.perform(from: programme, for: commune, year: year, by: DemoLoader.actor, on: db)
        try await DemoFigures.confirmIndicators(planID: planID, on: db)
        let bloc = code + "-KDV"
        let tasks = try await PlanTaskRecord.query(on: db).filter(\.$planID == planID).sort(\.$position).all()
        for task in tasks {
            let lead = task.text.contains("mô hình") ? bloc : code
            let version = try await Plan.find(planID, on: db)?.version ?? 0
            try await TaskChange.perform(taskID: task.requireID, .init(text: task.text, leadUnitCode: lead, timing: task.timingRaw,
                                                                       expectedResult: nil),
                                         planVersion: version, by: people.manager(for: code), on: db)
        }
        if code == "LC-DU-BINHLU" { try await CurrentYearModels.addCommuneTarget(planID: planID, by: people.manager(for: code), on: db) }
        guard issued, let number, let plan = try await Plan.find(planID, on: db) else { return planID }
        plan.numberRaw = "Số \(number)"
        plan.numberNormalized = number
        plan.issuedOn = CivilDate(year: year, month: 1, day: 15)?.description
        plan.signatureAuthority = "T/M ĐẢNG ỦY"
        plan.signaturePosition = "BÍ THƯ"
        try await plan.save(on: db)
        try await PlanIssuing.perform(planID: planID, planVersion: plan.version, by: people.manager(for: code), on: db)
        return planID
    }
}
