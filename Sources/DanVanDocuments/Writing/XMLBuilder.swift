/// Appends XML as it is written: elements with their attributes, and escaped text.
struct XMLBuilder {
    private(set) var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"

    mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        xml += "<" + name + Self.attributes(attributes) + ">"
    }

    mutating func close(_ name: String) {
        xml += "</" + name + ">"
    }

    mutating func empty(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        xml += "<" + name + Self.attributes(attributes) + "/>"
    }

    mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text: String) {
        open(name, attributes)
        xml += XMLText.escaped(text)
        close(name)
    }

    mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], content: (inout XMLBuilder) -> Void) {
        open(name, attributes)
        content(&self)
        close(name)
    }

    /// Markup that is written as it stands: fixed parts with nothing from the user in them.
    mutating func raw(_ markup: String) {
        xml += markup
    }

    private static func attributes(_ pairs: KeyValuePairs<String, String>) -> String {
        pairs.map { " \($0.key)=\"\(XMLText.escaped($0.value))\"" }.joined()
    }
}
