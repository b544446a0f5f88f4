import DanVanCore
import Testing

@Suite("Report workflow: transitions, reasons, self-approval, closed periods, lateness")
struct ReportWorkflowTests {
    let window = ReportWorkflow.Window(deadline: CivilDate(year: 2026, month: 11, day: 5)!, closesOn: CivilDate(year: 2026, month: 11, day: 20)!)

    @Test("a report moves draft → submitted → returned or approved; approved or submitted reopens; nothing else")
    func transitions() {
        #expect(ReportWorkflow.next(.submit, from: .draft) == .success(.submitted))
        #expect(ReportWorkflow.next(.submit, from: .returned) == .success(.submitted))
        #expect(ReportWorkflow.next(.approve, from: .submitted) == .success(.approved))
        #expect(ReportWorkflow.next(.returnToUnit, from: .submitted) == .success(.returned))
        #expect(ReportWorkflow.next(.reopen, from: .approved) == .success(.draft))
        #expect(ReportWorkflow.next(.reopen, from: .submitted) == .success(.draft))
        for (action, state) in [(ReportAction.submit, ReportState.submitted), (.submit, .approved), (.save, .approved),
                                (.approve, .draft), (.approve, .approved), (.returnToUnit, .approved), (.reopen, .draft)] {
            guard case .failure(let refusal) = ReportWorkflow.next(action, from: state) else {
                Issue.record("\(action) allowed from \(state)"); continue
            }
            #expect(refusal.kind == .conflict && refusal.message.contains(state.label))
        }
    }

    @Test("a submission after the deadline is late; on the deadline it is not")
    func lateness() throws {
        let onTime = try ReportWorkflow.enter(.submit, from: .draft, reopened: false, window: window, today: window.deadline).get()
        #expect(onTime.next == .submitted && !onTime.late)
        let late = try ReportWorkflow.enter(.submit, from: .draft, reopened: false, window: window,
                                            today: CivilDate(year: 2026, month: 11, day: 6)!).get()
        #expect(late.late)
        let saved = try ReportWorkflow.enter(.save, from: .draft, reopened: false, window: window,
                                             today: CivilDate(year: 2026, month: 11, day: 6)!).get()
        #expect(!saved.late, "saving a draft is never late")
    }

    @Test("after the period closes only a reopened report can change")
    func closedPeriod() {
        let after = CivilDate(year: 2026, month: 11, day: 21)!
        guard case .failure(let refusal) = ReportWorkflow.enter(.save, from: .draft, reopened: false, window: window, today: after) else {
            Issue.record("saved after the period closed"); return
        }
        #expect(refusal == .periodClosed(closesOn: window.closesOn) && refusal.message.contains("20/11/2026"))
        #expect((try? ReportWorkflow.enter(.submit, from: .draft, reopened: true, window: window, today: after).get())?.next == .submitted)
        #expect((try? ReportWorkflow.enter(.save, from: .draft, reopened: false, window: window, today: window.closesOn).get()) != nil,
                "the closing day itself is still open")
    }

    @Test("returning and reopening need a reason of at most 2,000 characters; approving does not")
    func reasons() {
        #expect(ReportWorkflow.decide(.returnToUnit, from: .submitted, reason: "  ", decider: 1, submitter: 2) == .failure(.reasonMissing(.returnToUnit)))
        #expect(ReportWorkflow.decide(.reopen, from: .approved, reason: "", decider: 1, submitter: 2) == .failure(.reasonMissing(.reopen)))
        let long = String(repeating: "a", count: 2_001)
        #expect(ReportWorkflow.decide(.returnToUnit, from: .submitted, reason: long, decider: 1, submitter: 2) == .failure(.reasonTooLong(2_001)))
        #expect(ReportWorkflow.decide(.approve, from: .submitted, reason: "", decider: 1, submitter: 2) == .success(.approved))
    }

    @Test("the person who submitted does not approve; the state is checked first")
    func selfApproval() {
        let refusal = ReportWorkflow.decide(.approve, from: .submitted, reason: "", decider: 7, submitter: 7)
        #expect(refusal == .failure(.ownApproval))
        if case .failure(let value) = refusal { #expect(value.kind == .forbidden) }
        #expect(ReportWorkflow.decide(.approve, from: .approved, reason: "", decider: 7, submitter: 7) == .failure(.notFrom(.approve, .approved)))
        #expect(ReportWorkflow.decide(.returnToUnit, from: .submitted, reason: "Sai", decider: 7, submitter: 7) == .success(.returned),
                "returning one's own submission is allowed")
    }
}
