import DanVanCore
import Fluent

/// The header of a document a unit issues, from the unit and the two units above it.
enum OfficialHeaderQuery {
    static func header(unitID: Int, number: String?, type: String, place: String?, issuedOn: CivilDate?, year: Int,
                       on db: any Database) async throws -> OfficialHeaderText {
        guard let unit = try await OrgUnit.find(unitID, on: db) else { throw AppError.notFound("Không tìm thấy đơn vị.") }
        let parent = try await unit.parentID.asyncMap { try await OrgUnit.find($0, on: db) } ?? nil
        let grandparent = try await parent?.parentID.asyncMap { try await OrgUnit.find($0, on: db) } ?? nil
        return OfficialHeaderText(unit: unit.officialBody, parent: parent?.officialBody, grandparent: grandparent?.officialBody,
                                  number: number.flatMap(DocumentNumber.parse), type: type, place: place, issuedOn: issuedOn, year: year)
    }
}

extension OrgUnit {
    /// The unit as an official document's header and text name it.
    var officialBody: OfficialHeaderText.Body {
        OfficialHeaderText.Body(name: name, kind: unitKind, level: unitLevel)
    }
}
