import DanVanCore
import Fluent
import Foundation

/// Publication to the people in the demo year, recorded by each commune's People's Committee:
/// Bình Lư published every item of the statutory list a few days before its deadline (and the
/// land recovery for the inter-village road, on the loudspeaker for three days); Bản Bo owes the
/// third quarter's budget execution, published its complaints report late and posted a land
/// notice for ten days without the loudspeaker; Sơn Bình published only its plan and budget.
enum CurrentYearPublications {
    struct Commune {
        let code: String
        /// Items published late, by rule code and period key, with the days late.
        let late: [String: Int]
        /// Items not published at all; nil: only these rule codes were published.
        let missing: Set<String>
        let only: Set<String>?
        let responsible: String
    }

    static let communes = [
        Commune(code: "LC-UBND-BINHLU", late: [:], missing: [], only: nil, responsible: "Vàng Văn Dũng, Phó Chủ tịch UBND xã"),
        Commune(code: "LC-UBND-BANBO", late: ["khieu-nai|H1": 12], missing: ["ns-thuchien|Q3"], only: nil, responsible: "Lò Văn Hải, Văn phòng HĐND-UBND xã"),
        Commune(code: "LC-UBND-SONBINH", late: [:], missing: [], only: ["ktxh-kehoach", "ns-dutoan"], responsible: "Hà Văn Minh, Công chức Văn phòng - Thống kê"),
    ]

    static func load(today: CivilDate, people: DemoPeople, on db: any Database) async throws {
        for commune in communes {
            let unit = try await UnitQueries.require(code: commune.code, on: db)
            let actor = people.manager(for: commune.code)
            let owed = try await PublicationRegister.obligations(of: unit, on: today, db: db).filter { $0.dueOn < today }
            for obligation in owed {
                let key = "\(obligation.rule.code)|\(obligation.period.key.split(separator: "-").last ?? "")"
                if commune.only.map({ !$0.contains(obligation.rule.code) }) ?? false { continue }
                if obligation.period.starts.year == today.year, commune.missing.contains(key) { continue }
                let late = obligation.period.starts.year == today.year ? commune.late[key] ?? 0 : 0
                let starts = obligation.dueOn.adding(days: late > 0 ? late : -5)
                try await record(obligation.rule, period: obligation.period, starts: starts, today: today, unit: unit, commune: commune, by: actor, on: db)
            }
            try await landNotice(unit: unit, commune: commune, today: today, by: actor, on: db)
        }
        try await consultations(today: today, people: people, on: db)
        try await boards(today: today, people: people, on: db)
        try await openPublicPages(on: db)
    }

    private static func record(_ rule: PublicationRule, period: PublicationPeriod, starts: CivilDate, today: CivilDate, unit: OrgUnit,
                               commune: Commune, by actor: Actor, on db: any Database) async throws {
        guard starts <= today else { return }
        var input = PublicationRecording.Input()
        input.unitCode = unit.code
        input.ruleCode = rule.code
        input.period = period.key
        input.title = "\(rule.title) – \(period.label)"
        input.docNumber = "\(10 + starts.dayNumber % 80)/QĐ-UBND"
        input.docDate = starts.adding(days: -3).description
        input.forms = rule.forms + ["truong_thon"]
        input.startsOn = starts.description
        // A year's plan and budget stay posted all year; the rest for three months.
        let wholeYear = rule.frequency == .yearly && rule.dueFrom == .periodStart
        input.endsOn = (wholeYear ? period.ends : starts.adding(days: max(rule.minDays, 90))).description
        input.responsible = commune.responsible
        _ = try await PublicationRecording.create(input, by: actor, on: db)
    }

    /// A land recovery notice for the inter-village road: Bình Lư's on the loudspeaker as the rule asks, Bản Bo's too short.
    private static func landNotice(unit: OrgUnit, commune: Commune, today: CivilDate, by actor: Actor, on db: any Database) async throws {
        guard commune.only == nil, let starts = CivilDate(year: today.year, month: 9, day: 1), starts <= today else { return }
        let proper = commune.late.isEmpty
        var input = PublicationRecording.Input()
        input.unitCode = unit.code
        input.ruleCode = "dat-thuhoi"
        input.title = proper ? "Thông báo thu hồi đất thực hiện dự án mở rộng đường liên bản Nà Tăm – Phiêng Tòng"
            : "Thông báo thu hồi đất xây dựng nhà văn hóa bản Hon"
        input.docNumber = proper ? "112/TB-UBND" : "87/TB-UBND"
        input.docDate = starts.adding(days: -2).description
        input.forms = proper ? ["tru_so", "nha_van_hoa", "loa"] : ["tru_so"]
        input.loudspeakerDays = proper ? "3" : ""
        input.startsOn = starts.description
        input.endsOn = proper ? "" : starts.adding(days: 9).description
        input.responsible = commune.responsible
        _ = try await PublicationRecording.create(input, by: actor, on: db)
    }

    /// Bình Lư consulted its people for 30 days on the road's route and Bản Nà Tăm's households
    /// voted to contribute to its concrete (passed); Bản Bo consulted for 12 days, with its reason.
    private static func consultations(today: CivilDate, people: DemoPeople, on db: any Database) async throws {
        guard let starts = CivilDate(year: today.year, month: 6, day: 2), starts.adding(days: 40) <= today else { return }
        var road = ConsultationRecording.Input()
        (road.unitCode, road.kind, road.subject) = ("LC-UBND-BINHLU", "consultation", "Dự thảo phương án mở rộng đường liên bản Nà Tăm – Phiêng Tòng")
        (road.startsOn, road.endsOn, road.resultPublishedOn) = (starts.description, starts.adding(days: 29).description, starts.adding(days: 36).description)
        road.minutes = "Nhận 143 ý kiến; tiếp thu điều chỉnh hướng tuyến qua khu ruộng bậc thang, giữ nguyên mặt đường 5,5 m."
        _ = try await ConsultationRecording.create(road, today: today, by: people.manager(for: "LC-UBND-BINHLU"), on: db)
        var vote = ConsultationRecording.Input()
        (vote.unitCode, vote.villageCode, vote.kind) = ("LC-UBND-BINHLU", "LC-UBND-BINHLU-BANNATAM", "meeting")
        vote.subject = "Mức đóng góp ngày công, vật liệu bê tông hóa đường nội bản Nà Tăm"
        (vote.startsOn, vote.households, vote.participants) = (starts.adding(days: 45).description, "86", "71")
        (vote.votesFor, vote.votesAgainst, vote.votesAbstain) = ("64", "5", "2")
        vote.minutes = "Biên bản hội nghị thôn ngày \(starts.adding(days: 45).vietnamese): mỗi hộ góp 6 ngày công và 300.000 đồng."
        vote.resultPublishedOn = starts.adding(days: 48).description
        _ = try await ConsultationRecording.create(vote, today: today, by: people.manager(for: "LC-UBND-BINHLU"), on: db)
        var short = ConsultationRecording.Input()
        (short.unitCode, short.kind, short.subject) = ("LC-UBND-BANBO", "consultation", "Dự thảo danh sách hộ được hỗ trợ làm nhà văn hóa bản Hon")
        (short.startsOn, short.endsOn) = (starts.adding(days: 60).description, starts.adding(days: 71).description)
        short.shortReason = "Kịp thời hạn đăng ký nguồn hỗ trợ của tỉnh"
        _ = try await ConsultationRecording.create(short, today: today, by: people.manager(for: "LC-UBND-BANBO"), on: db)
    }

    /// Boards the people elected: every village of Bình Lư has its community investment supervision
    /// board and the commune its people's inspection board; Bản Hon (Bản Bo) has none yet.
    private static func boards(today: CivilDate, people: DemoPeople, on db: any Database) async throws {
        let term = (from: "2024-09-15", to: "2029-09-14")
        let places: [(commune: String, village: String, kind: OversightBoardKind, members: [String])] = [
            ("LC-UBND-BINHLU", "", .peopleInspection, ["Lò Văn Thanh – Trưởng ban", "Tẩn Thị Hoa – Phó Trưởng ban", "Giàng A Sử – Ủy viên", "Vàng Thị Lả – Ủy viên", "Sùng A Dìn – Ủy viên"]),
            ("LC-UBND-BINHLU", "LC-UBND-BINHLU-BANBINHLU", .investmentSupervision, ["Lường Văn Ơn – Trưởng ban", "Lò Thị Xuân – Ủy viên", "Điêu Văn Hùng – Ủy viên"]),
            ("LC-UBND-BINHLU", "LC-UBND-BINHLU-BANNATAM", .investmentSupervision, ["Vàng A Chá – Trưởng ban", "Giàng Thị Dợ – Ủy viên", "Sùng A Pó – Ủy viên"]),
            ("LC-UBND-BINHLU", "LC-UBND-BINHLU-BANPHIENGTONG", .investmentSupervision, ["Lò Văn Nọi – Trưởng ban", "Tao Thị Phương – Ủy viên", "Lò Văn Ánh – Ủy viên"]),
            ("LC-UBND-BANBO", "LC-UBND-BANBO-BANBO", .investmentSupervision, ["Đèo Văn Sinh – Trưởng ban", "Lò Thị Mai – Ủy viên", "Tao Văn Khiêm – Ủy viên"]),
            ("LC-UBND-BANBO", "LC-UBND-BANBO-BANNABO", .investmentSupervision, ["Hoàng Văn Dũng – Trưởng ban", "Lùng Thị Phấu – Ủy viên", "Vì Văn Tâm – Ủy viên"]),
        ]
        for (index, place) in places.enumerated() {
            var input = BoardRecording.Input()
            (input.unitCode, input.villageCode, input.kind) = (place.commune, place.village, place.kind.rawValue)
            input.decision = "Quyết định số \(20 + index)/QĐ-MTTQ ngày 15/9/2024 của Ban Thường trực Ủy ban MTTQ xã"
            (input.termFrom, input.termTo, input.members) = (term.from, term.to, place.members.joined(separator: "\n"))
            _ = try await BoardRecording.create(input, by: people.manager(for: place.commune), on: db)
        }
        try await recommendations(today: today, people: people, on: db)
    }

    /// Bản Nà Tăm's supervision board asked for drainage on the road, answered and accepted; the
    /// people's inspection board asked for the list of supported households to be posted in the
    /// villages, still unanswered past its date.
    private static func recommendations(today: CivilDate, people: DemoPeople, on db: any Database) async throws {
        guard let made = CivilDate(year: today.year, month: 8, day: 20), made.adding(days: 60) <= today,
              let village = try await UnitQueries.find(code: "LC-UBND-BINHLU-BANNATAM", on: db),
              let commune = try await UnitQueries.find(code: "LC-UBND-BINHLU", on: db) else { return }
        let clerk = people.manager(for: "LC-UBND-BINHLU")
        let boards = try await OversightBoard.query(on: db).filter(\.$unitID ~~ [village.requireID, commune.requireID]).all()
        guard let supervision = boards.first(where: { $0.unitID == village.requireID }), let inspection = boards.first(where: { $0.unitID == commune.requireID }) else { return }
        var drain = RecommendationActing.NewInput()
        (drain.boardID, drain.unitCode, drain.madeOn, drain.dueOn) = (String(supervision.requireID), "LC-UBND-BINHLU", made.description, made.adding(days: 40).description)
        drain.text = "Bổ sung rãnh thoát nước dọc đoạn đường qua khu ruộng bậc thang bản Nà Tăm trước mùa mưa."
        let first = try await RecommendationActing.create(drain, today: today, by: clerk, on: db)
        let answered = try await RecommendationActing.perform(first.requireID, action: "report", text: "Đã bổ sung 320 m rãnh xây, nghiệm thu ngày \(made.adding(days: 35).vietnamese).",
                                                              onDate: made.adding(days: 35).description, version: first.version, today: today, by: clerk, on: db)
        _ = try await RecommendationActing.perform(answered.requireID, action: "accept", text: "", onDate: made.adding(days: 38).description,
                                                   version: answered.version, today: today, by: clerk, on: db)
        var list = RecommendationActing.NewInput()
        (list.boardID, list.unitCode, list.madeOn, list.dueOn) = (String(inspection.requireID), "LC-UBND-BINHLU", made.adding(days: 50).description, made.adding(days: 80).description)
        list.text = "Niêm yết danh sách hộ được hỗ trợ làm nhà tại nhà văn hóa các bản, không chỉ tại trụ sở xã."
        _ = try await RecommendationActing.create(list, today: today, by: clerk, on: db)
    }

    /// The communes' People's Committees have public pages by default; the party committees of
    /// Bình Lư and Bản Bo publish theirs too, and the province's People's Committee opens the
    /// grassroots democracy section of the provincial portal.
    private static func openPublicPages(on db: any Database) async throws {
        for code in ["LC-DU-BINHLU", "LC-DU-BANBO", "LC-UBND"] {
            let unit = try await UnitQueries.require(code: code, on: db)
            try await UnitPublicPage.set(unit, on: true, version: unit.version, by: DemoLoader.actor, on: db)
        }
    }
}
