import Testing
@testable import DanVanCore

/// The policy on its own, including the reporting actions no route uses yet; the HTTP
/// matrix in DanVanServerTests checks the same table through real requests.
@Suite("Access policy")
struct AccessPolicyTests {
    @Test("nobody but an administrator acts above or beside their unit",
          arguments: [Role.manager, .reporter, .viewer], [UnitRelation.ancestor, .unrelated])
    func noReachUpOrAcross(role: Role, relation: UnitRelation) {
        for action in AccessAction.allCases where !(action == .viewPlans && relation == .ancestor) {
            #expect(!AccessPolicy.allows(role, action, on: relation), "\(role) \(action) \(relation)")
        }
    }

    @Test("reports: a reporter enters for their own unit; approval belongs to the level above")
    func reporting() {
        #expect(AccessPolicy.allows(.reporter, .enterReport, on: .own))
        #expect(!AccessPolicy.allows(.reporter, .approveReport, on: .own))
        #expect(!AccessPolicy.allows(.reporter, .enterReport, on: .descendant))
        #expect(!AccessPolicy.allows(.manager, .approveReport, on: .own))
        #expect(AccessPolicy.allows(.manager, .approveReport, on: .descendant))
        #expect(!AccessPolicy.allows(.viewer, .enterReport, on: .own))
    }

    @Test("plans: everyone reads the plans above them (sent down to implement), none beside; managers edit their subtree's")
    func plans() {
        for role in [Role.manager, .reporter, .viewer] {
            #expect(AccessPolicy.allows(role, .viewPlans, on: .ancestor))
            #expect(AccessPolicy.allows(role, .viewPlans, on: .own))
            #expect(!AccessPolicy.allows(role, .viewPlans, on: .unrelated))
            #expect(!AccessPolicy.allows(role, .editPlans, on: .ancestor))
        }
        #expect(AccessPolicy.allows(.manager, .editPlans, on: .own))
        #expect(AccessPolicy.allows(.manager, .editPlans, on: .descendant))
        #expect(!AccessPolicy.allows(.reporter, .editPlans, on: .own))
    }

    @Test("roles grant no more than they hold")
    func grants() {
        #expect(!Role.manager.grantableRoles.contains(.admin))
        #expect(Role.reporter.grantableRoles.isEmpty)
        #expect(Role.admin.grantableRoles == Role.allCases)
    }
}

@Suite("Access policy: tasks")
struct TaskAccessPolicyTests {
    @Test("the lead unit's reporter and managers post progress; only the level above chases")
    func tasks() {
        #expect(AccessPolicy.allows(.reporter, .updateTask, on: .own))
        #expect(!AccessPolicy.allows(.reporter, .updateTask, on: .descendant))
        #expect(AccessPolicy.allows(.manager, .updateTask, on: .own))
        #expect(AccessPolicy.allows(.manager, .updateTask, on: .descendant))
        #expect(!AccessPolicy.allows(.viewer, .updateTask, on: .own))
        #expect(AccessPolicy.allows(.manager, .chaseTask, on: .descendant))
        #expect(!AccessPolicy.allows(.manager, .chaseTask, on: .own))
        #expect(!AccessPolicy.allows(.reporter, .chaseTask, on: .descendant))
        #expect(!AccessPolicy.allows(.manager, .chaseTask, on: .ancestor))
    }
}
