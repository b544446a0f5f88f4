import DanVanCore
import Fluent
import Foundation

/// Loads the demo organisation (Lai Châu province) from its data file, in one transaction.
enum DemoLoader {
    struct Report {
        let loaded: Bool
        let units: Int
        let accounts: [(username: String, role: String, unit: String)]
        let password: String

        var text: String {
            var lines = [loaded ? "Đã nạp tổ chức mẫu: \(units) đơn vị." : "Cơ sở dữ liệu đã có dữ liệu; không nạp lại tổ chức mẫu."]
            lines.append("Tài khoản mẫu (mật khẩu chung: \(password)):")
            for account in accounts {
                lines.append("  \(account.username.padding(toLength: 18, withPad: " ", startingAt: 0)) \(account.role) — \(account.unit)")
            }
            return lines.joined(separator: "\n")
        }
    }

    static let actor = Actor.demoLoader

    static func organisation() throws -> DemoOrganisation {
        let data = try Data(contentsOf: ResourcePaths.file("Demo/lai-chau.json"))
        return try JSONDecoder().decode(DemoOrganisation.self, from: data)
    }

    /// Evidence files of the demo go to `dataDirectory`'s evidence folder, where the server reads them.
    static func loadIfEmpty(on db: any Database, hashing: PasswordHashing, dataDirectory: String) async throws -> Report {
        let demo = try organisation()
        let accounts = demo.users.map { user in
            (username: user.username, role: (Role(rawValue: user.role) ?? .viewer).label, unit: user.unit ?? "toàn hệ thống")
        }
        guard try await OrgUnit.query(on: db).count() == 0 else {
            return Report(loaded: false, units: 0, accounts: accounts, password: demo.password)
        }
        let hash = try await hashing.hash(demo.password)
        // Read before the transaction: Fluent runs its closure in a task that does not carry the pinned day.
        let today = Today.date
        try await db.transaction { tx in
            try await insertUnits(demo.units, on: tx)
            try await insertUsers(demo.users, passwordHash: hash, on: tx)
            try await DemoPlans.load(on: tx)
            try await CurrentYearDemo.load(today: today, evidence: EvidenceStore(dataDirectory: dataDirectory), on: tx)
        }
        return Report(loaded: true, units: demo.units.count, accounts: accounts, password: demo.password)
    }

    private static func insertUnits(_ units: [DemoOrganisation.DemoUnit], on tx: any Database) async throws {
        for unit in units {
            let reportsTo = try await unit.reportsTo.asyncMap { try await UnitQueries.require(code: $0, on: tx) }
            _ = try await UnitStore.insert(try UnitStore.validated(unit.draft), parentCode: unit.parent, reportsTo: reportsTo, by: actor, on: tx)
        }
        for unit in units where !(unit.successors ?? []).isEmpty {
            let stored = try await UnitQueries.require(code: unit.code, on: tx)
            let successors = try await UnitEnding.resolveSuccessors(unit.successors ?? [], of: stored, by: actor, on: tx)
            try await UnitEnding.replaceSuccessors(of: stored, with: successors, on: tx)
        }
    }

    private static func insertUsers(_ users: [DemoOrganisation.DemoUser], passwordHash: String, on tx: any Database) async throws {
        for demoUser in users {
            let user = User()
            user.username = demoUser.username
            user.fullName = demoUser.fullName
            user.unitID = try await demoUser.unit.asyncMap { try await UnitQueries.require(code: $0, on: tx).requireID }
            user.role = demoUser.role
            user.passwordHash = passwordHash
            user.active = true
            user.version = 1
            try await user.create(on: tx)
        }
    }
}
