/// Compares a plan with the plan it implements: which upper targets have no child target,
/// which child targets ask less than their parent, which upper tasks that fall to this level
/// have no counterpart.
public enum CoverageCheck {
    public struct Target: Sendable {
        public let id: Int
        public let text: String
        public let threshold: Threshold
        public let parentID: Int?

        public init(id: Int, text: String, threshold: Threshold, parentID: Int?) {
            self.id = id
            self.text = text
            self.threshold = threshold
            self.parentID = parentID
        }
    }

    public struct Task: Sendable {
        public let id: Int
        public let text: String
        public let parentID: Int?
        /// For upper tasks: whether it falls to the level below (see `TaskAddressee`).
        public let fallsToLowerLevel: Bool

        public init(id: Int, text: String, parentID: Int?, fallsToLowerLevel: Bool = false) {
            self.id = id
            self.text = text
            self.parentID = parentID
            self.fallsToLowerLevel = fallsToLowerLevel
        }
    }

    /// An item of the check: the item concerned and the upper item it answers to.
    public struct Finding: Equatable, Sendable, Codable {
        public let id: Int?
        public let text: String
        public let parentID: Int
        public let parentText: String
        public let reason: String
    }

    public struct Result: Equatable, Sendable, Codable {
        public var missingTargets: [Finding] = []
        public var weakerTargets: [Finding] = []
        public var missingTasks: [Finding] = []

        public var isClean: Bool { missingTargets.isEmpty && weakerTargets.isEmpty && missingTasks.isEmpty }
    }

    public static func check(upperTargets: [Target], targets: [Target], upperTasks: [Task], tasks: [Task]) -> Result {
        var result = Result()
        let answered = Set(targets.compactMap(\.parentID))
        for parent in upperTargets where !answered.contains(parent.id) {
            result.missingTargets.append(Finding(id: nil, text: parent.text, parentID: parent.id, parentText: parent.text,
                                                 reason: "Chưa có chỉ tiêu nào thực hiện chỉ tiêu này của cấp trên."))
        }
        let parents = Dictionary(upperTargets.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for child in targets {
            guard let parentID = child.parentID, let parent = parents[parentID], let reason = weakness(of: child.threshold, against: parent.threshold)
            else { continue }
            result.weakerTargets.append(Finding(id: child.id, text: child.text, parentID: parent.id, parentText: parent.text, reason: reason))
        }
        let carried = Set(tasks.compactMap(\.parentID))
        for parent in upperTasks where parent.fallsToLowerLevel && !carried.contains(parent.id) {
            result.missingTasks.append(Finding(id: nil, text: parent.text, parentID: parent.id, parentText: parent.text,
                                               reason: "Nhiệm vụ cấp trên giao cho cấp dưới chưa có nhiệm vụ tương ứng."))
        }
        return result
    }

    /// Why the child threshold asks less than the parent's, or nil when it asks as much or more.
    public static func weakness(of child: Threshold, against parent: Threshold) -> String? {
        guard let parentRange = parent.range else { return nil }
        guard child.measure == parent.measure else {
            return "Chỉ tiêu đo bằng \(child.measure == .percent ? "tỷ lệ" : "số lượng"), cấp trên đo bằng \(parent.measure == .percent ? "tỷ lệ" : "số lượng")."
        }
        // "Đạt và vượt mức được giao" takes the parent's own figure.
        guard let childRange = child.range else { return nil }
        return childRange.isInside(parentRange) ? nil : "\(child.phrase) thấp hơn yêu cầu của cấp trên (\(parent.phrase))."
    }
}
