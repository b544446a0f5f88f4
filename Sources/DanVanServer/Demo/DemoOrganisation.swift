import DanVanCore

/// The demo organisation as stored in Resources/Demo/lai-chau.json.
struct DemoOrganisation: Decodable {
    struct DemoUnit: Decodable {
        let code: String
        let name: String
        let shortName: String?
        let kind: String
        let level: String
        let parent: String?
        let reportsTo: String?
        let validFrom: String?
        let validTo: String?
        let successors: [String]?

        var draft: UnitDraft {
            UnitDraft(code: code, name: name, shortName: shortName ?? "", kind: kind, level: level,
                      validFrom: validFrom ?? "", validTo: validTo ?? "")
        }
    }

    struct DemoUser: Decodable {
        let username: String
        let fullName: String
        let unit: String?
        let role: String
    }

    let password: String
    let units: [DemoUnit]
    let users: [DemoUser]
}
