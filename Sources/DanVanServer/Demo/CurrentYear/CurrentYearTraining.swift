import DanVanCore
import Fluent
import Foundation

/// Training in the demo year: each commune's staff register (leaders and civil servants in charge
/// of mass mobilisation work, Front officers, a Tổ dân vận member per village cell), the
/// province's March and September rounds with their rosters (some people at both, some never),
/// and Bình Lư's own course for its Tổ dân vận. Bình Lư meets "trên 85% … được tập huấn"
/// (7 of 8), Bản Bo does not (5 of 8), Sơn Bình has barely started. A Tổ dân vận member moves from Bản Bo to Sơn Bình in August.
enum CurrentYearTraining {
    struct Commune {
        let code: String
        let names: [String]
        /// A Tổ dân vận member in each of three villages.
        let villagers: [String]
        /// Indexes into `names` (the people in the target's scope) at each round.
        let march: [Int]
        let september: [Int]
    }

    static let communes = [
        Commune(code: "LC-DU-BINHLU", names: ["Lù Văn Chinh", "Tẩn Thị Mai", "Lò Văn Hưng", "Vàng Thị Dung", "Giàng A Páo", "Sùng Thị Xuân", "Chảo Văn Tiến", "Phàn Thị Lan"],
                villagers: ["Lò Văn Thào", "Giàng Thị Dợ", "Sùng A Chư"], march: [0, 1, 2, 3, 4, 5], september: [2, 3, 4, 6]),
        Commune(code: "LC-DU-BANBO", names: ["Đèo Văn Thắng", "Lường Thị Hoa", "Tao Văn Pọm", "Hoàng Thị Nga", "Lò Văn Sơn", "Vì Thị Thu", "Điêu Văn Hải", "Lùng Thị Mẩy"],
                villagers: ["Lò Văn Pâng", "Tòng Thị Ún", "Lường Văn Xoan"], march: [0, 1, 2, 3], september: [3, 4]),
        Commune(code: "LC-DU-SONBINH", names: ["Nguyễn Văn Bình", "Hà Thị Ngọc", "Lý Văn Dìn", "Tẩn Thị Sửu", "Vàng A Chứ", "Sùng A Lử"],
                villagers: ["Hầu A Sình", "Lý Thị Mai", "Chảo Văn Lở"], march: [0, 1], september: []),
    ]

    static func load(today: CivilDate, people: DemoPeople, on db: any Database) async throws {
        let year = today.year
        var scoped: [String: [Person]] = [:]
        for commune in communes {
            try await register(commune, people: people, on: db)
            let unit = try await UnitQueries.require(code: commune.code, on: db)
            let all = try await Person.query(on: db).filter(\.$unitID == unit.requireID).all()
            scoped[commune.code] = commune.names.compactMap { name in all.first { $0.fullName == name } }
        }
        let province = people.manager(for: "LC-TU")
        for (month, days, round) in [(3, (18, 19), \Commune.march), (9, (16, 17), \Commune.september)] {
            guard let starts = CivilDate(year: year, month: month, day: days.0), let ends = CivilDate(year: year, month: month, day: days.1), ends <= today else { continue }
            var input = CourseRecording.Input()
            input.unitCode = "LC-TU"
            input.title = "Tập huấn nghiệp vụ công tác dân vận năm \(year) (đợt \(month == 3 ? 1 : 2))"
            input.coOrganisers = "Ban Tuyên giáo và Dân vận Tỉnh ủy, Trường Chính trị tỉnh, Ủy ban MTTQ tỉnh, Sở Nội vụ"
            input.startsOn = starts.description
            input.endsOn = ends.description
            input.place = "Trường Chính trị tỉnh Lai Châu"
            input.topics = ["dan_van", "ton_giao", "dan_chu_co_so"]
            input.audience = ["leader", "civil_servant"]
            input.seatsPerUnit = "6"
            let course = try await CourseRecording.create(input, by: province, on: db)
            var lines: [RosterRecording.Line] = []
            for commune in communes {
                let members = scoped[commune.code] ?? []
                for index in commune[keyPath: round] where index < members.count {
                    // One commune leader left the second day for a reception day: 1 of 2 days.
                    let days: Double = commune.code == "LC-DU-BANBO" && index == 0 ? 1 : 2
                    lines.append(.init(personID: members[index].requireID, days: days, certificate: "TH-\(year)-\(month)-\(lines.count + 1)"))
                }
            }
            _ = try await RosterRecording.record(course.requireID, lines: lines, mode: .replace, version: course.version, by: province, on: db)
        }
        try await villageCourse(year: year, today: today, people: people, on: db)
        try await moveVillager(year: year, today: today, people: people, on: db)
    }

    /// Bản Bo's Tổ dân vận member Lường Văn Xoan moved to Sơn Bình on 1 August: one person, two
    /// stretches, counted in Sơn Bình at the year's end (outside the target's scope, so its figures hold).
    private static func moveVillager(year: Int, today: CivilDate, people: DemoPeople, on db: any Database) async throws {
        guard let day = CivilDate(year: year, month: 8, day: 1), day <= today else { return }
        let banBo = try await UnitQueries.require(code: "LC-DU-BANBO", on: db)
        guard let person = try await Person.query(on: db).filter(\.$unitID == banBo.requireID).filter(\.$fullName == "Lường Văn Xoan").first() else { return }
        _ = try await PersonMoving.perform(person.requireID, .init(unitCode: "LC-DU-SONBINH", onDate: day.description, version: person.version),
                                           by: people.manager(for: "LC-TU"), on: db)
    }

    private static func register(_ commune: Commune, people: DemoPeople, on db: any Database) async throws {
        var rows = ["Họ và tên,Chức vụ,Đối tượng,Phụ trách dân vận"]
        for (index, name) in commune.names.enumerated() {
            let (position, category) = index == 0 ? ("Bí thư Đảng ủy", "Cán bộ lãnh đạo") : index == 1 ? ("Phó Bí thư Thường trực", "Cán bộ lãnh đạo")
                : index == 2 ? ("Trưởng Khối Dân vận", "Công chức trực tiếp phụ trách công tác dân vận")
                : ("Công chức Văn phòng Đảng ủy", "Công chức trực tiếp phụ trách công tác dân vận")
            rows.append("\(name),\(position),\(category),có")
        }
        rows.append("Lò Thị Phương,Chủ tịch Ủy ban MTTQ xã,\"Cán bộ Mặt trận, đoàn thể\",")
        rows.append("Tòng Văn Khiêm,Bí thư Đoàn xã,\"Cán bộ Mặt trận, đoàn thể\",")
        for (index, name) in commune.villagers.enumerated() {
            rows.append("\(name),Tổ trưởng Tổ dân vận bản số \(index + 1),Thành viên Tổ dân vận,")
        }
        _ = try await PeopleImport.perform(Data(rows.joined(separator: "\n").utf8), filename: "danh-sach.csv", unitCode: commune.code,
                                           by: people.manager(for: commune.code), on: db)
    }

    /// The commune's own course for its Tổ dân vận, in April.
    private static func villageCourse(year: Int, today: CivilDate, people: DemoPeople, on db: any Database) async throws {
        guard let day = CivilDate(year: year, month: 4, day: 9), day <= today else { return }
        let actor = people.manager(for: "LC-DU-BINHLU")
        var input = CourseRecording.Input()
        input.unitCode = "LC-DU-BINHLU"
        input.title = "Bồi dưỡng kỹ năng vận động quần chúng cho Tổ dân vận"
        input.coOrganisers = "Ủy ban MTTQ xã Bình Lư"
        input.startsOn = day.description
        input.place = "Hội trường Đảng ủy xã Bình Lư"
        input.topics = ["ky_nang", "dan_chu_co_so"]
        input.audience = ["to_dan_van", "front_officer"]
        let course = try await CourseRecording.create(input, by: actor, on: db)
        let unit = try await UnitQueries.require(code: "LC-DU-BINHLU", on: db)
        let members = try await Person.query(on: db).filter(\.$unitID == unit.requireID).filter(\.$category ~~ ["to_dan_van", "front_officer"]).all()
        _ = try await RosterRecording.record(course.requireID, lines: members.map { .init(personID: $0.requireID, days: 1) }, mode: .replace,
                                             version: course.version, by: actor, on: db)
    }
}
