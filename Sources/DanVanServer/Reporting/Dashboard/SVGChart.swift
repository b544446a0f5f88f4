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

    /// One horizontal bar per unit, with the target as a dashed line. Percent charts run to 100.
    static func horizontalBars(_ bars: [Bar], target: Double?, percent: Bool, title: String) -> String {
        let rowHeight = 22, labelWidth = 190, plotWidth = 260, valueWidth = 60
        let width = labelWidth + plotWidth + valueWidth
        let height = max(1, bars.count) * rowHeight + 24
        let top = max(percent ? 100 : 0, bars.compactMap(\.value).max() ?? 0, target ?? 0, 1)
        let scale = { (value: Double) in Double(plotWidth) * value / top }
        var svg = "<svg class=\"chart\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(HTML.escape(title))\" "
            + "xmlns=\"http://www.w3.org/2000/svg\" preserveAspectRatio=\"xMinYMin meet\"><title>\(HTML.escape(title))</title>"
        for (index, bar) in bars.enumerated() {
            let y = index * rowHeight + 4
            let label = HTML.escape(String(bar.label.prefix(30)))
            let text = "<text x=\"\(labelWidth - 6)\" y=\"\(y + 14)\" text-anchor=\"end\" class=\"label\">\(label)</text>"
            svg += bar.href.map { "<a href=\"\(HTML.escape($0))\">\(text)</a>" } ?? text
            if let value = bar.value {
                svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(format(scale(value)))\" height=\"\(rowHeight - 8)\" class=\"bar \(bar.tone)\"/>"
                svg += "<text x=\"\(labelWidth + plotWidth + 6)\" y=\"\(y + 14)\" class=\"value\">\(figure(value, percent: percent))</text>"
            } else {
                svg += "<text x=\"\(labelWidth + 4)\" y=\"\(y + 14)\" class=\"none\">chưa có số liệu</text>"
            }
        }
        if let target {
            let x = labelWidth + Int(scale(target).rounded())
            svg += "<line x1=\"\(x)\" y1=\"0\" x2=\"\(x)\" y2=\"\(height - 18)\" class=\"target\"/>"
            svg += "<text x=\"\(x)\" y=\"\(height - 4)\" text-anchor=\"middle\" class=\"target-label\">chỉ tiêu \(figure(target, percent: percent))</text>"
        }
        return svg + "</svg>"
    }

    /// Columns over periods (months), with the target line.
    static func trend(_ points: [(label: String, value: Double?)], target: Double?, percent: Bool, title: String) -> String {
        let columnWidth = 30, plotHeight = 120, left = 36
        let width = left + max(1, points.count) * columnWidth + 8
        let height = plotHeight + 36
        let top = max(percent ? 100 : 0, points.compactMap(\.value).max() ?? 0, target ?? 0, 1)
        let scale = { (value: Double) in Double(plotHeight) * value / top }
        var svg = "<svg class=\"chart trend\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(HTML.escape(title))\" "
            + "xmlns=\"http://www.w3.org/2000/svg\"><title>\(HTML.escape(title))</title>"
        svg += "<text x=\"\(left - 4)\" y=\"12\" text-anchor=\"end\" class=\"axis\">\(figure(top, percent: percent))</text>"
        svg += "<line x1=\"\(left)\" y1=\"\(plotHeight + 8)\" x2=\"\(width)\" y2=\"\(plotHeight + 8)\" class=\"axis-line\"/>"
        for (index, point) in points.enumerated() {
            let x = left + index * columnWidth
            if let value = point.value {
                let barHeight = scale(value)
                svg += "<rect x=\"\(x + 5)\" y=\"\(format(Double(plotHeight + 8) - barHeight))\" width=\"\(columnWidth - 10)\" "
                    + "height=\"\(format(barHeight))\" class=\"bar\"><title>\(HTML.escape(point.label)): \(figure(value, percent: percent))</title></rect>"
            }
            svg += "<text x=\"\(x + columnWidth / 2)\" y=\"\(plotHeight + 24)\" text-anchor=\"middle\" class=\"axis\">\(HTML.escape(point.label))</text>"
        }
        if let target {
            let y = Double(plotHeight + 8) - scale(target)
            svg += "<line x1=\"\(left)\" y1=\"\(format(y))\" x2=\"\(width)\" y2=\"\(format(y))\" class=\"target\"/>"
        }
        return svg + "</svg>"
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
