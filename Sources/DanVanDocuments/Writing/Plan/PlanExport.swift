import DanVanCore

/// A stored plan as the DOCX writer needs it: what the database holds, nothing laid out yet.
public struct PlanExport: Sendable {
    public struct Section: Sendable, Equatable {
        public var number: String
        public var heading: String
        public var depth: Int
        public var line: Int

        public init(number: String, heading: String, depth: Int, line: Int) {
            self.number = number
            self.heading = heading
            self.depth = depth
            self.line = line
        }
    }

    public struct Target: Sendable, Equatable {
        public var text: String
        /// What the target measures, as the reader found it ("cán bộ được tập huấn").
        public var subject: String
        /// The line it was read from; 0 for a target added in DanVan.
        public var line: Int

        public init(text: String, subject: String, line: Int) {
            self.text = text
            self.subject = subject
            self.line = line
        }
    }

    public struct Task: Sendable, Equatable {
        public var text: String
        public var line: Int
        /// The appendix row number it came under, when it came from the appendix.
        public var group: String?
        public var fromAppendix: Bool
        public var timing: String
        public var lead: [String]
        public var coordinating: [String]

        public init(text: String, line: Int, group: String?, fromAppendix: Bool, timing: String, lead: [String], coordinating: [String]) {
            self.text = text
            self.line = line
            self.group = group
            self.fromAppendix = fromAppendix
            self.timing = timing
            self.lead = lead
            self.coordinating = coordinating
        }
    }

    /// A paragraph of the body as the document had it.
    public struct Paragraph: Sendable, Equatable {
        public var line: Int
        public var text: String

        public init(line: Int, text: String) {
            self.line = line
            self.text = text
        }
    }

    /// A document the plan implements or is based on.
    public struct Basis: Sendable, Equatable {
        public var typeName: String
        public var number: String
        public var issuedOn: CivilDate?
        public var issuer: String?
        public var subject: String?

        public init(typeName: String, number: String, issuedOn: CivilDate?, issuer: String?, subject: String?) {
            self.typeName = typeName
            self.number = number
            self.issuedOn = issuedOn
            self.issuer = issuer
            self.subject = subject
        }
    }

    public var header: OfficialHeaderText
    public var documentType: String
    public var subject: String
    /// Who "ban hành" the plan in its opening sentence.
    public var issuer: String
    public var basis: [Basis]
    public var sections: [Section]
    /// The body's running text; empty for a plan written in DanVan.
    public var paragraphs: [Paragraph]
    public var targets: [Target]
    public var tasks: [Task]
    public var recipients: [String]
    public var signature: OfficialSignature?

    public init(header: OfficialHeaderText, documentType: String, subject: String, issuer: String, basis: [Basis], sections: [Section],
                paragraphs: [Paragraph] = [], targets: [Target], tasks: [Task], recipients: [String], signature: OfficialSignature?) {
        self.header = header
        self.documentType = documentType
        self.subject = subject
        self.issuer = issuer
        self.basis = basis
        self.sections = sections
        self.paragraphs = paragraphs
        self.targets = targets
        self.tasks = tasks
        self.recipients = recipients
        self.signature = signature
    }
}
