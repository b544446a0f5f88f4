import DanVanCore
import Fluent
import SQLKit

/// A cited document: every plan (the reader may see) that cites it, and the documents cited
/// beside it in those plans. Shown only to a reader who may read one of those plans.
struct CitedDocumentPage: Encodable {
    struct Link: Encodable { let label: String; let href: String; let count: Int }

    let label: String
    let issuer: String?
    let subject: String?
    let plans: [PlanRow]
    let citedWith: [Link]

    static func query(_ document: CitedDocument, for user: User, on db: any Database) async throws -> CitedDocumentPage {
        let links = try await PlanCitation.query(on: db).filter(\.$documentID == document.requireID).all()
        let plans = links.isEmpty ? [] : try await Plan.query(on: db).filter(\.$id ~~ links.map(\.planID)).sort(\.$year, .descending).all()
        let readable = try await PlanAccess.readable(plans, by: user, on: db)
        // A document no plan of the reader's cites is not theirs to look up.
        guard !readable.isEmpty else { throw AppError.notFound("Không tìm thấy văn bản.") }
        return CitedDocumentPage(label: label(document), issuer: document.issuer, subject: document.subject,
                                 plans: try await PlanQueries.rows(readable, on: db),
                                 citedWith: try await citedWith(document, in: readable.map(\.requireID), on: db))
    }

    static func label(_ document: CitedDocument) -> String {
        "\(document.typeName) số \(document.normalized)"
            + (document.issuedOn.flatMap(CivilDate.init(parsing:)).map { ", ngày \($0.vietnamese)" } ?? "")
    }

    /// Documents cited in the same plans, most shared first.
    private static func citedWith(_ document: CitedDocument, in planIDs: [Int], on db: any Database) async throws -> [Link] {
        guard !planIDs.isEmpty else { return [] }
        let sql = try UnitClosure.sqlDatabase(db)
        let rows = try await sql.raw("""
            SELECT document_id, COUNT(*) AS n FROM plan_citations
            WHERE plan_id IN (\(binds: planIDs)) AND document_id <> \(bind: document.requireID)
            GROUP BY document_id ORDER BY n DESC LIMIT 30
            """).all()
        let counts = try rows.map { (try $0.decode(column: "document_id", as: Int.self), try $0.decode(column: "n", as: Int.self)) }
        let documents = counts.isEmpty ? [] : try await CitedDocument.query(on: db).filter(\.$id ~~ counts.map(\.0)).all()
        let byID = Dictionary(uniqueKeysWithValues: documents.map { ($0.requireID, $0) })
        return counts.compactMap { id, count in byID[id].map { Link(label: label($0), href: SiteRoute.document(id).path, count: count) } }
    }
}
