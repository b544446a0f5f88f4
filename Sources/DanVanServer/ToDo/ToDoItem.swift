import DanVanCore

/// One line of "Việc cần làm": what, for whom, by when, and where it is done.
struct ToDoItem: Encodable, Sendable {
    enum Area: String, Encodable, Sendable {
        case report, approval, task, plan, mail, model, classification, citizens, inspection, publication
    }

    let area: Area
    let what: String
    let forWhom: String
    let dueLabel: String
    let note: String?
    let href: String
    let bandLabel: String
    let tone: String
    let urgency: ToDoUrgency

    init(_ area: Area, what: String, forWhom: String, due: CivilDate?, note: String? = nil, href: String, urgency: ToDoUrgency) {
        self.area = area
        self.what = what
        self.forWhom = forWhom
        dueLabel = due.map { "Hạn \($0.vietnamese)" } ?? (urgency.band == .waitingForMe ? "Chờ xử lý" : "Không có hạn")
        self.note = note
        self.href = href
        bandLabel = urgency.band.label
        tone = urgency.band.tone
        self.urgency = urgency
    }

    private enum CodingKeys: String, CodingKey {
        case area, what, forWhom, dueLabel, note, href, bandLabel, tone
    }
}
