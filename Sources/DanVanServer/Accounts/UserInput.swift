import Vapor

/// What an administrator or manager enters for an account.
struct UserInput: Content {
    var username: String?
    var fullName: String
    var unitCode: String?
    var role: String
    var password: String?
    var active: Bool?
    var version: Int?
}
