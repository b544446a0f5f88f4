import DanVanCore
import Testing

@Suite("Training: distinct people, rosters")
struct TrainingTests {
    @Test("36 of 40 people trained, ten of them twice, is 36/40 = 90 %, never 46/40")
    func distinctPeople() throws {
        let inScope = Array(1...40)
        let attended = Array(1...36) + Array(1...10)
        let share = TrainedShare.count(inScope: inScope, attended: attended)
        #expect(share == TrainedShare(trained: 36, inScope: 40))
        let parsed = try #require(TargetParser.targets(in: "- Trên 85% cán bộ lãnh đạo và công chức phụ trách công tác dân vận được tập huấn.", lineNumber: 1).first)
        let threshold = Threshold(parsed)
        let evaluation = share.evaluate(threshold)
        #expect(evaluation.status == .met && evaluation.figure == 90)
        #expect(evaluation.explanation.contains("36/40"))
        #expect(TrainedShare.count(inScope: inScope, attended: Array(1...30) + Array(41...50)).evaluate(threshold).status == .notMet,
                "people outside the scope never count")
        #expect(TrainedShare(trained: 0, inScope: 0).evaluate(threshold).status == .noData)
        #expect(TrainedShare(trained: 3, inScope: 4) + TrainedShare(trained: 1, inScope: 6) == TrainedShare(trained: 4, inScope: 10), "sums roll up")
    }

    @Test("a roster's faults, each with its line: twice, outside the organiser, days beyond the course, nobody found")
    func rosterProblems() {
        let lines = [
            RosterCheck.Line(line: 1, personID: 7, personLabel: "Lò Văn A", days: 2, inScope: true),
            RosterCheck.Line(line: 2, personID: 7, personLabel: "Lò Văn A", days: 2, inScope: true),
            RosterCheck.Line(line: 3, personID: 8, personLabel: "Giàng Thị B", days: 1, inScope: false),
            RosterCheck.Line(line: 4, personID: 9, personLabel: "Sùng Văn C", days: 3, inScope: true),
            RosterCheck.Line(line: 5, personID: nil, personLabel: "Không Ai", days: 1, inScope: true),
        ]
        let problems = RosterCheck.problems(lines, courseDays: 2)
        #expect(problems.map(\.line) == [2, 3, 4, 5])
        #expect(problems[0].message.contains("đã có ở dòng 1") && problems[1].message.contains("ngoài phạm vi")
                && problems[2].message.contains("quá 2 ngày") && problems[3].message.contains("không tìm thấy"))
        #expect(RosterCheck.problems(Array(lines.prefix(1)), courseDays: 2).isEmpty)
    }
}
