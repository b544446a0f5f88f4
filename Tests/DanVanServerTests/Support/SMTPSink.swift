import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL

/// A real SMTP server on 127.0.0.1 for the mail tests: it speaks the protocol's plain part
/// (EHLO, AUTH PLAIN, MAIL, RCPT, DATA, QUIT), keeps every message it accepts, can demand a
/// login, and can be stopped and started again on the same port, as a relay that goes down.
final class SMTPSink: Sendable {
    struct Message: Sendable {
        let from: String
        let to: [String]
        let data: String
        /// Received after STARTTLS.
        var overTLS = false

        /// The Subject header, its encoded words decoded.
        var subject: String {
            let lines = data.components(separatedBy: "\r\n")
            guard let start = lines.firstIndex(where: { $0.hasPrefix("Subject: ") }) else { return "" }
            var header = String(lines[start].dropFirst("Subject: ".count))
            for line in lines[(start + 1)...] where line.hasPrefix(" ") { header += line }
            return header.components(separatedBy: " ").map { word -> String in
                guard word.hasPrefix("=?UTF-8?B?"), word.hasSuffix("?="),
                      let data = Data(base64Encoded: String(word.dropFirst(10).dropLast(2))) else { return word }
                return String(decoding: data, as: UTF8.self)
            }.joined()
        }

        /// The plain-text part, decoded.
        var text: String {
            guard let start = data.range(of: "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"),
                  let end = data.range(of: "\r\n--", range: start.upperBound..<data.endIndex) else { return "" }
            let encoded = data[start.upperBound..<end.lowerBound].replacingOccurrences(of: "\r\n", with: "")
            return Data(base64Encoded: encoded).map { String(decoding: $0, as: UTF8.self) } ?? ""
        }
    }

    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private let tls = NIOLockedValueBox<NIOSSLContext?>(nil)

    /// Offer STARTTLS with this certificate and key (PEM files).
    func offerStartTLS(certificate: String, key: String) throws {
        let configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: try NIOSSLCertificate.fromPEMFile(certificate).map { .certificate($0) },
            privateKey: .privateKey(try NIOSSLPrivateKey(file: key, format: .pem)))
        let context = try NIOSSLContext(configuration: configuration)
        tls.withLockedValue { $0 = context }
    }

    fileprivate var tlsContext: NIOSSLContext? { tls.withLockedValue { $0 } }
    private let state = NIOLockedValueBox<(messages: [Message], channel: (any Channel)?, port: Int, login: (String, String)?)>(([], nil, 0, nil))

    var messages: [Message] { state.withLockedValue { $0.messages } }
    var port: Int { state.withLockedValue { $0.port } }

    /// Demand AUTH PLAIN with these; nil accepts mail without a login.
    func requireLogin(_ login: (String, String)?) {
        state.withLockedValue { $0.login = login }
    }

    func start() async throws {
        let port = self.port
        let channel = try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineDecoder()))
                    try channel.pipeline.syncOperations.addHandler(Session(sink: self))
                }
            }
            .bind(host: "127.0.0.1", port: port).get()
        state.withLockedValue {
            $0.channel = channel
            $0.port = channel.localAddress?.port ?? port
        }
    }

    func stop() async throws {
        let channel = state.withLockedValue { state in
            defer { state.channel = nil }
            return state.channel
        }
        try await channel?.close()
    }

    func shutdown() async throws {
        try await stop()
        try await group.shutdownGracefully()
    }

    fileprivate func accept(_ message: Message) {
        state.withLockedValue { $0.messages.append(message) }
    }

    fileprivate var login: (String, String)? { state.withLockedValue { $0.login } }

    private struct LineDecoder: ByteToMessageDecoder {
        typealias InboundOut = String

        mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
            guard let end = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else { return .needMoreData }
            var line = buffer.readString(length: end - buffer.readerIndex + 1) ?? ""
            while let last = line.unicodeScalars.last, last == "\n" || last == "\r" { line.unicodeScalars.removeLast() }
            context.fireChannelRead(Self.wrapInboundOut(line))
            return .continue
        }
    }

    private final class Session: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = String
        let sink: SMTPSink
        var authenticated = false
        var secured = false
        var from = ""
        var to: [String] = []
        var data: [String]?
        var securedMessages = false

        init(sink: SMTPSink) {
            self.sink = sink
        }

        func channelActive(context: ChannelHandlerContext) {
            reply(context, "220 sink.test ESMTP")
        }

        func channelRead(context: ChannelHandlerContext, data raw: NIOAny) {
            let line = unwrapInboundIn(raw)
            if var body = data {
                if line == "." {
                    sink.accept(Message(from: from, to: to, data: body.joined(separator: "\r\n"), overTLS: securedMessages))
                    data = nil
                    to = []
                    reply(context, "250 queued")
                } else {
                    body.append(line.hasPrefix("..") ? String(line.dropFirst()) : line)
                    data = body
                }
                return
            }
            let verb = line.prefix(4).uppercased()
            switch verb {
            case "EHLO", "HELO":
                reply(context, sink.tlsContext != nil && !secured ? "250-sink.test\r\n250-STARTTLS\r\n250 AUTH PLAIN" : "250-sink.test\r\n250 AUTH PLAIN")
            case "STAR":
                guard let tls = sink.tlsContext else { reply(context, "502 not offered"); return }
                secured = true
                let channel = context.channel
                context.writeAndFlush(NIOAny(ByteBuffer(string: "220 go ahead\r\n"))).whenSuccess {
                    _ = channel.pipeline.addHandler(NIOSSLServerHandler(context: tls), position: .first)
                }
            case "AUTH":
                let secret = line.split(separator: " ").last.map(String.init) ?? ""
                let parts = Data(base64Encoded: secret).map { String(decoding: $0, as: UTF8.self).split(separator: "\u{0}", omittingEmptySubsequences: false) } ?? []
                if let login = sink.login, parts.count == 3, parts[1] == login.0, parts[2] == login.1 {
                    authenticated = true
                    reply(context, "235 ok")
                } else {
                    reply(context, "535 5.7.8 authentication failed")
                }
            case "MAIL":
                if sink.login != nil && !authenticated { reply(context, "530 authentication required"); return }
                from = line
                securedMessages = secured
                reply(context, "250 ok")
            case "RCPT":
                to.append(String(line.dropFirst("RCPT TO:<".count).dropLast()))
                reply(context, "250 ok")
            case "DATA":
                data = []
                reply(context, "354 go ahead")
            case "QUIT":
                reply(context, "221 bye")
                context.close(promise: nil)
            default: reply(context, "250 ok")
            }
        }

        private func reply(_ context: ChannelHandlerContext, _ text: String) {
            context.writeAndFlush(NIOAny(ByteBuffer(string: text + "\r\n")), promise: nil)
        }
    }
}
