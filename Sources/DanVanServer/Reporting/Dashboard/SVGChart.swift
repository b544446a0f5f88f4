import Foundation

/// Charts drawn on the server as SVG: readable on a phone, no script, and the same numbers
/// are always printed beside them in a table.
enum SVGChart {
    struct Bar {
        let label: String
        let value: Double?
        let href: String?
        /// "met", "not-met" or "" (no target or no data): the bar's colour.
        let tone: String
    }

    /// Room for the longest unit names a row shows before they are shortened.
    static let labelWidth = 230
    static let labelCharacters = 34

    /// One horizontal bar per unit, with the target as a dashed line. Percent charts run to 100.
    static func horizontalBars(_ bars: [Bar], target: Double?, percent: Bool, title: String) -> HTML {
        let rowHeight = 22, plotWidth = 240, valueWidth = 60, labelWidth = Self.labelWidth
        let width = labelWidth + plotWidth + valueWidth
        let height = max(1, bars.count) * rowHeight + 24
        let top = max(percent ? 100 : 0, bars.compactMap(\.value).max() ?? 0, target ?? 0, 1)
        let scale = { (value: Double) in Double(plotWidth) * value / top }
        return svg(class: "chart", width: width, height: height, title: title) {
            for (index, bar) in bars.enumerated() {
                let y = index * rowHeight + 4
                let label = el("text", ["x": "\(labelWidth - 6)", "y": "\(y + 14)", "text-anchor": "end", "class": "label"]) {
                    shortened(bar.label)
                }
                if let href = bar.href { el("a", ["href": href]) { label } } else { label }
                if let value = bar.value {
                    el("rect", ["x": "\(labelWidth)", "y": "\(y + 3)", "width": format(scale(value)), "height": "\(rowHeight - 8)",
                                "class": "bar \(bar.tone)"])
                    el("text", ["x": "\(labelWidth + plotWidth + 6)", "y": "\(y + 14)", "class": "value"]) { figure(value, percent: percent) }
                } else {
                    el("text", ["x": "\(labelWidth + 4)", "y": "\(y + 14)", "class": "none"]) { "chưa có số liệu" }
                }
            }
            if let target {
                let x = labelWidth + Int(scale(target).rounded())
                el("line", ["x1": "\(x)", "y1": "0", "x2": "\(x)", "y2": "\(height - 18)", "class": "target"])
                el("text", ["x": "\(x)", "y": "\(height - 4)", "text-anchor": "middle", "class": "target-label"]) {
                    "chỉ tiêu \(figure(target, percent: percent))"
                }
            }
        }
    }

    /// Columns over periods (months), with the target line.
    static func trend(_ points: [(label: String, value: Double?)], target: Double?, percent: Bool, title: String) -> HTML {
        let columnWidth = 30, plotHeight = 120, left = 36
        let width = left + max(1, points.count) * columnWidth + 8
        let height = plotHeight + 36
        let top = max(percent ? 100 : 0, points.compactMap(\.value).max() ?? 0, target ?? 0, 1)
        let scale = { (value: Double) in Double(plotHeight) * value / top }
        return svg(class: "chart trend", width: width, height: height, title: title) {
            el("text", ["x": "\(left - 4)", "y": "12", "text-anchor": "end", "class": "axis"]) { figure(top, percent: percent) }
            el("line", ["x1": "\(left)", "y1": "\(plotHeight + 8)", "x2": "\(width)", "y2": "\(plotHeight + 8)", "class": "axis-line"])
            for (index, point) in points.enumerated() {
                let x = left + index * columnWidth
                if let value = point.value {
                    let barHeight = scale(value)
                    el("rect", ["x": "\(x + 5)", "y": format(Double(plotHeight + 8) - barHeight), "width": "\(columnWidth - 10)",
                                "height": format(barHeight), "class": "bar"]) {
                        el("title") { "\(point.label): \(figure(value, percent: percent))" }
                    }
                }
                el("text", ["x": "\(x + columnWidth / 2)", "y": "\(plotHeight + 24)", "text-anchor": "middle", "class": "axis"]) { point.label }
            }
            if let target {
                let y = format(Double(plotHeight + 8) - scale(target))
                el("line", ["x1": "\(left)", "y1": y, "x2": "\(width)", "y2": y, "class": "target"])
            }
        }
    }

    private static func svg(class name: String, width: Int, height: Int, title: String, @HTMLBuilder _ content: () -> HTML) -> HTML {
        el("svg", ["class": name, "viewBox": "0 0 \(width) \(height)", "role": "img", "aria-label": title,
                   "xmlns": "http://www.w3.org/2000/svg", "preserveAspectRatio": "xMinYMin meet"]) {
            el("title") { title }
            content()
        }
    }

    /// A label that fits its column, cut at a word with an ellipsis; the table beside has it whole.
    static func shortened(_ label: String) -> String {
        guard label.count > labelCharacters else { return label }
        let cut = label.prefix(labelCharacters - 1)
        let atWord = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return atWord + "…"
    }

    static func figure(_ value: Double, percent: Bool) -> String {
        let rounded = (value * 10).rounded() / 10
        let text = rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded).replacingOccurrences(of: ".", with: ",")
        return percent ? text + "%" : text
    }

    private static func format(_ value: Double) -> String {
        String((value * 10).rounded() / 10)
    }
}
