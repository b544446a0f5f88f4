import Foundation
import ZIPFoundation

/// The parts of a DOCX package, read with limits so that a crafted file cannot unpack past
/// them (a "zip bomb"): declared sizes are checked first, then bytes are counted as they come.
/// ZIPFoundation reads the central directory; `DocxEntryReader` unpacks the parts.
///
/// The package is read from a private temporary file, not from memory: ZIPFoundation's
/// in-memory archive traps on a central directory that points past the end of the data (found
/// by fuzzing), which would take the whole server down; its file-backed reading does not.
final class DocxArchive {
    static let maxUnpackedBytes = 60 * 1_048_576

    private let archive: Archive
    private let package: Data
    private let temporaryFile: URL
    private var budget: Int

    /// Temporary copies are named with this prefix, so a test can find any left behind.
    static let temporaryFilePrefix = "danvan-reading-"

    init(data: Data, filename: String) throws(PlanReadError) {
        package = data
        temporaryFile = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(Self.temporaryFilePrefix)\(UUID().uuidString).docx")
        do {
            try data.write(to: temporaryFile, options: [.atomic])
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: temporaryFile.path)
            archive = try Archive(url: temporaryFile, accessMode: .read)
        } catch {
            try? FileManager.default.removeItem(at: temporaryFile)
            throw PlanReadError("Tệp \(filename) không mở được như tệp nén ZIP; có thể tệp bị hỏng.")
        }
        guard archive["word/document.xml"] != nil else {
            try? FileManager.default.removeItem(at: temporaryFile)
            throw PlanReadError("Tệp \(filename) là tệp ZIP nhưng không phải văn bản Word (.docx): thiếu word/document.xml.")
        }
        let declared = archive.reduce(0) { $0 + Int(clamping: $1.uncompressedSize) }
        guard declared <= Self.maxUnpackedBytes else {
            try? FileManager.default.removeItem(at: temporaryFile)
            throw PlanReadError("Tệp \(filename) khi giải nén sẽ lớn \(declared / 1_048_576) MB, vượt giới hạn "
                                + "\(Self.maxUnpackedBytes / 1_048_576) MB; không đọc.")
        }
        budget = Self.maxUnpackedBytes
    }

    deinit {
        try? FileManager.default.removeItem(at: temporaryFile)
    }

    /// An XML part as UTF-8, or nil when the package does not have it. Foundation's XMLParser
    /// traps on element names that are not valid UTF-8 (found by fuzzing), so a damaged part is
    /// refused before it is parsed; UTF-16 parts are converted.
    func xmlPart(_ path: String, filename: String) throws(PlanReadError) -> Data? {
        guard let data = try part(path, filename: filename) else { return nil }
        if String(data: data, encoding: .utf8) != nil { return data }
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]), let text = String(data: data, encoding: .utf16) {
            return Data(text.utf8)
        }
        throw PlanReadError("Tệp \(filename) bị hỏng: phần \(path) không phải văn bản UTF-8 hợp lệ.")
    }

    /// The part's bytes, or nil when the package does not have it.
    func part(_ path: String, filename: String) throws(PlanReadError) -> Data? {
        guard let entry = archive[path] else { return nil }
        do {
            let data = try DocxEntryReader.read(path, compressedSize: Int(clamping: entry.compressedSize), checksum: entry.checksum,
                                                in: package, budget: budget)
            budget -= data.count
            return data
        } catch is DocxEntryReader.TooLarge {
            throw PlanReadError("Tệp \(filename) giải nén vượt giới hạn \(Self.maxUnpackedBytes / 1_048_576) MB; không đọc.")
        } catch {
            throw PlanReadError("Tệp \(filename) bị hỏng: không giải nén được \(path).")
        }
    }
}
