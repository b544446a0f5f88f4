import DanVanCore
import DanVanDocuments
import Fluent
import Foundation

/// The conclusion notice of an inspection (DOCX, type "TB" in the unit's numbering) and its
/// findings and requirements with where each stands (XLSX).
enum ConclusionDocuments {
    static func notice(_ context: InspectionContext, today: CivilDate, on db: any Database) async throws -> ConclusionNoticeWriter.Notice {
        let record = context.inspection
        let unit = context.unit
        let names = Dictionary(uniqueKeysWithValues: context.subjects.map { ($0.requireID, $0.name) })
        let findings = try await InspectionFinding.query(on: db).filter(\.$inspectionID == record.requireID).sort(\.$position).all()
        let requirements = try await InspectionRequirement.query(on: db).filter(\.$inspectionID == record.requireID).sort(\.$position).all()
        let concluded = record.concluded
        let header = try await OfficialHeaderQuery.header(unitID: unit.requireID, number: record.conclusionNumber, type: "TB", place: nil,
                                                          issuedOn: concluded, year: concluded?.year ?? today.year, on: db)
        let decision = record.decisionNumber.map { number in
            "Quyết định số \(number)" + (record.decisionDate.flatMap(CivilDate.init(parsing:)).map { " ngày \($0.vietnamese)" } ?? "")
                + " của \(unit.officialBody.printedName)"
        }
        return ConclusionNoticeWriter.Notice(
            header: header, issuerName: unit.officialBody.printedName, kind: record.kind, title: record.title, decision: decision, team: record.team,
            subjects: context.subjects.map(\.name), starts: CivilDate(parsing: record.startsOn) ?? today, ends: CivilDate(parsing: record.endsOn) ?? today,
            contents: record.contents,
            findings: findings.map { ConclusionNoticeWriter.Finding(unitName: names[$0.unitID] ?? "", type: $0.type,
                                                                    severity: $0.severityRaw.flatMap(FindingSeverity.init(rawValue:)), text: $0.text) },
            requirements: requirements.map { requirement in
                ConclusionNoticeWriter.Requirement(unitName: names[requirement.unitID] ?? "", text: requirement.text, due: requirement.due,
                                                   state: requirement.state.label, fixedOn: requirement.fixedOn.flatMap(CivilDate.init(parsing:)),
                                                   timeliness: requirement.timeliness(today: today)?.label ?? "")
            },
            signature: signature(of: unit))
    }

    static func signature(of unit: OrgUnit) -> OfficialSignature {
        switch unit.unitKind {
        case .partyCommittee, .partyStandingBoard: OfficialSignature(authority: "T/M BAN THƯỜNG VỤ", position: "BÍ THƯ", name: nil)
        case .massMobilizationBoard: OfficialSignature(authority: nil, position: "TRƯỞNG BAN", name: nil)
        case .peoplesCommittee: OfficialSignature(authority: "T/M ỦY BAN NHÂN DÂN", position: "CHỦ TỊCH", name: nil)
        case .fatherlandFront: OfficialSignature(authority: "T/M BAN THƯỜNG TRỰC", position: "CHỦ TỊCH", name: nil)
        default: OfficialSignature(authority: nil, position: "THỦ TRƯỞNG ĐƠN VỊ", name: nil)
        }
    }

    static func docx(_ context: InspectionContext, today: CivilDate, on db: any Database) async throws -> Data {
        try ConclusionNoticeWriter.docx(try await notice(context, today: today, on: db))
    }

    static func xlsx(_ context: InspectionContext, today: CivilDate, on db: any Database) async throws -> Data {
        try ConclusionNoticeWriter.xlsx(try await notice(context, today: today, on: db))
    }
}
