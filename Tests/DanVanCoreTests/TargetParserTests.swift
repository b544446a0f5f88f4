import Testing
@testable import DanVanCore

@Suite("Targets in plan text")
struct TargetParserTests {
    private func only(_ text: String) throws -> ParsedTarget {
        let found = TargetParser.targets(in: text, lineNumber: 1)
        try #require(found.count == 1, "\(found)")
        return found[0]
    }

    @Test("each operator", arguments: [
        ("Trên 85% cán bộ lãnh đạo được tập huấn", TargetComparator.gt, 85.0, nil as Double?, TargetMeasure.percent),
        ("95% trở lên các cấp ủy cơ sở đăng ký xây dựng mô hình", .ge, 95, nil, .percent),
        ("từ 90% trở lên hội viên tham gia sinh hoạt", .ge, 90, nil, .percent),
        ("100% chi bộ trực thuộc xây dựng kế hoạch", .eq, 100, nil, .percent),
        ("tổ chức tiếp xúc, đối thoại trực tiếp với Nhân dân ít nhất 01 cuộc", .ge, 1, nil, .count),
        ("mỗi cấp ủy cơ sở có từ 01 - 02 mô hình điển hình", .between, 1, 2, .count),
        ("Đăng ký xây dựng từ 01 đến 02 mô hình “Dân vận khéo”", .between, 1, 2, .count),
        ("tỷ lệ hộ nghèo không quá 5%", .le, 5, nil, .percent),
        ("tỷ lệ đơn thư quá hạn dưới 2%", .lt, 2, nil, .percent),
    ])
    func operators(text: String, comparator: TargetComparator, value: Double, upper: Double?, unit: TargetMeasure) throws {
        let target = try only(text)
        #expect(target.comparator == comparator)
        #expect(target.value == value)
        #expect(target.upper == upper)
        #expect(target.unit == unit)
    }

    @Test("subjects say what is counted")
    func subjects() throws {
        #expect(try only("Trên 85% cán bộ lãnh đạo được tập huấn").subject == "cán bộ lãnh đạo được tập huấn")
        #expect(try only("ít nhất 01 cuộc").subject == "cuộc")
    }

    @Test("one target per measurable clause, seed 000's third bullet")
    func severalClauses() {
        let line = "100% người đứng đầu cấp ủy, chính quyền các cấp thực hiện tốt công tác tiếp dân; 100% chính quyền các cấp, "
            + "các cơ quan, đơn vị triển khai thực hiện hiệu quả công tác dân vận chính quyền, trong đó: trên 60% đạt tiêu chí \"Dân vận khéo\"."
        let targets = TargetParser.targets(in: line, lineNumber: 4)
        #expect(targets.map(\.comparator) == [.eq, .eq, .gt])
        #expect(targets.map(\.value) == [100, 100, 60])
        #expect(targets.allSatisfy { $0.line == 4 })
    }

    @Test("a percentage and a count range in one clause are two targets")
    func percentAndRange() {
        let line = "95% trở lên các cấp ủy cơ sở, cơ quan, đơn vị triển khai thực hiện đăng ký xây dựng mô hình “Dân vận khéo” "
            + "và mỗi cấp ủy cơ sở có từ 01 - 02 mô hình điển hình, tập trung vào các lĩnh vực"
        let targets = TargetParser.targets(in: line, lineNumber: 1)
        #expect(targets.map(\.comparator) == [.ge, .between])
        #expect(targets.first?.subject.hasSuffix("mô hình “Dân vận khéo”") == true)
    }

    @Test("meet-or-exceed a target handed down has no value of its own; zero incidents is eq 0")
    func relativeAndZero() throws {
        let relative = try only("Công tác phát triển đoàn viên, hội viên đạt và vượt so với chỉ tiêu ngành dọc cấp trên giao")
        #expect(relative.comparator == .ge)
        #expect(relative.value == nil)
        let zero = try only("không để xảy ra điểm nóng về an ninh trật tự")
        #expect(zero.comparator == .eq)
        #expect(zero.value == 0)
    }

    @Test("year ranges and text without figures give no target", arguments: [
        "giai đoạn 2021-2025, định hướng đến năm 2030",
        "Tiếp tục tăng cường sự lãnh đạo của các cấp ủy",
    ])
    func noTarget(text: String) {
        #expect(TargetParser.targets(in: text, lineNumber: 1).isEmpty)
    }
}

@Suite("Targets: what a percentage must achieve")
struct TargetPredicateTests {
    @Test("a share that must have zero incidents is one target, not two")
    func shareWithZero() {
        let targets = TargetParser.targets(in: "100% các thôn trên địa bàn xã không để xảy ra “điềm nóng” liên quan đến tôn giáo", lineNumber: 1)
        #expect(targets.count == 1)
        #expect(targets.first?.value == 100)
        #expect(targets.first?.subject.contains("không để xảy ra") == true)
    }
}

@Suite("Targets: the text each one carries")
struct TargetTextTests {
    @Test("a second figure's text starts at that figure, not inside the first one's words")
    func secondText() {
        let targets = TargetParser.targets(in: "95% trở lên các cấp ủy cơ sở đăng ký mô hình và mỗi cấp ủy cơ sở có từ 01 - 02 mô hình điển hình",
                                           lineNumber: 1)
        #expect(targets.count == 2)
        #expect(targets.first?.text.hasPrefix("95% trở lên") == true)
        #expect(targets.last?.text == "từ 01 - 02 mô hình điển hình")
    }
}
