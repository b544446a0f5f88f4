import DanVanCore
import Fluent
import SQLKit

/// What units published and still owe: a unit's obligations on a day, its publications, and the
/// compliance of every commune under a unit, from one read of the publications.
enum PublicationRegister {
    struct PostedRow: Decodable {
        let unit_id: Int
        let rule_code: String
        let period: String
        let starts_on: String
    }

    /// The obligations of the year of `date` for a unit that carries the duty; none for others.
    static func obligations(of unit: OrgUnit, on date: CivilDate, db: any Database) async throws -> [PublicationObligation] {
        guard PublicationDuty.applies(kind: unit.unitKind, level: unit.unitLevel) else { return [] }
        let rules = try await PublicationRules.binding(unit.requireID, on: db)
        let posted = try await postedRows(unitIDs: [unit.requireID], year: date.year, on: db)
        return PublicationObligation.owed(rules: rules, posted: posted.map(\.posted), on: date,
                                          unitFrom: unit.validFrom.flatMap(CivilDate.init(parsing:)))
    }

    struct UnitCompliance {
        let unit: OrgUnit
        let obligations: [PublicationObligation]
        let compliance: PublicationCompliance
    }

    /// Each unit below `root` (itself included) that carries the duty and is active on the day.
    static func compliance(under root: OrgUnit, on date: CivilDate, db: any Database) async throws -> [UnitCompliance] {
        let units = try await UnitQueries.subtree(of: [root.requireID], maxDepth: 3, on: db)
            .filter { PublicationDuty.applies(kind: $0.unitKind, level: $0.unitLevel) && $0.isActive(on: date) }
        guard !units.isEmpty else { return [] }
        let rows = try await postedRows(unitIDs: units.map(\.requireID), year: date.year, on: db)
        let byUnit = Dictionary(grouping: rows, by: \.unit_id)
        var rulesByProvince: [Set<Int>: [PublicationRule]] = [:]
        let allRules = try await PublicationRules.rows(on: db)
        let provinceRuleUnits = Set(allRules.compactMap(\.province_id))
        var result: [UnitCompliance] = []
        for unit in units.sorted(by: { $0.name < $1.name }) {
            // Most units share the national list; only units under a province with its own rules differ.
            let relevant = provinceRuleUnits.isEmpty ? [] : Set(try await UnitClosure.ancestorIDs(of: unit.requireID, on: db)).intersection(provinceRuleUnits)
            let rules = rulesByProvince[relevant] ?? PublicationRules.choose(allRules, ancestors: relevant)
            rulesByProvince[relevant] = rules
            let obligations = PublicationObligation.owed(rules: rules, posted: (byUnit[unit.requireID] ?? []).map(\.posted), on: date,
                                                         unitFrom: unit.validFrom.flatMap(CivilDate.init(parsing:)))
            result.append(UnitCompliance(unit: unit, obligations: obligations, compliance: PublicationCompliance(obligations, on: date)))
        }
        return result
    }

    static func postedRows(unitIDs: [Int], year: Int, on db: any Database) async throws -> [PostedRow] {
        guard !unitIDs.isEmpty else { return [] }
        let sql = try UnitClosure.sqlDatabase(db)
        return try await sql.raw("""
            SELECT unit_id, rule_code, period, starts_on FROM publications
            WHERE unit_id IN (\(binds: unitIDs)) AND starts_on >= \(bind: "\(year - 1)-01-01")
            """).all(decoding: PostedRow.self)
    }

    /// The publications of the units under `root`, newest first, optionally in one state on the day.
    static func publications(under root: OrgUnit, state: Publication.State?, on date: CivilDate, limit: Int = 500,
                             db: any Database) async throws -> [Publication] {
        let day = date.description
        let condition: SQLQueryString = switch state {
        case nil: "1 = 1"
        case .scheduled?: "p.starts_on > \(bind: day)"
        case .posted?: "p.starts_on <= \(bind: day) AND (p.ends_on IS NULL OR p.ends_on >= \(bind: day))"
        case .ended?: "p.ends_on < \(bind: day)"
        }
        let ids = try await UnitClosure.sqlDatabase(db).raw("""
            SELECT p.id FROM publications p JOIN unit_closure c ON c.descendant_id = p.unit_id AND c.ancestor_id = \(bind: root.requireID)
            WHERE \(condition) ORDER BY p.starts_on DESC, p.id DESC LIMIT \(literal: limit)
            """).all().map { try $0.decode(column: "id", as: Int.self) }
        guard !ids.isEmpty else { return [] }
        return try await Publication.query(on: db).filter(\.$id ~~ ids).sort(\.$startsOn, .descending).sort(\.$id, .descending).all()
    }
}

extension PublicationRegister.PostedRow {
    var posted: PublicationObligation.Posted {
        PublicationObligation.Posted(ruleCode: rule_code, periodKey: period, startsOn: CivilDate(parsing: starts_on) ?? .literal("2000-01-01"))
    }
}
