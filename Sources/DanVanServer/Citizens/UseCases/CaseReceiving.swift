import DanVanCore
import Fluent
import Foundation
import SQLKit

/// Receiving a citizen's matter: classified, dated, given its first deadline and a tracking code,
/// with who will handle it. A denouncer's identity never reaches a column of the case: in the
/// default mode the form takes only the confidential register's reference, in the sealed mode
/// the identity is sealed in its own table and its fragments are taken out of the summary.
enum CaseReceiving {
    struct Input: Codable, Sendable, Equatable {
        var unitCode = ""
        var kind = ""
        var channel = ""
        var receivedOn = ""
        var subject = ""
        var content = ""
        var citizenName = ""
        var citizenAddress = ""
        var citizenContact = ""
        var anonymous = false
        var registerReference = ""
        var forwardedBy = ""
        var complexity = ""
        var remote = false
        var nationalRef = ""
        var portalRef = ""
        /// The handlers' user names, besides the person receiving when they work at the unit.
        var handlers: [String] = []
        var identityName = ""
        var identityAddress = ""
        var identityContact = ""
        var identityNote = ""

        init() {}

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            func text(_ key: CodingKeys) -> String { ((try? c.decodeIfPresent(String.self, forKey: key)) ?? nil) ?? "" }
            func flag(_ key: CodingKeys) -> Bool {
                if let value = (try? c.decodeIfPresent(Bool.self, forKey: key)) ?? nil { return value }
                return ["on", "true", "1"].contains(text(key))
            }
            unitCode = text(.unitCode); kind = text(.kind); channel = text(.channel); receivedOn = text(.receivedOn)
            subject = text(.subject); content = text(.content); citizenName = text(.citizenName); citizenAddress = text(.citizenAddress)
            citizenContact = text(.citizenContact); anonymous = flag(.anonymous); registerReference = text(.registerReference)
            forwardedBy = text(.forwardedBy); complexity = text(.complexity); remote = flag(.remote); nationalRef = text(.nationalRef)
            portalRef = text(.portalRef); handlers = ((try? c.decodeIfPresent([String].self, forKey: .handlers)) ?? nil) ?? []
            identityName = text(.identityName); identityAddress = text(.identityAddress); identityContact = text(.identityContact)
            identityNote = text(.identityNote)
        }

        var identity: IdentityVault.Identity {
            IdentityVault.Identity(name: identityName.trimmingCharacters(in: .whitespaces), address: identityAddress.trimmingCharacters(in: .whitespaces),
                                   contact: identityContact.trimmingCharacters(in: .whitespaces), note: identityNote.trimmingCharacters(in: .whitespaces))
        }
    }

    /// Where the case came from when it was raised at a reception day or a dialogue.
    struct Origin: Sendable {
        var receptionSessionID: Int?
        var dialogueID: Int?
        static let none = Origin()
    }

    static func receive(_ input: Input, origin: Origin = .none, today: CivilDate, key: IdentityKey?, by actor: Actor,
                        on db: any Database) async throws -> CitizenCase {
        let unit = try await UnitQueries.require(code: input.unitCode, field: "unitCode", on: db)
        try await Authorizer.require(actor, .handleCitizens, on: unit, db: db, message: "Bạn không được tiếp nhận đơn thư cho đơn vị này.")
        let mode = try await IdentityMode.current(on: db)
        let checked = try await check(input, unitID: unit.requireID, mode: mode, key: key, today: today, on: db)
        let deadlines = try await CaseDeadlines.load(on: db)
        return try await db.writeTransaction { tx in
            let record = try await insert(checked, unitID: unit.requireID, origin: origin, deadlines: deadlines, by: actor, on: tx)
            if let key, !checked.identity.isEmpty {
                try await seal(checked.identity, caseID: record.requireID, key: key, on: tx)
            }
            return record
        }
    }

    /// The input cleaned and judged, every fault named; nothing is written until all is well.
    struct Checked: Sendable {
        var kind: CaseKind
        var channel: CaseChannel
        var received: CivilDate
        var subject: String
        var content: String
        var citizenName: String?
        var citizenAddress: String?
        var citizenContact: String?
        var anonymous: Bool
        var registerReference: String?
        var forwardedBy: String?
        var complexity: CaseComplexity
        var remote: Bool
        var nationalRef: String?
        var portalRef: String?
        var handlerIDs: [Int]
        var identity: IdentityVault.Identity
        var secondRound = false
        var parentCaseID: Int?
    }

    static func check(_ input: Input, unitID: Int, mode: IdentityMode.Mode, key: IdentityKey?, today: CivilDate,
                      on db: any Database) async throws -> Checked {
        var issues: [ValidationIssue] = []
        let kind = CaseKind(parsing: input.kind)
        if kind == nil {
            issues.append(ValidationIssue(field: "kind", message: "Loại đơn \"\(input.kind)\" không có; chọn kiến nghị, phản ánh, khiếu nại hoặc tố cáo."))
        }
        let channel = input.channel.isEmpty ? CaseChannel.letter : CaseChannel(parsing: input.channel)
        if channel == nil {
            issues.append(ValidationIssue(field: "channel", message: "Hình thức tiếp nhận \"\(input.channel)\" không có."))
        }
        let received = CivilDate(parsing: input.receivedOn)
        if let received {
            if received > today {
                issues.append(ValidationIssue(field: "receivedOn", message: "Ngày tiếp nhận \(received.vietnamese) sau hôm nay (\(today.vietnamese))."))
            }
        } else {
            issues.append(ValidationIssue(field: "receivedOn", message: "Ngày tiếp nhận \"\(input.receivedOn)\" không phải một ngày; ghi dạng 25/11/2026."))
        }
        let complexity = input.complexity.isEmpty ? CaseComplexity.ordinary : CaseComplexity(rawValue: input.complexity)
        if complexity == nil {
            issues.append(ValidationIssue(field: "complexity", message: "Mức độ \"\(input.complexity)\" không có."))
        }
        var subject = FreeText.clean(input.subject, field: "subject", label: "Tóm tắt nội dung", limit: FreeText.Limit.line, required: true)
            .value(collecting: &issues) ?? ""
        var content = FreeText.clean(input.content, field: "content", label: "Nội dung", limit: FreeText.Limit.document, multiline: true)
            .value(collecting: &issues) ?? ""
        let name = FreeText.clean(input.citizenName, field: "citizenName", label: "Họ tên công dân", limit: FreeText.Limit.name).value(collecting: &issues) ?? ""
        let address = FreeText.clean(input.citizenAddress, field: "citizenAddress", label: "Địa chỉ", limit: FreeText.Limit.line).value(collecting: &issues) ?? ""
        let contact = FreeText.clean(input.citizenContact, field: "citizenContact", label: "Điện thoại, thư điện tử", limit: FreeText.Limit.name)
            .value(collecting: &issues) ?? ""
        let reference = FreeText.clean(input.registerReference, field: "registerReference", label: "Số vào sổ mật", limit: FreeText.Limit.name)
            .value(collecting: &issues) ?? ""
        let forwarded = FreeText.clean(input.forwardedBy, field: "forwardedBy", label: "Cơ quan chuyển đơn", limit: FreeText.Limit.line)
            .value(collecting: &issues) ?? ""
        let national = FreeText.clean(input.nationalRef, field: "nationalRef", label: "Mã trên Cơ sở dữ liệu quốc gia về khiếu nại, tố cáo",
                                      limit: 60).value(collecting: &issues) ?? ""
        let portal = FreeText.clean(input.portalRef, field: "portalRef", label: "Mã trên cổng tiếp nhận phản ánh, kiến nghị", limit: 60)
            .value(collecting: &issues) ?? ""
        var identity = input.identity
        for (value, field, label) in [(identity.name, "identityName", "Họ tên người tố cáo"), (identity.address, "identityAddress", "Địa chỉ người tố cáo"),
                                      (identity.contact, "identityContact", "Liên hệ người tố cáo"), (identity.note, "identityNote", "Ghi chú danh tính")] {
            if let cleaned = FreeText.clean(value, field: field, label: label, limit: FreeText.Limit.line).value(collecting: &issues) {
                switch field {
                case "identityName": identity.name = cleaned
                case "identityAddress": identity.address = cleaned
                case "identityContact": identity.contact = cleaned
                default: identity.note = cleaned
                }
            }
        }
        if kind == .denunciation {
            if !(name.isEmpty && address.isEmpty && contact.isEmpty) {
                issues.append(ValidationIssue(field: "citizenName", message: "Không ghi họ tên, địa chỉ, liên hệ người tố cáo vào các ô của công dân: danh tính người tố cáo phải được giữ bí mật (Luật Tố cáo 2018, Điều 9)."))
            }
            if mode.sealsIdentities {
                if identity.isEmpty && reference.isEmpty {
                    issues.append(ValidationIssue(field: "registerReference", message: "Ghi danh tính người tố cáo (được mã hóa) hoặc số vào sổ mật của đơn vị."))
                }
                if !identity.isEmpty && key == nil {
                    issues.append(ValidationIssue(field: "identityName", message: "Máy chủ chưa có khóa mã hóa danh tính; chỉ ghi số vào sổ mật."))
                }
            } else {
                if !identity.isEmpty {
                    issues.append(ValidationIssue(field: "identityName", message: "Hệ thống không lưu danh tính người tố cáo (chế độ mặc định): ghi danh tính vào sổ mật của đơn vị, ở đây chỉ ghi số vào sổ."))
                }
                if reference.isEmpty {
                    issues.append(ValidationIssue(field: "registerReference", message: "Ghi số vào sổ mật của đơn vị nơi lưu danh tính người tố cáo."))
                }
            }
        } else if !identity.isEmpty {
            issues.append(ValidationIssue(field: "identityName", message: "Các ô danh tính mật chỉ dành cho đơn tố cáo."))
        }
        if channel == .forwarded && forwarded.isEmpty {
            issues.append(ValidationIssue(field: "forwardedBy", message: "Ghi Mặt trận hoặc đoàn thể đã chuyển đơn đến."))
        }
        let handlerIDs = try await handlers(input.handlers, unitID: unitID, issues: &issues, on: db)
        guard issues.isEmpty, let kind, let channel, let received, let complexity else { throw AppError.validation(ValidationFailure(issues)) }
        if kind == .denunciation, !identity.isEmpty {
            subject = IdentityVault.redact(subject, removing: identity.fragments)
            content = IdentityVault.redact(content, removing: identity.fragments)
        }
        let anonymous = kind == .denunciation || input.anonymous
        return Checked(kind: kind, channel: channel, received: received, subject: subject, content: content,
                       citizenName: anonymous || name.isEmpty ? nil : name, citizenAddress: anonymous || address.isEmpty ? nil : address,
                       citizenContact: anonymous || contact.isEmpty ? nil : contact, anonymous: anonymous,
                       registerReference: kind == .denunciation && !reference.isEmpty ? reference : nil, forwardedBy: forwarded.isEmpty ? nil : forwarded,
                       complexity: complexity, remote: input.remote, nationalRef: national.isEmpty ? nil : national, portalRef: portal.isEmpty ? nil : portal,
                       handlerIDs: handlerIDs, identity: kind == .denunciation && mode.sealsIdentities ? identity : .init(name: "", address: "", contact: "", note: ""))
    }

    /// The named handlers: accounts of the competent unit, by user name.
    static func handlers(_ names: [String], unitID: Int, issues: inout [ValidationIssue], on db: any Database) async throws -> [Int] {
        var ids: [Int] = []
        for name in names.map({ $0.trimmingCharacters(in: .whitespaces) }).filter({ !$0.isEmpty }) {
            guard let user = try await User.query(on: db).filter(\.$username == name).first(), user.unitID == unitID, user.userRole != .admin else {
                issues.append(ValidationIssue(field: "handlers", message: "\"\(FreeText.printable(String(name.prefix(60))))\" không phải tài khoản của đơn vị có thẩm quyền."))
                continue
            }
            ids.append(try user.requireID())
        }
        return Array(Set(ids)).sorted()
    }

    static func insert(_ checked: Checked, unitID: Int, origin: Origin, deadlines: CaseDeadlines, status: CaseStatus = .received,
                       by actor: Actor, on tx: any Database) async throws -> CitizenCase {
        let record = CitizenCase()
        record.unitID = unitID
        record.trackingCode = try await uniqueCode(on: tx)
        record.kindRaw = checked.kind.rawValue
        record.channelRaw = checked.channel.rawValue
        record.receivedOn = checked.received.description
        record.subject = checked.subject
        record.content = checked.content
        record.search = VietnameseFolding.fold(checked.subject + " " + checked.content)
        record.citizenName = checked.citizenName
        record.citizenAddress = checked.citizenAddress
        record.citizenContact = checked.citizenContact
        record.anonymous = checked.anonymous
        record.registerReference = checked.registerReference
        record.identitySealed = !checked.identity.isEmpty
        record.forwardedBy = checked.forwardedBy
        record.complexityRaw = checked.complexity.rawValue
        record.remote = checked.remote
        record.secondRound = checked.secondRound
        record.parentCaseID = checked.parentCaseID
        record.statusRaw = status.rawValue
        record.extensions = 0
        record.nationalRef = checked.nationalRef
        record.portalRef = checked.portalRef
        record.receptionSessionID = origin.receptionSessionID
        record.dialogueID = origin.dialogueID
        let first = deadlines.afterReceipt(of: checked.kind, on: checked.received, given: .init(complexity: checked.complexity, remote: checked.remote))
        record.ruleKey = first?.rule.key
        record.dueOn = first?.due.description
        record.version = 1
        record.createdBy = actor.userID
        record.createdAt = Date()
        try await record.create(on: tx)
        let caseID = record.requireID
        var handlerIDs = Set(checked.handlerIDs)
        if let me = actor.userID, actor.unitID == unitID, actor.role != .admin { handlerIDs.insert(me) }
        for userID in handlerIDs.sorted() {
            try await UnitClosure.sqlDatabase(tx).insert(into: "case_handlers").columns("case_id", "user_id").values(SQLBind(caseID), SQLBind(userID)).run()
        }
        try await CaseHistory.append(caseID, action: "receive", on: checked.received, text: "Tiếp nhận: \(checked.channel.label)",
                                     due: first?.due, ruleKey: first?.rule.key, by: actor, on: tx)
        try await AuditLog.record("case.receive", entityType: "case", entityKey: record.trackingCode, unitID: unitID, before: nil,
                                  after: ["kind": checked.kind.rawValue, "channel": checked.channel.rawValue, "receivedOn": checked.received.description,
                                          "subject": checked.subject, "due": first?.due.description ?? ""],
                                  by: actor, on: tx)
        try await ReportGeneration.bump(on: tx)
        return record
    }

    static func seal(_ identity: IdentityVault.Identity, caseID: Int, key: IdentityKey, on tx: any Database) async throws {
        let sealed = try IdentityVault.seal(identity, caseID: caseID, with: key)
        try await UnitClosure.sqlDatabase(tx).insert(into: "case_identities").columns("case_id", "key_id", "sealed", "created_at")
            .values(SQLBind(caseID), SQLBind(key.id), SQLBind(sealed), SQLBind(Date())).run()
    }

    private static func uniqueCode(on db: any Database) async throws -> String {
        for _ in 0..<20 {
            let code = TrackingCode.make()
            if try await CitizenCase.query(on: db).filter(\.$trackingCode == code).count() == 0 { return code }
        }
        throw AppError(.internalServerError, "Không tạo được mã tra cứu; thử lại.")
    }
}

/// The history of a case: one event per step, written inside the step's transaction.
enum CaseHistory {
    static func append(_ caseID: Int, action: String, on date: CivilDate, text: String, documentNumber: String? = nil, documentDate: CivilDate? = nil,
                       due: CivilDate? = nil, ruleKey: String? = nil, by actor: Actor, on tx: any Database) async throws {
        let event = CaseEvent()
        event.caseID = caseID
        event.action = action
        event.onDate = date.description
        event.text = text
        event.documentNumber = documentNumber
        event.documentDate = documentDate?.description
        event.dueOn = due?.description
        event.ruleKey = ruleKey
        event.actorID = actor.userID
        event.actorName = actor.displayName
        event.createdAt = Date()
        try await event.create(on: tx)
    }
}
