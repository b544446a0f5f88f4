import DanVanCore
import Fluent
import Vapor

/// The unit pages. Each handler authorizes, calls the store or a page query, and renders.
struct UnitPagesController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.units.pathComponents, use: tree)
        routes.get(SiteRoute.unitNew.pathComponents, use: newForm)
        routes.post(SiteRoute.units.pathComponents, use: create)
        routes.get(SiteRoute.unit(SiteRoute.anyCode).pathComponents, use: show)
        routes.get(SiteRoute.unitEdit(SiteRoute.anyCode).pathComponents, use: editForm)
        routes.post(SiteRoute.unitEdit(SiteRoute.anyCode).pathComponents, use: update)
        routes.get(SiteRoute.unitMove(SiteRoute.anyCode).pathComponents, use: moveForm)
        routes.post(SiteRoute.unitMove(SiteRoute.anyCode).pathComponents, use: move)
        routes.get(SiteRoute.unitEnd(SiteRoute.anyCode).pathComponents, use: endForm)
        routes.post(SiteRoute.unitEnd(SiteRoute.anyCode).pathComponents, use: end)
    }

    func tree(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let page = try await UnitTreePage.query(for: user, search: req.query[String.self, at: "q"] ?? "", on: req.db)
        return try await req.renderPage("units", title: "Đơn vị", page)
    }

    func show(req: Request) async throws -> Response {
        let unit = try await UnitQueries.require(code: try req.routeParameter(), on: req.db)
        try await req.authorize(.viewUnit, on: unit)
        let page = try await UnitDetailPage.query(unit, for: try req.requireUser(), on: req.db)
        return try await req.renderPage("unit", title: unit.name, page)
    }

    func newForm(req: Request) async throws -> Response {
        let parentCode = UnitInput.nonEmpty(req.query[String.self, at: "parent"])
        try await authorizeCreate(under: parentCode, req: req)
        return try await req.renderPage("unit-form", title: "Thêm đơn vị", UnitFormPage.new(parentCode: parentCode))
    }

    func create(req: Request) async throws -> Response {
        let input = try req.content.decode(UnitInput.self)
        do {
            let unit = try await UnitCreation.perform(input.draft, parentCode: input.trimmedParentCode,
                                                      reportsToCode: input.trimmedReportsToCode, by: try req.actor, on: req.db)
            return req.redirect(to: SiteRoute.unit(unit.code).path)
        } catch let error as AppError where error.status == .unprocessableEntity || error.status == .notFound {
            let page = UnitFormPage.new(parentCode: input.trimmedParentCode, values: input, errors: FormErrors(error))
            return try await req.renderPage("unit-form", title: page.heading, page, status: .unprocessableEntity)
        }
    }

    func editForm(req: Request) async throws -> Response {
        let unit = try await UnitQueries.require(code: try req.routeParameter(), on: req.db)
        try await req.authorize(.editUnit, on: unit)
        let page = UnitFormPage.edit(code: unit.code, values: UnitInput(from: try await UnitQueries.dto(unit, on: req.db)))
        return try await req.renderPage("unit-form", title: page.heading, page)
    }

    func update(req: Request) async throws -> Response {
        let unit = try await UnitQueries.require(code: try req.routeParameter(), on: req.db)
        let input = try req.content.decode(UnitInput.self)
        do {
            let saved = try await UnitEditing.perform(code: unit.code, with: input.draft, reportsToCode: input.trimmedReportsToCode,
                                                   readVersion: input.version.readVersion, by: try req.actor, on: req.db)
            return req.redirect(to: SiteRoute.unit(saved.code).path)
        } catch let error as AppError where [.unprocessableEntity, .conflict, .notFound].contains(error.status) {
            let current = error.current as? UnitDTO
            var values = input
            values.version = current?.version ?? input.version
            let page = UnitFormPage.edit(code: unit.code, values: values, errors: FormErrors(error), current: current)
            return try await req.renderPage("unit-form", title: page.heading, page,
                                            status: error.status == .notFound ? .unprocessableEntity : error.status)
        }
    }

    func moveForm(req: Request) async throws -> Response {
        let unit = try await UnitQueries.require(code: try req.routeParameter(), on: req.db)
        try await req.authorize(.moveUnit, on: unit)
        let dto = try await UnitQueries.dto(unit, on: req.db)
        return try await renderChange(req, move: true, dto: dto, parentCode: dto.parentCode ?? "", validTo: "",
                                      successors: "", version: dto.version, errors: .none, current: nil)
    }

    func move(req: Request) async throws -> Response {
        let unit = try await UnitQueries.require(code: try req.routeParameter(), on: req.db)
        let input = try req.content.decode(UnitMoveInput.self)
        let parentCode = UnitInput.nonEmpty(input.parentCode)
        do {
            _ = try await UnitMoving.perform(code: unit.code, toParent: parentCode, readVersion: input.version.readVersion,
                                         by: try req.actor, on: req.db)
            return req.redirect(to: SiteRoute.unit(unit.code).path)
        } catch let error as AppError where [.unprocessableEntity, .conflict, .notFound].contains(error.status) {
            let dto = try await UnitQueries.dto(unit, on: req.db)
            return try await renderChange(req, move: true, dto: dto, parentCode: parentCode ?? "", validTo: "", successors: "",
                                          version: dto.version, errors: FormErrors(error), current: error.current as? UnitDTO,
                                          status: error.status == .conflict ? .conflict : .unprocessableEntity)
        }
    }

    func endForm(req: Request) async throws -> Response {
        let unit = try await UnitQueries.require(code: try req.routeParameter(), on: req.db)
        try await req.authorize(.endUnit, on: unit)
        let dto = try await UnitQueries.dto(unit, on: req.db)
        return try await renderChange(req, move: false, dto: dto, parentCode: "", validTo: dto.validTo ?? "",
                                      successors: dto.successorCodes.joined(separator: ", "), version: dto.version,
                                      errors: .none, current: nil)
    }

    func end(req: Request) async throws -> Response {
        let unit = try await UnitQueries.require(code: try req.routeParameter(), on: req.db)
        let input = try req.content.decode(UnitEndInput.self)
        do {
            _ = try await UnitEnding.perform(code: unit.code, on: input.validTo ?? "", successorCodes: input.successorCodes,
                                        readVersion: input.version.readVersion, by: try req.actor, on: req.db)
            return req.redirect(to: SiteRoute.unit(unit.code).path)
        } catch let error as AppError where [.unprocessableEntity, .conflict, .notFound].contains(error.status) {
            let dto = try await UnitQueries.dto(unit, on: req.db)
            return try await renderChange(req, move: false, dto: dto, parentCode: "", validTo: input.validTo ?? "",
                                          successors: input.successorCodes.joined(separator: ", "), version: dto.version,
                                          errors: FormErrors(error), current: error.current as? UnitDTO,
                                          status: error.status == .conflict ? .conflict : .unprocessableEntity)
        }
    }

    /// The form shows only to those who may add there: the same rule the use case applies.
    private func authorizeCreate(under parentCode: String?, req: Request) async throws {
        _ = try await UnitReferences.requireParent(parentCode, field: "parentCode", by: try req.actor, on: req.db)
    }

    private func renderChange(_ req: Request, move: Bool, dto: UnitDTO, parentCode: String, validTo: String,
                              successors: String, version: Int, errors: FormErrors, current: UnitDTO?,
                              status: HTTPStatus = .ok) async throws -> Response {
        let page = UnitChangePage(
            heading: move ? "Chuyển cấp trên: \(dto.name)" : "Kết thúc hoạt động: \(dto.name)",
            action: move ? SiteRoute.unitMove(dto.code).path : SiteRoute.unitEnd(dto.code).path,
            unit: dto, parentCode: parentCode, validTo: validTo, successorCodes: successors, version: version,
            errors: errors, current: current, cancelHref: SiteRoute.unit(dto.code).path)
        return try await req.renderPage(move ? "unit-move" : "unit-end", title: page.heading, page, status: status)
    }
}
