import DanVanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import DanVanServer

/// The people register, courses and rosters, and the share of people trained counted from them.
@Suite("Training: people, courses, the share of people trained")
struct TrainingFlowTests {
    static let today = CivilDate(year: 2026, month: 11, day: 30)!

    static func staffList(_ count: Int, prefix: String) -> String {
        "Họ và tên,Chức vụ,Đối tượng,Phụ trách dân vận\n" + (1...count).map { "\(prefix) \($0),Công chức,Công chức trực tiếp phụ trách công tác dân vận,có" }.joined(separator: "\n")
    }

    @Test("40 people, two courses, ten at both: 36/40 trained, 46 attendances; the API, the page and the summary agree", arguments: TestDatabase.all)
    func distinctShare(database: TestDatabase) async throws {
        try await withTestApp(database, settings: { $0.today = Self.today }) { app in
            let fixture = try await Fixture.tree(app)
            let district = try await fixture.token(for: try await fixture.user("bdv-huyen", .manager, at: "T-D"))
            let imported = try await app.api(.POST, "/api/people/import?unit=T-C&filename=ds.csv", token: district, body: Self.staffList(40, prefix: "Cán bộ"))
            #expect(imported.status == .created && imported.body.string.contains("\"added\":40"), "\(imported.body.string)")
            let again = try await app.api(.POST, "/api/people/import?unit=T-C&filename=ds.csv", token: district, body: Self.staffList(2, prefix: "Cán bộ"))
            #expect(again.body.string.contains("\"updated\":2") && again.body.string.contains("\"added\":0"), "the same names are updated, not added twice")
            let people = try await Person.query(on: app.db).sort(\.$id).all()
            #expect(people.count == 40)
            var ids: [Int] = []
            for (title, start, members) in [("Lớp tháng 3", "2026-03-10", people.prefix(26)), ("Lớp tháng 9", "2026-09-15", people[16..<36])] {
                let created = try await app.api(.POST, "/api/training/courses", token: district, json: """
                    {"unitCode": "T-D", "title": "\(title)", "startsOn": "\(start)", "endsOn": "\(start)", "topics": ["dan_van"], "audience": ["civil_servant"]}
                    """)
                #expect(created.status == .created, "\(created.body.string)")
                let id = try #require((try JSONSerialization.jsonObject(with: Data(buffer: created.body)) as? [String: Any])?["id"] as? Int)
                let lines = members.map { #"{"personID": \#($0.requireID), "days": 1}"# }.joined(separator: ",")
                let roster = try await app.api(.PUT, "/api/training/courses/\(id)/roster", token: district, json: #"{"version": 1, "lines": [\#(lines)]}"#)
                #expect(roster.status == .ok, "\(roster.body.string.prefix(300))")
                ids.append(id)
            }
            let summary = try await TrainingSummary.load(rootID: try await fixture.unit("T-D").requireID, year: 2026, on: app.db)
            #expect(summary.target == TrainedShare(trained: 36, inScope: 40) && summary.attendances == 46 && summary.courses == 2)
            let api = try await app.api(.GET, "/api/training/summary?unit=T-C&year=2026", token: district)
            #expect(api.body.string.contains("\"distinctTrained\":36") && api.body.string.contains("\"attendances\":0"),
                    "the commune organised no course, yet its people count as trained: \(api.body.string)")
            let page = try await app.page(.GET, "/training?unit=T-D&year=2026", headers: try await fixture.browser(for: try await fixture.user("xem", .viewer, at: "T-D")))
            #expect(page.status == .ok && page.body.string.contains("90%"))
            let stale = try await app.api(.PUT, "/api/training/courses/\(ids[0])/roster", token: district, json: #"{"version": 1, "lines": [{"personID": \#(people[39].requireID)}]}"#)
            #expect(stale.status == .conflict, "a roster written over a newer one is refused")
        }
    }

    @Test("bad rows and rosters are named by line and store nothing", arguments: TestDatabase.all)
    func badInput(database: TestDatabase) async throws {
        try await withTestApp(database, settings: { $0.today = Self.today }) { app in
            let fixture = try await Fixture.tree(app)
            let district = try await fixture.token(for: try await fixture.user("bdv-huyen", .manager, at: "T-D"))
            let admin = try await fixture.token(for: try await fixture.user("quan-tri", .admin, at: nil))
            let bad = """
                Họ và tên,Chức vụ,Đối tượng,Phụ trách dân vận,Từ ngày,Đến ngày
                Lò Văn Một,Bí thư,Cán bộ lãnh đạo,có,,
                Lò Văn Một,Phó bí thư,Cán bộ lãnh đạo,có,,
                Giàng Thị Hai,,Thợ may,có,,
                Sùng Văn Ba,,Cán bộ lãnh đạo,hình như,,
                Vàng Văn Bốn,,Cán bộ lãnh đạo,,2026-05-01,2026-01-01
                ,,Cán bộ lãnh đạo,,,
                """
            let refused = try await app.api(.POST, "/api/people/import?unit=T-C&filename=ds.csv", token: district, body: bad)
            #expect(refused.status == .unprocessableEntity)
            for expected in ["Dòng 3: Lò Văn Một trùng với dòng 2", "Dòng 4: đối tượng \\\"Thợ may\\\" không có", "Dòng 5: cột", "Dòng 6: đến ngày", "Dòng 7"] {
                #expect(refused.body.string.contains(expected), "\(expected) in \(refused.body.string)")
            }
            #expect(try await Person.query(on: app.db).count() == 0, "nothing imported")

            _ = try await app.api(.POST, "/api/people/import?unit=T-C&filename=ds.csv", token: district, body: Self.staffList(3, prefix: "Người"))
            _ = try await app.api(.POST, "/api/people/import?unit=T-O&filename=ds.csv", token: admin, body: Self.staffList(1, prefix: "Người tỉnh khác"))
            let people = try await Person.query(on: app.db).sort(\.$id).all()
            let course = try await app.api(.POST, "/api/training/courses", token: district, json: """
                {"unitCode": "T-D", "title": "Lớp hai ngày", "startsOn": "2026-03-10", "endsOn": "2026-03-11", "topics": ["dan_van"], "audience": ["leader"]}
                """)
            let id = try #require((try JSONSerialization.jsonObject(with: Data(buffer: course.body)) as? [String: Any])?["id"] as? Int)
            let roster = try await app.api(.PUT, "/api/training/courses/\(id)/roster", token: district, json: """
                {"version": 1, "lines": [{"personID": \(people[0].requireID), "days": 2}, {"personID": \(people[0].requireID)}, {"personID": \(people[3].requireID)},
                 {"personID": \(people[1].requireID), "days": 3}, {"name": "Không Có Ai", "unitCode": "T-C"}]}
                """)
            #expect(roster.status == .unprocessableEntity)
            for expected in ["Dòng 2: Người 1 đã có ở dòng 1", "Dòng 3: Người tỉnh khác 1 thuộc đơn vị ngoài phạm vi", "Dòng 4: Người 2 tham gia 3 ngày, quá 2 ngày",
                             "Dòng 5: không tìm thấy"] {
                #expect(roster.body.string.contains(expected), "\(expected) in \(roster.body.string)")
            }
            #expect(try await CourseAttendance.query(on: app.db).count() == 0)
            let badCourse = try await app.api(.POST, "/api/training/courses", token: district, json: """
                {"unitCode": "T-D", "title": "", "startsOn": "2026-03-12", "endsOn": "2026-03-10", "topics": ["bay"], "audience": []}
                """)
            #expect(badCourse.status == .unprocessableEntity)
            for field in ["title", "endsOn", "topics", "audience"] { #expect(badCourse.body.string.contains("\"\(field)\""), "\(field)") }
            #expect(try await TrainingCourse.query(on: app.db).count() == 1)
        }
    }
}

/// A person who moves keeps one identity and is counted where they are on the counting date.
@Suite("Training: a person who moves")
struct PersonMovingTests {
    @Test("moved in July, trained in March: counted once, in the new commune on 31 December; bad moves named, nothing changed", arguments: TestDatabase.all)
    func move(database: TestDatabase) async throws {
        try await withTestApp(database, settings: { $0.today = TrainingFlowTests.today }) { app in
            let fixture = try await Fixture.tree(app)
            let province = try await fixture.token(for: try await fixture.user("tinh", .manager, at: "T-P"))
            let commune = try await fixture.token(for: try await fixture.user("xa", .manager, at: "T-C"))
            _ = try await app.api(.POST, "/api/people/import?unit=T-C&filename=ds.csv", token: province, body: TrainingFlowTests.staffList(2, prefix: "Cán bộ"))
            let mover = try #require(try await Person.query(on: app.db).sort(\.$id).first())
            let created = try await app.api(.POST, "/api/training/courses", token: province, json: """
                {"unitCode": "T-P", "title": "Lớp tháng 3", "startsOn": "2026-03-10", "topics": ["dan_van"], "audience": ["civil_servant"]}
                """)
            let course = try #require((try JSONSerialization.jsonObject(with: Data(buffer: created.body)) as? [String: Any])?["id"] as? Int)
            _ = try await app.api(.PUT, "/api/training/courses/\(course)/roster", token: province, json: #"{"version": 1, "lines": [{"personID": \#(mover.requireID)}]}"#)

            let refused = try await app.api(.POST, "/api/people/\(mover.requireID)/move", token: commune, json: #"{"unitCode": "T-S", "onDate": "2026-07-01", "version": 1}"#)
            #expect(refused.status == .forbidden, "a commune cannot move its people into another district")
            let early = try await app.api(.POST, "/api/people/\(mover.requireID)/move", token: province, json: #"{"unitCode": "T-C", "onDate": "2026-07-01", "version": 1}"#)
            #expect(early.status == .unprocessableEntity && early.body.string.contains("đang ở Đảng ủy xã Lũng Cú"))
            let stale = try await app.api(.POST, "/api/people/\(mover.requireID)/move", token: province, json: #"{"unitCode": "T-S", "onDate": "2026-07-01", "version": 9}"#)
            #expect(stale.status == .conflict)
            let moved = try await app.api(.POST, "/api/people/\(mover.requireID)/move", token: province, json: #"{"unitCode": "T-S", "onDate": "2026-07-01", "version": 1}"#)
            #expect(moved.status == .ok && moved.body.string.contains(#""to":"2026-06-30""#) && moved.body.string.contains(#""from":"2026-07-01""#), "\(moved.body.string)")
            let back = try await app.api(.POST, "/api/people/\(mover.requireID)/move", token: province, json: #"{"unitCode": "T-C", "onDate": "2026-06-01", "version": 2}"#)
            #expect(back.status == .unprocessableEntity && back.body.string.contains("phải sau ngày"), "a move cannot go back before the last one")

            let old = try await TrainingSummary.load(rootID: try await fixture.unit("T-C").requireID, year: 2026, on: app.db)
            let new = try await TrainingSummary.load(rootID: try await fixture.unit("T-S").requireID, year: 2026, on: app.db)
            let all = try await TrainingSummary.load(rootID: try await fixture.unit("T-P").requireID, year: 2026, on: app.db)
            #expect(old.target == TrainedShare(trained: 0, inScope: 1) && new.target == TrainedShare(trained: 1, inScope: 1))
            #expect(all.target == TrainedShare(trained: 1, inScope: 2), "one identity: counted once in the province")
        }
    }
}
