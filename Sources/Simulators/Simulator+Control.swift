import Document

extension Simulator {
    /// `GET /__sim/stats`, `GET|POST|DELETE /__sim/faults`, `POST /__sim/revoke`.
    func control(_ request: SimRequest) async -> SimResponse {
        switch (request.method, request.path) {
        case ("GET", "/__sim/stats"):
            return .json(200, await stats().json)
        case ("GET", "/__sim/faults"):
            return .json(200, await faults().json)
        case ("POST", "/__sim/faults"):
            guard let body = request.jsonBody?.objectValue else {
                return .json(400, ["error": "the body must be a JSON object of fault settings"])
            }
            var faults = await faults()
            if let message = faults.apply(body) { return .json(400, ["error": .string(message)]) }
            await setFaults(faults)
            if body["revokeTokens"]?.boolValue == true { await revokeAllTokens() }
            return .json(200, faults.json)
        case ("DELETE", "/__sim/faults"):
            await setFaults(FaultSettings())
            return .json(200, FaultSettings().json)
        case ("POST", "/__sim/revoke"):
            await revokeAllTokens()
            return .json(200, ["revoked": true])
        default:
            return .json(404, ["error": "unknown simulator control path"])
        }
    }
}
