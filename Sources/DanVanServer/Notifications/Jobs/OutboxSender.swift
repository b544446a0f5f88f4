import DanVanCore
import Foundation
import SQLKit

/// Whatever carries a rendered mail to its recipient: the SMTP client, or a test's stand-in.
protocol MailTransport: Sendable {
    func send(to recipient: String, message: String) async throws
}

extension SMTPClient: MailTransport {}

/// Sends the outbox's due mails one by one: each is claimed, sent, then marked sent; a relay
/// that fails leaves it queued for a later try. The site's address is filled into links here.
struct OutboxSender: Sendable {
    let transport: any MailTransport
    let from: String
    let siteURL: String
    var batch = 50

    struct Outcome: Sendable, Equatable {
        var sent = 0
        var failed = 0
    }

    func run(now: Date, on sql: any SQLDatabase) async throws -> Outcome {
        var outcome = Outcome()
        let claimed = try await MailOutbox.claim(limit: batch, now: now, on: sql)
        for (index, mail) in claimed.enumerated() {
            let message = MIMEMessage.render(from: from, to: mail.to, subject: mail.subject, text: filled(mail.text),
                                             html: filled(mail.html), messageID: "outbox-\(mail.id)@danvan", date: now)
            do {
                try await transport.send(to: mail.to, message: message)
                try await MailOutbox.markSent(mail.id, now: now, on: sql)
                outcome.sent += 1
            } catch {
                let permanent = (error as? SMTPError)?.permanent == true
                try await MailOutbox.markFailed(mail, error: "\(error)", givingUp: permanent, now: now, on: sql)
                outcome.failed += 1
                // The relay is down or refuses us: the rest wait for the next round instead of failing one by one.
                if !permanent {
                    try await MailOutbox.release(claimed[(index + 1)...].map(\.id), on: sql)
                    break
                }
            }
        }
        return outcome
    }

    private func filled(_ body: String) -> String {
        body.replacingOccurrences(of: MailComposer.siteMarker, with: siteURL)
    }
}
