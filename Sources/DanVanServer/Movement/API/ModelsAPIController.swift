import DanVanCore
import Fluent
import Foundation
import Vapor

/// /api/models and /api/model-campaigns: the register, a model and every action on it, the
/// summary of a subtree, the import, and the campaigns.
struct ModelsAPIController {
    let limits: UploadLimits

    struct RegisterBody: Content {
        let unit: String
        let year: Int?
        let registration: ModelRegistration
        let planTaskID: Int?
        let planTargetID: Int?
    }

    struct ChangeBody: Content {
        let registration: ModelRegistration
        let version: Int?
    }

    struct NoteBody: Content {
        let text: String?
        let households: String?
        let roadMetres: String?
        let trees: String?
    }

    struct TextBody: Content {
        let text: String?
        let version: Int?
    }

    struct CopyBody: Content {
        let unit: String?
        let year: Int?
    }

    struct ImportResult: Content {
        let imported: Int
    }

    struct CampaignBody: Content {
        let id: Int
        let unit: String
        let year: Int
        let title: String
        let document: String
        let documentDate: String
        let fields: [ModelField]
        let kinds: [String]
        let unitKinds: [String]
        let registration: [String]
        let evaluation: [String]
        let levels: [String]
        let criteria: [String]
    }

    func register(_ api: any RoutesBuilder) {
        api.get("models", use: list)
        api.post("models", use: create)
        api.get("models", "summary", use: summary)
        api.upload(.POST, ["models", "import"], limit: limits.singleFileBytes, use: importFile)
        api.get("models", ":id", use: show)
        api.put("models", ":id", use: change)
        api.post("models", ":id", "decision", use: decide)
        api.post("models", ":id", "notes", use: note)
        api.post("models", ":id", "self-assessment", use: selfAssess)
        api.post("models", ":id", "carry", use: carry)
        api.post("models", ":id", "replicate", use: replicate)
        api.get("model-campaigns", use: campaigns)
        api.post("model-campaigns", use: launch)
    }

    func list(req: Request) async throws -> [ModelJSON.Listing] {
        let unit = try await req.chosenUnit()
        let filter = ModelRegisterQuery.Filter(year: req.query[Int.self, at: "year"] ?? req.today.year, field: req.nonEmptyQuery("field"),
                                               kind: req.nonEmptyQuery("kind").flatMap(ModelKind.init(rawValue:)),
                                               status: req.nonEmptyQuery("status").flatMap(ModelStatus.init(rawValue:)),
                                               level: req.nonEmptyQuery("level"), search: req.nonEmptyQuery("q"))
        let offset = max(0, req.query[Int.self, at: "offset"] ?? 0)
        let limit = min(1000, max(1, req.query[Int.self, at: "limit"] ?? ModelRegisterQuery.pageSize))
        return try await ModelRegisterQuery.rows(root: unit.requireID, filter, offset: offset, limit: limit, on: req.db).map(ModelJSON.listing)
    }

    func summary(req: Request) async throws -> ModelJSON.Summary {
        let unit = try await req.chosenUnit()
        let year = req.query[Int.self, at: "year"] ?? req.today.year
        return ModelJSON.summary(try await ModelSummaryQuery.load(unit: unit, year: year, today: min(req.today, CivilDate(year: year, month: 12, day: 31) ?? req.today),
                                                                  on: req.db))
    }

    func create(req: Request) async throws -> Response {
        let body = try req.content.decode(RegisterBody.self)
        let model = try await ModelRegistering.register(body.registration, unitCode: body.unit, year: body.year ?? req.today.year,
                                                        links: .init(planTaskID: body.planTaskID, planTargetID: body.planTargetID),
                                                        today: req.today, by: try req.actor, on: req.db)
        return try await ModelJSON.detail(try await ModelContext.load(model.requireID, on: req.db)).encodeResponse(status: .created, for: req)
    }

    func show(req: Request) async throws -> ModelJSON.Detail {
        ModelJSON.detail(try await ModelContext.visible(try req.routeID(), by: try req.requireUser(), on: req.db))
    }

    func change(req: Request) async throws -> ModelJSON.Detail {
        let context = try await ModelContext.visible(try req.routeID(), by: try req.requireUser(), on: req.db)
        let body = try req.content.decode(ChangeBody.self)
        _ = try await ModelRegistering.change(context.model.requireID, to: body.registration, version: body.version ?? -1, by: try req.actor, on: req.db)
        return ModelJSON.detail(try await ModelContext.load(context.model.requireID, on: req.db))
    }

    func decide(req: Request) async throws -> ModelJSON.Detail {
        let context = try await ModelContext.visible(try req.routeID(), by: try req.requireUser(), on: req.db)
        _ = try await ModelDeciding.decide(context.model.requireID, try req.content.decode(ModelDeciding.Input.self), by: try req.actor, on: req.db)
        return ModelJSON.detail(try await ModelContext.load(context.model.requireID, on: req.db))
    }

    func note(req: Request) async throws -> HTTPStatus {
        let context = try await ModelContext.visible(try req.routeID(), by: try req.requireUser(), on: req.db)
        let body = try req.content.decode(NoteBody.self)
        _ = try await ModelNoting.post(context.model.requireID, text: body.text ?? "",
                                       figures: .init(households: body.households ?? "", roadMetres: body.roadMetres ?? "", trees: body.trees ?? ""),
                                       files: [], today: req.today, store: EvidenceStore(dataDirectory: req.application.settings.dataDirectory),
                                       by: try req.actor, on: req.db)
        return .created
    }

    func selfAssess(req: Request) async throws -> ModelJSON.Detail {
        let context = try await ModelContext.visible(try req.routeID(), by: try req.requireUser(), on: req.db)
        let body = try req.content.decode(TextBody.self)
        _ = try await ModelNoting.selfAssess(context.model.requireID, text: body.text ?? "", version: body.version ?? -1, by: try req.actor, on: req.db)
        return ModelJSON.detail(try await ModelContext.load(context.model.requireID, on: req.db))
    }

    func carry(req: Request) async throws -> Response {
        let context = try await ModelContext.visible(try req.routeID(), by: try req.requireUser(), on: req.db)
        let body = try req.content.decode(CopyBody.self)
        let copy = try await ModelCopying.carryOver(context.model.requireID, toYear: body.year ?? req.today.year, today: req.today, by: try req.actor, on: req.db)
        return try await ModelJSON.detail(try await ModelContext.load(copy.requireID, on: req.db)).encodeResponse(status: .created, for: req)
    }

    func replicate(req: Request) async throws -> Response {
        guard let id = Int(req.parameters.get("id") ?? "") else { throw AppError.notFound("Không tìm thấy mô hình.") }
        let body = try req.content.decode(CopyBody.self)
        guard let unit = body.unit else { throw AppError.invalid("unit", "Hãy nêu mã đơn vị nhân rộng mô hình.") }
        let copy = try await ModelCopying.replicate(id, intoUnit: unit, year: body.year ?? req.today.year, today: req.today, by: try req.actor, on: req.db)
        return try await ModelJSON.detail(try await ModelContext.load(copy.requireID, on: req.db)).encodeResponse(status: .created, for: req)
    }

    func importFile(req: Request) async throws -> ImportResult {
        let unit = try await req.chosenUnit()
        try await req.authorize(.registerModel, on: unit)
        guard let buffer = req.body.data, buffer.readableBytes > 0 else { throw AppError.invalid("file", "Nội dung yêu cầu trống: hãy gửi tệp XLSX hoặc CSV.") }
        let count = try await ModelsImport.perform(Data(buffer: buffer), filename: req.query[String.self, at: "filename"] ?? "", unitCode: unit.code,
                                                   year: req.query[Int.self, at: "year"] ?? req.today.year, today: req.today, by: try req.actor, on: req.db)
        return ImportResult(imported: count)
    }

    func campaigns(req: Request) async throws -> [CampaignBody] {
        let unit = try await req.chosenUnit()
        let year = req.query[Int.self, at: "year"] ?? req.today.year
        guard let campaign = try await ModelCampaigns.governing(unitID: unit.requireID, year: year, on: req.db) else { return [] }
        return [try await body(campaign, on: req.db)]
    }

    func launch(req: Request) async throws -> Response {
        let input = try req.content.decode(CampaignLaunching.Input.self)
        let campaign = try await CampaignLaunching.perform(input, by: try req.actor, on: req.db)
        return try await body(campaign, on: req.db).encodeResponse(status: .created, for: req)
    }

    private func body(_ campaign: ModelCampaign, on db: any Database) async throws -> CampaignBody {
        CampaignBody(id: campaign.requireID, unit: try await OrgUnit.find(campaign.unitID, on: db)?.code ?? "", year: campaign.year, title: campaign.title,
                     document: campaign.documentNumber, documentDate: campaign.documentDate, fields: campaign.fields, kinds: campaign.kinds.map(\.rawValue),
                     unitKinds: campaign.unitKinds.map(\.rawValue), registration: [campaign.registrationFrom, campaign.registrationTo],
                     evaluation: [campaign.evaluationFrom, campaign.evaluationTo], levels: campaign.levels, criteria: campaign.criteria)
    }
}
