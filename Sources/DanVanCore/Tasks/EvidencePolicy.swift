/// Which files may be attached to a task update as evidence: office documents, PDFs and
/// photos, up to 10 MB each, whose contents are what their names say.
public enum EvidencePolicy {
    public static let maxBytes = 10 * 1_048_576
    public static let maxFilesPerUpdate = 5

    private static let signatures: [String: [[UInt8]]] = [
        "pdf": [[0x25, 0x50, 0x44, 0x46]],
        "docx": [[0x50, 0x4B, 0x03, 0x04]], "xlsx": [[0x50, 0x4B, 0x03, 0x04]], "pptx": [[0x50, 0x4B, 0x03, 0x04]],
        "jpg": [[0xFF, 0xD8, 0xFF]], "jpeg": [[0xFF, 0xD8, 0xFF]], "png": [[0x89, 0x50, 0x4E, 0x47]],
    ]

    public static let contentTypes: [String: String] = [
        "pdf": "application/pdf",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png",
    ]

    public static func fileExtension(of filename: String) -> String {
        guard let dot = filename.lastIndex(of: "."), dot != filename.startIndex else { return "" }
        return filename[filename.index(after: dot)...].lowercased()
    }

    /// What is wrong with the file as evidence, in words for the form, or nil.
    public static func problem(filename: String, size: Int, head: [UInt8]) -> String? {
        let name = filename.isEmpty ? "Tệp" : "Tệp \(filename)"
        guard size > 0 else { return "\(name) trống." }
        guard size <= maxBytes else { return "\(name) lớn \(size / 1_048_576) MB, vượt giới hạn \(maxBytes / 1_048_576) MB." }
        let ext = fileExtension(of: filename)
        guard let expected = signatures[ext] else {
            return "\(name): chỉ nhận tệp PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx) hoặc ảnh JPG, PNG."
        }
        guard expected.contains(where: { head.starts(with: $0) }) else { return "\(name) không đúng định dạng .\(ext) như tên tệp." }
        return nil
    }
}
