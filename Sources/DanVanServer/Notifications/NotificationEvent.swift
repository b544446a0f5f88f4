import DanVanCore
import Foundation

/// Something that happened which people should hear of: its kind, the unit it is about, the
/// words (from safe facts only), the page it links to, and a key that names the event once.
struct NotificationEvent: Sendable {
    let kind: NotificationKind
    /// The unit whose work the notice is about; who may see the notice is decided against it.
    let unitID: Int
    let text: NotificationText
    let link: String
    /// One notice per person per key: the same key again is ignored.
    let key: String

    init(_ kind: NotificationKind, unitID: Int, facts: [NotificationFact], link: String, key: String) {
        self.kind = kind
        self.unitID = unitID
        text = NotificationText(kind, facts)
        self.link = link
        self.key = key
    }
}

/// Who hears of an event, worked out from units and roles when it happens.
enum NotificationRecipients: Sendable {
    /// The people who work for the unit: its managers and reporters.
    case unitStaff(Int)
    /// The managers of the nearest unit above that has any: those who approve the unit's reports.
    case approversAbove(Int)
    /// The managers of each of these units.
    case managersOf([Int])
    /// Managers and reporters of each of these units.
    case staffOf([Int])
}
