import DanVanCore
import Fluent
import Foundation

/// One model: its registration, where it came from and went, its history over the years, its
/// progress notes, the decisions on it, and the forms the reader may use.
struct ModelPage: Encodable {
    struct Item: Encodable {
        let label: String
        let text: String
    }

    struct Link: Encodable {
        let label: String
        let href: String?
        let note: String
    }

    struct Note: Encodable {
        let date: String
        let text: String
        let figures: String
        let files: [Link]
    }

    struct Criterion: Encodable {
        let index: Int
        let text: String
        let met: Bool
    }

    let id: Int
    let name: String
    let unitName: String
    let year: Int
    let fieldLabel: String
    let kindLabel: String
    let person: String?
    let status: String
    let statusLabel: String
    let late: Bool
    let reason: String?
    let items: [Item]
    let recognition: String?
    let selfAssessment: String?
    let evaluationNote: String?
    /// The evaluation card: once the unit has assessed itself or the committee has evaluated.
    let showsEvaluation: Bool
    let criteria: [Criterion]
    let history: [Link]
    let replicatedFrom: Link?
    let copies: [Link]
    let notes: [Note]
    let version: Int
    let canEdit: Bool
    let canFollow: Bool
    let canSelfAssess: Bool
    let canDecide: Bool
    let canCarry: Bool
    let canReplicate: Bool
    let decisions: [SelectOption]
    let levels: [SelectOption]
    let nextYear: Int
    let editHref: String
    let decideAction: String
    let notesAction: String
    let selfAction: String
    let carryAction: String
    let replicateAction: String
    let registerHref: String
    let errors: FormErrors
    let notice: String?

    static func query(_ context: ModelContext, user: User, today: CivilDate, errors: FormErrors = .none, notice: String? = nil,
                      on db: any Database) async throws -> ModelPage {
        let model = context.model
        let relation = try await Authorizer.relation(of: user, to: model.unitID, on: db)
        let campaign = try await model.campaignID.asyncMap { try await ModelCampaign.find($0, on: db) } ?? nil
        let status = model.modelStatus
        let canRegister = Authorizer.allows(user, .registerModel, relation: relation)
        let canDecide = Authorizer.allows(user, .decideModel, relation: relation)
        let carried = try await MovementModel.query(on: db).filter(\.$carriedFromID == model.requireID).first()
        let decisions = ModelDecision.allCases.filter { (try? $0.next(from: status).get()) != nil }
        let carrier = try? await ModelCopying.carryingUnit(context.unit, today: today, on: db)
        let canCarry = try await carrier.asyncMap { try await Authorizer.allows(user, .registerModel, on: $0, db: db) } ?? false
        let ownUnit = try await user.unitID.asyncMap { try await OrgUnit.find($0, on: db) } ?? nil
        let mayReplicate: Bool
        if let ownUnit, ownUnit.id != model.unitID, status.mayBeReplicated {
            mayReplicate = try await Authorizer.allows(user, .registerModel, on: ownUnit, db: db)
        } else { mayReplicate = false }
        let registration = model.registration
        return ModelPage(
            id: model.requireID, name: model.name, unitName: context.unit.name, year: model.year,
            fieldLabel: [model.field, model.subtheme].filter { !$0.isEmpty }.joined(separator: " · "), kindLabel: model.modelKind.label,
            person: model.modelKind.namesPerson ? [model.personName, model.personPosition, model.personUnit].filter { !$0.isEmpty }.joined(separator: ", ") : nil,
            status: status.rawValue, statusLabel: status.label, late: model.late, reason: status == .returned ? model.reason : nil,
            items: ModelRegistration.items.map { Item(label: $0.label, text: registration[keyPath: $0.path]) }.filter { !$0.text.isEmpty },
            recognition: model.recognitionLevel.map { level in
                ["\(status.label) \(level.firstLetterLowercased)", model.decisionNumber.map { "Quyết định số \($0)" },
                 model.decisionDate.flatMap(CivilDate.init(parsing:)).map { "ngày \($0.vietnamese)" },
                 model.commendationProposed.map { "đề nghị \($0)" }, model.commendationGiven.map { "đã khen: \($0)" }]
                    .compactMap { $0 }.joined(separator: ", ")
            },
            selfAssessment: model.selfAssessment.nilIfEmpty, evaluationNote: model.evaluationNote.nilIfEmpty,
            showsEvaluation: !model.selfAssessment.isEmpty || [.evaluated, .recognised, .exemplary, .notRecognised].contains(status),
            criteria: (campaign?.criteria ?? []).enumerated().map { Criterion(index: $0.offset, text: $0.element, met: model.criteriaMetIndexes.contains($0.offset)) },
            history: try await history(of: model, user: user, on: db),
            replicatedFrom: try await source(of: model, user: user, on: db),
            copies: try await copies(of: model, on: db),
            notes: try await notes(of: model, on: db), version: model.version,
            canEdit: canRegister && status.isEditable, canFollow: canRegister && status != .returned,
            canSelfAssess: canRegister && [.accepted, .evaluated].contains(status),
            canDecide: canDecide && !decisions.isEmpty,
            canCarry: canCarry && carried == nil && model.year < today.year + 1 && status.mayBeCarried,
            canReplicate: mayReplicate,
            decisions: decisions.map { SelectOption(value: $0.rawValue, label: $0.label, selected: false) },
            levels: (campaign?.levels ?? CampaignLaunching.defaultLevels).map { SelectOption(value: $0, label: $0, selected: $0 == model.recognitionLevel) },
            nextYear: max(model.year + 1, today.year),
            editHref: SiteRoute.modelEdit(model.requireID).path, decideAction: SiteRoute.modelDecide(model.requireID).path,
            notesAction: SiteRoute.modelNotes(model.requireID).path, selfAction: SiteRoute.modelSelfAssessment(model.requireID).path,
            carryAction: SiteRoute.modelCarry(model.requireID).path, replicateAction: SiteRoute.modelReplicate(model.requireID).path,
            registerHref: SiteRoute.models.path + "?unit=\(context.unit.code)&year=\(model.year)",
            errors: errors, notice: notice)
    }

    /// The same model in earlier and later years, oldest first; a year links only where the reader
    /// may open it (a model carried across the reform moved to a unit the old one's people may not see).
    private static func history(of model: MovementModel, user: User, on db: any Database) async throws -> [Link] {
        var chain: [MovementModel] = [model]
        var current = model
        while let previous = try await current.carriedFromID.asyncMap({ try await MovementModel.find($0, on: db) }) ?? nil, chain.count < 30 {
            chain.insert(previous, at: 0)
            current = previous
        }
        current = model
        while let next = try await MovementModel.query(on: db).filter(\.$carriedFromID == current.requireID).first(), chain.count < 30 {
            chain.append(next)
            current = next
        }
        guard chain.count > 1 else { return [] }
        var links: [Link] = []
        for step in chain {
            let open = step.id != model.id ? try await ModelContext.load(step.requireID, on: db).mayView(by: user, on: db) : false
            links.append(Link(label: "Năm \(step.year)", href: open ? SiteRoute.model(step.requireID).path : nil, note: step.modelStatus.label))
        }
        return links
    }

    private static func source(of model: MovementModel, user: User, on db: any Database) async throws -> Link? {
        guard let id = model.replicatedFromID, let source = try? await ModelContext.load(id, on: db) else { return nil }
        let visible = try await source.mayView(by: user, on: db)
        return Link(label: "\(source.model.name) · \(source.unit.name)", href: visible ? SiteRoute.model(id).path : nil, note: "năm \(source.model.year)")
    }

    private static func copies(of model: MovementModel, on db: any Database) async throws -> [Link] {
        let copies = try await MovementModel.query(on: db).filter(\.$replicatedFromID == model.requireID).sort(\.$year).all()
        let units = try await OrgUnit.query(on: db).filter(\.$id ~~ copies.map(\.unitID)).all()
        let names = Dictionary(uniqueKeysWithValues: units.map { ($0.requireID, $0.name) })
        return copies.map { Link(label: names[$0.unitID] ?? "", href: nil, note: "năm \($0.year) · \($0.modelStatus.label)") }
    }

    private static func notes(of model: MovementModel, on db: any Database) async throws -> [Note] {
        let notes = try await ModelNote.query(on: db).filter(\.$modelID == model.requireID).sort(\.$id, .descending).all()
        let files = notes.isEmpty ? [] : try await ModelNoteFile.query(on: db).filter(\.$noteID ~~ notes.compactMap(\.id)).all()
        return notes.map { note in
            let figures = [note.households.map { "\($0) hộ tham gia, hiến đất" }, note.roadMetres.map { "\($0) m đường" },
                           note.trees.map { "\($0) cây trồng" }].compactMap { $0 }.joined(separator: " · ")
            return Note(date: CivilDate(parsing: note.notedOn)?.vietnamese ?? note.notedOn, text: note.text, figures: figures,
                        files: files.filter { $0.noteID == note.id }.map { Link(label: $0.originalName, href: SiteRoute.modelFile($0.id ?? 0).path, note: "") })
        }
    }
}
