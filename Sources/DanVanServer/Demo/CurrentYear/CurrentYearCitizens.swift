import DanVanCore
import Fluent
import Foundation

/// Citizens in the demo year: the province's, Bình Lư's and Bản Bo's party secretaries receiving
/// citizens each month (the province missed August, Bình Lư held one day in June; Sơn Bình records
/// none, and shows it), the commune
/// chairman every week (a deputy stood in once in September, which no longer counts); a
/// September dialogue of the commune with twelve questions, eight answered on the spot and four
/// become cases; recommendations and reports forwarded by the Front, a complaint, a denunciation
/// kept in the paper register and extended once; some answered, some in time, some overdue.
enum CurrentYearCitizens {
    static let commune = "LC-UBND-BINHLU"

    static func load(today: CivilDate, people: DemoPeople, on db: any Database) async throws {
        let year = today.year
        func day(_ month: Int, _ day: Int) -> CivilDate? {
            guard let date = CivilDate(year: year, month: month, day: day), date <= today else { return nil }
            return date
        }
        try await receptions(year: year, day: day, today: today, people: people, on: db)
        let clerk = people.poster(for: commune)
        let head = people.manager(for: commune)
        try await dialogue(day: day, today: today, by: head, on: db)
        try await cases(day: day, today: today, clerk: clerk, head: head, on: db)
    }

    private static func receptions(year: Int, day: (Int, Int) -> CivilDate?, today: CivilDate, people: DemoPeople, on db: any Database) async throws {
        func session(_ unit: String, _ position: LeaderPosition, _ host: String, _ date: CivilDate?, deputy: String = "", citizens: Int,
                     matters: [CaseReceiving.Input] = [], by actor: Actor) async throws {
            guard let date else { return }
            var input = ReceptionRecording.Input()
            input.unitCode = unit
            input.position = position.rawValue
            input.hostName = host
            input.deputyName = deputy
            input.heldOn = date.description
            input.place = position == .partySecretary ? "Phòng tiếp công dân" : "Trụ sở UBND xã Bình Lư"
            input.citizens = String(citizens)
            input.matters = matters
            _ = try await ReceptionRecording.record(input, today: today, key: nil, by: actor, on: db)
        }
        let province = people.manager(for: "LC-TU")
        for month in 1...12 where month != 8 {
            try await session("LC-TU", .partySecretary, "Giàng Páo Mỷ", day(month, 15 + month % 5), citizens: 6 + month % 4, by: province)
        }
        let secretary = people.manager(for: "LC-DU-BINHLU")
        for month in 1...12 {
            try await session("LC-DU-BINHLU", .partySecretary, "Lù Văn Chinh", day(month, 8), citizens: 3, by: secretary)
            if month != 6 { try await session("LC-DU-BINHLU", .partySecretary, "Lù Văn Chinh", day(month, 22), citizens: 2, by: secretary) }
        }
        let banBo = people.manager(for: "LC-DU-BANBO")
        for month in 1...12 {
            try await session("LC-DU-BANBO", .partySecretary, "Đèo Văn Thắng", day(month, 6), citizens: 2, by: banBo)
            try await session("LC-DU-BANBO", .partySecretary, "Đèo Văn Thắng", day(month, 20), citizens: 4, by: banBo)
        }
        let chair = people.manager(for: commune)
        guard let january = CivilDate(year: year, month: 1, day: 1) else { return }
        let calendar = try await CitizenRules.calendar(on: db)
        // Weeks from the one holding 1 January; the chairman receives on Thursday, or the nearest working day of that week.
        var monday = january.adding(days: 1 - WorkCalendar.weekday(of: january))
        var week = 0
        while monday <= today, monday.year <= year {
            let thursday = [3, 2, 1, 4, 0].map { monday.adding(days: $0) }.first { calendar.isWorkingDay($0) && $0.year == year }
            guard let thursday else { monday = monday.adding(days: 7); continue }
            let byDeputy = monday.month == 9 && monday.day > 7 && monday.day <= 14
            var matters: [CaseReceiving.Input] = []
            if week == 30 {
                var matter = CaseReceiving.Input()
                matter.kind = CaseKind.report.rawValue
                matter.subject = "Đèn đường bản Nà Tăm hỏng nhiều tháng chưa được sửa"
                matter.citizenName = "Lò Văn Sáng"
                matters.append(matter)
            }
            try await session(commune, .committeeChair, "Vàng Văn Dũng", thursday <= today ? thursday : nil, deputy: byDeputy ? "Lò Văn Hải (Phó Chủ tịch)" : "",
                              citizens: 2 + week % 3, matters: matters, by: chair)
            monday = monday.adding(days: 7)
            week += 1
        }
    }

    private static func dialogue(day: (Int, Int) -> CivilDate?, today: CivilDate, by actor: Actor, on db: any Database) async throws {
        guard let held = day(9, 10), let notice = day(9, 1), let published = day(9, 18) else { return }
        var input = DialogueRecording.Input()
        input.unitCode = commune
        input.coChairs = "Bí thư Đảng ủy xã Lù Văn Chinh; Chủ tịch UBND xã Vàng Văn Dũng; Chủ tịch Ủy ban MTTQ xã Lò Thị Mai"
        input.topic = "Đối thoại với Nhân dân về xây dựng nông thôn mới và giải phóng mặt bằng đường liên bản"
        input.form = "Trực tiếp"
        input.scope = "Đại diện hộ dân 3 bản, người có uy tín, các đoàn thể"
        input.noticeOn = notice.description
        input.channels = "Loa truyền thanh xã, bảng tin nhà văn hóa các bản, nhóm Zalo trưởng bản"
        input.heldOn = held.description
        input.attendance = "126"
        input.conclusions = "Giao UBND xã rà soát hồ sơ đền bù đường liên bản, trả lời các hộ trước 30/10; giao các bản tổ chức họp dân thống nhất phương án hiến đất."
        input.publishedOn = published.description
        let asked: [(String, String, String, Bool, String)] = [
            ("Ông Lò Văn Thào, bản Nà Tăm", "Đất đai", "Bao giờ chi trả tiền đền bù đoạn đường liên bản qua bản Nà Tăm?", false, ""),
            ("Bà Tòng Thị Ơn, bản Bình Lư", "Hạ tầng", "Đề nghị làm rãnh thoát nước đoạn qua nhà văn hóa bản", false, ""),
            ("Ông Lò Văn Chiến, bản Phiêng Tòng", "Chính sách", "Hộ cận nghèo được hỗ trợ làm nhà thế nào?", true, "Phó Chủ tịch UBND xã"),
            ("Ông Vàng A Sử, bản Nà Tăm", "Đất đai", "Xin cấp giấy chứng nhận quyền sử dụng đất nương đã canh tác lâu năm", false, ""),
            ("Bà Lò Thị Hiên, bản Bình Lư", "Y tế", "Trạm y tế xã có bác sĩ trực cuối tuần không?", true, "Trạm trưởng Trạm y tế"),
            ("Ông Tao Văn Nọi, bản Phiêng Tòng", "Giáo dục", "Đề nghị bố trí xe đưa đón học sinh bán trú", true, "Chủ tịch UBND xã"),
            ("Bà Lò Thị Phương, bản Nà Tăm", "Nông nghiệp", "Giống chè mới được hỗ trợ bao nhiêu?", true, "Công chức nông nghiệp"),
            ("Ông Lù Văn Pó, bản Bình Lư", "An ninh", "Tình trạng xe tải chở quá tải làm hỏng đường bản", false, ""),
            ("Bà Tòng Thị Xuân, bản Phiêng Tòng", "Văn hóa", "Kinh phí tu sửa nhà văn hóa bản năm nay", true, "Chủ tịch UBND xã"),
            ("Ông Lò Văn Hặc, bản Nà Tăm", "Đất đai", "Mốc giới đường liên bản cắm lấn vào vườn nhà", true, "Công chức địa chính"),
            ("Bà Lò Thị Dung, bản Bình Lư", "Chính sách", "Chế độ cho người có công đã được điều chỉnh chưa?", true, "Công chức văn hóa - xã hội"),
            ("Ông Vàng Văn Khiêm, bản Phiêng Tòng", "Môi trường", "Thu gom rác ở bản mấy ngày một lần?", true, "Phó Chủ tịch UBND xã"),
        ]
        input.questions = asked.map { asker, category, text, answered, by in
            var question = DialogueRecording.Question()
            question.asker = asker
            question.category = category
            question.question = text
            question.answeredOnSpot = answered
            question.answeredBy = by
            return question
        }
        let dialogue = try await DialogueRecording.record(input, today: today, by: actor, on: db)
        // Two of the four follow-up cases are answered before the deadline; two are still open.
        let followUps = try await CitizenCase.query(on: db).filter(\.$dialogueID == dialogue.requireID).sort(\.$id).all()
        for (index, record) in followUps.prefix(2).enumerated() {
            guard let date = day(10, 20 + index * 5) else { continue }
            _ = try await act(record.requireID, .answer, on: date, text: "Đã trả lời bằng văn bản, gửi các hộ dân.", number: "\(140 + index)/UBND-VP", by: actor, on: db)
        }
    }

    private static func cases(day: (Int, Int) -> CivilDate?, today: CivilDate, clerk: Actor, head: Actor, on db: any Database) async throws {
        func receive(_ kind: CaseKind, _ channel: CaseChannel, _ date: CivilDate?, _ subject: String, name: String = "", forwardedBy: String = "",
                     register: String = "", complexity: CaseComplexity = .ordinary) async throws -> CitizenCase? {
            guard let date else { return nil }
            var input = CaseReceiving.Input()
            input.unitCode = commune
            input.kind = kind.rawValue
            input.channel = channel.rawValue
            input.receivedOn = date.description
            input.subject = subject
            input.citizenName = name
            input.forwardedBy = forwardedBy
            input.registerReference = register
            input.complexity = complexity.rawValue
            input.handlers = ["tiepdan.binhlu", "ubnd.binhlu"]
            return try await CaseReceiving.receive(input, today: today, key: nil, by: clerk, on: db)
        }
        let front = "Ủy ban MTTQ Việt Nam xã Bình Lư"
        if let answered = try await receive(.recommendation, .forwarded, day(8, 5), "Cử tri đề nghị sửa cầu treo bản Phiêng Tòng trước mùa mưa", forwardedBy: front) {
            try await act(answered.requireID, .accept, on: day(8, 7), by: head, on: db)
            try await act(answered.requireID, .assign, on: day(8, 7), lead: "LC-UBND-BINHLU-BANPHIENGTONG", by: head, on: db)
            try await act(answered.requireID, .answer, on: day(9, 20), text: "Đã bố trí kinh phí sửa cầu, thi công xong 15/9.", number: "118/UBND-VP", by: head, on: db)
            try await act(answered.requireID, .close, on: day(9, 25), text: "Cử tri đồng ý với kết quả.", by: head, on: db)
        }
        if let open = try await receive(.report, .forwarded, day(11, 18), "Phản ánh cơ sở thu mua chè ép giá hộ dân bản Nà Tăm", forwardedBy: "Hội Nông dân xã Bình Lư") {
            try await act(open.requireID, .accept, on: day(11, 20), by: head, on: db)
        }
        if let overdue = try await receive(.recommendation, .forwarded, day(7, 10), "Đề nghị hỗ trợ xi măng làm đường bê tông nội bản Bình Lư", forwardedBy: front) {
            try await act(overdue.requireID, .accept, on: day(7, 14), by: head, on: db)
            try await act(overdue.requireID, .assign, on: day(7, 14), lead: commune, by: head, on: db)
        }
        if let complaint = try await receive(.complaint, .letter, day(10, 20), "Khiếu nại quyết định thu hồi đất làm đường liên bản", name: "Ông Lò Văn Thào, bản Nà Tăm") {
            try await act(complaint.requireID, .accept, on: day(10, 27), text: "Thụ lý giải quyết khiếu nại lần đầu.", by: head, on: db)
            try await act(complaint.requireID, .assign, on: day(10, 28), lead: commune, by: head, on: db)
        }
        if let denunciation = try await receive(.denunciation, .letter, day(10, 12), "Tố cáo cán bộ địa chính xã nhận tiền khi làm hồ sơ đất",
                                                register: "Sổ mật số 03/2026", complexity: .complex) {
            try await act(denunciation.requireID, .accept, on: day(10, 15), text: "Thụ lý giải quyết tố cáo.", complexity: .complex, by: head, on: db)
            try await act(denunciation.requireID, .extend, on: day(11, 13), text: "Vụ việc phức tạp, cần xác minh thêm.", number: "25/QĐ-UBND", by: head, on: db)
        }
        if let guided = try await receive(.report, .inPerson, day(11, 2), "Hỏi thủ tục đăng ký khai sinh cho con sinh tại nhà", name: "Bà Lò Thị Ánh") {
            try await act(guided.requireID, .guide, on: day(11, 2), text: "Hướng dẫn làm thủ tục tại bộ phận một cửa xã.", by: clerk, on: db)
        }
    }

    @discardableResult
    private static func act(_ caseID: Int, _ action: CaseAction, on date: CivilDate?, text: String = "", number: String = "", lead: String = "",
                            complexity: CaseComplexity? = nil, by actor: Actor, on db: any Database) async throws -> CitizenCase? {
        guard let date, let record = try await CitizenCase.find(caseID, on: db) else { return nil }
        var input = CaseActing.Input()
        input.action = action.rawValue
        input.onDate = date.description
        input.text = text
        input.documentNumber = number
        input.documentDate = number.isEmpty ? "" : date.description
        input.leadUnitCode = lead
        input.complexity = complexity?.rawValue ?? ""
        input.version = record.version
        return try await CaseActing.perform(caseID, input, today: date, key: nil, by: actor, on: db)
    }
}
