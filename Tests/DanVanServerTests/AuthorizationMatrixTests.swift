import DanVanCore
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import DanVanServer

/// Every role × every position of the target unit × every `AccessAction`, on real requests
/// through the whole middleware chain, once on the JSON API and once on the pages. The expected
/// table is written out by hand: it is the specification, not a copy of the policy.
@Suite("Authorization matrix")
struct AuthorizationMatrixTests {
    enum Target: String, CaseIterable {
        case own = "T-D", descendant = "T-C", ancestor = "T-P", sibling = "T-S", otherTree = "T-O"
    }

    enum Surface: CaseIterable { case api, pages }

    /// The columns of `expected`, in order: one per `AccessAction`.
    static let actions: [AccessAction] = [.viewUnit, .editUnit, .createChildUnit, .moveUnit, .endUnit, .viewUsers, .manageUsers, .viewAudit,
                                          .enterReport, .approveReport, .viewPlans, .editPlans, .issuePlans, .updateTask, .chaseTask,
                                          .registerModel, .decideModel, .launchCampaign, .scoreSheet, .appraiseSheet, .openRound,
                                          .handleCitizens, .nameHandlers, .manageTraining, .inspect, .publishToPeople]

    /// ✓ = allowed. Columns: view, edit, createChild, move, end, viewUsers, manageUsers, viewAudit,
    /// enterReport, approveReport, viewPlans, editPlans, issuePlans, updateTask, chaseTask, registerModel, decideModel, launchCampaign,
    /// scoreSheet, appraiseSheet, openRound, handleCitizens, nameHandlers, manageTraining, inspect, publishToPeople.
    static let expected: [Role: [Target: String]] = [
        .admin: [.own: "✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓", .descendant: "✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓", .ancestor: "✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓",
                 .sibling: "✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓", .otherTree: "✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓"],
        .manager: [.own: "✓✓✓··✓✓✓✓·✓✓✓✓·✓·✓✓·✓✓✓✓✓✓", .descendant: "✓✓✓✓✓✓✓✓✓✓✓✓·✓✓✓✓✓✓✓✓✓·✓✓✓", .ancestor: "··········✓···············",
                   .sibling: "··························", .otherTree: "··························"],
        .reporter: [.own: "✓·······✓·✓··✓·✓··✓··✓·✓·✓", .descendant: "✓·········✓···············", .ancestor: "··········✓···············",
                    .sibling: "··························", .otherTree: "··························"],
        .viewer: [.own: "✓·········✓···············", .descendant: "✓·········✓···············", .ancestor: "··········✓···············",
                  .sibling: "··························", .otherTree: "··························"],
    ]

    @Test("every column of the matrix is an action, and every action has a column")
    func everyActionIsCovered() {
        #expect(Set(Self.actions) == Set(AccessAction.allCases) && Self.actions.count == AccessAction.allCases.count)
        #expect(Self.expected.values.flatMap(\.values).allSatisfy { $0.count == Self.actions.count })
    }

    @Test("each role at T-D against each unit and action, on the API and the pages", arguments: TestDatabase.all)
    func matrix(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let world = try await MatrixWorld.make(app)
            var signedIn: [(Role, String, HTTPHeaders)] = []
            for role in Role.allCases {
                let user = try await world.fixture.user("u-\(role.rawValue)", role, at: role == .admin ? nil : "T-D")
                signedIn.append((role, try await world.fixture.token(for: user), try await world.fixture.browser(for: user)))
            }
            let before = try await world.counts()
            for (role, token, browser) in signedIn {
                for target in Target.allCases {
                    let row = Array(Self.expected[role]?[target] ?? "")
                    let unit = try await world.fixture.unit(target.rawValue)
                    for (index, action) in Self.actions.enumerated() {
                        for surface in Surface.allCases {
                            let response = try await world.send(action, to: target, on: surface, token: token, browser: browser)
                            let context = Comment(rawValue: "\(role) \(target) \(action) \(surface) → \(response.status.code)")
                            if row[index] == "✓" {
                                #expect(![.forbidden, .unauthorized].contains(response.status) && response.status.code < 500, context)
                            } else {
                                #expect(response.status == .forbidden, context)
                                if target != .own {
                                    #expect(!response.body.string.contains(unit.name), "a refusal must not leak the unit's name: \(context)")
                                }
                            }
                        }
                    }
                }
            }
            let after = try await world.counts()
            #expect(after == before, "no request of the matrix may store anything: \(before) → \(after)")
        }
    }

    /// Routes about the signed-in person's own work (the to-do page, notices, preferences, the
    /// e-mail address) and the administrator's outbox. ✓ = allowed, · = refused (403), for the
    /// roles admin, manager, reporter, viewer in that order; anyone not signed in is sent to sign in
    /// (401 on the API), except the verification link, which carries its own secret.
    static let personalRoutes: [(name: String, expected: String, page: (HTTPMethod, String, [String: String]?), api: (HTTPMethod, String, String?)?)] = [
        ("to-do", "✓✓✓✓", (.GET, "/", nil), (.GET, "/api/todo", nil)),
        ("inbox", "✓✓✓✓", (.GET, "/notifications", nil), (.GET, "/api/notifications", nil)),
        ("open another's notice (404)", "✓✓✓✓", (.GET, "/notifications/999999", nil), (.POST, "/api/notifications/999999/read", "{}")),
        ("read all", "✓✓✓✓", (.POST, "/notifications/read-all", [:]), nil),
        ("preferences", "✓✓✓✓", (.GET, "/account/notifications", nil), (.GET, "/api/notification-preferences", nil)),
        ("save preferences (bad timing)", "✓✓✓✓", (.POST, "/account/notifications", ["timing": "weekly"]),
         (.PUT, "/api/notification-preferences", #"{"timing":"weekly","kinds":[]}"#)),
        ("e-mail (bad address)", "✓✓✓✓", (.POST, "/account/email", ["email": "x@"]), (.PUT, "/api/account/email", #"{"email":"x@"}"#)),
        ("outbox", "✓···", (.GET, "/admin/mail", nil), (.GET, "/api/admin/mail", nil)),
        ("citizen rules", "✓✓✓✓", (.GET, "/citizens/rules", nil), (.GET, "/api/deadline-rules", nil)),
        ("calendar, a due date (unknown rule)", "✓✓✓✓", (.GET, "/citizens/rules", nil), (.GET, "/api/deadline?rule=khong-co&from=2026-01-05", nil)),
        ("calendar days", "✓✓✓✓", (.GET, "/citizens/rules", nil), (.GET, "/api/calendar-days", nil)),
        ("identity setting (no decision)", "✓···", (.POST, "/admin/identity", ["mode": "sealed", "decision": ""]),
         (.PUT, "/api/admin/identity-mode", #"{"mode":"sealed","decision":""}"#)),
        ("identity setting page, a rule (bad day kind)", "✓···", (.GET, "/admin/identity", nil), (.POST, "/api/deadline-rules", #"{"dayKind":"tuần"}"#)),
        ("a calendar day (bad date)", "✓···", (.GET, "/admin/identity", nil), (.POST, "/api/calendar-days", #"{"date":"x"}"#)),
        ("retry a mail (none failed)", "✓···", (.POST, "/admin/mail/999999/retry", [:]), nil),
    ]

    @Test("personal and administrator routes, for each role and for nobody signed in, on the pages and the API", arguments: TestDatabase.all)
    func personalRoutes(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let world = try await MatrixWorld.make(app)
            var people: [(HTTPHeaders, String)] = []
            for role in [Role.admin, .manager, .reporter, .viewer] {
                let user = try await world.fixture.user("p-\(role.rawValue)", role, at: role == .admin ? nil : "T-D")
                people.append((try await world.fixture.browser(for: user), try await world.fixture.token(for: user)))
            }
            let before = try await world.counts()
            for (index, (browser, token)) in people.enumerated() {
                let role = [Role.admin, .manager, .reporter, .viewer][index]
                for route in Self.personalRoutes {
                    let allowed = Array(route.expected)[index] == "✓"
                    let page = try await app.page(route.page.0, route.page.1, headers: browser, form: route.page.2)
                    var responses = [("page", page)]
                    if let api = route.api {
                        responses.append(("api", try await app.api(api.0, api.1, token: token, json: api.2)))
                    }
                    for (surface, response) in responses {
                        let context = Comment(rawValue: "\(role) \(route.name) \(surface) → \(response.status.code)")
                        if allowed {
                            #expect(![.forbidden, .unauthorized].contains(response.status) && response.status.code < 500, context)
                        } else {
                            #expect(response.status == .forbidden, context)
                        }
                    }
                }
            }
            for route in Self.personalRoutes {
                let page = try await app.page(route.page.0, route.page.1, headers: [:], form: route.page.2)
                #expect([.seeOther, .found, .forbidden, .unauthorized].contains(page.status) && !page.body.string.contains("Việc cần làm</h1>"),
                        "\(route.name) without signing in → \(page.status.code)")
                if let api = route.api {
                    // A write without a token meets the CSRF check first (403); a read is asked to sign in (401).
                    let status = try await app.api(api.0, api.1, token: nil, json: api.2).status
                    #expect(status == .unauthorized || (api.0 != .GET && status == .forbidden), "\(route.name) API without a token → \(status.code)")
                }
            }
            let verify = try await app.page(.GET, "/account/email/verify?token=khong-dung", headers: [:])
            #expect(verify.status == .unprocessableEntity, "the verification link is public; a wrong secret is refused")
            let after = try await world.counts()
            #expect(after == before, "no request here may store anything: \(before) → \(after)")
        }
    }

    @Test("a browser asking for a unit outside its subtree gets a 403 page with no data", arguments: TestDatabase.all)
    func forbiddenPage(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await Fixture.tree(app)
            let user = try await fixture.user("can-bo", .manager, at: "T-D")
            let headers = try await fixture.browser(for: user)
            let own = try await app.page(.GET, "/units/T-C", headers: headers)
            #expect(own.status == .ok)
            #expect(own.body.string.contains("Đảng ủy xã Lũng Cú"))
            let sibling = try await app.page(.GET, "/units/T-S", headers: headers)
            #expect(sibling.status == .forbidden)
            #expect(sibling.body.string.contains("Không có quyền truy cập"))
            #expect(!sibling.body.string.contains("Mèo Vạc"))
        }
    }

    @Test("the tree and search show only the user's subtree", arguments: TestDatabase.all)
    func treeIsLimited(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await Fixture.tree(app)
            let user = try await fixture.user("xem", .viewer, at: "T-D")
            let headers = try await fixture.browser(for: user)
            let tree = try await app.page(.GET, "/units", headers: headers)
            #expect(tree.body.string.contains("Lũng Cú"))
            #expect(!tree.body.string.contains("Mèo Vạc"))
            #expect(!tree.body.string.contains("Ủy ban nhân dân tỉnh"))
            let search = try await app.page(.GET, "/units?q=huyen%20uy", headers: headers)
            #expect(search.body.string.contains("Đồng Văn"))
            #expect(!search.body.string.contains("Mèo Vạc"))
        }
    }
}

/// The fixture tree with, for every unit of the matrix, a draft plan of 2026 whose one task the
/// unit leads, due in March and already done. Each request is built to be refused by validation,
/// a stale version or a state after authorization, so "allowed" shows as a 4xx other than 403
/// and nothing is stored.
struct MatrixWorld {
    let fixture: Fixture
    let app: Application
    let plans: [String: Int]
    let occurrences: [String: Int]
    let models: [String: Int]
    /// Per unit: a criteria set it issued, a round it opened and a sheet about it in that round.
    let sheets: [String: (set: Int, round: Int, sheet: Int, file: Int)]
    /// Per unit: a case it received and a dialogue it held.
    let citizens: [String: (case: Int, dialogue: Int)]
    /// Per unit: a training course it organised.
    let courses: [String: Int]
    /// Per unit: a concluded self-inspection, its one requirement, reported with an evidence file.
    let inspections: [String: (inspection: Int, requirement: Int, file: Int)]
    /// Per unit: a publication it posted, in force, and a consultation it held.
    let publications: [String: Int]
    let consultations: [String: Int]
    /// Per unit: a people's inspection board it keeps, and a recommendation of it addressed to the unit.
    let boards: [String: Int]
    let recommendations: [String: Int]

    static let planText = """
        ĐẢNG BỘ TỈNH THỬ NGHIỆM
        HUYỆN ỦY ĐỒNG VĂN
        Số 12-KH/HU
        ĐẢNG CỘNG SẢN VIỆT NAM
        Đồng Văn, ngày 10 tháng 01 năm 2026
        KẾ HOẠCH
        thực hiện công tác dân vận năm 2026
        I. MỤC ĐÍCH, YÊU CẦU
        Nâng cao chất lượng công tác dân vận.
        II. CHỈ TIÊU
        - Trên 150% cán bộ được tập huấn.
        """

    static func make(_ app: Application) async throws -> MatrixWorld {
        let fixture = try await Fixture.tree(app)
        var plans: [String: Int] = [:]
        var occurrences: [String: Int] = [:]
        var models: [String: Int] = [:]
        var sheets: [String: (set: Int, round: Int, sheet: Int, file: Int)] = [:]
        for target in AuthorizationMatrixTests.Target.allCases {
            let code = target.rawValue
            let planID = try await PlanCreation.perform(unitCode: code, year: 2026, subject: "Kế hoạch của \(code)", by: .commandLine, on: app.db)
            let version = try #require(try await Plan.find(planID, on: app.db)).version
            let taskID = try await PlanItemAddition.perform(planID: planID, task: true, planVersion: version, by: .commandLine, on: app.db)
            let latest = try #require(try await Plan.find(planID, on: app.db)).version
            try await TaskChange.perform(taskID: taskID, .init(text: "Nhiệm vụ của \(code)", leadUnitCode: code, timing: "Tháng 3",
                                                               expectedResult: nil),
                                         planVersion: latest, by: .commandLine, on: app.db)
            let occurrence = try #require(try await TaskOccurrence.query(on: app.db).filter(\.$taskID == taskID).first())
            occurrence.state = OccurrenceState.done.rawValue
            try await occurrence.save(on: app.db)
            plans[code] = planID
            occurrences[code] = occurrence.requireID
            models[code] = try await ModelRegistering.register(ModelRegistration(name: "Mô hình của \(code)", field: "Kinh tế"), unitCode: code,
                                                               year: 2026, today: CivilDate(year: 2026, month: 3, day: 1)!, by: .commandLine, on: app.db).requireID
        }
        var citizens: [String: (case: Int, dialogue: Int)] = [:]
        var courses: [String: Int] = [:]
        for target in AuthorizationMatrixTests.Target.allCases {
            sheets[target.rawValue] = try await classification(for: target.rawValue, on: app.db)
            citizens[target.rawValue] = try await citizenWork(for: target.rawValue, on: app.db)
            var course = CourseRecording.Input()
            (course.unitCode, course.title, course.startsOn, course.topics, course.audience) = (target.rawValue, "Lớp của \(target.rawValue)", "2026-03-10", ["dan_van"], ["leader"])
            courses[target.rawValue] = try await CourseRecording.create(course, by: .commandLine, on: app.db).requireID
            _ = try await PeopleImport.perform(Data("Họ và tên,Chức vụ,Đối tượng,Phụ trách dân vận\nNgười của \(target.rawValue),Cán bộ,Cán bộ lãnh đạo,có".utf8),
                                               filename: "ds.csv", unitCode: target.rawValue, by: .commandLine, on: app.db)
        }
        var inspections: [String: (inspection: Int, requirement: Int, file: Int)] = [:]
        for target in AuthorizationMatrixTests.Target.allCases {
            var input = InspectionRecording.Input()
            (input.unitCode, input.kind, input.title, input.team, input.subjects, input.startsOn) =
                (target.rawValue, "self_inspection", "Tự kiểm tra của \(target.rawValue)", "Tổ tự kiểm tra", [target.rawValue], "2026-04-01")
            input.conclusion.concludedOn = "2026-04-10"
            input.conclusion.requirements = [.init(unitCode: target.rawValue, text: "Bổ sung hồ sơ.", dueOn: "2026-06-30")]
            let inspection = try await InspectionRecording.record(input, today: CivilDate(year: 2026, month: 11, day: 30)!, by: .commandLine, on: app.db)
            let requirement = try #require(try await InspectionRequirement.query(on: app.db).filter(\.$inspectionID == inspection.requireID).first())
            let evidence = RequirementActing.Evidence(files: [.init(name: "bien-ban.pdf", data: Data("%PDF-1.4".utf8))],
                                                      store: EvidenceStore(dataDirectory: app.settings.dataDirectory))
            _ = try await RequirementActing.perform(requirement.requireID, .init(action: "report", onDate: "2026-06-01", text: "Đã bổ sung hồ sơ.", version: 1),
                                                    evidence: evidence, today: CivilDate(year: 2026, month: 11, day: 30)!, by: .commandLine, on: app.db)
            let file = try await (app.db as! any SQLDatabase).raw("SELECT CAST(MAX(id) AS BIGINT) AS n FROM requirement_files").first()?.decode(column: "n", as: Int.self) ?? 0
            inspections[target.rawValue] = (inspection.requireID, requirement.requireID, file)
        }
        var publications: [String: Int] = [:], consultations: [String: Int] = [:], boards: [String: Int] = [:], recommendations: [String: Int] = [:]
        for target in AuthorizationMatrixTests.Target.allCases {
            var input = PublicationRecording.Input()
            (input.unitCode, input.ruleCode, input.title, input.forms, input.startsOn) =
                (target.rawValue, "tthc", "Thủ tục hành chính của \(target.rawValue)", ["tru_so"], "2026-03-01")
            publications[target.rawValue] = try await PublicationRecording.create(input, by: .commandLine, on: app.db).requireID
            var consultation = ConsultationRecording.Input()
            (consultation.unitCode, consultation.kind, consultation.subject, consultation.startsOn, consultation.endsOn) =
                (target.rawValue, "consultation", "Lấy ý kiến của \(target.rawValue)", "2026-03-01", "2026-03-31")
            consultations[target.rawValue] = try await ConsultationRecording.create(consultation, today: CivilDate(year: 2026, month: 11, day: 30)!,
                                                                                    by: .commandLine, on: app.db).requireID
            var board = BoardRecording.Input()
            (board.unitCode, board.kind, board.decision, board.termFrom, board.members) = (target.rawValue, "people_inspection", "QĐ 1", "2025-01-01", "A\nB\nC")
            let made = try await BoardRecording.create(board, by: .commandLine, on: app.db)
            boards[target.rawValue] = made.requireID
            var recommendation = RecommendationActing.NewInput()
            (recommendation.boardID, recommendation.unitCode, recommendation.text, recommendation.madeOn, recommendation.dueOn) =
                (String(made.requireID), target.rawValue, "Kiến nghị của ban", "2026-05-01", "2026-06-01")
            recommendations[target.rawValue] = try await RecommendationActing.create(recommendation, today: CivilDate(year: 2026, month: 11, day: 30)!,
                                                                                     by: .commandLine, on: app.db).requireID
        }
        return MatrixWorld(fixture: fixture, app: app, plans: plans, occurrences: occurrences, models: models, sheets: sheets, citizens: citizens,
                           courses: courses, inspections: inspections, publications: publications, consultations: consultations,
                           boards: boards, recommendations: recommendations)
    }

    /// The person the world registered at the unit.
    func person(at code: String) async throws -> Int {
        try await Person.query(on: app.db).filter(\.$fullName == "Người của \(code)").first()?.requireID ?? 0
    }

    static func sum(_ column: String, of table: String, on db: any Database) async throws -> Int {
        try await (db as! any SQLDatabase).raw("SELECT CAST(COALESCE(SUM(\(ident: column)), 0) AS BIGINT) AS n FROM \(ident: table)").first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// A set issued by the unit, a round it opened and a draft sheet about the unit itself in it:
    /// every classification route can then be aimed at the unit.
    static func classification(for code: String, on db: any Database) async throws -> (set: Int, round: Int, sheet: Int, file: Int) {
        let sample = CriteriaSetSamples.frontCommittees
        let set = try await CriteriaSetSaving.perform(.init(unitCode: code, title: "Bộ tiêu chí \(code)", decision: "Quyết định số 1-QĐ/X ngày 01/01/2026",
                                                            validFrom: "01/01/2026", unitKinds: UnitKind.allCases.map(\.rawValue),
                                                            tables: .init(criteria: sample.criteria, bands: sample.bands, gates: sample.gates)),
                                                      by: .commandLine, on: db)
        let unit = try await UnitQueries.require(code: code, on: db)
        let round = ClassificationRound()
        round.unitID = unit.requireID
        round.year = 2026
        round.setID = set.requireID
        round.title = "Xếp loại \(code)"
        round.opensOn = "2026-11-01"
        round.closesOn = "2026-12-31"
        round.stateRaw = ClassificationRound.State.open.rawValue
        round.version = 1
        round.createdAt = Date()
        try await round.create(on: db)
        let sheet = ClassificationSheet()
        sheet.roundID = round.requireID
        sheet.unitID = unit.requireID
        sheet.stateRaw = SheetState.draft.rawValue
        sheet.selfTotal = 0
        sheet.gated = false
        sheet.version = 1
        sheet.updatedAt = Date()
        try await sheet.create(on: db)
        let file = ClassificationFile()
        file.sheetID = sheet.requireID
        file.criterionKey = "I.1"
        file.storedName = "khong-co.pdf"
        file.originalName = "bien-ban.pdf"
        file.contentType = "application/pdf"
        file.size = 1
        try await file.create(on: db)
        return (set.requireID, round.requireID, sheet.requireID, file.id ?? 0)
    }

    /// A recommendation the unit received and a dialogue it held, so every citizens route can be aimed at the unit.
    static func citizenWork(for code: String, on db: any Database) async throws -> (case: Int, dialogue: Int) {
        let today = CivilDate(year: 2026, month: 11, day: 30)!
        var input = CaseReceiving.Input()
        (input.unitCode, input.kind, input.receivedOn, input.subject) = (code, "recommendation", "2026-11-02", "Kiến nghị của \(code)")
        let record = try await CaseReceiving.receive(input, today: today, key: nil, by: .commandLine, on: db)
        var dialogue = DialogueRecording.Input()
        (dialogue.unitCode, dialogue.coChairs, dialogue.topic, dialogue.heldOn) = (code, "Bí thư", "Đối thoại của \(code)", "2026-10-15")
        let held = try await DialogueRecording.record(dialogue, today: today, by: .commandLine, on: db)
        return (record.requireID, held.requireID)
    }

    /// Rows that any action of the matrix could add.
    func counts() async throws -> [Int] {
        [try await OrgUnit.query(on: app.db).count(), try await User.query(on: app.db).count(), try await Plan.query(on: app.db).count(),
         try await TaskUpdate.query(on: app.db).count(), try await Report.query(on: app.db).count(), try await AuditEntry.query(on: app.db).count(),
         try await NotificationFlowTests.count("notifications", on: app.db), try await NotificationFlowTests.count("notification_preferences", on: app.db),
         try await NotificationFlowTests.count("mail_outbox", on: app.db), try await NotificationFlowTests.count("movement_models", on: app.db),
         try await NotificationFlowTests.count("model_campaigns", on: app.db), try await NotificationFlowTests.count("model_notes", on: app.db),
         try await NotificationFlowTests.count("criteria_sets", on: app.db), try await NotificationFlowTests.count("classification_rounds", on: app.db),
         try await NotificationFlowTests.count("classification_scores", on: app.db), try await NotificationFlowTests.count("classification_files", on: app.db),
         try await MatrixWorld.sum("version", of: "classification_sheets", on: app.db),
         try await NotificationFlowTests.count("citizen_cases", on: app.db), try await NotificationFlowTests.count("case_events", on: app.db),
         try await NotificationFlowTests.count("case_handlers", on: app.db), try await NotificationFlowTests.count("reception_sessions", on: app.db),
         try await NotificationFlowTests.count("dialogues", on: app.db), try await NotificationFlowTests.count("deadline_rules", on: app.db),
         try await NotificationFlowTests.count("work_calendar_days", on: app.db), try await NotificationFlowTests.count("installation_settings", on: app.db),
         try await MatrixWorld.sum("version", of: "citizen_cases", on: app.db), try await MatrixWorld.sum("version", of: "dialogues", on: app.db),
         try await NotificationFlowTests.count("people", on: app.db), try await NotificationFlowTests.count("training_courses", on: app.db),
         try await NotificationFlowTests.count("course_attendances", on: app.db), try await MatrixWorld.sum("version", of: "training_courses", on: app.db),
         try await NotificationFlowTests.count("inspections", on: app.db), try await NotificationFlowTests.count("inspection_findings", on: app.db),
         try await NotificationFlowTests.count("requirement_events", on: app.db), try await MatrixWorld.sum("version", of: "inspections", on: app.db),
         try await MatrixWorld.sum("version", of: "inspection_requirements", on: app.db),
         try await NotificationFlowTests.count("inspection_plan_items", on: app.db), try await NotificationFlowTests.count("requirement_files", on: app.db),
         try await NotificationFlowTests.count("publications", on: app.db), try await MatrixWorld.sum("version", of: "publications", on: app.db),
         try await MatrixWorld.sum("version", of: "units", on: app.db), try await NotificationFlowTests.count("consultations", on: app.db),
         try await MatrixWorld.sum("version", of: "consultations", on: app.db), try await NotificationFlowTests.count("oversight_boards", on: app.db),
         try await NotificationFlowTests.count("board_recommendations", on: app.db), try await MatrixWorld.sum("version", of: "board_recommendations", on: app.db)]
    }

    func send(_ action: AccessAction, to target: AuthorizationMatrixTests.Target, on surface: AuthorizationMatrixTests.Surface,
              token: String, browser: HTTPHeaders) async throws -> TestingHTTPResponse {
        let code = target.rawValue
        let plan = plans[code] ?? 0
        let occurrence = occurrences[code] ?? 0
        let unit = try await fixture.unit(code)
        let parent = try await unit.parentID.asyncMap { try await OrgUnit.find($0, on: app.db)?.code } ?? nil
        switch surface {
        case .api:
            return try await api(action, code: code, parent: parent, plan: plan, occurrence: occurrence, token: token)
        case .pages:
            return try await page(action, code: code, parent: parent, plan: plan, occurrence: occurrence, headers: browser)
        }
    }

    private func api(_ action: AccessAction, code: String, parent: String?, plan: Int, occurrence: Int,
                     token: String) async throws -> TestingHTTPResponse {
        switch action {
        case .viewUnit:
            let unit = try await app.api(.GET, "/api/units/\(code)", token: token)
            for path in ["/api/classification-sheets/\(sheets[code]?.sheet ?? 0)", "/api/classification-rounds/\(sheets[code]?.round ?? 0)",
                         "/api/classification-rounds?unit=\(code)", "/api/criteria-sets?unit=\(code)",
                         "/api/cases?unit=\(code)", "/api/cases/\(citizens[code]?.case ?? 0)", "/api/reception-duties?unit=\(code)",
                         "/api/cases/\(citizens[code]?.case ?? 0)/redacted.docx", "/api/cases/\(citizens[code]?.case ?? 0)/scans",
                         "/api/reception-sessions?unit=\(code)", "/api/dialogues?unit=\(code)", "/api/citizens/timeliness?unit=\(code)",
                         "/api/people?unit=\(code)", "/api/training/courses?unit=\(code)", "/api/training/courses/\(courses[code] ?? 0)",
                         "/api/training/summary?unit=\(code)&year=2026", "/api/inspections?unit=\(code)",
                         "/api/inspections/\(inspections[code]?.inspection ?? 0)", "/api/inspection-requirements?unit=\(code)",
                         "/api/inspection-plan?unit=\(code)&year=2026", "/api/publications?unit=\(code)",
                         "/api/publications/due?unit=\(code)&date=2026-11-30", "/api/consultations?unit=\(code)&year=2026",
                         "/api/oversight-boards?unit=\(code)", "/api/board-recommendations?unit=\(code)"] {
                let read = try await app.api(.GET, path, token: token)
                #expect((read.status == .forbidden) == (unit.status == .forbidden), "\(path) follows viewing the unit")
            }
            return unit
        case .editUnit:
            let edited = try await app.api(.PUT, "/api/units/\(code)", token: token, json: #"{"name": "", "version": -1}"#)
            let publicPage = try await app.api(.PUT, "/api/units/\(code)/public-page", token: token, json: #"{"publish": true, "version": -1}"#)
            #expect((publicPage.status == .forbidden) == (edited.status == .forbidden), "the public page switch follows editing the unit, at \(code)")
            return edited
        case .createChildUnit: return try await app.api(.POST, "/api/units", token: token, json: #"{"parentCode": "\#(code)", "name": ""}"#)
        case .moveUnit:
            let parentJSON = parent.map { "\"\($0)\"" } ?? "null"
            return try await app.api(.POST, "/api/units/\(code)/move", token: token, json: #"{"parentCode": \#(parentJSON), "version": -1}"#)
        case .endUnit: return try await app.api(.POST, "/api/units/\(code)/end", token: token, json: #"{"validTo": "không phải ngày", "version": -1}"#)
        case .viewUsers: return try await app.api(.GET, "/api/units/\(code)/users", token: token)
        case .manageUsers:
            return try await app.api(.POST, "/api/users", token: token, json: #"{"username": "!", "fullName": "", "unitCode": "\#(code)", "role": "viewer"}"#)
        case .viewAudit: return try await app.api(.GET, "/api/audit?unit=\(code)", token: token)
        case .enterReport: return try await app.api(.POST, "/api/reports/\(code)", token: token, json: #"{"action": "save", "period": "2026-03"}"#)
        case .approveReport: return try await app.api(.POST, "/api/reports/\(code)", token: token, json: #"{"action": "approve", "period": "2026-03"}"#)
        case .viewPlans:
            let plan = try await app.api(.GET, "/api/plans/\(plan)", token: token)
            for path in ["/api/criteria-sets/\(sheets[code]?.set ?? 0)"] {
                let read = try await app.api(.GET, path, token: token)
                #expect((read.status == .forbidden) == (plan.status == .forbidden), "\(path) follows reading the unit's plans")
            }
            let check = try await app.api(.POST, "/api/classification/score", token: token, json: #"{"set": \#(sheets[code]?.set ?? 0), "scores": {}}"#)
            #expect((check.status == .forbidden) == (plan.status == .forbidden), "checking scores follows reading the set")
            return plan
        case .editPlans:
            return try await app.api(.POST, "/api/plans/import?save=true&unit=\(code)&filename=k.txt", token: token, body: Self.planText)
        case .issuePlans: return try await app.api(.POST, "/api/plans/\(plan)/issue", token: token, json: #"{"version": -1}"#)
        case .updateTask:
            let progress = try await app.api(.POST, "/api/tasks/\(occurrence)/progress", token: token, json: #"{"version": -1}"#)
            let remedy = try await app.api(.POST, "/api/inspection-requirements/\(inspections[code]?.requirement ?? 0)/actions", token: token,
                                           json: #"{"action": "report", "text": "Đã bổ sung.", "version": -1}"#)
            #expect((remedy.status == .forbidden) == (progress.status == .forbidden), "reporting a remedy follows updating a task, at \(code): \(remedy.status)")
            return progress
        case .chaseTask: return try await app.api(.POST, "/api/tasks/\(occurrence)/remind", token: token, json: "{}")
        case .registerModel:
            return try await app.api(.POST, "/api/models", token: token,
                                     json: #"{"unit": "\#(code)", "year": 2026, "registration": {"name": "", "field": "", "kind": "collective_model"}}"#)
        case .decideModel:
            return try await app.api(.POST, "/api/models/\(models[code] ?? 0)/decision", token: token, json: #"{"decision": "accept", "version": -1}"#)
        case .launchCampaign:
            return try await app.api(.POST, "/api/model-campaigns", token: token, json: #"{"unitCode": "\#(code)", "year": 2026, "title": ""}"#)
        case .scoreSheet:
            let sheet = sheets[code]?.sheet ?? 0
            let refill = try await app.api(.POST, "/api/classification-sheets/\(sheet)/prefill", token: token, json: #"{"version": -1}"#)
            let attach = try await app.api(.POST, "/api/classification-sheets/\(sheet)/evidence?criterion=Z.9&filename=a.pdf", token: token, body: "%PDF-1.4")
            let remove = try await app.api(.DELETE, "/api/classification-files/\(sheets[code]?.file ?? 0)?version=-1", token: token)
            let sent = try await app.api(.PUT, "/api/classification-sheets/\(sheet)", token: token, json: #"{"scores": {}, "version": -1}"#)
            #expect((refill.status == .forbidden) == (sent.status == .forbidden), "re-filling follows scoring, at \(code)")
            #expect((attach.status == .forbidden) == (sent.status == .forbidden), "attaching evidence follows scoring, at \(code)")
            #expect((remove.status == .forbidden) == (sent.status == .forbidden), "removing evidence follows scoring, at \(code)")
            return sent
        case .appraiseSheet:
            return try await app.api(.POST, "/api/classification-sheets/\(sheets[code]?.sheet ?? 0)/decision", token: token,
                                     json: #"{"action": "return", "version": -1, "reason": ""}"#)
        case .openRound:
            let set = try await app.api(.POST, "/api/criteria-sets", token: token, json: #"{"unitCode": "\#(code)", "title": ""}"#)
            let publish = try await app.api(.POST, "/api/classification-rounds/\(sheets[code]?.round ?? 0)/publish", token: token, json: #"{"decision": ""}"#)
            let opened = try await app.api(.POST, "/api/classification-rounds", token: token, json: #"{"unitCode": "\#(code)", "year": 2026}"#)
            #expect((set.status == .forbidden) == (opened.status == .forbidden), "keeping a criteria set follows opening a round, at \(code)")
            #expect((publish.status == .forbidden) == (opened.status == .forbidden), "publishing follows opening a round, at \(code)")
            return opened
        case .handleCitizens:
            let (caseID, dialogueID) = citizens[code] ?? (0, 0)
            let received = try await app.api(.POST, "/api/cases", token: token, json: #"{"unitCode": "\#(code)", "kind": ""}"#)
            let others = [
                try await app.api(.POST, "/api/reception-sessions", token: token, json: #"{"unitCode": "\#(code)"}"#),
                try await app.api(.POST, "/api/dialogues", token: token, json: #"{"unitCode": "\#(code)"}"#),
                try await app.api(.POST, "/api/cases/\(caseID)/actions", token: token, json: #"{"action": "close", "version": -1}"#),
                try await app.api(.POST, "/api/cases/import?unit=\(code)&filename=so.csv", token: token, body: "x"),
                try await app.api(.POST, "/api/dialogues/\(dialogueID)/publish", token: token, json: #"{"publishedOn": ""}"#),
                try await app.api(.POST, "/api/cases/\(caseID)/scans", token: token, json: "{}"),
            ]
            for other in others {
                #expect((other.status == .forbidden) == (received.status == .forbidden), "every citizens action follows receiving, at \(code): \(other.status)")
            }
            let identity = try await app.api(.POST, "/api/cases/\(caseID)/identity", token: token, json: #"{"reason": "Cần liên hệ người tố cáo để xác minh"}"#)
            #expect(identity.status == .forbidden, "an identity is read by a named handler only, never by a role, at \(code)")
            let scan = try await app.api(.POST, "/api/cases/\(caseID)/scans/open", token: token, json: #"{"scan": 1, "reason": "Cần đối chiếu chữ ký trên đơn"}"#)
            #expect(scan.status == .forbidden, "a scan is opened by a named handler only, never by a role, at \(code)")
            return received
        case .nameHandlers:
            return try await app.api(.PUT, "/api/cases/\(citizens[code]?.case ?? 0)/handlers", token: token, json: #"{"handlers": []}"#)
        case .manageTraining:
            let created = try await app.api(.POST, "/api/training/courses", token: token, json: #"{"unitCode": "\#(code)", "title": ""}"#)
            let others = [
                try await app.api(.PUT, "/api/training/courses/\(courses[code] ?? 0)/roster", token: token, json: #"{"version": 1, "lines": []}"#),
                try await app.api(.POST, "/api/people/\(try await person(at: code))/move", token: token, json: #"{"unitCode": "\#(code)", "onDate": "2026-05-01", "version": -1}"#),
                try await app.api(.POST, "/api/people/import?unit=\(code)&filename=ds.csv", token: token, body: "x"),
            ]
            for other in others {
                #expect((other.status == .forbidden) == (created.status == .forbidden), "every training action follows recording a course, at \(code): \(other.status)")
            }
            return created
        case .inspect:
            let created = try await app.api(.POST, "/api/inspections", token: token, json: #"{"unitCode": "\#(code)", "title": ""}"#)
            let ids = inspections[code] ?? (0, 0, 0)
            let others = [
                try await app.api(.POST, "/api/inspections/\(ids.inspection)/conclusion", token: token, json: #"{"concludedOn": "2026-05-01", "version": -1}"#),
                try await app.api(.POST, "/api/inspection-requirements/\(ids.requirement)/actions", token: token, json: #"{"action": "close", "version": -1}"#),
                try await app.api(.POST, "/api/inspection-plan/items", token: token, json: #"{"unitCode": "\#(code)", "month": 0}"#),
                try await app.api(.POST, "/api/inspection-plan/from-task", token: token, json: #"{"unitCode": "\#(code)", "taskID": 0}"#),
            ]
            for other in others {
                #expect((other.status == .forbidden) == (created.status == .forbidden), "every inspection action follows recording one, at \(code): \(other.status)")
            }
            return created
        case .publishToPeople:
            let created = try await app.api(.POST, "/api/publications", token: token, json: #"{"unitCode": "\#(code)", "title": ""}"#)
            let others = [
                try await app.api(.POST, "/api/publications/\(publications[code] ?? 0)/end", token: token, json: #"{"version": -1}"#),
                try await app.api(.POST, "/api/consultations", token: token, json: #"{"unitCode": "\#(code)", "kind": "khac"}"#),
                try await app.api(.POST, "/api/consultations/\(consultations[code] ?? 0)/publish", token: token, json: #"{"version": -1}"#),
                try await app.api(.POST, "/api/oversight-boards", token: token, json: #"{"unitCode": "\#(code)", "kind": "khac"}"#),
                try await app.api(.POST, "/api/board-recommendations", token: token, json: #"{"boardID": \#(boards[code] ?? 0), "unitCode": "\#(code)", "text": ""}"#),
                try await app.api(.POST, "/api/board-recommendations/\(recommendations[code] ?? 0)/actions", token: token, json: #"{"action": "close", "version": -1}"#),
            ]
            for other in others {
                #expect((other.status == .forbidden) == (created.status == .forbidden), "every publication action follows recording one, at \(code): \(other.status)")
            }
            return created
        }
    }

    private func page(_ action: AccessAction, code: String, parent: String?, plan: Int, occurrence: Int,
                      headers: HTTPHeaders) async throws -> TestingHTTPResponse {
        switch action {
        case .viewUnit:
            let unit = try await app.page(.GET, "/units/\(code)", headers: headers)
            for path in ["/classification/sheets/\(sheets[code]?.sheet ?? 0)", "/classification/rounds/\(sheets[code]?.round ?? 0)",
                         "/classification/rounds/\(sheets[code]?.round ?? 0)/summary.xlsx", "/classification/rounds/\(sheets[code]?.round ?? 0)/decision.docx",
                         "/classification?unit=\(code)", "/classification/sets?unit=\(code)",
                         "/citizens?unit=\(code)", "/citizens/cases?unit=\(code)", "/citizens/cases/\(citizens[code]?.case ?? 0)",
                         "/citizens/cases/\(citizens[code]?.case ?? 0)/receipt", "/citizens/dialogues/\(citizens[code]?.dialogue ?? 0)",
                         "/citizens/cases/\(citizens[code]?.case ?? 0)/redacted.docx",
                         "/training?unit=\(code)", "/people?unit=\(code)", "/training/courses/\(courses[code] ?? 0)",
                         "/citizens/report.xlsx?unit=\(code)", "/citizens/report.docx?unit=\(code)",
                         "/inspections?unit=\(code)", "/inspections/\(inspections[code]?.inspection ?? 0)",
                         "/inspections/\(inspections[code]?.inspection ?? 0)/thong-bao-ket-luan.docx", "/inspections/\(inspections[code]?.inspection ?? 0)/ket-luan.xlsx",
                         "/inspections/requirement-files/\(inspections[code]?.file ?? 0)"] {
                let read = try await app.page(.GET, path, headers: headers)
                #expect((read.status == .forbidden) == (unit.status == .forbidden), "\(path) follows viewing the unit")
            }
            return unit
        case .editUnit:
            let edited = try await app.page(.POST, "/units/\(code)/edit", headers: headers, form: ["name": "", "version": "-1"])
            let publicPage = try await app.page(.POST, "/units/\(code)/public-page", headers: headers, form: ["publish": "1", "version": "-1"])
            #expect((publicPage.status == .forbidden) == (edited.status == .forbidden), "the public page switch follows editing the unit, at \(code)")
            return edited
        case .createChildUnit: return try await app.page(.POST, "/units", headers: headers, form: ["parentCode": code, "name": ""])
        case .moveUnit: return try await app.page(.POST, "/units/\(code)/move", headers: headers, form: ["parentCode": parent ?? "", "version": "-1"])
        case .endUnit: return try await app.page(.POST, "/units/\(code)/end", headers: headers, form: ["validTo": "x", "version": "-1"])
        case .viewUsers: return try await app.page(.GET, "/users?unit=\(code)", headers: headers)
        case .manageUsers: return try await app.page(.GET, "/users/new?unit=\(code)", headers: headers)
        case .viewAudit: return try await app.page(.GET, "/audit?unit=\(code)", headers: headers)
        case .enterReport:
            let template = try await app.page(.GET, "/reports/template.csv?unit=\(code)&period=2026-03", headers: headers)
            let entered = try await app.page(.POST, "/reports/\(code)/action", headers: headers, form: ["action": "save", "period": "2026-03"])
            #expect((template.status == .forbidden) == (entered.status == .forbidden), "the CSV template follows entering a report, at \(code)")
            return entered
        case .approveReport: return try await app.page(.POST, "/reports/\(code)/action", headers: headers, form: ["action": "approve", "period": "2026-03"])
        case .viewPlans:
            let plan = try await app.page(.GET, "/plans/\(plan)", headers: headers)
            for path in ["/classification/sets/\(sheets[code]?.set ?? 0)", "/classification/sets/\(sheets[code]?.set ?? 0)/criteria.xlsx"] {
                let read = try await app.page(.GET, path, headers: headers)
                #expect((read.status == .forbidden) == (plan.status == .forbidden), "\(path) follows reading the unit's plans")
            }
            return plan
        case .editPlans: return try await app.page(.GET, "/plans/\(plan)/edit", headers: headers)
        case .issuePlans: return try await app.page(.POST, "/plans/\(plan)/issue", headers: headers, form: ["version": "-1"])
        case .updateTask:
            let progress = try await app.page(.POST, "/tasks/\(occurrence)/update", headers: headers, form: ["version": "-1"])
            let remedy = try await app.page(.POST, "/inspections/requirements/\(inspections[code]?.requirement ?? 0)/actions", headers: headers,
                                            form: ["action": "report", "text": "Đã bổ sung.", "version": "-1"])
            #expect((remedy.status == .forbidden) == (progress.status == .forbidden), "reporting a remedy follows updating a task, at \(code): \(remedy.status)")
            return progress
        case .chaseTask: return try await app.page(.POST, "/tasks/\(occurrence)/remind", headers: headers, form: ["note": ""])
        case .registerModel:
            let form = try await app.page(.GET, "/models/new?unit=\(code)", headers: headers)
            let created = try await app.page(.POST, "/models/new", headers: headers, form: ["unit": code, "year": "2026", "name": "", "field": ""])
            #expect((form.status == .forbidden) == (created.status == .forbidden), "the registration form follows registering, at \(code)")
            return created
        case .decideModel:
            return try await app.page(.POST, "/models/\(models[code] ?? 0)/decide", headers: headers, form: ["decision": "accept", "version": "-1"])
        case .scoreSheet:
            let sheet = sheets[code]?.sheet ?? 0
            let evidence = try await app.page(.POST, "/classification/sheets/\(sheet)/evidence", headers: headers, form: ["criterion": "I.1"])
            let refill = try await app.page(.POST, "/classification/sheets/\(sheet)/prefill", headers: headers, form: ["version": "-1"])
            let remove = try await app.page(.POST, "/classification-files/\(sheets[code]?.file ?? 0)/remove", headers: headers, form: ["version": "-1"])
            #expect((remove.status == .forbidden) == (refill.status == .forbidden), "removing evidence follows scoring, at \(code)")
            let saved = try await app.page(.POST, "/classification/sheets/\(sheet)", headers: headers, form: ["version": "-1", "points.I.1": "1"])
            #expect((evidence.status == .forbidden) == (saved.status == .forbidden), "evidence follows scoring, at \(code)")
            #expect((refill.status == .forbidden) == (saved.status == .forbidden), "re-filling follows scoring, at \(code)")
            return saved
        case .appraiseSheet:
            return try await app.page(.POST, "/classification/sheets/\(sheets[code]?.sheet ?? 0)/decide", headers: headers,
                                      form: ["action": "return", "version": "-1", "reason": ""])
        case .openRound:
            let form = try await app.page(.GET, "/classification/rounds/new?unit=\(code)", headers: headers)
            let set = try await app.page(.POST, "/classification/sets?unit=\(code)", headers: headers, form: ["title": ""])
            let publish = try await app.page(.POST, "/classification/rounds/\(sheets[code]?.round ?? 0)/publish", headers: headers, form: ["decision": ""])
            let opened = try await app.page(.POST, "/classification/rounds/new", headers: headers, form: ["unitCode": code, "year": "2026"])
            #expect((form.status == .forbidden) == (opened.status == .forbidden), "the round form follows opening a round, at \(code)")
            #expect((set.status == .forbidden) == (opened.status == .forbidden), "keeping a criteria set follows opening a round, at \(code)")
            #expect((publish.status == .forbidden) == (opened.status == .forbidden), "publishing follows opening a round, at \(code)")
            return opened
        case .launchCampaign:
            let form = try await app.page(.GET, "/models/campaigns/new?unit=\(code)", headers: headers)
            let launched = try await app.page(.POST, "/models/campaigns/new", headers: headers, form: ["unitCode": code, "year": "2026", "title": ""])
            #expect((form.status == .forbidden) == (launched.status == .forbidden), "the campaign form follows launching, at \(code)")
            return launched
        case .handleCitizens:
            let (caseID, dialogueID) = citizens[code] ?? (0, 0)
            let received = try await app.page(.POST, "/citizens/cases/new", headers: headers, form: ["unitCode": code, "kind": ""])
            let others = [
                try await app.page(.GET, "/citizens/cases/new?unit=\(code)", headers: headers),
                try await app.page(.GET, "/citizens/reception/new?unit=\(code)", headers: headers),
                try await app.page(.POST, "/citizens/reception/new", headers: headers, form: ["unitCode": code]),
                try await app.page(.GET, "/citizens/dialogues/new?unit=\(code)", headers: headers),
                try await app.page(.POST, "/citizens/dialogues/new", headers: headers, form: ["unitCode": code]),
                try await app.page(.POST, "/citizens/cases/\(caseID)/action", headers: headers, form: ["action": "close", "version": "-1"]),
                try await app.page(.POST, "/citizens/dialogues/\(dialogueID)/publish", headers: headers, form: ["publishedOn": ""]),
                try await app.page(.POST, "/citizens/cases/\(caseID)/scans", headers: headers, form: [:]),
            ]
            for other in others {
                #expect((other.status == .forbidden) == (received.status == .forbidden), "every citizens page follows receiving, at \(code): \(other.status)")
            }
            let identity = try await app.page(.POST, "/citizens/cases/\(caseID)/identity", headers: headers, form: ["reason": "Cần liên hệ để xác minh"])
            #expect(identity.status == .forbidden, "an identity is read by a named handler only, at \(code)")
            let scan = try await app.page(.POST, "/citizens/cases/\(caseID)/scans/open", headers: headers, form: ["scan": "1", "reason": "Cần đối chiếu chữ ký"])
            #expect(scan.status == .forbidden, "a scan is opened by a named handler only, at \(code)")
            return received
        case .nameHandlers:
            return try await app.page(.POST, "/citizens/cases/\(citizens[code]?.case ?? 0)/handlers", headers: headers, form: [:])
        case .manageTraining:
            let created = try await app.page(.POST, "/training/courses/new", headers: headers, form: ["unitCode": code, "title": ""])
            let others = [
                try await app.page(.GET, "/training/courses/new?unit=\(code)", headers: headers),
                try await app.page(.POST, "/training/courses/\(courses[code] ?? 0)/roster", headers: headers, form: ["version": "1"]),
                try await app.page(.POST, "/people/\(try await person(at: code))/move", headers: headers, form: ["unitCode": code, "onDate": "2026-05-01", "version": "-1"]),
                try await app.page(.POST, "/people/import", headers: headers, form: ["unitCode": code]),
            ]
            for other in others {
                #expect((other.status == .forbidden) == (created.status == .forbidden), "every training page follows recording a course, at \(code): \(other.status)")
            }
            return created
        case .inspect:
            let created = try await app.page(.POST, "/inspections/new", headers: headers, form: ["unitCode": code, "title": ""])
            let ids = inspections[code] ?? (0, 0, 0)
            let others = [
                try await app.page(.GET, "/inspections/new?unit=\(code)", headers: headers),
                try await app.page(.POST, "/inspections/\(ids.inspection)/conclusion", headers: headers, form: ["concludedOn": "2026-05-01", "version": "-1"]),
                try await app.page(.POST, "/inspections/requirements/\(ids.requirement)/actions", headers: headers, form: ["action": "close", "version": "-1"]),
                try await app.page(.POST, "/inspections/plan/from-task", headers: headers, form: ["unitCode": code, "taskID": "0"]),
            ]
            for other in others {
                #expect((other.status == .forbidden) == (created.status == .forbidden), "every inspection page follows recording one, at \(code): \(other.status)")
            }
            return created
        case .publishToPeople:
            let created = try await app.page(.POST, "/publications/new", headers: headers, form: ["unitCode": code, "title": ""])
            let others = [
                try await app.page(.POST, "/publications/\(publications[code] ?? 0)/end", headers: headers, form: ["version": "-1"]),
                try await app.page(.POST, "/consultations/new", headers: headers, form: ["unitCode": code, "kind": "khac"]),
                try await app.page(.POST, "/consultations/\(consultations[code] ?? 0)/publish", headers: headers, form: ["version": "-1"]),
                try await app.page(.POST, "/oversight-boards/new", headers: headers, form: ["unitCode": code, "kind": "khac"]),
                try await app.page(.POST, "/board-recommendations/new?unit=\(code)", headers: headers, form: ["boardID": String(boards[code] ?? 0), "unitCode": code, "text": ""]),
                try await app.page(.POST, "/board-recommendations/\(recommendations[code] ?? 0)/actions?unit=\(code)", headers: headers, form: ["action": "close", "version": "-1"]),
            ]
            for other in others {
                #expect((other.status == .forbidden) == (created.status == .forbidden), "every publication page follows recording one, at \(code): \(other.status)")
            }
            return created
        }
    }
}
