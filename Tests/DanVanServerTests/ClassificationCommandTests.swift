import DanVanCore
import DanVanDocuments
import Foundation
import Testing
@testable import DanVanServer

/// `danvan criteria` and `danvan classify` as an office would type them, on the demo.
@Suite("Classification on the command line")
struct ClassificationCommandTests {
    @Test("criteria list and classify print the contract's JSON; classify score totals a file of scores; a bad set file stores nothing")
    func commands() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("danvan-classify-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = ["--data-dir", folder.path, "--today", "2026-11-30"]
        #expect(await CommandLineRun.run(["demo"] + data, environment: [:]).status == 0)

        let list = await CommandLineRun.run(["criteria", "list", "--json"] + data, environment: [:])
        let sets = try #require(try JSONSerialization.jsonObject(with: Data(list.output.utf8)) as? [[String: Any]])
        let province = try #require(sets.first { $0["unit"] as? String == "LC-TU" })
        #expect(province["decision"] as? String == "245-QĐ/TU" && province["validFrom"] as? String == "2024-10-15" && province["maxPoints"] as? Double == 100)
        let bands = try #require(province["bands"] as? [[String: Any]])
        #expect(bands.first?["label"] as? String == "Tốt" && bands.first?["min"] as? Double == 80 && bands.first?["max"] as? Double == 100)

        let shown = await CommandLineRun.run(["classify", "--unit", "LC-TU", "--year", "2025", "--json"] + data, environment: [:])
        let round = try #require(try JSONSerialization.jsonObject(with: Data(shown.output.utf8)) as? [String: Any])
        let sheets = try #require(round["sheets"] as? [[String: Any]])
        let binhLu = try #require(sheets.first { $0["unit"] as? String == "LC-DU-BINHLU" })
        #expect(binhLu["selfTotal"] as? Double == 80 && binhLu["appraisedTotal"] as? Double == 78 && binhLu["band"] as? String == "Khá"
                && binhLu["state"] as? String == "published" && binhLu["gated"] as? Bool == false)
        #expect((round["distribution"] as? [String: Int])?["Không đủ điều kiện xếp loại"] == 1)
        let open = await CommandLineRun.run(["classify", "--unit", "LC-TU", "--year", "2026", "--json"] + data, environment: [:])
        #expect(open.output.contains("\"band\" : null"), "a sheet not yet appraised has a band of null, not a missing key")

        let scores = folder.appendingPathComponent("diem.json")
        try Data(#"{"I.1": 5, "I.2": "4,5", "IX.1": 8}"#.utf8).write(to: scores)
        let setID = try #require(province["id"] as? Int)
        let scored = await CommandLineRun.run(["classify", "score", "--set", String(setID), "--scores", scores.path, "--json"] + data, environment: [:])
        let result = try #require(try JSONSerialization.jsonObject(with: Data(scored.output.utf8)) as? [String: Any])
        #expect(result["total"] as? Double == 17.5 && result["band"] as? String == "Yếu")
        try Data(#"{"I.1": 7}"#.utf8).write(to: scores)
        let tooHigh = await CommandLineRun.run(["classify", "score", "--set", String(setID), "--scores", scores.path] + data, environment: [:])
        #expect(tooHigh.status == 2 && tooHigh.errors.contains("Tiêu chí I.1: 7 điểm, vượt điểm tối đa 5"))

        let csv = folder.appendingPathComponent("tieu-chi.csv")
        var rows = CriteriaSetSamples.governmentWork.criteria
        rows[2][2] = "năm"
        try CSVTable.write(header: rows[0], rows: Array(rows.dropFirst()) + CriteriaSetSamples.governmentWork.bands).write(to: csv)
        let refused = await CommandLineRun.run(["criteria", "import", csv.path, "--unit", "LC-TU", "--decision", "Quyết định số 300-QĐ/TU ngày 01/12/2026"] + data,
                                               environment: [:])
        #expect(refused.status == 2 && refused.errors.contains("Dòng 3") && refused.errors.contains("\"năm\" không phải số điểm"), "\(refused.errors)")
        rows[2][2] = "5"
        try CSVTable.write(header: rows[0], rows: Array(rows.dropFirst()) + CriteriaSetSamples.governmentWork.bands).write(to: csv)
        let imported = await CommandLineRun.run(["criteria", "import", csv.path, "--unit", "LC-TU", "--decision", "Quyết định số 300-QĐ/TU ngày 01/12/2026"] + data,
                                                environment: [:])
        #expect(imported.status == 0 && imported.output.contains("300-QĐ/TU"), "\(imported.errors) \(imported.output)")
        let after = await CommandLineRun.run(["criteria", "list", "--json"] + data, environment: [:])
        #expect(try (JSONSerialization.jsonObject(with: Data(after.output.utf8)) as? [Any])?.count == sets.count + 1, "only the good file was stored")
    }
}
