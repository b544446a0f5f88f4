import DanVanCore
import DanVanDocuments
import Fluent
import Vapor

/// /api/plans: read a plan file (and store it when asked), list and fetch stored plans.
struct PlansAPIController {
    let limits: UploadLimits

    struct StoredPlan: Content {
        let id: Int
        let unitCode: String
        let number: String?
        let year: Int
        let subject: String
        let implementsPlanID: Int?
    }

    func register(_ api: any RoutesBuilder) {
        let plans = api.grouped("plans")
        plans.get(use: list)
        plans.upload(.POST, ["import"], limit: limits.singleFileBytes, use: importFile)
        plans.get(":id", use: show)
        plans.post(":id", "issue", use: issue)
    }

    /// The body is the file itself; `?filename=` names it (its extension decides DOCX or text).
    /// Without `?save=true` the reading is returned and nothing is stored; with it the plan is
    /// stored under `?unit=CODE` (or the unit the issuer names) and 201 answers.
    func importFile(req: Request) async throws -> Response {
        try await req.authorizeOwnUnit(.editPlans)
        let name = UnitInput.nonEmpty(req.query[String.self, at: "filename"]) ?? "plan.docx"
        let data = req.body.data.map { Data(buffer: $0) } ?? Data()
        let reading: PlanDocument
        switch await PlanFileReading.read(data, filename: name) {
        case .success(let read): reading = read.document
        case .failure(let error): throw AppError.invalid("file", error.description)
        }
        guard req.query[Bool.self, at: "save"] == true else {
            let response = try await reading.encodeResponse(for: req)
            if reading.kind != .plan { response.status = .unprocessableEntity }
            return response
        }
        guard reading.kind == .plan else {
            throw AppError(.unprocessableEntity, reading.warnings.first?.message ?? "Văn bản không phải kế hoạch.", field: "file")
        }
        let planID = try await PlanImport.perform(reading, unitCode: req.query[String.self, at: "unit"], upper: .fromBasis,
                                                  sourceName: name, by: try req.actor, on: req.db)
        guard let plan = try await Plan.find(planID, on: req.db) else { throw AppError.notFound("Không tìm thấy kế hoạch.") }
        guard let unit = try await OrgUnit.find(plan.unitID, on: req.db) else { throw AppError.notFound("Không tìm thấy đơn vị.") }
        return try await stored(plan, unit: unit).encodeResponse(status: .created, for: req)
    }

    func list(req: Request) async throws -> [StoredPlan] {
        let plans = try await PlanAccess.visible(to: try req.requireUser(), on: req.db)
        let units = try await OrgUnit.query(on: req.db).filter(\.$id ~~ Array(Set(plans.map(\.unitID)))).all()
        let byID = Dictionary(uniqueKeysWithValues: units.map { ($0.requireID, $0) })
        return plans.compactMap { plan in byID[plan.unitID].map { stored(plan, unit: $0) } }
    }

    struct IssueBody: Content {
        let version: Int?
    }

    /// Draft → issued, by the plan's own unit; the body names the version read.
    func issue(req: Request) async throws -> StoredPlan {
        let id = try req.routeID()
        try await PlanIssuing.perform(planID: id, planVersion: try req.content.decode(IssueBody.self).version ?? -1, by: try req.actor, on: req.db)
        return try await show(req: req)
    }

    func show(req: Request) async throws -> StoredPlan {
        let plan = try await req.plan(try req.routeID(), for: .viewPlans)
        guard let unit = try await OrgUnit.find(plan.unitID, on: req.db) else { throw AppError.notFound("Không tìm thấy đơn vị.") }
        return stored(plan, unit: unit)
    }

    private func stored(_ plan: Plan, unit: OrgUnit) -> StoredPlan {
        StoredPlan(id: plan.requireID, unitCode: unit.code, number: plan.numberNormalized, year: plan.year, subject: plan.subject,
                   implementsPlanID: plan.implementsPlanID)
    }
}

extension PlanDocument: Content {}
