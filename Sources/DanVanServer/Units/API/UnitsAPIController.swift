import DanVanCore
import Fluent
import Vapor

/// /api/units: the same rules as the pages, answered in JSON.
struct UnitsAPIController {
    let limits: UploadLimits

    struct ImportResult: Content {
        let created: Int
        let updated: Int
    }

    func register(_ api: any RoutesBuilder) {
        let units = api.grouped("units")
        units.get(use: list)
        units.post(use: create)
        units.get("export", use: export)
        units.upload(.POST, ["import"], limit: limits.singleFileBytes, use: importCSV)
        units.get(":code", use: show)
        units.put(":code", use: update)
        units.post(":code", "move", use: move)
        units.post(":code", "end", use: end)
        units.get(":code", "users", use: users)
    }

    /// `?q=` searches (tone marks and case ignored), `?parent=CODE` lists children;
    /// otherwise the roots the user may see.
    func list(req: Request) async throws -> [UnitDTO] {
        let user = try req.requireUser()
        let visible = Authorizer.visibleRoots(of: user)
        if let query = UnitInput.nonEmpty(req.query[String.self, at: "q"]) {
            return try await UnitQueries.dtos(try await UnitQueries.search(query, within: visible, on: req.db), on: req.db)
        }
        if let parentCode = UnitInput.nonEmpty(req.query[String.self, at: "parent"]) {
            let parent = try await UnitQueries.require(code: parentCode, field: "parent", on: req.db)
            try await req.authorize(.viewUnit, on: parent)
            return try await UnitQueries.dtos(try await UnitQueries.children(of: parent.requireID, on: req.db), on: req.db)
        }
        let roots: [OrgUnit]
        if let visible {
            roots = try await OrgUnit.query(on: req.db).filter(\.$id ~~ visible).all()
        } else {
            roots = try await UnitQueries.roots(on: req.db)
        }
        return try await UnitQueries.dtos(roots, on: req.db)
    }

    func show(req: Request) async throws -> UnitDTO {
        let unit = try await unit(req)
        try await req.authorize(.viewUnit, on: unit)
        return try await UnitQueries.dto(unit, on: req.db)
    }

    func create(req: Request) async throws -> Response {
        let input = try req.content.decode(UnitInput.self)
        let unit = try await UnitCreation.perform(input.draft, parentCode: input.trimmedParentCode,
                                              reportsToCode: input.trimmedReportsToCode, by: try req.actor, on: req.db)
        return try await UnitQueries.dto(unit, on: req.db).encodeResponse(status: .created, for: req)
    }

    func update(req: Request) async throws -> UnitDTO {
        let unit = try await unit(req)
        let input = try req.content.decode(UnitInput.self)
        let saved = try await UnitEditing.perform(code: unit.code, with: input.draft, reportsToCode: input.trimmedReportsToCode,
                                               readVersion: input.version.readVersion, by: try req.actor, on: req.db)
        return try await UnitQueries.dto(saved, on: req.db)
    }

    func move(req: Request) async throws -> UnitDTO {
        let unit = try await unit(req)
        let input = try req.content.decode(UnitMoveInput.self)
        let saved = try await UnitMoving.perform(code: unit.code, toParent: input.parentCode, readVersion: input.version.readVersion,
                                             by: try req.actor, on: req.db)
        return try await UnitQueries.dto(saved, on: req.db)
    }

    func end(req: Request) async throws -> UnitDTO {
        let unit = try await unit(req)
        let input = try req.content.decode(UnitEndInput.self)
        let saved = try await UnitEnding.perform(code: unit.code, on: input.validTo ?? "", successorCodes: input.successorCodes,
                                            readVersion: input.version.readVersion, by: try req.actor, on: req.db)
        return try await UnitQueries.dto(saved, on: req.db)
    }

    func users(req: Request) async throws -> [UserDTO] {
        let unit = try await unit(req)
        try await req.authorize(.viewUsers, on: unit)
        let users = try await User.query(on: req.db).filter(\.$unitID == unit.requireID).sort(\.$username).all()
        return users.map { UserDTO($0, unitCode: unit.code) }
    }

    /// The request body is the CSV file itself.
    func importCSV(req: Request) async throws -> ImportResult {
        let data = req.body.data.map { Data(buffer: $0) } ?? Data()
        let summary = try await UnitsCSVImport.perform(data, by: try req.actor, on: req.db)
        return ImportResult(created: summary.created, updated: summary.updated)
    }

    func export(req: Request) async throws -> Response {
        try await UnitImportPagesController(limits: limits).export(req: req)
    }

    private func unit(_ req: Request) async throws -> OrgUnit {
        try await UnitQueries.require(code: req.parameters.get("code") ?? "", on: req.db)
    }
}
