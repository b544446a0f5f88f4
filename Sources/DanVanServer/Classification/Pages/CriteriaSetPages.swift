import DanVanCore
import Fluent

/// /classification/sets: the sets a unit may grade by, and the form keeping a new one (the
/// office's table pasted or uploaded, with its decision).
struct CriteriaSetsPage: Encodable {
    struct Line: Encodable {
        let href: String
        let title: String
        let citation: String
        let validity: String
        let maxPoints: String
        let bands: String
        let issuer: String
        let replaced: Bool
    }

    struct Choice: Encodable {
        let value: String
        let label: String
        let checked: Bool
    }

    let unitName: String
    let unitCode: String
    let lines: [Line]
    let canKeep: Bool
    let action: String
    let values: CriteriaSetSaving.Input
    let pasted: String
    let unitKinds: [Choice]
    let replaceChoices: [Choice]
    let example: String
    let errors: FormErrors

    static func query(unit: OrgUnit, canKeep: Bool, typed: CriteriaSetSaving.Input? = nil, pasted: String = "", errors: FormErrors = .none,
                      on db: any Database) async throws -> CriteriaSetsPage {
        let sets = try await CriteriaSets.available(for: unit, on: db)
        let issuers = try await OrgUnit.query(on: db).filter(\.$id ~~ sets.map(\.unitID)).all()
        let names = Dictionary(uniqueKeysWithValues: issuers.map { ($0.requireID, $0.name) })
        let lines = try sets.map { set in
            let definition = try set.definition
            return Line(href: SiteRoute.criteriaSet(set.requireID).path, title: set.title, citation: set.citation, validity: validity(set),
                        maxPoints: definition.maxPoints.short,
                        bands: definition.bands.bands.reversed().map { "\($0.label) từ \($0.minimum.short)" }.joined(separator: " · "),
                        issuer: names[set.unitID] ?? "", replaced: set.replacedByID != nil)
        }
        let values = typed ?? CriteriaSetSaving.Input(unitCode: unit.code, unitKinds: [UnitKind.peoplesCommittee.rawValue, UnitKind.partyCommittee.rawValue])
        let example = CriteriaTable.write(try CriteriaSetSamples.governmentWork.definition)
        let exampleText = (Array(example.criteria.prefix(4)) + [["…"]] + [example.criteria.last ?? []] + [[]] + example.bands + [[]] + example.gates)
            .map { $0.joined(separator: "\t") }.joined(separator: "\n")
        return CriteriaSetsPage(
            unitName: unit.name, unitCode: unit.code, lines: lines, canKeep: canKeep, action: SiteRoute.criteriaSets.path + "?unit=\(unit.code)", values: values,
            pasted: pasted,
            unitKinds: UnitKind.allCases.map { Choice(value: $0.rawValue, label: $0.label, checked: values.unitKinds.contains($0.rawValue)) },
            replaceChoices: sets.filter { $0.unitID == unit.requireID && $0.replacedByID == nil }.map {
                Choice(value: String($0.requireID), label: "\($0.title) (\($0.citation))", checked: values.replaces == $0.id)
            },
            example: exampleText, errors: errors)
    }

    static func validity(_ set: CriteriaSet) -> String {
        let from = CivilDate(parsing: set.validFrom)?.vietnamese ?? set.validFrom
        guard let to = set.validTo.flatMap(CivilDate.init(parsing:)) else { return "Hiệu lực từ \(from)" }
        return "Hiệu lực từ \(from) đến \(to.vietnamese)"
    }
}

/// One set: its criteria as the table prints them, bands and gates.
struct CriteriaSetPage: Encodable {
    struct Row: Encodable {
        let number: String
        let text: String
        let maxPoints: String
        let kindLabel: String
        let scorerLabel: String
        let evidence: Bool
        let source: String?
        let isGroup: Bool
    }

    let title: String
    let citation: String
    let validity: String
    let unitKinds: String
    let maxPoints: String
    let rows: [Row]
    let bands: [String]
    let gates: [String]
    let xlsxHref: String

    static func make(_ set: CriteriaSet) throws -> CriteriaSetPage {
        let definition = try set.definition
        return CriteriaSetPage(
            title: set.title, citation: set.citation, validity: CriteriaSetsPage.validity(set), unitKinds: set.unitKinds.map(\.label).joined(separator: ", "),
            maxPoints: definition.maxPoints.short,
            rows: definition.rows.map { row in
                Row(number: row.number, text: row.text, maxPoints: row.maxPoints.short, kindLabel: row.kind.label, scorerLabel: row.scorer.label,
                    evidence: row.evidenceRequired, source: row.binding.flatMap { PrefillSources.source($0)?.label }, isGroup: !row.isLeaf)
            },
            bands: definition.bands.bands.reversed().map { "\($0.label): từ \($0.minimum.short) đến dưới \($0.maximum.short) điểm" },
            gates: definition.gates.map(\.description), xlsxHref: SiteRoute.criteriaSetXlsx(set.requireID).path)
    }
}

/// The form opening a round: year, set in force, title, dates.
struct RoundFormPage: Encodable {
    struct Choice: Encodable {
        let value: String
        let label: String
        let selected: Bool
    }

    let heading: String
    let action: String
    let cancelHref: String
    let values: RoundOpening.Input
    let sets: [Choice]
    let errors: FormErrors

    static func query(unit: OrgUnit, today: CivilDate, typed: RoundOpening.Input? = nil, errors: FormErrors = .none, on db: any Database) async throws -> RoundFormPage {
        let sets = try await CriteriaSets.available(for: unit, on: db).filter { $0.replacedByID == nil || $0.applies(on: today) }
        let values = typed ?? RoundOpening.Input(unitCode: unit.code, year: today.year, setID: sets.first?.id,
                                                 title: "Đánh giá, xếp loại công tác dân vận năm \(today.year)",
                                                 opensOn: today.description, closesOn: today.adding(days: 14).description)
        return RoundFormPage(heading: "Mở đợt đánh giá, xếp loại · \(unit.name)", action: SiteRoute.classificationRoundNew.path,
                             cancelHref: SiteRoute.classification.path + "?unit=\(unit.code)", values: values,
                             sets: sets.map { Choice(value: String($0.requireID), label: "\($0.title) (\($0.citation))", selected: $0.id == values.setID) },
                             errors: errors)
    }
}
