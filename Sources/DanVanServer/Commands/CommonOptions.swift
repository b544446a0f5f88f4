import ArgumentParser
import DanVanCore

/// Options every command takes. `DATABASE_URL` and `DANVAN_DATA_DIR` are read from the environment.
struct CommonOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: "Thư mục dữ liệu (mặc định ./data hoặc DANVAN_DATA_DIR).")
    var dataDirectory: String?

    @Option(help: "Ngày coi là hôm nay, dạng 2026-11-30 (mặc định ngày thật hoặc DANVAN_TODAY); để chạy thử và kiểm thử.")
    var today: String?

    func settings(hostname: String? = nil, port: Int? = nil) throws -> Settings {
        var pinned: CivilDate?
        if let today {
            guard let date = CivilDate(parsing: today) else { throw ValidationError("Ngày \"\(today)\" không hợp lệ; ghi dạng 2026-11-30.") }
            pinned = date
        }
        return try Settings(dataDirectory: dataDirectory, hostname: hostname, port: port, today: pinned).validated()
    }
}
