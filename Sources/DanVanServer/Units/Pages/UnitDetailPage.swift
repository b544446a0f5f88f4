import DanVanCore
import Fluent

/// One unit: its fields, where it sits in the trees, its history, and what the user may do.
struct UnitDetailPage: Encodable {
    struct Action: Encodable {
        let label: String
        let href: String
    }

    struct Field: Encodable {
        let label: String
        let value: String
    }

    let unit: UnitDTO
    let fields: [Field]
    let parent: UnitRow?
    let reportsTo: UnitRow?
    let successors: [UnitRow]
    let predecessors: [UnitRow]
    let children: [UnitRow]
    let answering: [UnitRow]
    let users: [UserRow]?
    let actions: [Action]
    /// Where the unit's work is: its plans, reports, dashboard and tasks.
    let work: [Action]
    let auditHref: String?
    let publicPage: PublicPageSetting

    /// Whether the unit has a public page, its address, and the switch for those who may edit the unit.
    struct PublicPageSetting: Encodable {
        let on: Bool
        let href: String
        let action: String?
        let version: Int
    }

    static func query(_ unit: OrgUnit, for user: User, on db: any Database) async throws -> UnitDetailPage {
        let today = Today.date
        let dto = try await UnitQueries.dto(unit, on: db)
        let parent = try await unit.parentID.asyncMap { try await OrgUnit.find($0, on: db) } ?? nil
        let reportsTo = try await unit.reportsToID.asyncMap { try await OrgUnit.find($0, on: db) } ?? nil
        let successorLinks = try await UnitSuccessor.query(on: db).filter(\.$unitID == unit.requireID).all()
        let predecessorLinks = try await UnitSuccessor.query(on: db).filter(\.$successorID == unit.requireID).all()
        let linked = try await units(successorLinks.map(\.successorID) + predecessorLinks.map(\.unitID), on: db)
        let answering = try await OrgUnit.query(on: db).filter(\.$reportsToID == unit.requireID).sort(\.$name).all()
        let children = try await UnitQueries.children(of: unit.requireID, on: db).sortedForDisplay(on: today)
        let named = [parent, reportsTo].compactMap { $0 } + Array(linked.values) + children + answering
        let links = try await UnitLinks.load(for: user, among: named.map(\.requireID), on: db)
        let relation = try await Authorizer.relation(of: user, to: unit.requireID, on: db)
        let mayViewUsers = Authorizer.allows(user, .viewUsers, relation: relation)
        let users = mayViewUsers ? try await User.query(on: db).filter(\.$unitID == unit.requireID).sort(\.$username).all() : nil
        return UnitDetailPage(
            unit: dto, fields: fields(dto),
            parent: parent.map { links.row($0, today: today) }, reportsTo: reportsTo.map { links.row($0, today: today) },
            successors: successorLinks.compactMap { linked[$0.successorID].map { links.row($0, today: today) } },
            predecessors: predecessorLinks.compactMap { linked[$0.unitID].map { links.row($0, today: today) } },
            children: children.map { links.row($0, today: today) },
            answering: answering.map { links.row($0, today: today) },
            users: users?.map { UserRow($0, unit: unit) },
            actions: actions(unit, for: user, relation: relation),
            work: [Action(label: "Kế hoạch", href: SiteRoute.plans.path + "?unit=" + unit.code),
                   Action(label: "Báo cáo", href: SiteRoute.report(unit.code).path),
                   Action(label: "Tổng hợp số liệu", href: SiteRoute.dashboard(unit.code).path),
                   Action(label: "Nhiệm vụ", href: SiteRoute.tasks.path + "?unit=" + unit.code),
                   Action(label: "Công khai", href: SiteRoute.publications.path + "?unit=" + unit.code)],
            auditHref: Authorizer.allows(user, .viewAudit, relation: relation) ? SiteRoute.audit.path + "?unit=" + unit.code : nil,
            publicPage: PublicPageSetting(on: PublicPages.isOn(unit), href: SiteRoute.publicUnit(unit.code).path,
                                          action: Authorizer.allows(user, .editUnit, relation: relation) && unit.isActive(on: today)
                                              ? SiteRoute.unitPublicPage(unit.code).path : nil,
                                          version: unit.version))
    }

    private static func fields(_ unit: UnitDTO) -> [Field] {
        [Field(label: "Mã", value: unit.code),
         Field(label: "Tên viết tắt", value: unit.shortName ?? "—"),
         Field(label: "Loại", value: unit.kindLabel),
         Field(label: "Khối", value: UnitKind(rawValue: unit.kind)?.system.label ?? "—"),
         Field(label: "Cấp", value: unit.levelLabel),
         Field(label: "Hiệu lực từ", value: unit.validFrom.flatMap(CivilDate.init(parsing:))?.vietnamese ?? "—"),
         Field(label: "Hiệu lực đến", value: unit.validTo.flatMap(CivilDate.init(parsing:))?.vietnamese ?? "—"),
         Field(label: "Trạng thái", value: unit.active ? "Đang hoạt động" : "Đã kết thúc"),
         Field(label: "Phiên bản", value: String(unit.version))]
    }

    private static func units(_ ids: [Int], on db: any Database) async throws -> [Int: OrgUnit] {
        guard !ids.isEmpty else { return [:] }
        let found = try await OrgUnit.query(on: db).filter(\.$id ~~ ids).all()
        return Dictionary(uniqueKeysWithValues: found.map { ($0.requireID, $0) })
    }

    private static func actions(_ unit: OrgUnit, for user: User, relation: UnitRelation) -> [Action] {
        let candidates: [(AccessAction, String, String)] = [
            (.editUnit, "Sửa", SiteRoute.unitEdit(unit.code).path),
            (.createChildUnit, "Thêm đơn vị trực thuộc", SiteRoute.unitNew.path + "?parent=" + unit.code),
            (.moveUnit, "Chuyển cấp trên", SiteRoute.unitMove(unit.code).path),
            (.endUnit, "Kết thúc hoạt động", SiteRoute.unitEnd(unit.code).path),
            (.manageUsers, "Thêm tài khoản", SiteRoute.userNew.path + "?unit=" + unit.code),
        ]
        return candidates.filter { Authorizer.allows(user, $0.0, relation: relation) }.map { Action(label: $0.1, href: $0.2) }
    }
}
