/// The public side's machine-read files: a sitemap (sitemaps.org 0.9) and an Atom feed (RFC 4287),
/// written with the same escaping as the documents.
public enum FeedXML {
    public struct Entry: Sendable, Equatable {
        public let title: String
        public let id: String
        public let link: String
        /// RFC 3339, e.g. "2026-11-30T00:00:00+07:00".
        public let updated: String
        public let summary: String

        public init(title: String, id: String, link: String, updated: String, summary: String) {
            self.title = title
            self.id = id
            self.link = link
            self.updated = updated
            self.summary = summary
        }
    }

    public struct Feed: Sendable, Equatable {
        public let title: String
        public let page: String
        public let selfLink: String
        public let author: String
        public let updated: String
        public let entries: [Entry]

        public init(title: String, page: String, selfLink: String, author: String, updated: String, entries: [Entry]) {
            self.title = title
            self.page = page
            self.selfLink = selfLink
            self.author = author
            self.updated = updated
            self.entries = entries
        }
    }

    public static func sitemap(_ urls: [String]) -> String {
        var xml = XMLBuilder()
        xml.element("urlset", ["xmlns": "http://www.sitemaps.org/schemas/sitemap/0.9"]) { xml in
            for url in urls { xml.element("url") { $0.element("loc", text: url) } }
        }
        return xml.xml + "\n"
    }

    public static func atom(_ feed: Feed) -> String {
        var xml = XMLBuilder()
        xml.element("feed", ["xmlns": "http://www.w3.org/2005/Atom"]) { xml in
            xml.element("title", text: feed.title)
            xml.element("id", text: feed.page)
            xml.empty("link", ["rel": "alternate", "href": feed.page])
            xml.empty("link", ["rel": "self", "href": feed.selfLink])
            xml.element("updated", text: feed.updated)
            xml.element("author") { $0.element("name", text: feed.author) }
            for entry in feed.entries {
                xml.element("entry") { xml in
                    xml.element("title", text: entry.title)
                    xml.element("id", text: entry.id)
                    xml.empty("link", ["href": entry.link])
                    xml.element("updated", text: entry.updated)
                    xml.element("summary", text: entry.summary)
                }
            }
        }
        return xml.xml + "\n"
    }
}
