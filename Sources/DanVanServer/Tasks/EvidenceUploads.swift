import DanVanCore
import Foundation

/// Evidence uploaded with a post (a model's note, a classification criterion): checked against
/// `EvidencePolicy` all at once, then written to the store before the transaction and taken away
/// again if the transaction fails, so no file outlives a refused post.
enum EvidenceUploads {
    struct Upload: Sendable {
        let name: String
        let data: Data
    }

    /// Too many files, or any file of a kind or size the policy refuses.
    static func issues(_ files: [Upload], field: String = "files") -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if files.count > EvidencePolicy.maxFilesPerUpdate {
            issues.append(ValidationIssue(field: field, message: "Mỗi lần đính kèm tối đa \(EvidencePolicy.maxFilesPerUpdate) tệp."))
        }
        for file in files {
            if let problem = EvidencePolicy.problem(filename: file.name, size: file.data.count, head: Array(file.data.prefix(8))) {
                issues.append(ValidationIssue(field: field, message: problem))
            }
        }
        return issues
    }

    /// Writes the files, runs `body` with each file's stored name and content type, and removes
    /// the files when `body` throws.
    static func storing<T>(_ files: [Upload], in store: EvidenceStore,
                           _ body: ([(upload: Upload, storedName: String, contentType: String)]) async throws -> T) async throws -> T {
        let stored = try files.map { file in
            (upload: file, storedName: try store.save(file.data, originalName: file.name),
             contentType: EvidencePolicy.contentTypes[EvidencePolicy.fileExtension(of: file.name)] ?? "application/octet-stream")
        }
        do {
            return try await body(stored)
        } catch {
            store.remove(stored.map(\.storedName))
            throw error
        }
    }
}
