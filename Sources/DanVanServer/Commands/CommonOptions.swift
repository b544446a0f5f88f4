import ArgumentParser

/// Options every command takes. `DATABASE_URL` and `DANVAN_DATA_DIR` are read from the environment.
struct CommonOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: "Thư mục dữ liệu (mặc định ./data hoặc DANVAN_DATA_DIR).")
    var dataDirectory: String?

    func settings(hostname: String? = nil, port: Int? = nil) -> Settings {
        Settings(dataDirectory: dataDirectory, hostname: hostname, port: port)
    }
}
