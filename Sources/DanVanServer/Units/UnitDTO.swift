import DanVanCore
import Vapor

/// A unit as the API returns it and as the audit log records it.
struct UnitDTO: Content, Equatable {
    let id: Int
    let code: String
    let name: String
    let shortName: String?
    let kind: String
    let kindLabel: String
    let level: String
    let levelLabel: String
    let parentCode: String?
    let reportsToCode: String?
    let validFrom: String?
    let validTo: String?
    let successorCodes: [String]
    let active: Bool
    let version: Int

    init(_ unit: OrgUnit, codes: [Int: String], successorCodes: [String] = [], today: CivilDate = Today.date) {
        id = unit.requireID
        code = unit.code
        name = unit.name
        shortName = unit.shortName
        kind = unit.kind
        kindLabel = unit.unitKind.label
        level = unit.level
        levelLabel = unit.unitLevel.label
        parentCode = unit.parentID.flatMap { codes[$0] }
        reportsToCode = unit.reportsToID.flatMap { codes[$0] }
        validFrom = unit.validFrom
        validTo = unit.validTo
        self.successorCodes = successorCodes
        active = unit.isActive(on: today)
        version = unit.version
    }
}
