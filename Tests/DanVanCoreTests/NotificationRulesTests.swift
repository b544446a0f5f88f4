import Testing
@testable import DanVanCore

@Suite("Notifications: kinds, safe wording, e-mail addresses, retries, urgency")
struct NotificationRulesTests {
    @Test("every kind has a Vietnamese label and parses back; an unknown kind is refused by name")
    func kinds() throws {
        for kind in NotificationKind.allCases {
            #expect(!kind.label.isEmpty)
            #expect(try NotificationKind.parse(kind.rawValue, field: "kind").get() == kind)
        }
        guard case .failure(let issue) = NotificationKind.parse("report.deleted", field: "kind") else { Issue.record("accepted"); return }
        #expect(issue.message.contains("\"report.deleted\"") && issue.field == "kind")
    }

    @Test("a notice's words come only from its facts: a return carries its reason, a long task is cut at a word")
    func wording() {
        let returned = NotificationText(.reportReturned, [.unit("Chi bộ bản Nà Tăm"), .period("Tháng 10/2026"), .reason("Mẫu số chưa khớp")])
        #expect(returned.title == "Báo cáo Tháng 10/2026 bị trả lại" && returned.detail == "Lý do: Mẫu số chưa khớp")
        let long = String(repeating: "tuyên truyền vận động ", count: 20)
        let due = NotificationText(.taskDueSoon, [.task(long), .date(CivilDate(year: 2026, month: 12, day: 2)!), .unit("Xã A")])
        #expect(due.title.hasPrefix("Nhiệm vụ đến hạn ngày 02/12/2026: tuyên truyền") && due.title.hasSuffix("…"))
        #expect(due.title.count < 230)
    }

    @Test("e-mail addresses: office addresses pass (domain folded to lower case), broken ones are refused with a reason",
          arguments: ["ten@laichau.gov.vn", "nguyen.van-a+dv@Mail.Example.VN"])
    func goodAddresses(_ raw: String) throws {
        let address = try EmailAddress.parse(raw).get()
        #expect(address.value.hasSuffix(raw.split(separator: "@")[1].lowercased()))
    }

    @Test("refused addresses", arguments: ["", "khong-co-a-cong", "a@b", "a@@b.vn", "a b@c.vn", "a@c.vn\r\nBcc: x@y.vn",
                                           "nguyễn@c.vn", ".a@c.vn", "a@-c.vn", "a@c.123"])
    func badAddresses(_ raw: String) {
        guard case .failure(let issue) = EmailAddress.parse(raw) else { Issue.record("accepted \(raw)"); return }
        #expect(issue.field == "email" && issue.message.contains("không hợp lệ"))
        #expect(!issue.message.contains("\r"), "the message shows control characters, never carries them")
    }

    @Test("a mail the relay does not take waits longer each time and is given up after the last try")
    func retries() {
        let delays = (1...7).map { MailRetry.delay(afterAttempts: $0) }
        #expect(delays == delays.sorted() && delays.first == 60 && delays.last == 21_600)
        #expect(!MailRetry.givesUp(afterAttempts: MailRetry.maxAttempts - 1) && MailRetry.givesUp(afterAttempts: MailRetry.maxAttempts))
    }

    @Test("urgency: overdue first (oldest first), then returned, then this week, then waiting, then this month, then later")
    func urgency() {
        let today = CivilDate(year: 2026, month: 11, day: 10)!
        func day(_ m: Int, _ d: Int) -> CivilDate { CivilDate(year: 2026, month: m, day: d)! }
        let items: [(String, ToDoUrgency)] = [
            ("later", .of(due: day(12, 20), today: today)),
            ("month", .of(due: day(11, 28), today: today)),
            ("waiting", .of(due: nil, today: today, waiting: true)),
            ("week", .of(due: day(11, 14), today: today)),
            ("returned", .of(due: day(11, 30), today: today, returned: true)),
            ("overdue-new", .of(due: day(11, 9), today: today)),
            ("overdue-old", .of(due: day(10, 1), today: today)),
            ("undated", .of(due: nil, today: today)),
        ]
        #expect(items.sorted { $0.1 < $1.1 }.map(\.0) == ["overdue-old", "overdue-new", "returned", "week", "waiting", "month", "later", "undated"])
        #expect(ToDoUrgency.of(due: today, today: today).band == .dueThisWeek, "due today is not yet overdue")
    }
}
