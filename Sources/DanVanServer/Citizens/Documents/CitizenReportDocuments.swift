import DanVanCore
import DanVanDocuments
import Fluent
import Foundation

/// The citizen reception report as DOCX and XLSX: the pages, the API and the command line write the same bytes.
enum CitizenReportDocuments {
    static func report(_ report: CitizenReport, on db: any Database) async throws -> CitizenReportWriter.Report {
        func figures(_ line: CitizenReport.Line) -> CitizenReportWriter.Figures {
            .init(sessions: line.sessions, citizens: line.citizens, groups: line.groups, dialogues: line.dialogues, received: line.received,
                  timeliness: line.timeliness)
        }
        let unit = report.unit
        let header = try await OfficialHeaderQuery.header(unitID: unit.requireID, number: nil, type: "BC", place: nil, issuedOn: nil,
                                                          year: report.period.year, on: db)
        return CitizenReportWriter.Report(
            header: header, issuerName: unit.officialBody.printedName, periodLabel: report.period.label, total: figures(report.total),
            kinds: report.kinds.map { ($0.kind, $0.received, $0.timeliness) }, lines: report.lines.map { ($0.unitName, figures($0)) },
            dialogueQuestions: report.dialogueQuestions, answeredOnSpot: report.answeredOnSpot, dutiesMissed: report.dutiesMissed,
            signature: OfficialSignature(authority: "T/M \(unit.unitKind.system == .party ? "BAN THƯỜNG VỤ" : "ỦY BAN NHÂN DÂN")",
                                         position: unit.unitKind.system == .party ? "BÍ THƯ" : "CHỦ TỊCH", name: nil))
    }

    static func xlsx(_ report: CitizenReport, on db: any Database) async throws -> Data {
        try CitizenReportWriter.xlsx(try await self.report(report, on: db))
    }

    static func docx(_ report: CitizenReport, on db: any Database) async throws -> Data {
        try CitizenReportWriter.docx(try await self.report(report, on: db))
    }
}
