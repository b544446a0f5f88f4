import Vapor

/// Serves the OpenAPI 3 description of the JSON API, kept beside the templates.
struct OpenAPIController {
    func register(_ api: any RoutesBuilder) {
        api.get("openapi.json", use: document)
    }

    func document(req: Request) async throws -> Response {
        let data = try Data(contentsOf: ResourcePaths.file("openapi.json"))
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.contentType = .json
        return response
    }
}
