import Testing
@testable import DanVanCore

@Suite("Deadlines inside a task's sentence")
struct DeadlinePhraseTests {
    @Test("the forms plans write, each to its deadline")
    func forms() {
        #expect(DeadlinePhrase.timing(in: "Sơ kết 5 năm thực hiện Nghị quyết số 25-NQ/TW (trình quý III/2018)")?.deadline?.description == "2018-09-30")
        #expect(DeadlinePhrase.timing(in: "Đề án “Đổi mới tổ chức …” (trình tháng 3/2018)")?.deadline?.description == "2018-03-31")
        #expect(DeadlinePhrase.timing(in: "Hoàn thành trong tháng 4/2023.")?.deadline?.description == "2023-04-30")
        #expect(DeadlinePhrase.timing(in: "báo cáo kết quả về Ban Dân vận trước ngày 15/12/2024")?.deadline?.description == "2024-12-15")
        #expect(DeadlinePhrase.timing(in: "gửi báo cáo chậm nhất ngày 30/6/2024")?.deadline?.description == "2024-06-30")
        #expect(DeadlinePhrase.timing(in: "chậm nhất là ngày 5/1/2025")?.deadline?.description == "2025-01-05")
    }

    @Test("a date that is a citation's, or no deadline at all, gives none")
    func notDeadlines() {
        #expect(DeadlinePhrase.timing(in: "Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ") == nil)
        #expect(DeadlinePhrase.timing(in: "Tăng cường công tác dân vận trong tình hình mới.") == nil)
        #expect(DeadlinePhrase.timing(in: "hoàn thành trong tháng 13/2023") == nil)
    }
}
