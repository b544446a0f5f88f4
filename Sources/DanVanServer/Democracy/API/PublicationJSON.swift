import DanVanCore
import Fluent
import Foundation
import Vapor

/// The publication register in JSON, for the API and the command line alike.
enum PublicationJSON {
    struct Item: Content, Equatable {
        let id: Int
        let unitCode: String
        let ruleCode: String
        let ruleTitle: String
        let article: String
        let period: String?
        let title: String
        let docNumber: String
        let docDate: String?
        let forms: [String]
        let startsOn: String
        let endsOn: String?
        let loudspeakerDays: Int?
        let proofLink: String
        let responsible: String
        let status: String
        let shortcomings: [String]
        let version: Int
    }

    struct Owed: Content, Equatable {
        let ruleCode: String
        let title: String
        let article: String
        let period: String
        let periodLabel: String
        let dueOn: String
        let status: String
        let publishedOn: String?
    }

    struct Due: Content, Equatable {
        let unitCode: String
        let date: String
        let owed: [Owed]
        let obligations: [Owed]
        let compliance: PublicationCompliance
    }

    static func items(under unit: OrgUnit, status: Publication.State?, on date: CivilDate, db: any Database) async throws -> [Item] {
        let publications = try await PublicationRegister.publications(under: unit, state: status, on: date, limit: 5_000, db: db)
        let codes = try await UnitQueries.codes(for: Array(Set(publications.map(\.unitID))), on: db)
        var rulesByUnit: [Int: [PublicationRule]] = [:]
        var items: [Item] = []
        for p in publications {
            if rulesByUnit[p.unitID] == nil { rulesByUnit[p.unitID] = try await PublicationRules.binding(p.unitID, on: db) }
            items.append(item(p, rules: rulesByUnit[p.unitID] ?? [], unitCode: codes[p.unitID] ?? "", today: date))
        }
        return items
    }

    static func item(_ p: Publication, rules: [PublicationRule], unitCode: String, today: CivilDate) -> Item {
        let rule = rules.version(of: p.ruleCode, on: p.starts)
        return Item(id: p.requireID, unitCode: unitCode, ruleCode: p.ruleCode, ruleTitle: rule?.title ?? p.ruleCode, article: rule?.article ?? "",
                    period: p.period.isEmpty ? nil : p.period, title: p.title, docNumber: p.docNumber, docDate: p.docDate, forms: p.formList,
                    startsOn: p.startsOn, endsOn: p.endsOn, loudspeakerDays: p.loudspeakerDays, proofLink: p.proofLink, responsible: p.responsible,
                    status: p.state(on: today).rawValue,
                    shortcomings: rule.map { PublicationCheck.shortcomings(rule: $0, forms: p.formList, startsOn: p.starts, endsOn: p.ends,
                                                                           loudspeakerDays: p.loudspeakerDays) } ?? [],
                    version: p.version)
    }

    static func due(of unit: OrgUnit, on date: CivilDate, db: any Database) async throws -> Due {
        let all = try await PublicationRegister.obligations(of: unit, on: date, db: db)
        let obligations = all.map { o in
            Owed(ruleCode: o.rule.code, title: o.rule.title, article: o.rule.article, period: o.period.key, periodLabel: o.period.label,
                 dueOn: o.dueOn.description, status: o.state.rawValue, publishedOn: o.publishedOn?.description)
        }
        return Due(unitCode: unit.code, date: date.description, owed: obligations.filter { $0.status == "due" || $0.status == "overdue" },
                   obligations: obligations, compliance: PublicationCompliance(all, on: date))
    }

    /// A status word as the API and the command line take it, or a clear refusal.
    static func status(_ text: String?) throws -> Publication.State? {
        guard let text, !text.isEmpty else { return nil }
        guard let state = Publication.State(rawValue: text) else {
            throw AppError(.unprocessableEntity, "Trạng thái \"\(FreeText.printable(String(text.prefix(20))))\" không có; dùng scheduled, posted hoặc ended.", field: "status")
        }
        return state
    }
}
