import DanVanCore
import Fluent

/// Records which documents a plan cites: finds or adds each document in the registry (by
/// normalized number and year of issue), then links it to the plan.
enum CitationWriter {
    static func link(_ document: PlanDocument, planID: Int, on tx: any Database) async throws {
        guard !document.citations.isEmpty else { return }
        let key = { (normalized: String, issuedOn: String?) in "\(normalized)|\(issuedOn.flatMap { Int($0.prefix(4)) } ?? 0)" }
        var known = try await existing(document.citations.map(\.normalized), key: key, on: tx)
        let missing = document.citations.filter { known[key($0.normalized, $0.issuedOn)] == nil }
        if !missing.isEmpty {
            var seen = Set<String>()
            let records = missing.filter { seen.insert(key($0.normalized, $0.issuedOn)).inserted }.map(record)
            try await records.create(on: tx)
            known = try await existing(document.citations.map(\.normalized), key: key, on: tx)
        }
        let basis = Set(document.basis.map { key($0.normalized, $0.issuedOn) })
        var linked = Set<Int>()
        var links: [PlanCitation] = []
        for citation in document.citations {
            let citationKey = key(citation.normalized, citation.issuedOn)
            guard let documentID = known[citationKey], linked.insert(documentID).inserted else { continue }
            let link = PlanCitation()
            link.planID = planID
            link.documentID = documentID
            link.isBasis = basis.contains(citationKey)
            link.raw = citation.raw
            link.lines = citation.occurrences.map(String.init).joined(separator: ",")
            links.append(link)
        }
        try await links.create(on: tx)
    }

    private static func existing(_ numbers: [String], key: (String, String?) -> String, on db: any Database) async throws -> [String: Int] {
        let found = try await CitedDocument.query(on: db).filter(\.$normalized ~~ Array(Set(numbers))).all()
        return Dictionary(found.map { ("\($0.normalized)|\($0.issueYear)", $0.requireID) }, uniquingKeysWith: { first, _ in first })
    }

    private static func record(_ citation: PlanDocument.Citation) -> CitedDocument {
        let record = CitedDocument()
        record.normalized = citation.normalized
        record.issueYear = citation.issuedOn.flatMap { Int($0.prefix(4)) } ?? 0
        record.type = citation.type
        record.typeName = citation.typeName
        record.issuedOn = citation.issuedOn
        record.issuer = citation.issuer
        record.subject = citation.subject
        record.firstRaw = citation.raw
        return record
    }
}
