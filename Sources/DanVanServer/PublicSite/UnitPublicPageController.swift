import DanVanCore
import Fluent
import Foundation
import SQLKit
import Vapor

/// A unit's choice to have a public page: on or off, by those who may edit the unit; the page
/// form and `PUT /api/units/{code}/public-page` {"publish": true, "version": n}.
struct UnitPublicPageController {
    func register(_ routes: any RoutesBuilder) {
        routes.post(SiteRoute.unitPublicPage(SiteRoute.anyCode).pathComponents, use: set)
    }

    func registerAPI(_ api: any RoutesBuilder) {
        api.put("units", ":code", "public-page", use: setAPI)
    }

    struct Body: Content {
        var publish: Bool?
        var version: Int?
    }

    struct Answer: Content {
        let code: String
        let publicPage: Bool
        let href: String
        let version: Int
    }

    func setAPI(req: Request) async throws -> Answer {
        let unit = try await UnitQueries.require(code: req.parameters.get("code") ?? "", field: "unit", on: req.db)
        let body = (try? req.content.decode(Body.self)) ?? Body()
        guard let publish = body.publish else {
            try await req.authorize(.editUnit, on: unit)
            throw AppError(.unprocessableEntity, "Thiếu \"publish\" (true: mở trang công khai, false: tắt).", field: "publish")
        }
        try await UnitPublicPage.set(unit, on: publish, version: body.version ?? -1, by: try req.actor, on: req.db)
        let fresh = try await UnitQueries.require(code: unit.code, field: "unit", on: req.db)
        return Answer(code: fresh.code, publicPage: PublicPages.isOn(fresh), href: SiteRoute.publicUnit(fresh.code).path, version: fresh.version)
    }

    struct Form: Content {
        var publish: String?
        var version: String?
    }

    func set(req: Request) async throws -> Response {
        let unit = try await UnitQueries.require(code: req.parameters.get("id") ?? "", field: "unit", on: req.db)
        let form = (try? req.content.decode(Form.self)) ?? Form()
        try await UnitPublicPage.set(unit, on: ["1", "on", "true"].contains(form.publish ?? ""), version: Int(form.version ?? "") ?? -1,
                                     by: try req.actor, on: req.db)
        return req.redirect(to: SiteRoute.unit(unit.code).path, redirectType: .normal)
    }
}

/// Turning a unit's public page on or off: version-checked, audited, and the public pages rebuilt.
enum UnitPublicPage {
    static func set(_ unit: OrgUnit, on publish: Bool, version: Int, by actor: Actor, on db: any Database) async throws {
        try await Authorizer.require(actor, .editUnit, on: unit, db: db, message: "Bạn không được thay đổi trang công khai của đơn vị này.")
        guard version == unit.version else {
            throw AppError(.conflict, "Đơn vị vừa được người khác cập nhật; tải lại trang để xem thay đổi.", field: "version")
        }
        let before = PublicPages.isOn(unit)
        try await db.writeTransaction { tx in
            let changed = try await UnitClosure.sqlDatabase(tx).update(OrgUnit.schema).set("public_page", to: publish)
                .set("version", to: SQLRaw("version + 1")).where("id", .equal, unit.requireID).where("version", .equal, version).returning("id").all()
            guard !changed.isEmpty else { throw AppError(.conflict, "Đơn vị vừa được người khác cập nhật; tải lại trang để xem thay đổi.", field: "version") }
            try await AuditLog.record("unit.publicPage", entityType: "unit", entityKey: unit.code, unitID: unit.requireID,
                                      before: ["publicPage": before ? "on" : "off"], after: ["publicPage": publish ? "on" : "off"], by: actor, on: tx)
            try await ReportGeneration.bump(on: tx)
        }
    }
}
