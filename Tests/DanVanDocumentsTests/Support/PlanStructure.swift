import DanVanCore
@testable import DanVanDocuments

/// What a plan says, without the line numbers that place it in one file: the structure a
/// written plan must keep when it is read back.
struct PlanStructure: Equatable, CustomStringConvertible {
    struct Task: Equatable {
        let text: String
        let months: [Int]
        let recurrence: String?
        let deadline: String?
        let asDirected: Bool
        let lead: [String]
        let coordinating: [String]
    }

    let number: String?
    let basis: [String]
    let sections: [String]
    let targets: [String]
    let tasks: [Task]
    let recipients: [String]
    let signature: PlanDocument.Signature?

    init(_ plan: PlanDocument) {
        // A number left blank for the clerk ("Số    -KH/HU") is no number yet, as none is.
        number = plan.number.flatMap { $0.number.isEmpty ? nil : $0.normalized }
        basis = plan.basis.map(\.normalized)
        sections = Self.flatten(plan.sections, depth: 0)
        targets = plan.targets.map { "\($0.text) | \($0.comparator) \($0.value ?? -1) \($0.upper ?? -1) \($0.unit) | \($0.subject)" }
        tasks = plan.tasks.map {
            Task(text: $0.text, months: $0.timing.months, recurrence: $0.timing.recurrence, deadline: $0.timing.deadline,
                 asDirected: $0.timing.asDirected, lead: $0.lead, coordinating: $0.coordinating)
        }
        recipients = plan.recipients
        signature = plan.signature
    }

    private static func flatten(_ sections: [PlanDocument.Section], depth: Int) -> [String] {
        sections.flatMap { ["\(depth) \($0.number) \($0.heading)"] + flatten($0.children, depth: depth + 1) }
    }

    var description: String {
        "number \(number ?? "-"), basis \(basis), \(sections.count) sections, \(targets.count) targets, \(tasks.count) tasks, "
            + "recipients \(recipients), signature \(String(describing: signature))"
    }

    /// The stored plan as the exporter receives it, from a reading (the server builds the same
    /// from its tables).
    static func export(_ plan: PlanDocument, header: OfficialHeaderText) -> PlanExport {
        func sections(_ nodes: [PlanDocument.Section], depth: Int) -> [PlanExport.Section] {
            nodes.flatMap { [PlanExport.Section(number: $0.number, heading: $0.heading, depth: depth, line: $0.line)] + sections($0.children, depth: depth + 1) }
        }
        return PlanExport(
            header: header, documentType: plan.documentType ?? "KH", subject: plan.subject ?? "", issuer: plan.issuer ?? "",
            basis: plan.basis.map { .init(typeName: $0.typeName, number: $0.normalized, issuedOn: $0.issuedOn.flatMap(CivilDate.init(parsing:)),
                                          issuer: $0.issuer, subject: $0.subject) },
            sections: sections(plan.sections, depth: 0),
            paragraphs: plan.body.map { .init(line: $0.line, text: $0.text) },
            targets: plan.targets.map { .init(text: $0.text, subject: $0.subject, line: $0.line) },
            tasks: plan.tasks.map { .init(text: $0.text, line: $0.line, group: $0.group, fromAppendix: $0.section == "appendix",
                                          timing: $0.timing.taskTiming.written, lead: $0.lead, coordinating: $0.coordinating) },
            recipients: plan.recipients,
            signature: plan.signature.map { OfficialSignature(authority: $0.authority, position: $0.position, name: $0.name) })
    }
}
