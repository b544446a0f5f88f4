import DanVanCore
import Foundation

/// Placeholder until the DOCX reader lands: refuses clearly rather than guessing.
enum DocxPlanSource {
    static func lines(from data: Data, filename: String) throws(PlanReadError) -> [PlanLine] {
        throw PlanReadError("Đọc tệp DOCX (\(filename)) chưa được hỗ trợ trong phiên bản này; hãy lưu thành văn bản thuần (.txt, UTF-8).")
    }
}
