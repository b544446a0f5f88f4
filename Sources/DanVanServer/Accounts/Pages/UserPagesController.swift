import DanVanCore
import Fluent
import Vapor

/// Accounts of the units a manager looks after.
struct UserPagesController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.users.pathComponents, use: list)
        routes.get(SiteRoute.userNew.pathComponents, use: newForm)
        routes.post(SiteRoute.users.pathComponents, use: create)
        routes.get(SiteRoute.userEdit(SiteRoute.anyID).pathComponents, use: editForm)
        routes.post(SiteRoute.userEdit(SiteRoute.anyID).pathComponents, use: update)
    }

    /// Every account the user manages, or with `?unit=CODE` those of one unit's subtree.
    func list(req: Request) async throws -> Response {
        let user = try req.requireUser()
        if let code = UnitInput.nonEmpty(req.query[String.self, at: "unit"]) {
            let unit = try await UnitQueries.require(code: code, field: "unit", on: req.db)
            try await req.authorize(.viewUsers, on: unit)
            return try await req.renderPage("users", title: "Tài khoản · \(unit.name)", try await UserListPage.query(for: user, unit: unit, on: req.db))
        }
        try await req.authorizeOwnUnit(.viewUsers)
        return try await req.renderPage("users", title: "Tài khoản", try await UserListPage.query(for: user, on: req.db))
    }

    func newForm(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let unitCode = try await defaultUnitCode(req.query[String.self, at: "unit"], for: user, on: req.db)
        try await req.authorizeManaging(unitCode: unitCode)
        var values = UserInput(fullName: "", role: Role.reporter.rawValue)
        values.unitCode = unitCode
        return try await render(req, new: true, values: values, errors: .none, current: nil)
    }

    func create(req: Request) async throws -> Response {
        let input = try req.content.decode(UserInput.self)
        try await req.authorizeManaging(unitCode: input.unitCode)
        do {
            _ = try await AccountCreation.perform(input, hasher: PasswordHashing(req.application), by: try req.actor, on: req.db)
            return req.redirect(to: SiteRoute.users.path)
        } catch let error as AppError where error.status == .unprocessableEntity || error.status == .notFound {
            var values = input
            values.password = nil
            return try await render(req, new: true, values: values, errors: FormErrors(error), current: nil, status: .unprocessableEntity)
        }
    }

    func editForm(req: Request) async throws -> Response {
        let target = try await UserQueries.require(id: try req.routeParameter(), on: req.db)
        try await req.authorizeManaging(unitID: target.unitID)
        let dto = try await AccountRules.dto(target, on: req.db)
        let values = UserInput(username: dto.username, fullName: dto.fullName, unitCode: dto.unitCode, role: dto.role,
                               password: nil, active: dto.active, version: dto.version)
        return try await render(req, new: false, values: values, errors: .none, current: nil, userID: target.requireID)
    }

    func update(req: Request) async throws -> Response {
        let target = try await UserQueries.require(id: try req.routeParameter(), on: req.db)
        try await req.authorizeManaging(unitID: target.unitID)
        var input = try req.content.decode(UserInput.self)
        input.active = input.active ?? false
        do {
            _ = try await AccountEditing.perform(userID: target.requireID, with: input, hasher: PasswordHashing(req.application),
                                                 by: try req.actor, on: req.db)
            return req.redirect(to: SiteRoute.users.path)
        } catch let error as AppError where [.unprocessableEntity, .conflict, .notFound].contains(error.status) {
            let current = error.current as? UserDTO
            var values = input
            values.password = nil
            values.username = target.username
            values.version = current?.version ?? input.version
            return try await render(req, new: false, values: values, errors: FormErrors(error), current: current,
                                    userID: target.requireID, status: error.status == .conflict ? .conflict : .unprocessableEntity)
        }
    }

    private func defaultUnitCode(_ requested: String?, for user: User, on db: any Database) async throws -> String? {
        if let requested = UnitInput.nonEmpty(requested) { return requested }
        return try await user.unitID.asyncMap { try await OrgUnit.find($0, on: db)?.code } ?? nil
    }

    private func render(_ req: Request, new: Bool, values: UserInput, errors: FormErrors, current: UserDTO?,
                        userID: Int? = nil, status: HTTPStatus = .ok) async throws -> Response {
        let granter = try req.requireUser()
        let page = UserFormPage(
            heading: new ? "Thêm tài khoản" : "Sửa tài khoản \(values.username ?? "")",
            action: new ? SiteRoute.users.path : SiteRoute.userEdit(userID ?? 0).path,
            isNew: new, values: values, roles: SelectOption.roles(granter.userRole.grantableRoles, selected: values.role),
            errors: errors, current: current, cancelHref: SiteRoute.users.path)
        return try await req.renderPage("user-form", title: page.heading, page, status: status)
    }
}
