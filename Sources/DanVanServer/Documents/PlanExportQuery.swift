import DanVanCore
import DanVanDocuments
import Fluent

/// A stored plan gathered for writing out: its header from the units, its headings, targets,
/// tasks with their timing and units, its basis documents, recipients and signature.
enum PlanExportQuery {
    static func load(_ plan: Plan, on db: any Database) async throws -> PlanExport {
        let planID = plan.requireID
        let header = try await OfficialHeaderQuery.header(unitID: plan.unitID, number: plan.numberRaw, type: plan.documentType,
                                                          place: plan.place, issuedOn: plan.issuedOn.flatMap(CivilDate.init(parsing:)),
                                                          year: plan.year, on: db)
        let sections = try await PlanSectionRecord.query(on: db).filter(\.$planID == planID).sort(\.$position).all()
        let paragraphs = try await PlanParagraphRecord.query(on: db).filter(\.$planID == planID).sort(\.$position).all()
        let targets = try await PlanTargetRecord.query(on: db).filter(\.$planID == planID).sort(\.$position).all()
        let tasks = try await PlanTaskRecord.query(on: db).filter(\.$planID == planID).sort(\.$position).all()
        let leadUnitNames = try await unitNames(tasks.compactMap(\.leadUnitID), on: db)
        let unitName = try await OrgUnit.find(plan.unitID, on: db)?.name ?? ""
        return PlanExport(
            header: header, documentType: plan.documentType, subject: plan.subject, issuer: issuer(plan.issuerText, unitName: unitName),
            basis: try await basis(of: plan, on: db),
            sections: sections.map { .init(number: $0.number, heading: $0.heading, depth: $0.depth, line: $0.line) },
            paragraphs: paragraphs.map { .init(line: $0.line, text: $0.text) },
            targets: targets.map { .init(text: $0.text, subject: $0.subject, line: $0.line) },
            tasks: tasks.map { task in
                let named = PlanPartsWriter.names(task.leadNames)
                let lead = named.isEmpty ? task.leadUnitID.flatMap { leadUnitNames[$0] }.map { [$0] } ?? [] : named
                return .init(text: task.text, line: task.line, group: task.group, fromAppendix: task.section == "appendix",
                             timing: OccurrenceWriter.timing(task).written, lead: lead,
                             coordinating: PlanPartsWriter.names(task.coordinatingNames))
            },
            recipients: PlanPartsWriter.names(plan.recipientsJSON),
            signature: signature(plan))
    }

    /// The documents the plan says it implements; for a plan started from the one above and
    /// citing nothing yet, that plan.
    private static func basis(of plan: Plan, on db: any Database) async throws -> [PlanExport.Basis] {
        let links = try await PlanCitation.query(on: db).filter(\.$planID == plan.requireID).filter(\.$isBasis == true).sort(\.$id).all()
        guard !links.isEmpty else { return try await upperPlan(of: plan, on: db).map { [$0] } ?? [] }
        let documents = try await CitedDocument.query(on: db).filter(\.$id ~~ links.map(\.documentID)).all()
        let byID = Dictionary(uniqueKeysWithValues: documents.map { ($0.requireID, $0) })
        return links.compactMap { byID[$0.documentID] }.map {
            PlanExport.Basis(typeName: $0.typeName, number: $0.normalized, issuedOn: $0.issuedOn.flatMap(CivilDate.init(parsing:)),
                             issuer: $0.issuer, subject: $0.subject)
        }
    }

    private static func upperPlan(of plan: Plan, on db: any Database) async throws -> PlanExport.Basis? {
        guard let upperID = plan.implementsPlanID, let upper = try await Plan.find(upperID, on: db),
              let number = upper.numberNormalized, !number.hasPrefix("-"), !number.hasPrefix("/") else { return nil }
        let issuer = try await OrgUnit.find(upper.unitID, on: db)?.officialBody.printedName
        return PlanExport.Basis(typeName: DocumentType.planName(upper.documentType), number: number,
                                issuedOn: upper.issuedOn.flatMap(CivilDate.init(parsing:)), issuer: upper.issuerText ?? issuer,
                                subject: upper.subject.firstLetterLowercased)
    }

    /// Who the opening sentence says issues the plan: as read, unless the reading is only a
    /// header line in capitals ("BAN THƯỜNG VỤ"); then the unit's name.
    static func issuer(_ read: String?, unitName: String) -> String {
        guard let read, !read.isEmpty, read != read.uppercased() else { return unitName }
        return read
    }

    /// The plan's signature block; a review report of the same unit is signed the same way.
    static func signature(_ plan: Plan) -> OfficialSignature? {
        guard plan.signatureAuthority != nil || plan.signaturePosition != nil || plan.signatureName != nil else { return nil }
        return OfficialSignature(authority: plan.signatureAuthority, position: plan.signaturePosition, name: plan.signatureName)
    }

    private static func unitNames(_ ids: [Int], on db: any Database) async throws -> [Int: String] {
        guard !ids.isEmpty else { return [:] }
        let units = try await OrgUnit.query(on: db).filter(\.$id ~~ Set(ids)).all()
        return Dictionary(uniqueKeysWithValues: units.map { ($0.requireID, $0.name) })
    }
}
