import DanVanCore
import Testing

@Suite("Citizens: the working-day calendar, the deadline rules, timeliness, tracking codes, reception duties")
struct CitizenRulesTests {
    static let calendar = WorkCalendar(days: VietnamHolidays.days(for: [2026, 2027]))

    static func day(_ text: String) -> CivilDate {
        CivilDate(parsing: text)!
    }

    static func rule(_ key: String) -> DeadlineRule {
        DeadlineRuleTable.shipped.first { $0.key == key }!
    }

    @Test("weekdays, holidays and swapped days decide a working day")
    func workingDays() {
        #expect(WorkCalendar.weekday(of: Self.day("2026-12-01")) == 2)
        #expect(WorkCalendar.weekday(of: Self.day("2026-01-01")) == 4)
        #expect(!Self.calendar.isWorkingDay(Self.day("2026-01-01")))
        #expect(!Self.calendar.isWorkingDay(Self.day("2026-02-18")))
        #expect(!Self.calendar.isWorkingDay(Self.day("2026-12-05")))
        #expect(Self.calendar.isWorkingDay(Self.day("2026-12-04")))
        let swapped = WorkCalendar(days: [WorkCalendar.Day(Self.day("2026-12-05"), .workday, "Làm bù")])
        #expect(swapped.isWorkingDay(Self.day("2026-12-05")))
        #expect(WorkCalendar.DayKind(parsing: "Làm bù") == .workday && WorkCalendar.DayKind(parsing: "nghỉ") == .holiday)
        #expect(WorkCalendar.DayKind(parsing: "nửa ngày") == nil)
        #expect(Self.calendar.workingDays(after: Self.day("2026-02-13"), through: Self.day("2026-02-24")) == 2)
    }

    @Test("every shipped holiday of both years is a real date off a working week, and the years are complete")
    func shippedHolidays() {
        for year in [2026, 2027] {
            let days = VietnamHolidays.days(for: [year])
            #expect(days.count == 11, "\(year)")
            #expect(days.allSatisfy { $0.date.year == year && $0.kind == .holiday && !$0.citation.isEmpty })
            #expect(days.allSatisfy { WorkCalendar.weekday(of: $0.date) <= 5 }, "a holiday on a weekend needs its day in lieu instead")
        }
    }

    @Test("the rule table's own limits: a first complaint in 30 days, 45 if complex, 45 and 60 in remote areas")
    func complaintLimits() {
        let first = Self.rule("khieu-nai-lan-dau"), accepted = Self.day("2026-03-02")
        #expect(first.due(from: accepted, calendar: Self.calendar) == Self.day("2026-04-01"))
        #expect(first.due(from: accepted, given: .init(complexity: .complex), calendar: Self.calendar) == Self.day("2026-04-16"))
        #expect(first.due(from: accepted, given: .init(remote: true), calendar: Self.calendar) == Self.day("2026-04-16"))
        // 60 days end on 1 May, a holiday, then a weekend: the limit ends on Monday 4 May.
        #expect(first.due(from: accepted, given: .init(complexity: .complex, remote: true), calendar: Self.calendar) == Self.day("2026-05-04"))
        let second = Self.rule("khieu-nai-lan-hai")
        #expect(second.limit(given: .init()) == 45 && second.limit(given: .init(complexity: .veryComplex, remote: true)) == 70)
        #expect(DeadlineRuleTable.rule(for: .complaint, stage: .resolve, secondRound: true, on: accepted, in: DeadlineRuleTable.shipped)?.key == "khieu-nai-lan-hai")
        #expect(DeadlineRuleTable.rule(for: .complaint, stage: .resolve, on: accepted, in: DeadlineRuleTable.shipped)?.key == "khieu-nai-lan-dau")
        #expect(DeadlineRuleTable.rule(for: .report, stage: .resolve, secondRound: true, on: accepted, in: DeadlineRuleTable.shipped)?.key == "kien-nghi-tra-loi")
    }

    @Test("a limit ending on a day off ends on the next working day, across a weekend and a holiday in lieu")
    func dayOffAtTheEnd() {
        // 27/3 + 30 days = Sunday 26/4; Monday 27/4 is the day in lieu of Giỗ Tổ; the limit ends on Tuesday 28/4.
        #expect(Self.rule("khieu-nai-lan-dau").due(from: Self.day("2026-03-27"), calendar: Self.calendar) == Self.day("2026-04-28"))
        // 20/4 + 10 days = 30/4, then 1/5, then the weekend.
        #expect(Self.rule("thong-bao-xu-ly").due(from: Self.day("2026-04-20"), calendar: Self.calendar) == Self.day("2026-05-04"))
        // A limit that ends on a working day stays there.
        #expect(Self.rule("thong-bao-xu-ly").due(from: Self.day("2026-11-20"), calendar: Self.calendar) == Self.day("2026-11-30"))
        // New Year 2027 falls on a Friday: 22/12/2026 + 10 days ends on Monday 4/1/2027.
        #expect(Self.rule("thong-bao-xu-ly").due(from: Self.day("2026-12-22"), calendar: Self.calendar) == Self.day("2027-01-04"))
    }

    @Test("working days skip weekends and the whole of Tết")
    func workingDayLimit() {
        let initial = Self.rule("to-cao-xu-ly-ban-dau")
        #expect(initial.dayKind == .working)
        #expect(initial.due(from: Self.day("2026-02-12"), calendar: Self.calendar) == Self.day("2026-03-02"))
        #expect(initial.due(from: Self.day("2026-12-01"), calendar: Self.calendar) == Self.day("2026-12-10"))
    }

    @Test("a denunciation: 30 days, one extension of 30 when complex, two when very complex, none when ordinary")
    func denunciationExtensions() {
        let resolve = Self.rule("to-cao-giai-quyet"), accepted = Self.day("2026-06-01")
        #expect(resolve.due(from: accepted, calendar: Self.calendar) == Self.day("2026-07-01"))
        #expect(resolve.due(from: accepted, extensions: 1, calendar: Self.calendar) == Self.day("2026-07-31"))
        // 31/7 + 30 = Sunday 30/8 → Monday 31/8.
        #expect(resolve.due(from: accepted, extensions: 2, calendar: Self.calendar) == Self.day("2026-08-31"))
        #expect(resolve.extensions.allowed(for: .ordinary) == 0)
        #expect(resolve.extensions.allowed(for: .complex) == 1)
        #expect(resolve.extensions.allowed(for: .veryComplex) == 2)
        #expect(resolve.maxExtensions == 2 && Self.rule("khieu-nai-lan-dau").maxExtensions == 0)
    }

    @Test("rules are dated: the one in force on the event's day applies, a later version does not rewrite an earlier case")
    func datedRules() {
        var newer = Self.rule("khieu-nai-lan-dau")
        newer.validFrom = Self.day("2026-07-01")
        newer.limit = 20
        var older = Self.rule("khieu-nai-lan-dau")
        older.validTo = Self.day("2026-06-30")
        let rules = [older, newer]
        #expect(DeadlineRuleTable.rule(for: .complaint, stage: .resolve, on: Self.day("2026-06-30"), in: rules)?.limit == 30)
        #expect(DeadlineRuleTable.rule(for: .complaint, stage: .resolve, on: Self.day("2026-07-01"), in: rules)?.limit == 20)
        #expect(DeadlineRuleTable.rule(for: .complaint, stage: .resolve, on: Self.day("2011-01-01"), in: rules) == nil)
    }

    @Test("a bad rule names each field: unknown day kind, no kinds, a limit of zero, an end before the start, a duplicate version")
    func badRules() {
        #expect(DeadlineRule.DayKind(parsing: "ngày làm việc") == .working)
        #expect(DeadlineRule.DayKind(parsing: "tuần") == nil)
        var rule = Self.rule("khieu-nai-lan-dau")
        rule.key = "Khiếu nại"
        rule.kinds = []
        rule.limit = 0
        rule.citation = " "
        rule.validTo = Self.day("2000-01-01")
        let fields = Set(DeadlineRuleTable.issues(in: rule, others: []).map(\.field))
        #expect(fields == ["key", "kinds", "limit", "citation", "validTo"])
        let duplicate = DeadlineRuleTable.issues(in: Self.rule("khieu-nai-lan-dau"), others: DeadlineRuleTable.shipped)
        #expect(duplicate.map(\.field) == ["validFrom"])
        var extensions = Self.rule("to-cao-giai-quyet")
        extensions.extensions = .init(days: 0, whenComplex: 2, whenVeryComplex: 1)
        #expect(Set(DeadlineRuleTable.issues(in: extensions, others: []).map(\.field)) == ["maxExtensions", "extensionDays"])
        #expect(DeadlineRuleTable.shipped.allSatisfy { DeadlineRuleTable.issues(in: $0, others: []).isEmpty })
    }

    @Test("timeliness: on time or late once done, in time or overdue while open, with the days late")
    func timeliness() {
        let due = Self.day("2026-11-20")
        #expect(CaseTimeliness.of(due: due, done: due, today: Self.day("2026-12-01")) == .onTime)
        #expect(CaseTimeliness.of(due: due, done: Self.day("2026-11-21"), today: Self.day("2026-12-01")) == .late)
        #expect(CaseTimeliness.of(due: due, done: nil, today: due) == .inTime)
        #expect(CaseTimeliness.of(due: due, done: nil, today: Self.day("2026-12-01")) == .overdue)
        #expect(CaseTimeliness.daysLate(due: due, done: nil, today: Self.day("2026-12-01")) == 11)
        var counts = TimelinessCounts()
        counts.add(.onTime, count: 3)
        counts.add(.late)
        counts.add(.overdue, count: 2)
        #expect(counts.total == 6 && counts.finished == 4 && counts.onTimePercent == 75)
        #expect((counts + counts).overdue == 4)
        #expect(TimelinessCounts().onTimePercent == nil)
    }

    @Test("the state of a case: no closing without an answer, no second competence decision, escalation only after an answer")
    func caseStates() {
        #expect(CaseAction.accept.next(from: .received) == .accepted)
        #expect(CaseAction.transfer.next(from: .received) == .transferred)
        #expect(CaseAction.assign.next(from: .accepted) == .assigned)
        #expect(CaseAction.answer.next(from: .assigned) == .answered)
        #expect(CaseAction.close.next(from: .answered) == .closed)
        #expect(CaseAction.close.next(from: .assigned) == nil)
        #expect(CaseAction.close.refusal(in: .assigned).contains("văn bản trả lời"))
        #expect(CaseAction.accept.next(from: .transferred) == nil)
        #expect(CaseAction.escalate.next(from: .received) == nil)
        #expect(CaseAction.extend.next(from: .answered) == nil)
        #expect(CaseKind(parsing: "Tố cáo") == .denunciation && CaseKind(parsing: "phản ánh") == .report && CaseKind(parsing: "thư") == nil)
        #expect(CaseChannel(parsing: "Hội nghị đối thoại") == .dialogue && CaseChannel(parsing: "MTTQ chuyển") == .forwarded)
    }

    @Test("tracking codes: eight symbols in two groups, none of 0 O 1 I L, typed in any case with or without the dash")
    func trackingCodes() {
        var generator = SystemRandomNumberGenerator()
        let codes = (0..<500).map { _ in TrackingCode.make(using: &generator) }
        #expect(codes.allSatisfy { $0.count == 9 && $0.dropFirst(4).first == "-" })
        #expect(codes.allSatisfy { TrackingCode.normalized($0) == $0 })
        #expect(!codes.joined().contains { "0O1IL".contains($0) })
        #expect(Set(codes).count > 495)
        #expect(TrackingCode.normalized(" k7pm 3qxr ") == "K7PM-3QXR")
        #expect(TrackingCode.normalized("K7PM3QXR") == "K7PM-3QXR")
        #expect(TrackingCode.normalized("K7PM-3QX0") == nil)
        #expect(TrackingCode.normalized("K7PM-3QX") == nil)
        #expect(TrackingCode.normalized("' OR 1=1 --") == nil)
    }

    @Test("reception duty: two days a month for a commune's party secretary; a month running, met or missed")
    func monthlyDuty() {
        let duties = ReceptionDuty.shipped
        let sessions = [(date: Self.day("2026-03-10"), byDeputy: false), (date: Self.day("2026-03-24"), byDeputy: false)]
        let met = ReceptionDutyCheck.month(2026, 3, sessions: sessions, duties: duties, position: .partySecretary, level: .commune, today: Self.day("2026-12-01"))
        #expect(met.outcome == .met && met.required == 2 && met.held == 2)
        let one = Array(sessions.prefix(1))
        #expect(ReceptionDutyCheck.month(2026, 3, sessions: one, duties: duties, position: .partySecretary, level: .commune,
                                         today: Self.day("2026-12-01")).outcome == .missed)
        #expect(ReceptionDutyCheck.month(2026, 3, sessions: one, duties: duties, position: .partySecretary, level: .commune,
                                         today: Self.day("2026-03-20")).outcome == .running)
        #expect(ReceptionDutyCheck.month(2026, 3, sessions: sessions, duties: duties, position: .partySecretary, level: .province,
                                         today: Self.day("2026-12-01")).required == 1)
        #expect(ReceptionDutyCheck.month(2020, 3, sessions: [], duties: duties, position: .partySecretary, level: .commune,
                                         today: Self.day("2026-12-01")).outcome == .none)
    }

    @Test("the commune chairman: one day a week; from 1/7/2026 a deputy standing in no longer counts")
    func weeklyDuty() {
        let duties = ReceptionDuty.shipped
        // June 2026 has four weeks by their Thursdays (4, 11, 18, 25).
        let june = [4, 11, 18, 25].map { (date: Self.day("2026-06-\(String(format: "%02d", $0 - 1))"), byDeputy: $0 == 18) }
        let before = ReceptionDutyCheck.month(2026, 6, sessions: june, duties: duties, position: .committeeChair, level: .commune, today: Self.day("2026-12-01"))
        #expect(before.required == 4 && before.held == 4 && before.outcome == .met)
        let november = [5, 12, 19, 26].map { (date: Self.day("2026-11-\(String(format: "%02d", $0 - 1))"), byDeputy: $0 == 19) }
        let after = ReceptionDutyCheck.month(2026, 11, sessions: november, duties: duties, position: .committeeChair, level: .commune, today: Self.day("2026-12-01"))
        #expect(after.required == 4 && after.held == 3 && after.outcome == .missed && after.deputySessionsNotCounted == 1)
        // February 2026 has four Thursdays; the Tết week (16–20/2) has no working day and asks for no reception.
        let february = [5, 12, 26].map { (date: Self.day("2026-02-\(String(format: "%02d", $0))"), byDeputy: false) }
        let tet = ReceptionDutyCheck.month(2026, 2, sessions: february, duties: duties, position: .committeeChair, level: .commune,
                                           today: Self.day("2026-12-01"), calendar: Self.calendar)
        #expect(tet.required == 3 && tet.outcome == .met)
    }

    @Test("a dialogue: notice at least 7 days before unless extraordinary, results within 10 days after")
    func dialogueRule() {
        let rule = DialogueRule.current, held = Self.day("2026-10-15")
        #expect(!rule.noticeTooShort(noticeOn: Self.day("2026-10-08"), heldOn: held, extraordinary: false))
        #expect(rule.noticeTooShort(noticeOn: Self.day("2026-10-09"), heldOn: held, extraordinary: false))
        #expect(!rule.noticeTooShort(noticeOn: Self.day("2026-10-14"), heldOn: held, extraordinary: true))
        #expect(rule.noticeTooShort(noticeOn: nil, heldOn: held, extraordinary: false))
        #expect(!rule.publishedLate(heldOn: held, publishedOn: Self.day("2026-10-25"), today: Self.day("2026-12-01")))
        #expect(rule.publishedLate(heldOn: held, publishedOn: Self.day("2026-10-26"), today: Self.day("2026-12-01")))
        #expect(rule.publishedLate(heldOn: held, publishedOn: nil, today: Self.day("2026-10-26")))
        #expect(!rule.publishedLate(heldOn: held, publishedOn: nil, today: Self.day("2026-10-20")))
    }
}
