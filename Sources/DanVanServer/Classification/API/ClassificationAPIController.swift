import DanVanCore
import Fluent
import Foundation
import Vapor

/// /api/criteria-sets, /api/classification-rounds and /api/classification-sheets: the sets a
/// unit may grade by, a round's table, one sheet, and every action on them.
struct ClassificationAPIController {
    let limits: UploadLimits

    struct ScoresBody: Content {
        let scores: [String: SheetScoring.Entry]?
        let version: Int?
    }

    func register(_ api: any RoutesBuilder) {
        api.get("criteria-sets", use: sets)
        api.post("criteria-sets", use: createSet)
        api.upload(.POST, ["criteria-sets", "import"], limit: limits.singleFileBytes, use: importSet)
        api.get("criteria-sets", ":id", use: showSet)
        api.get("classification-rounds", use: rounds)
        api.post("classification-rounds", use: openRound)
        api.get("classification-rounds", ":id", use: showRound)
        api.post("classification-rounds", ":id", "publish", use: publish)
        api.get("classification-sheets", ":id", use: showSheet)
        api.put("classification-sheets", ":id", use: score)
        api.post("classification-sheets", ":id", "decision", use: decide)
        api.post("classification-sheets", ":id", "prefill", use: prefill)
        api.upload(.POST, ["classification-sheets", ":id", "evidence"], limit: limits.evidencePostBytes, use: attach)
        api.delete("classification-files", ":id", use: removeFile)
        api.post("classification", "score", use: scoreOnly)
    }

    func sets(req: Request) async throws -> [ClassificationJSON.SetSummary] {
        let unit = try await req.chosenUnit()
        let codes = try await unitCodes(on: req.db)
        return try await CriteriaSets.available(for: unit, on: req.db).map { try ClassificationJSON.set($0, unitCode: codes[$0.unitID] ?? "") }
    }

    func showSet(req: Request) async throws -> ClassificationJSON.SetDetail {
        let set = try await CriteriaSets.visible(try req.routeID(), by: try req.requireUser(), on: req.db)
        let code = try await OrgUnit.find(set.unitID, on: req.db)?.code ?? ""
        return ClassificationJSON.SetDetail(set: try ClassificationJSON.set(set, unitCode: code), criteria: try set.definition.groups)
    }

    func createSet(req: Request) async throws -> Response {
        let set = try await CriteriaSetSaving.perform(try req.content.decode(CriteriaSetSaving.Input.self), by: try req.actor, on: req.db)
        let code = try await OrgUnit.find(set.unitID, on: req.db)?.code ?? ""
        return try await ClassificationJSON.set(set, unitCode: code).encodeResponse(status: .created, for: req)
    }

    /// The file in the office's layout; the set's particulars in the query.
    func importSet(req: Request) async throws -> Response {
        let unit = try await req.chosenUnit()
        try await req.authorize(.openRound, on: unit)
        guard let buffer = req.body.data, buffer.readableBytes > 0 else { throw AppError.invalid("file", "Nội dung yêu cầu trống: hãy gửi tệp XLSX hoặc CSV.") }
        let tables = try CriteriaSetFile.tables(Data(buffer: buffer), filename: req.query[String.self, at: "filename"] ?? "")
        let input = CriteriaSetSaving.Input(unitCode: unit.code, title: req.query[String.self, at: "title"] ?? "", decision: req.query[String.self, at: "decision"] ?? "",
                                            decisionDate: req.query[String.self, at: "decisionDate"] ?? "", validFrom: req.query[String.self, at: "validFrom"] ?? "",
                                            unitKinds: (req.query[String.self, at: "unitKinds"] ?? "").split(separator: ",").map(String.init),
                                            replaces: req.query[Int.self, at: "replaces"], tables: tables)
        let set = try await CriteriaSetSaving.perform(input, by: try req.actor, on: req.db)
        return try await ClassificationJSON.set(set, unitCode: unit.code).encodeResponse(status: .created, for: req)
    }

    func rounds(req: Request) async throws -> [ClassificationJSON.Round] {
        let unit = try await req.chosenUnit()
        var query = ClassificationRound.query(on: req.db).filter(\.$unitID == unit.requireID).sort(\.$year, .descending)
        if let year = req.query[Int.self, at: "year"] { query = query.filter(\.$year == year) }
        var out: [ClassificationJSON.Round] = []
        for round in try await query.all() { out.append(try ClassificationJSON.round(try await RoundTable.load(round.requireID, on: req.db))) }
        return out
    }

    func showRound(req: Request) async throws -> ClassificationJSON.Round {
        try ClassificationJSON.round(try await RoundTable.visible(try req.routeID(), by: try req.requireUser(), on: req.db))
    }

    func openRound(req: Request) async throws -> Response {
        let round = try await RoundOpening.perform(try req.content.decode(RoundOpening.Input.self), today: req.today, by: try req.actor, on: req.db)
        return try await ClassificationJSON.round(try await RoundTable.load(round.requireID, on: req.db)).encodeResponse(status: .created, for: req)
    }

    func publish(req: Request) async throws -> ClassificationJSON.Round {
        let table = try await RoundTable.visible(try req.routeID(), by: try req.requireUser(), on: req.db)
        let round = try await RoundPublishing.perform(table.round.requireID, try req.content.decode(RoundPublishing.Input.self), by: try req.actor, on: req.db)
        return try ClassificationJSON.round(try await RoundTable.load(round.requireID, on: req.db))
    }

    func showSheet(req: Request) async throws -> ClassificationJSON.Sheet {
        ClassificationJSON.sheet(try await SheetContext.visible(try req.routeID(), by: try req.requireUser(), on: req.db))
    }

    func score(req: Request) async throws -> ClassificationJSON.Sheet {
        let context = try await SheetContext.visible(try req.routeID(), by: try req.requireUser(), on: req.db)
        let body = try req.content.decode(ScoresBody.self)
        return ClassificationJSON.sheet(try await SheetScoring.save(context.sheet.requireID, entries: body.scores ?? [:], version: body.version ?? -1,
                                                                    by: try req.actor, on: req.db))
    }

    func decide(req: Request) async throws -> ClassificationJSON.Sheet {
        let context = try await SheetContext.visible(try req.routeID(), by: try req.requireUser(), on: req.db)
        return ClassificationJSON.sheet(try await SheetDeciding.decide(context.sheet.requireID, try req.content.decode(SheetDeciding.Input.self),
                                                                       today: req.today, by: try req.actor, on: req.db))
    }

    func prefill(req: Request) async throws -> ClassificationJSON.Sheet {
        let context = try await SheetContext.visible(try req.routeID(), by: try req.requireUser(), on: req.db)
        let version = (try? req.content.decode(ScoresBody.self))?.version ?? -1
        return ClassificationJSON.sheet(try await SheetRefilling.refill(context.sheet.requireID, version: version, today: req.today, by: try req.actor, on: req.db))
    }

    /// One evidence file as the request body, its criterion and name in the query.
    func attach(req: Request) async throws -> Response {
        let context = try await SheetContext.visible(try req.routeID(), by: try req.requireUser(), on: req.db)
        let data = req.body.data.map { Data(buffer: $0) } ?? Data()
        let files = data.isEmpty ? [] : [EvidenceUploads.Upload(name: req.query[String.self, at: "filename"] ?? "", data: data)]
        let updated = try await SheetEvidence.attach(context.sheet.requireID, criterion: req.query[String.self, at: "criterion"] ?? "", files: files,
                                                     store: EvidenceStore(dataDirectory: req.application.settings.dataDirectory), by: try req.actor, on: req.db)
        return try await ClassificationJSON.sheet(updated).encodeResponse(status: .created, for: req)
    }

    func removeFile(req: Request) async throws -> ClassificationJSON.Sheet {
        guard let file = try await ClassificationFile.find(try req.routeID(), on: req.db) else { throw AppError.notFound("Không tìm thấy tệp.") }
        _ = try await SheetContext.visible(file.sheetID, by: try req.requireUser(), on: req.db)
        return ClassificationJSON.sheet(try await SheetEvidence.remove(file.id ?? 0, version: req.query[Int.self, at: "version"] ?? -1,
                                                                      store: EvidenceStore(dataDirectory: req.application.settings.dataDirectory),
                                                                      by: try req.actor, on: req.db))
    }

    struct ScoreCheckBody: Content {
        let set: Int?
        let scores: [String: ScoreCheck.GivenPoints]?
        let submittedInTime: Bool?
    }

    /// Pure: totals and band for given scores under a set, for checking a set; nothing stored.
    func scoreOnly(req: Request) async throws -> ScoreCheck.Result {
        let body = try req.content.decode(ScoreCheckBody.self)
        let set = try await CriteriaSets.visible(body.set ?? 0, by: try req.requireUser(), on: req.db)
        return try ScoreCheck.run(try set.definition, given: body.scores ?? [:], submittedInTime: body.submittedInTime ?? true)
    }

    private func unitCodes(on db: any Database) async throws -> [Int: String] {
        try await OrgUnit.query(on: db).all().reduce(into: [:]) { $0[$1.requireID] = $1.code }
    }
}
