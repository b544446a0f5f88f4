import DanVanCore
import DanVanDocuments
import Foundation

/// Reads a plan file away from Swift's cooperative threads: a PDF waits on pdftotext or on
/// tesseract for seconds (a scan, for minutes), which must not hold up the threads that serve
/// every other request, nor a database transaction.
enum PlanFileReading {
    static func read(_ data: Data, filename: String) async -> Result<(document: PlanDocument, lines: [PlanLine]), PlanReadError> {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(returning: Result { () throws(PlanReadError) in try PlanFileReader.readWithLines(data, filename: filename) })
            }
        }
    }
}
