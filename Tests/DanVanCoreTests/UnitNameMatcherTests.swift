import Testing
@testable import DanVanCore

@Suite("Unit names in task columns")
struct UnitNameMatcherTests {
    static let district: [UnitNameMatcher.Candidate] = [
        .init(id: 1, name: "Huyện ủy Tam Đường"), .init(id: 2, name: "Ban Dân vận Huyện ủy Tam Đường"),
        .init(id: 3, name: "Ban Thường vụ Huyện ủy Tam Đường"), .init(id: 4, name: "Ủy ban MTTQ Việt Nam huyện Tam Đường"),
        .init(id: 5, name: "Hội Liên hiệp Phụ nữ huyện Tam Đường"), .init(id: 6, name: "Hội Cựu chiến binh huyện Tam Đường"),
        .init(id: 7, name: "Đoàn Thanh niên Cộng sản Hồ Chí Minh huyện Tam Đường"), .init(id: 8, name: "Hội Nông dân huyện Tam Đường"),
        .init(id: 9, name: "Ủy ban nhân dân huyện Tam Đường"),
    ]

    @Test("the appendix's lead names find their district units", arguments: [
        ("Ban Dân vận Huyện ủy", 2), ("Hội Cựu chiến binh huyện", 6), ("Hội LHPN huyện", 5), ("Huyện đoàn", 7),
        ("MTTQ và các đoàn thể huyện", 4), ("UBND huyện", 9), ("Ban Thường vụ Huyện ủy", 3), ("Hội Nông dân", 8),
    ])
    func leads(name: String, id: Int) {
        #expect(UnitNameMatcher.match(name, among: Self.district, place: "Tam Đường") == id)
    }

    @Test("names of no unit, or of several, find none")
    func none() {
        #expect(UnitNameMatcher.match("Liên đoàn Lao động huyện", among: Self.district, place: "Tam Đường") == nil)
        #expect(UnitNameMatcher.match("Các cơ quan, đơn vị liên quan", among: Self.district, place: "Tam Đường") == nil)
        #expect(UnitNameMatcher.match("Hội", among: Self.district, place: "Tam Đường") == nil)
        #expect(UnitNameMatcher.match("", among: Self.district, place: "Tam Đường") == nil)
    }
}
