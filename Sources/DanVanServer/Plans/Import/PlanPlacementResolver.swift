import DanVanCore
import Fluent

/// Works out where a read plan belongs when the user did not say: the issuing unit from the
/// issuer's name, and the upper plan from the basis ("Thực hiện Kế hoạch số 226-KH/HU ...").
enum PlanPlacementResolver {
    /// The unit the issuer names. Abbreviations are spelled out first ("UBND" → "ủy ban nhân
    /// dân"). A unit whose whole name the issuer contains wins, longest first ("Ban Thường vụ
    /// Huyện ủy Tam Đường" → "Huyện ủy Tam Đường"); otherwise a single unit whose name starts
    /// with the issuer ("Văn phòng UBND tỉnh" → "Văn phòng Ủy ban nhân dân tỉnh Lai Châu").
    /// Several such units ("Đảng ủy xã") mean it cannot tell.
    static func unit(forIssuer issuer: String?, year: Int?, on db: any Database) async throws -> OrgUnit? {
        guard let issuer, !issuer.isEmpty else { return nil }
        let folded = expandAbbreviations(VietnameseFolding.fold(issuer))
        guard let anchor = folded.split(separator: " ").filter({ $0.count > 2 }).last.map(String.init) else { return nil }
        let day = year.flatMap { CivilDate(year: $0, month: 6, day: 30) }
        let candidates = try await OrgUnit.query(on: db).filter(\.$searchText, .custom("LIKE"), "%\(anchor)%").all()
            .filter { unit in day.map { unit.isActive(on: $0) } ?? true }
        let named = candidates.map { (unit: $0, name: VietnameseFolding.fold($0.name)) }
        if let contained = named.filter({ folded.contains($0.name) }).max(by: { $0.name.count < $1.name.count }) {
            return contained.unit
        }
        let starting = named.filter { $0.name.hasPrefix(folded) }
        return starting.count == 1 ? starting[0].unit : nil
    }

    private static func expandAbbreviations(_ folded: String) -> String {
        let table = ["ubnd": "uy ban nhan dan", "hdnd": "hoi dong nhan dan", "mttq": "mat tran to quoc",
                     "btv": "ban thuong vu", "lhpn": "lien hiep phu nu", "ccb": "cuu chien binh", "vp": "van phong"]
        return folded.split(separator: " ").map { table[String($0)] ?? String($0) }.joined(separator: " ")
    }

    /// Stored plans whose numbers the document names as its basis, newest first. Callers keep
    /// only those their reader may read (`PlanAccess`).
    static func upperPlans(for document: PlanDocument, on db: any Database) async throws -> [Plan] {
        let numbers = document.basis.filter { ["KH", "CTr"].contains($0.type) }.map(\.normalized)
        guard !numbers.isEmpty else { return [] }
        return try await Plan.query(on: db).filter(\.$numberNormalized ~~ numbers).sort(\.$year, .descending).all()
    }
}
