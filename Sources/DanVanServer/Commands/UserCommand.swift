import ArgumentParser
import DanVanCore
import Foundation

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "user", abstract: "Quản lý tài khoản.",
                                                    subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Tạo tài khoản. Với --admin: tạo quản trị hệ thống đầu tiên.",
            discussion: "Mật khẩu lấy từ --password, biến DANVAN_PASSWORD, hoặc được hỏi khi chạy.")

        @OptionGroup var common: CommonOptions
        @Flag(help: "Quản trị toàn hệ thống.") var admin = false
        @Option(help: "Tên đăng nhập.") var username: String = "admin"
        @Option(name: .customLong("full-name"), help: "Họ và tên.") var fullName: String?
        @Option(help: "Mã đơn vị (bắt buộc trừ khi --admin).") var unit: String?
        @Option(help: "Vai trò: manager, reporter, viewer.") var role: String?
        @Option(help: "Mật khẩu (nên dùng DANVAN_PASSWORD hoặc để chương trình hỏi).") var password: String?

        func run() async throws {
            let secret = try password ?? ProcessInfo.processInfo.environment["DANVAN_PASSWORD"] ?? Self.prompt()
            let input = UserInput(username: username, fullName: fullName ?? (admin ? "Quản trị hệ thống" : username),
                                  unitCode: unit, role: admin ? Role.admin.rawValue : (role ?? Role.viewer.rawValue),
                                  password: secret, active: true, version: nil)
            let created = try await AppRunner.withApplication(try common.settings(), .writes) { app in
                do {
                    return try await AccountCreation.perform(input, hasher: PasswordHashing(app), by: .commandLine, on: app.db)
                } catch let error as AppError {
                    throw ValidationError(error.reason)
                }
            }
            CommandOutput.line("Đã tạo tài khoản \(created.username) (\(created.userRole.label)).")
        }

        private static func prompt() throws -> String {
            guard let raw = getpass("Mật khẩu: ") else { throw ValidationError("Không đọc được mật khẩu.") }
            return String(cString: raw)
        }
    }
}
