import DanVanCore
import Fluent
import SQLKit

/// Records which documents a plan cites: finds or adds each document in the registry (by
/// normalized number and year of issue), then links it to the plan.
enum CitationWriter {
    private struct Key: Hashable {
        let normalized: String
        let year: Int

        init(normalized: String, year: Int) {
            self.normalized = normalized
            self.year = year
        }

        init(_ normalized: String, _ issuedOn: String?) {
            self.init(normalized: normalized, year: issuedOn.flatMap { Int($0.prefix(4)) } ?? 0)
        }
    }

    static func link(_ document: PlanDocument, planID: Int, on tx: any Database) async throws {
        guard !document.citations.isEmpty else { return }
        let sql = try UnitClosure.sqlDatabase(tx)
        let numbers = Array(Set(document.citations.map(\.normalized)))
        var known = try await existing(numbers, on: sql)
        var seen = Set<Key>()
        let missing = document.citations.filter { known[Key($0.normalized, $0.issuedOn)] == nil && seen.insert(Key($0.normalized, $0.issuedOn)).inserted }
        if !missing.isEmpty {
            let inserted = try await SQLRows.insert(missing.map(row), into: "cited_documents", returning: ["id", "normalized", "issue_year"], on: sql)
            try add(inserted, to: &known)
        }
        let basis = Set(document.basis.map { Key($0.normalized, $0.issuedOn) })
        var linked = Set<Int>()
        let links = document.citations.compactMap { citation -> PlanRows.Citation? in
            let key = Key(citation.normalized, citation.issuedOn)
            guard let documentID = known[key], linked.insert(documentID).inserted else { return nil }
            return PlanRows.Citation(planID: planID, documentID: documentID, isBasis: basis.contains(key), raw: citation.raw,
                                     lines: citation.occurrences.map(String.init).joined(separator: ","))
        }
        try await SQLRows.insert(links, into: "plan_citations", on: sql)
    }

    private static func existing(_ numbers: [String], on sql: any SQLDatabase) async throws -> [Key: Int] {
        let rows = try await sql.select().columns("id", "normalized", "issue_year").from("cited_documents")
            .where("normalized", .in, numbers).all()
        var found: [Key: Int] = [:]
        try add(rows, to: &found)
        return found
    }

    private static func add(_ rows: [any SQLRow], to known: inout [Key: Int]) throws {
        for row in rows {
            let key = Key(normalized: try row.decode(column: "normalized", as: String.self), year: try row.decode(column: "issue_year", as: Int.self))
            if known[key] == nil { known[key] = try row.decode(column: "id", as: Int.self) }
        }
    }

    private static func row(_ citation: PlanDocument.Citation) -> PlanRows.CitedDocument {
        PlanRows.CitedDocument(normalized: citation.normalized, issueYear: Key(citation.normalized, citation.issuedOn).year,
                               type: citation.type, typeName: citation.typeName, issuedOn: citation.issuedOn,
                               issuer: citation.issuer, subject: citation.subject, firstRaw: citation.raw)
    }
}
