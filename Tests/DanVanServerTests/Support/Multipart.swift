import Foundation
import Vapor
import VaporTesting

extension Application {
    /// A browser form post with files, as multipart/form-data.
    func upload(_ path: String, headers: HTTPHeaders, fields: [String: String], files: [(field: String, name: String, data: Data)]) async throws
        -> TestingHTTPResponse {
        let boundary = "----danvan-\(UUID().uuidString)"
        var body = Data()
        func append(_ text: String) { body.append(Data(text.utf8)) }
        for (name, value) in fields {
            append("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        for file in files {
            append("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\n")
            append("Content-Type: application/octet-stream\r\n\r\n")
            body.append(file.data)
            append("\r\n")
        }
        append("--\(boundary)--\r\n")
        var headers = headers
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        return try await testing().sendRequest(.POST, path, headers: headers, body: ByteBuffer(data: body))
    }
}
