import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// Sends one mail through an SMTP relay (RFC 5321): greeting, EHLO, STARTTLS when the settings
/// ask for it (refusing to go on in clear if the relay does not offer it), AUTH PLAIN, the
/// envelope and the message. Every refusal is an `SMTPError` saying, in Vietnamese, which step
/// failed and what the relay answered.
struct SMTPClient: Sendable {
    let settings: SMTPSettings
    let group: any EventLoopGroup
    var timeout: TimeAmount = .seconds(20)

    func send(to recipient: String, message: String) async throws {
        let replies = SMTPReplyReader()
        let channel = try await connect(replies)
        do {
            try await converse(channel, replies, to: recipient, message: message)
            _ = try? await command("QUIT", channel, replies)
            try? await channel.close()
        } catch {
            try? await channel.close()
            throw error
        }
    }

    private func connect(_ replies: SMTPReplyReader) async throws -> any Channel {
        let settings = settings
        let tls = settings.security == .implicitTLS ? try Self.tlsHandler(settings) : nil
        do {
            return try await ClientBootstrap(group: group)
                .connectTimeout(timeout)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        if let tls { try channel.pipeline.syncOperations.addHandler(tls) }
                        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SMTPLineDecoder()))
                        try channel.pipeline.syncOperations.addHandler(replies)
                    }
                }
                .connect(host: settings.host, port: settings.port).get()
        } catch {
            throw SMTPError("Không kết nối được máy chủ thư \(settings.host):\(settings.port) (\(error)).")
        }
    }

    private func converse(_ channel: any Channel, _ replies: SMTPReplyReader, to recipient: String, message: String) async throws {
        try expect(try await replies.next(on: channel, timeout: timeout), 220, step: "chào")
        var features = try expect(try await command("EHLO danvan", channel, replies), 250, step: "EHLO").lines
        if settings.security == .startTLS {
            guard features.contains(where: { $0.uppercased().hasPrefix("STARTTLS") }) else {
                throw SMTPError("Máy chủ thư \(settings.host) không hỗ trợ STARTTLS; DanVan không gửi mật khẩu và thư không mã hóa (dùng ?tls=none nếu đây là máy chủ nội bộ).")
            }
            try expect(try await command("STARTTLS", channel, replies), 220, step: "STARTTLS")
            try await channel.pipeline.addHandler(try Self.tlsHandler(settings), position: .first).get()
            features = try expect(try await command("EHLO danvan", channel, replies), 250, step: "EHLO sau STARTTLS").lines
        }
        if let username = settings.username {
            let secret = Data("\u{0}\(username)\u{0}\(settings.password ?? "")".utf8).base64EncodedString()
            let reply = try await command("AUTH PLAIN \(secret)", channel, replies)
            guard reply.code == 235 else {
                throw SMTPError("Máy chủ thư từ chối đăng nhập với tên \"\(username)\" (\(reply.summary)); kiểm tra tên và mật khẩu trong DANVAN_SMTP_URL.",
                                permanent: false)
            }
        }
        try expect(try await command("MAIL FROM:<\(settings.from)>", channel, replies), 250, step: "MAIL FROM")
        let accepted = try await command("RCPT TO:<\(recipient)>", channel, replies)
        guard accepted.code == 250 || accepted.code == 251 else {
            throw SMTPError("Máy chủ thư không nhận người nhận \(recipient) (\(accepted.summary)).", permanent: accepted.code >= 500)
        }
        try expect(try await command("DATA", channel, replies), 354, step: "DATA")
        let body = message.split(separator: "\r\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(".") ? "." + $0 : String($0) }.joined(separator: "\r\n")
        try expect(try await command(body + (body.hasSuffix("\r\n") ? "" : "\r\n") + ".", channel, replies), 250, step: "gửi nội dung")
    }

    private func command(_ line: String, _ channel: any Channel, _ replies: SMTPReplyReader) async throws -> SMTPReply {
        try await channel.writeAndFlush(ByteBuffer(string: line + "\r\n")).get()
        return try await replies.next(on: channel, timeout: timeout)
    }

    @discardableResult
    private func expect(_ reply: SMTPReply, _ code: Int, step: String) throws -> SMTPReply {
        guard reply.code == code else {
            throw SMTPError("Máy chủ thư trả lời bước \(step): \(reply.summary).", permanent: reply.code >= 500 && step != "chào")
        }
        return reply
    }

    /// The system's trust roots, or the relay's own CA (`DANVAN_SMTP_CA_FILE`, an office's
    /// internal authority). A relay named by its IP address is checked against that address:
    /// an IP cannot be sent as the TLS server name.
    private static func tlsHandler(_ settings: SMTPSettings) throws -> NIOSSLClientHandler {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if let caFile = settings.caFile { configuration.trustRoots = .file(caFile) }
        let context = try NIOSSLContext(configuration: configuration)
        let isAddress = (try? SocketAddress(ipAddress: settings.host, port: 0)) != nil
        return try NIOSSLClientHandler(context: context, serverHostname: isAddress ? nil : settings.host)
    }
}

struct SMTPError: Error, Sendable, CustomStringConvertible {
    let message: String
    /// The relay refused this mail for good (an unknown recipient); other errors pass with time.
    let permanent: Bool

    init(_ message: String, permanent: Bool = false) {
        self.message = message
        self.permanent = permanent
    }

    var description: String { message }
}

struct SMTPReply: Sendable {
    let code: Int
    let lines: [String]

    var summary: String { "\(code) \(lines.joined(separator: " "))".trimmingCharacters(in: .whitespaces) }
}

/// Cuts the relay's bytes into lines.
struct SMTPLineDecoder: ByteToMessageDecoder {
    typealias InboundOut = String

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let end = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
            if buffer.readableBytes > 8_192 { throw SMTPError("Máy chủ thư gửi một dòng quá dài.") }
            return .needMoreData
        }
        let length = end - buffer.readerIndex + 1
        var line = buffer.readString(length: length) ?? ""
        while let last = line.unicodeScalars.last, last == "\n" || last == "\r" { line.unicodeScalars.removeLast() }
        context.fireChannelRead(Self.wrapInboundOut(line))
        return .continue
    }
}

/// Gathers lines into replies ("250-…" lines continue, "250 …" ends one) and hands each reply
/// to the one waiting for it.
final class SMTPReplyReader: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = String

    // Touched only on the channel's event loop.
    private var lines: [String] = []
    private var ready: [SMTPReply] = []
    private var waiting: [EventLoopPromise<SMTPReply>] = []
    private var failure: (any Error)?

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let line = unwrapInboundIn(data)
        let code = Int(line.prefix(3)) ?? 0
        let separator = line.dropFirst(3).first
        lines.append(String(line.dropFirst(4)))
        guard separator != "-" else { return }
        let reply = SMTPReply(code: code, lines: lines)
        lines = []
        if waiting.isEmpty { ready.append(reply) } else { waiting.removeFirst().succeed(reply) }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(error)
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(SMTPError("Máy chủ thư đóng kết nối giữa chừng."))
        context.fireChannelInactive()
    }

    private func fail(_ error: any Error) {
        failure = failure ?? error
        waiting.forEach { $0.fail(error) }
        waiting = []
    }

    func next(on channel: any Channel, timeout: TimeAmount) async throws -> SMTPReply {
        let loop = channel.eventLoop
        let future: EventLoopFuture<SMTPReply> = loop.flatSubmit {
            if !self.ready.isEmpty { return loop.makeSucceededFuture(self.ready.removeFirst()) }
            if let failure = self.failure { return loop.makeFailedFuture(failure) }
            let promise = loop.makePromise(of: SMTPReply.self)
            self.waiting.append(promise)
            loop.scheduleTask(in: timeout) {
                promise.fail(SMTPError("Máy chủ thư không trả lời sau \(timeout.nanoseconds / 1_000_000_000) giây."))
            }
            return promise.futureResult
        }
        return try await future.get()
    }
}
