/// A size as people read it: "20 MB", "512 KB".
enum ByteCountText {
    static func of(_ bytes: Int) -> String {
        bytes >= 1_048_576 ? "\(bytes / 1_048_576) MB" : "\(max(1, bytes / 1024)) KB"
    }
}
