import DanVanCore
import Fluent
import SQLKit

/// The rules citizen work is judged by, as data: the working-day calendar's exceptions, the
/// deadline rules and the leaders' reception duties, each with its document and validity. The
/// shipped rows are loaded here once; later versions are added beside them, never over them.
struct CreateCitizenRules: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("work_calendar_days")
            .field("day", .string, .identifier(auto: false))
            .field("kind", .string, .required)
            .field("name", .string, .required)
            .field("citation", .string, .required)
            .create()
        try await database.schema("deadline_rules")
            .field(.id, .int, .identifier(auto: true))
            .field("key", .string, .required)
            .field("event", .string, .required)
            .field("kinds", .string, .required)
            .field("stage", .string, .required)
            .field("second_round", .bool, .required)
            .field("limit_days", .int, .required)
            .field("complex_limit", .int)
            .field("remote_limit", .int)
            .field("remote_complex_limit", .int)
            .field("day_kind", .string, .required)
            .field("extension_days", .int, .required)
            .field("extensions_complex", .int, .required)
            .field("extensions_very_complex", .int, .required)
            .field("citation", .string, .required)
            .field("valid_from", .string, .required)
            .field("valid_to", .string)
            .unique(on: "key", "valid_from")
            .create()
        try await database.schema("reception_duties")
            .field(.id, .int, .identifier(auto: true))
            .field("key", .string, .required)
            .field("position", .string, .required)
            .field("level", .string, .required)
            .field("minimum_days", .int, .required)
            .field("period", .string, .required)
            .field("deputy_counts", .bool, .required)
            .field("citation", .string, .required)
            .field("valid_from", .string, .required)
            .field("valid_to", .string)
            .unique(on: "key", "valid_from")
            .create()
        for day in VietnamHolidays.days(for: [2026, 2027]) {
            try await CitizenRules.insert(day, on: database)
        }
        for rule in DeadlineRuleTable.shipped {
            try await CitizenRules.insert(rule, on: database)
        }
        for duty in ReceptionDuty.shipped {
            try await CitizenRules.insert(duty, on: database)
        }
    }

    func revert(on database: any Database) async throws {
        for table in ["reception_duties", "deadline_rules", "work_calendar_days"] {
            try await database.schema(table).delete()
        }
    }
}
