import DanVanCore
import Vapor

/// Totals and band for scores given under a set, storing nothing: how an office checks a set
/// (`POST /api/classification/score`, `danvan classify score`). Scores come as JSON numbers or
/// text ("4,5"); a bad one is named by its criterion.
enum ScoreCheck {
    /// Points as a JSON number (8.5) or text ("8,5"), kept as written so a bad one is named.
    struct GivenPoints: Codable, Sendable {
        let text: String

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Double.self) { text = String(number) } else { text = (try? container.decode(String.self)) ?? "?" }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(text)
        }
    }

    struct Result: Content {
        let total: Points
        let band: String
        let gated: Bool
        let groups: [String: Points]
    }

    static func run(_ definition: CriteriaSetDefinition, given: [String: GivenPoints], submittedInTime: Bool) throws -> Result {
        var scores: [String: Points] = [:]
        var issues: [ValidationIssue] = []
        for (key, value) in given.sorted(by: { $0.key < $1.key }) {
            if let points = Points(parsing: value.text) { scores[key] = points } else {
                issues.append(ValidationIssue(field: "scores.\(key)", message: "Tiêu chí \(key): \"\(value.text)\" không phải số điểm."))
            }
        }
        issues += CriteriaScoring.issues(definition, scores: scores)
        guard issues.isEmpty else { throw AppError.validation(ValidationFailure(issues)) }
        let totals = CriteriaScoring.totals(definition, scores: scores)
        let result = CriteriaScoring.classify(definition, total: totals.total, submittedInTime: submittedInTime)
        return Result(total: totals.total, band: result.label, gated: result.gated,
                      groups: Dictionary(uniqueKeysWithValues: definition.groups.map { ($0.key, totals.byRow[$0.key] ?? .zero) }))
    }
}
