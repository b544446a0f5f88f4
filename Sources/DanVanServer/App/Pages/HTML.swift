/// Markup built in Swift (the dashboard, the unit tree, the SVG charts). Element and attribute
/// names are `StaticString`s, so only the source code names them; every text and attribute value
/// is escaped as it is added. There is no way to add unescaped text: a unit named
/// `<script>` can only ever print as text. Templates include a fragment with `#unsafeHTML`.
struct HTML: Sendable, CustomStringConvertible {
    private(set) var rendered: String

    private init(rendered: String) {
        self.rendered = rendered
    }

    static let empty = HTML(rendered: "")

    var description: String { rendered }

    /// Text, escaped.
    static func text(_ text: String) -> HTML {
        HTML(rendered: escape(text))
    }

    /// An element with its attributes (a nil value leaves the attribute out; "" writes it bare,
    /// as `selected`) and its content.
    static func element(_ name: StaticString, _ attributes: KeyValuePairs<StaticString, String?> = [:],
                        @HTMLBuilder _ content: () -> HTML = { .empty }) -> HTML {
        var out = "<\(name)"
        for (key, value) in attributes {
            guard let value else { continue }
            out += value.isEmpty ? " \(key)" : " \(key)=\"\(escape(value))\""
        }
        return HTML(rendered: out + ">" + content().rendered + "</\(name)>")
    }

    /// An element that has no content and no closing tag (`<input>`, `<br>`).
    static func void(_ name: StaticString, _ attributes: KeyValuePairs<StaticString, String?> = [:]) -> HTML {
        var out = "<\(name)"
        for (key, value) in attributes {
            guard let value else { continue }
            out += value.isEmpty ? " \(key)" : " \(key)=\"\(escape(value))\""
        }
        return HTML(rendered: out + ">")
    }

    /// A whole document (a mail's HTML part): the doctype, then `html` with a UTF-8 `head`.
    static func document(lang: String, @HTMLBuilder head: () -> HTML = { .empty }, @HTMLBuilder body: () -> HTML) -> HTML {
        HTML(rendered: "<!doctype html>") + element("html", ["lang": lang]) {
            element("head") { void("meta", ["charset": "utf-8"]); head() }
            element("body", [:], body)
        }
    }

    static func + (lhs: HTML, rhs: HTML) -> HTML {
        HTML(rendered: lhs.rendered + rhs.rendered)
    }

    static func += (lhs: inout HTML, rhs: HTML) {
        lhs.rendered += rhs.rendered
    }

    static func joined(_ parts: [HTML]) -> HTML {
        HTML(rendered: parts.map(\.rendered).joined())
    }

    private static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}

/// Lets content be written as Swift statements: strings become escaped text, `if` and `for`
/// work as in a template.
@resultBuilder
enum HTMLBuilder {
    static func buildExpression(_ html: HTML) -> HTML { html }
    static func buildExpression(_ text: String) -> HTML { .text(text) }
    static func buildBlock(_ parts: HTML...) -> HTML { .joined(parts) }
    static func buildOptional(_ part: HTML?) -> HTML { part ?? .empty }
    static func buildEither(first: HTML) -> HTML { first }
    static func buildEither(second: HTML) -> HTML { second }
    static func buildArray(_ parts: [HTML]) -> HTML { .joined(parts) }
}

/// Short names for the elements the pages build, so a table reads like the table it makes.
func el(_ name: StaticString, _ attributes: KeyValuePairs<StaticString, String?> = [:],
        @HTMLBuilder _ content: () -> HTML = { .empty }) -> HTML {
    HTML.element(name, attributes, content)
}
