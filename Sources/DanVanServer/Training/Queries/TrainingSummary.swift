import DanVanCore
import Fluent
import SQLKit

/// A subtree's training in a year: the courses its units organised, their attendances, and
/// the distinct people of the subtree (where they are on the counting date) trained by anyone
/// that year, per category. The target's share counts the people in charge of mass
/// mobilisation work whose category the training target names.
struct TrainingSummary: Sendable, Equatable {
    struct CategoryCount: Sendable, Equatable {
        let key: String
        let label: String
        let share: TrainedShare
    }

    let year: Int
    let countingDate: CivilDate
    let courses: Int
    let attendances: Int
    let distinctTrained: Int
    let people: Int
    let byCategory: [CategoryCount]
    /// The target's own count: "cán bộ lãnh đạo và công chức trực tiếp phụ trách công tác dân vận".
    let target: TrainedShare

    /// The counting date: 31 December of the year.
    static func countingDate(year: Int) -> CivilDate { CivilDate(year: year, month: 12, day: 31) ?? CivilDate.literal("2026-12-31") }

    private struct CourseRow: Decodable {
        let courses: Int
        let attendances: Int
    }

    private struct PeopleRow: Decodable {
        let unit_id: Int
        let category: String
        let in_charge: Bool
        let people: Int
        let trained: Int
    }

    /// Whose people are counted: a whole subtree as one, or each child of a unit with its own subtree.
    private enum Scope {
        case subtree(Int)
        case eachChild(of: Int)
    }

    /// People where they are on the counting date, and of them those trained in the year, by
    /// category and whether they are in charge of the work, per counted unit.
    private static func countPeople(_ scope: Scope, year: Int, on sql: any SQLDatabase) async throws -> [PeopleRow] {
        let date = countingDate(year: year).description
        let first = "\(year)-01-01", last = "\(year)-12-31"
        let within: SQLQueryString
        switch scope {
        case .subtree(let rootID): within = "c.ancestor_id = \(bind: rootID)"
        case .eachChild(let parentID): within = "c.ancestor_id IN (SELECT id FROM units WHERE parent_id = \(bind: parentID))"
        }
        return try await sql.raw("""
            SELECT c.ancestor_id AS unit_id, p.category AS category, p.in_charge AS in_charge, CAST(COUNT(*) AS BIGINT) AS people,
                   CAST(SUM(CASE WHEN EXISTS (SELECT 1 FROM course_attendances a JOIN training_courses t ON t.id = a.course_id
                                              WHERE a.person_id = p.id AND t.starts_on >= \(bind: first) AND t.starts_on <= \(bind: last))
                            THEN 1 ELSE 0 END) AS BIGINT) AS trained
            FROM people p
            JOIN person_units pu ON pu.person_id = p.id AND pu.from_on <= \(bind: date) AND (pu.to_on IS NULL OR pu.to_on >= \(bind: date))
            JOIN unit_closure c ON c.descendant_id = pu.unit_id AND \(within)
            WHERE (p.active_from IS NULL OR p.active_from <= \(bind: date)) AND (p.active_to IS NULL OR p.active_to >= \(bind: date))
            GROUP BY c.ancestor_id, p.category, p.in_charge
            """).all(decoding: PeopleRow.self)
    }

    /// The target's share of each child of a unit, counted in one pass; children without people are absent.
    static func targetShareOfChildren(parentID: Int, year: Int, on db: any Database) async throws -> [Int: TrainedShare] {
        let rows = try await countPeople(.eachChild(of: parentID), year: year, on: UnitClosure.sqlDatabase(db))
        let targetKeys = Set(try await TrainingLists.categories(on: db).filter(\.inTrainingTarget).map(\.key))
        return Dictionary(grouping: rows, by: \.unit_id).mapValues { target(of: $0, keys: targetKeys) }
    }

    private static func target(of rows: [PeopleRow], keys: Set<String>) -> TrainedShare {
        let counted = rows.filter { $0.in_charge && keys.contains($0.category) }
        return TrainedShare(trained: counted.map(\.trained).reduce(0, +), inScope: counted.map(\.people).reduce(0, +))
    }

    static func load(rootID: Int, year: Int, on db: any Database) async throws -> TrainingSummary {
        let sql = try UnitClosure.sqlDatabase(db)
        let first = "\(year)-01-01", last = "\(year)-12-31"
        // Attendances counted by course from their index, not through a join with every row.
        let yearCourses: SQLQueryString = """
            SELECT t.id FROM training_courses t JOIN unit_closure c ON c.descendant_id = t.unit_id AND c.ancestor_id = \(bind: rootID)
            WHERE t.starts_on >= \(bind: first) AND t.starts_on <= \(bind: last)
            """
        let courses = try await sql.raw("""
            SELECT CAST((SELECT COUNT(*) FROM (\(yearCourses)) y) AS BIGINT) AS courses,
                   CAST((SELECT COUNT(*) FROM course_attendances a WHERE a.course_id IN (\(yearCourses))) AS BIGINT) AS attendances
            """).first(decoding: CourseRow.self) ?? CourseRow(courses: 0, attendances: 0)
        let rows = try await countPeople(.subtree(rootID), year: year, on: sql)
        let categories = try await TrainingLists.categories(on: db)
        let targetKeys = Set(categories.filter(\.inTrainingTarget).map(\.key))
        let byCategory = categories.map { category in
            let matching = rows.filter { $0.category == category.key }
            return CategoryCount(key: category.key, label: category.label,
                                 share: TrainedShare(trained: matching.map(\.trained).reduce(0, +), inScope: matching.map(\.people).reduce(0, +)))
        }
        return TrainingSummary(year: year, countingDate: countingDate(year: year), courses: courses.courses, attendances: courses.attendances,
                               distinctTrained: rows.map(\.trained).reduce(0, +), people: rows.map(\.people).reduce(0, +), byCategory: byCategory,
                               target: target(of: rows, keys: targetKeys))
    }
}
