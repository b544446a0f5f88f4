import DanVanCore
import Foundation

/// A stored plan's rows as plain values, inserted with SQLKit one statement per table.
/// Fluent's `create` reflects over every property of every model it writes, which was most
/// of the time to store a plan; the Fluent models stay for reading.
enum PlanRows {
    struct Plan: Encodable {
        let unitID: Int, year: Int, documentType: String, numberRaw: String?, numberNormalized: String?
        let subject: String, issuedOn: String?, place: String?, issuerText: String?, theme: String?, motto: String?
        let status: PlanStatus, implementsPlanID: Int?, recipientsJSON: String
        let signatureAuthority: String?, signaturePosition: String?, signatureName: String?, sourceName: String?, version: Int
        var revision = 1
        let createdAt = Date(), updatedAt = Date()

        enum CodingKeys: String, CodingKey {
            case unitID = "unit_id", year, documentType = "document_type", numberRaw = "number_raw"
            case numberNormalized = "number_normalized", subject, issuedOn = "issued_on", place, issuerText = "issuer_text"
            case theme, motto, status, implementsPlanID = "implements_plan_id", recipientsJSON = "recipients_json"
            case signatureAuthority = "signature_authority", signaturePosition = "signature_position"
            case signatureName = "signature_name", sourceName = "source_name", version, revision
            case createdAt = "created_at", updatedAt = "updated_at"
        }
    }

    struct Section: Encodable {
        let planID: Int, position: Int, depth: Int, number: String, heading: String, line: Int

        enum CodingKeys: String, CodingKey {
            case planID = "plan_id", position, depth, number, heading, line
        }
    }

    struct Paragraph: Encodable {
        let planID: Int, position: Int, line: Int, text: String

        enum CodingKeys: String, CodingKey {
            case planID = "plan_id", position, line, text
        }
    }

    struct Target: Encodable {
        let planID: Int, position: Int, text: String, comparator: String, value: Double?, upper: Double?
        let measure: String, subject: String, line: Int
        var level: String?
        var parentTargetID: Int?, indicatorID: Int?

        enum CodingKeys: String, CodingKey {
            case planID = "plan_id", position, text, comparator, value, upper, measure, subject, line, level
            case parentTargetID = "parent_target_id", indicatorID = "indicator_id"
        }
    }

    struct Task: Encodable {
        let planID: Int, position: Int, text: String, section: String, group: String?, timingRaw: String, months: String
        let recurrence: String?, deadline: String?, asDirected: Bool, leadNames: String, coordinatingNames: String, line: Int
        var parentTaskID: Int?, leadUnitID: Int?, expectedResult: String?

        enum CodingKeys: String, CodingKey {
            case planID = "plan_id", position, text, section, group = "task_group", timingRaw = "timing_raw", months
            case recurrence, deadline, asDirected = "as_directed", leadNames = "lead_names"
            case coordinatingNames = "coordinating_names", line
            case parentTaskID = "parent_task_id", leadUnitID = "lead_unit_id", expectedResult = "expected_result"
        }
    }

    struct CitedDocument: Encodable {
        let normalized: String, issueYear: Int, type: String, typeName: String, issuedOn: String?
        let issuer: String?, subject: String?, firstRaw: String

        enum CodingKeys: String, CodingKey {
            case normalized, issueYear = "issue_year", type, typeName = "type_name", issuedOn = "issued_on", issuer, subject
            case firstRaw = "first_raw"
        }
    }

    struct Citation: Encodable {
        let planID: Int, documentID: Int, isBasis: Bool, raw: String, lines: String

        enum CodingKeys: String, CodingKey {
            case planID = "plan_id", documentID = "document_id", isBasis = "is_basis", raw, lines
        }
    }
}
