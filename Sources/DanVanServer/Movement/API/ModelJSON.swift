import DanVanCore
import Fluent
import Vapor

/// The JSON of the register, the same for the API and `danvan models`.
enum ModelJSON {
    struct Recognition: Content {
        let level: String
        let form: String
        let decision: String?
        let date: String?
    }

    struct Listing: Content {
        let id: Int
        let name: String
        let unit: String
        let field: String
        let kind: String
        let year: Int
        let status: String
        let late: Bool
        let replicatedFrom: Int?
        let carriedFrom: Int?
        let recognitions: [Recognition]

        enum CodingKeys: String, CodingKey {
            case id, name, unit, field, kind, year, status, late, replicatedFrom, carriedFrom, recognitions
        }

        /// Absent links are written as null, so every listing has the same keys.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(name, forKey: .name)
            try container.encode(unit, forKey: .unit)
            try container.encode(field, forKey: .field)
            try container.encode(kind, forKey: .kind)
            try container.encode(year, forKey: .year)
            try container.encode(status, forKey: .status)
            try container.encode(late, forKey: .late)
            try container.encode(replicatedFrom, forKey: .replicatedFrom)
            try container.encode(carriedFrom, forKey: .carriedFrom)
            try container.encode(recognitions, forKey: .recognitions)
        }
    }

    struct Detail: Content {
        let listing: Listing
        let subtheme: String
        let registration: ModelRegistration
        let planTaskID: Int?
        let reason: String?
        let selfAssessment: String
        let criteriaMet: [Int]
        let evaluationNote: String
        let commendationProposed: String?
        let commendationGiven: String?
        let version: Int
    }

    struct Summary: Content {
        let unit: String
        let year: Int
        let registered: Int
        let byField: [String: Int]
        let byKind: [String: Int]
        let byStatus: [String: Int]
        let recognised: Int
        let exemplary: Int
        let lastYear: Int
        let unitsExpected: Int
        let unitsWithModel: Int
        let missingUnits: [String]
        let outputs: ModelSummary.Outputs
    }

    static func listing(_ row: ModelRegisterQuery.Row) -> Listing {
        Listing(id: row.id, name: row.name, unit: row.unitCode, field: row.field, kind: row.kind.rawValue, year: row.year, status: row.status.rawValue,
                late: row.late, replicatedFrom: row.replicatedFromID, carriedFrom: row.carriedFromID,
                recognitions: row.status.isRecognised ? row.level.map { [Recognition(level: $0, form: row.status.rawValue, decision: row.decisionNumber, date: row.decisionDate)] } ?? [] : [])
    }

    static func detail(_ context: ModelContext) -> Detail {
        let model = context.model
        let row = ModelRegisterQuery.Row(
            id: model.requireID, name: model.name, unitCode: context.unit.code, unitName: context.unit.name, field: model.field, subtheme: model.subtheme,
            kind: model.modelKind, personName: model.personName, year: model.year, status: model.modelStatus, late: model.late,
            replicatedFromID: model.replicatedFromID, carriedFromID: model.carriedFromID, level: model.recognitionLevel, decisionNumber: model.decisionNumber,
            decisionDate: model.decisionDate, commendationProposed: model.commendationProposed, commendationGiven: model.commendationGiven, replications: 0)
        return Detail(listing: listing(row), subtheme: model.subtheme, registration: model.registration, planTaskID: model.planTaskID,
                      reason: model.reason, selfAssessment: model.selfAssessment, criteriaMet: model.criteriaMetIndexes.sorted(),
                      evaluationNote: model.evaluationNote, commendationProposed: model.commendationProposed,
                      commendationGiven: model.commendationGiven, version: model.version)
    }

    static func summary(_ summary: ModelSummary) -> Summary {
        Summary(unit: summary.unitCode, year: summary.year, registered: summary.registered, byField: summary.byField, byKind: summary.byKind,
                byStatus: summary.byStatus, recognised: summary.recognised, exemplary: summary.exemplary, lastYear: summary.lastYear,
                unitsExpected: summary.unitsExpected, unitsWithModel: summary.withModel.count, missingUnits: summary.missing.map(\.code),
                outputs: summary.outputs)
    }
}
