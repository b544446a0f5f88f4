import DanVanCore
import DanVanDocuments
import Fluent
import Foundation

/// Reads plan files and stores the ones that are plans, one transaction per file so a bad
/// file never blocks or half-stores the others.
enum PlanFileImporter {
    enum Outcome: Sendable {
        case stored(planID: Int, unitCode: String)
        case skipped(reason: String)
    }

    static let readableExtensions: Set<String> = ["txt", "md", "markdown", "docx", "pdf"]

    static func importFile(named name: String, data: Data, unitCode: String?, by actor: Actor,
                           on db: any Database) async throws -> Outcome {
        try await store(read(named: name, data: data), named: name, unitCode: unitCode, by: actor, on: db)
    }

    /// A file read as a plan, or why it is not one. Needs no database: folder imports read
    /// the next files while the current one is stored.
    static func read(named name: String, data: Data?) -> Result<PlanDocument, ReadRefusal> {
        guard let data else { return .failure(ReadRefusal(reason: "không đọc được tệp")) }
        let document: PlanDocument
        do {
            document = try PlanFileReader.read(data, filename: name)
        } catch {
            return .failure(ReadRefusal(reason: error.description))
        }
        guard document.kind == .plan else {
            return .failure(ReadRefusal(reason: document.warnings.first?.message ?? "không phải kế hoạch"))
        }
        return .success(document)
    }

    struct ReadRefusal: Error {
        let reason: String
    }

    static func store(_ reading: Result<PlanDocument, ReadRefusal>, named name: String, unitCode: String?, by actor: Actor,
                      on db: any Database) async throws -> Outcome {
        let document: PlanDocument
        switch reading {
        case .success(let read): document = read
        case .failure(let refusal): return .skipped(reason: refusal.reason)
        }
        if unitCode == nil, try await PlanPlacementResolver.unit(forIssuer: document.issuer, year: document.year, on: db) == nil {
            return .skipped(reason: "không xác định được đơn vị ban hành từ \"\(document.issuer ?? "")\"; hãy chỉ rõ bằng --unit MÃ")
        }
        do {
            let unit = try await PlanImport.issuingUnit(document, code: unitCode, on: db)
            let planID = try await PlanImport.perform(document, unitCode: unit.code, upper: .fromBasis, sourceName: name, by: actor, on: db)
            return .stored(planID: planID, unitCode: unit.code)
        } catch let error as AppError {
            return .skipped(reason: error.reason)
        }
    }

    /// The files of a folder the reader can take, in name order; the rest with the reason.
    static func files(in folder: URL) -> (readable: [URL], ignored: [(URL, String)]) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var readable: [URL] = []
        var ignored: [(URL, String)] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let url = folder.appendingPathComponent(name)
            if readableExtensions.contains(url.pathExtension.lowercased()) {
                readable.append(url)
            } else {
                ignored.append((url, "định dạng .\(url.pathExtension) không đọc được (dùng .docx, .pdf, .txt, .md)"))
            }
        }
        return (readable, ignored)
    }
}
