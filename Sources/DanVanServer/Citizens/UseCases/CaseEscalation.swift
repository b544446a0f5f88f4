import DanVanCore
import Fluent
import Foundation
import SQLKit

/// A second complaint or a further denunciation after an answer: a new case, linked to the first,
/// with the second round's limits. A sealed identity follows it, re-sealed to the new case.
enum CaseEscalation {
    static func open(from first: CitizenCase, on date: CivilDate, text: String, key: IdentityKey?, by actor: Actor,
                     on tx: any Database) async throws {
        let checked = CaseReceiving.Checked(kind: first.kind, channel: first.channel, received: date,
                                            subject: String("\(first.kind == .complaint ? "Khiếu nại lần hai" : "Tố cáo tiếp"): \(first.subject)".prefix(FreeText.Limit.line)),
                                            content: text, citizenName: first.citizenName, citizenAddress: first.citizenAddress,
                                            citizenContact: first.citizenContact, anonymous: first.anonymous, registerReference: first.registerReference,
                                            forwardedBy: first.forwardedBy, complexity: first.complexity, remote: first.remote,
                                            nationalRef: first.nationalRef, portalRef: first.portalRef, handlerIDs: try await handlers(of: first.requireID, on: tx),
                                            identity: .init(name: "", address: "", contact: "", note: ""),
                                            secondRound: first.kind == .complaint, parentCaseID: first.requireID)
        let second = try await CaseReceiving.insert(checked, unitID: first.unitID, origin: .none, deadlines: try await CaseDeadlines.load(on: tx),
                                                    by: actor, on: tx)
        if first.identitySealed, let key, let row = try await IdentityReading.sealedRow(first.requireID, on: tx) {
            let identity = try IdentityVault.open(row.sealed, caseID: first.requireID, with: key)
            try await CaseReceiving.seal(identity, caseID: second.requireID, key: key, on: tx)
            try await UnitClosure.sqlDatabase(tx).update(CitizenCase.schema).set("identity_sealed", to: true).where("id", .equal, second.requireID).run()
        }
    }

    static func handlers(of caseID: Int, on db: any Database) async throws -> [Int] {
        try await UnitClosure.sqlDatabase(db).select().column("user_id").from("case_handlers").where("case_id", .equal, caseID).all()
            .map { try $0.decode(column: "user_id", as: Int.self) }
    }
}
