import DanVanCore
import Vapor

/// The four downloads of the register page, for whoever may view the unit.
struct ModelDocumentRoutes {
    func register(_ routes: any RoutesBuilder) {
        let kinds: [(SiteRoute, ModelDocuments.Kind)] = [(.modelsRegisterXlsx, .register), (.modelsResultsXlsx, .results),
                                                          (.modelsRegistrationDocx, .registrations), (.modelsDecisionDocx, .decision)]
        for (route, kind) in kinds {
            routes.get(route.pathComponents) { req in try await download(kind, req: req) }
        }
    }

    private func download(_ kind: ModelDocuments.Kind, req: Request) async throws -> Response {
        let unit = try await req.chosenUnit()
        let year = try await req.modelYear(for: unit)
        let data = try await ModelDocuments.data(kind, unit: unit, year: year, today: req.today, on: req.db)
        return DocumentDownload.response(data, kind: kind.download, name: ModelDocuments.fileName(kind, unit: unit, year: year))
    }
}
