/// A plan as read from a document, before anyone confirms it: every item carries the line it
/// came from so a reviewer can see it in context. This is the `danvan import --json` contract.
public struct PlanDocument: Equatable, Sendable, Codable {
    public enum Kind: String, Codable, Sendable { case plan, unknown }

    public struct Number: Equatable, Sendable, Codable {
        public let raw: String
        public let normalized: String
        public let number: String
        public let type: String
        public let issuer: String
        public let style: DocumentNumber.Style

        public init(_ number: DocumentNumber) {
            raw = number.raw
            normalized = number.normalized
            self.number = number.number
            type = number.type
            issuer = number.issuer
            style = number.style
        }
    }

    public struct Citation: Equatable, Sendable, Codable {
        public let raw: String
        public let type: String
        public let typeName: String
        public let normalized: String
        public let issuedOn: String?
        public let issuer: String?
        public let subject: String?
        public let occurrences: [Int]

        public init(_ document: CitedDocument) {
            raw = document.raw
            type = document.type
            typeName = document.typeName
            normalized = document.normalized
            issuedOn = document.issuedOn?.description
            issuer = document.issuer
            subject = document.subject
            occurrences = document.occurrences
        }

        enum CodingKeys: String, CodingKey { case raw, type, typeName, normalized, issuedOn, issuer, subject, occurrences }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(raw, forKey: .raw)
            try container.encode(type, forKey: .type)
            try container.encode(typeName, forKey: .typeName)
            try container.encode(normalized, forKey: .normalized)
            try container.encode(issuedOn, forKey: .issuedOn)
            try container.encode(issuer, forKey: .issuer)
            try container.encode(subject, forKey: .subject)
            try container.encode(occurrences, forKey: .occurrences)
        }
    }

    public struct Section: Equatable, Sendable, Codable {
        public let number: String
        public let heading: String
        public let line: Int
        public var children: [Section]

        public init(number: String, heading: String, line: Int, children: [Section]) {
            self.number = number
            self.heading = heading
            self.line = line
            self.children = children
        }
    }

    public struct Timing: Equatable, Sendable, Codable {
        public let raw: String
        public let months: [Int]
        public let recurrence: String?
        public let deadline: String?
        public let asDirected: Bool

        public init(_ timing: TaskTiming) {
            raw = timing.raw
            months = timing.months
            recurrence = timing.recurrence?.rawValue
            deadline = timing.deadline?.description
            asDirected = timing.asDirected
        }

        /// Back to the typed timing, for scheduling its occurrences.
        public var taskTiming: TaskTiming {
            TaskTiming(raw: raw, months: months, recurrence: recurrence.flatMap(TaskTiming.Recurrence.init(rawValue:)),
                       deadline: deadline.flatMap(CivilDate.init(parsing:)), asDirected: asDirected)
        }

        enum CodingKeys: String, CodingKey { case raw, months, recurrence, deadline, asDirected }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(raw, forKey: .raw)
            try container.encode(months, forKey: .months)
            try container.encode(recurrence, forKey: .recurrence)
            try container.encode(deadline, forKey: .deadline)
            try container.encode(asDirected, forKey: .asDirected)
        }
    }

    public struct Task: Equatable, Sendable, Codable {
        public let text: String
        public let section: String
        /// The appendix row number ("Stt") a row belongs to; continuation rows share it.
        public let group: String?
        public let timing: Timing
        public let lead: [String]
        public let coordinating: [String]
        public let line: Int

        public init(text: String, section: String, group: String?, timing: Timing, lead: [String], coordinating: [String], line: Int) {
            self.text = text
            self.section = section
            self.group = group
            self.timing = timing
            self.lead = lead
            self.coordinating = coordinating
            self.line = line
        }

        enum CodingKeys: String, CodingKey { case text, section, group, timing, lead, coordinating, line }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(text, forKey: .text)
            try container.encode(section, forKey: .section)
            try container.encode(group, forKey: .group)
            try container.encode(timing, forKey: .timing)
            try container.encode(lead, forKey: .lead)
            try container.encode(coordinating, forKey: .coordinating)
            try container.encode(line, forKey: .line)
        }
    }

    public struct Signature: Equatable, Sendable, Codable {
        public let authority: String?
        public let position: String?
        public let name: String?

        public init(authority: String?, position: String?, name: String?) {
            self.authority = authority
            self.position = position
            self.name = name
        }

        enum CodingKeys: String, CodingKey { case authority, position, name }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(authority, forKey: .authority)
            try container.encode(position, forKey: .position)
            try container.encode(name, forKey: .name)
        }
    }

    /// A paragraph of the body as the document has it (the opening, and what stands under each
    /// heading), kept so the plan can be written out again in its own words.
    public struct Paragraph: Equatable, Sendable, Codable {
        public let line: Int
        public let text: String

        public init(line: Int, text: String) {
            self.line = line
            self.text = text
        }
    }

    public struct Warning: Equatable, Sendable, Codable {
        public let line: Int?
        public let message: String

        public init(line: Int?, message: String) {
            self.line = line
            self.message = message
        }

        enum CodingKeys: String, CodingKey { case line, message }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(line, forKey: .line)
            try container.encode(message, forKey: .message)
        }
    }

    public var kind: Kind
    public var documentType: String?
    public var subject: String?
    public var year: Int?
    public var number: Number?
    public var issuedOn: String?
    public var place: String?
    public var issuer: String?
    public var theme: String?
    public var motto: String?
    public var basis: [Citation]
    public var citations: [Citation]
    public var sections: [Section]
    public var targets: [ParsedTarget]
    public var tasks: [Task]
    public var recipients: [String]
    public var signature: Signature?
    /// The body's paragraphs, headings excluded, from the opening to "Nơi nhận".
    public var body: [Paragraph] = []
    public var warnings: [Warning]

    enum CodingKeys: String, CodingKey {
        case kind, documentType, subject, year, number, issuedOn, place, issuer, theme, motto, basis, citations, sections
        case targets, tasks, recipients, signature, body, warnings
    }

    public init(kind: Kind, documentType: String?, subject: String?, year: Int?, number: Number?, issuedOn: String?, place: String?,
                issuer: String?, theme: String?, motto: String?, basis: [Citation], citations: [Citation], sections: [Section],
                targets: [ParsedTarget], tasks: [Task], recipients: [String], signature: Signature?, body: [Paragraph] = [],
                warnings: [Warning]) {
        self.kind = kind
        self.documentType = documentType
        self.subject = subject
        self.year = year
        self.number = number
        self.issuedOn = issuedOn
        self.place = place
        self.issuer = issuer
        self.theme = theme
        self.motto = motto
        self.basis = basis
        self.citations = citations
        self.sections = sections
        self.targets = targets
        self.tasks = tasks
        self.recipients = recipients
        self.signature = signature
        self.body = body
        self.warnings = warnings
    }

    /// Readings saved before the body was kept have no "body"; they decode with none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(kind: try container.decode(Kind.self, forKey: .kind),
                  documentType: try container.decodeIfPresent(String.self, forKey: .documentType),
                  subject: try container.decodeIfPresent(String.self, forKey: .subject),
                  year: try container.decodeIfPresent(Int.self, forKey: .year),
                  number: try container.decodeIfPresent(Number.self, forKey: .number),
                  issuedOn: try container.decodeIfPresent(String.self, forKey: .issuedOn),
                  place: try container.decodeIfPresent(String.self, forKey: .place),
                  issuer: try container.decodeIfPresent(String.self, forKey: .issuer),
                  theme: try container.decodeIfPresent(String.self, forKey: .theme),
                  motto: try container.decodeIfPresent(String.self, forKey: .motto),
                  basis: try container.decode([Citation].self, forKey: .basis),
                  citations: try container.decode([Citation].self, forKey: .citations),
                  sections: try container.decode([Section].self, forKey: .sections),
                  targets: try container.decode([ParsedTarget].self, forKey: .targets),
                  tasks: try container.decode([Task].self, forKey: .tasks),
                  recipients: try container.decode([String].self, forKey: .recipients),
                  signature: try container.decodeIfPresent(Signature.self, forKey: .signature),
                  body: try container.decodeIfPresent([Paragraph].self, forKey: .body) ?? [],
                  warnings: try container.decode([Warning].self, forKey: .warnings))
    }

    /// Written by hand so that absent values appear as null, as the import contract shows them.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(documentType, forKey: .documentType)
        try container.encode(subject, forKey: .subject)
        try container.encode(year, forKey: .year)
        try container.encode(number, forKey: .number)
        try container.encode(issuedOn, forKey: .issuedOn)
        try container.encode(place, forKey: .place)
        try container.encode(issuer, forKey: .issuer)
        try container.encode(theme, forKey: .theme)
        try container.encode(motto, forKey: .motto)
        try container.encode(basis, forKey: .basis)
        try container.encode(citations, forKey: .citations)
        try container.encode(sections, forKey: .sections)
        try container.encode(targets, forKey: .targets)
        try container.encode(tasks, forKey: .tasks)
        try container.encode(recipients, forKey: .recipients)
        try container.encode(signature, forKey: .signature)
        try container.encode(body, forKey: .body)
        try container.encode(warnings, forKey: .warnings)
    }

    public static let empty = PlanDocument(kind: .unknown, documentType: nil, subject: nil, year: nil, number: nil, issuedOn: nil,
                                           place: nil, issuer: nil, theme: nil, motto: nil, basis: [], citations: [], sections: [],
                                           targets: [], tasks: [], recipients: [], signature: nil, warnings: [])
}
