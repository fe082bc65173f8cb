import HTTP

/// The per-simulator bookkeeping: counts requests, keeps the stats, holds the fault settings and
/// decides which fault (if any) hits each request.
actor SimulatorMonitor {
    /// What to do to one request because of the faults.
    struct FaultPlan: Sendable {
        var latencyMilliseconds = 0
        /// Answer with this status instead of calling the vendor.
        var status: Int?
        var retryAfter: Int?
        var malformed = false
        var closeMidBody = false
        var garbledBody = false
    }

    private(set) var stats = SimulatorStats()
    private(set) var faults: FaultSettings
    private var errorTurn = 0
    private let secretHeaders: Set<String>

    init(faults: FaultSettings, secretHeaders: [String]) {
        self.faults = faults
        self.secretHeaders = Set(secretHeaders.map { $0.lowercased() })
    }

    /// Counts a vendor request, remembers its headers, and plans its faults.
    func begin(_ request: SimRequest) -> FaultPlan {
        stats.requests += 1
        let n = stats.requests
        stats.lastHeaders = request.headers.map { field in
            let secret = secretHeaders.contains(field.name.lowercased())
            return SimulatorStats.SeenHeader(name: field.name, value: secret ? Self.mask(field.value) : field.value)
        }
        var plan = FaultPlan(latencyMilliseconds: faults.latencyMilliseconds)
        if FaultSettings.hits(faults.throttleEvery, n) {
            plan.status = 429
            plan.retryAfter = faults.retryAfterSeconds
        } else if FaultSettings.hits(faults.errorEvery, n) {
            plan.status = faults.errorStatuses[errorTurn % faults.errorStatuses.count]
            errorTurn += 1
        }
        plan.malformed = FaultSettings.hits(faults.malformedEvery, n)
        plan.closeMidBody = !plan.malformed && FaultSettings.hits(faults.closeMidBodyEvery, n)
        plan.garbledBody = !plan.malformed && !plan.closeMidBody && FaultSettings.hits(faults.garbledBodyEvery, n)
        if plan.status != nil || plan.malformed || plan.closeMidBody || plan.garbledBody { stats.faultsInjected += 1 }
        return plan
    }

    /// Records the vendor's verdict on a request.
    func finish(_ request: SimRequest, reply: SimReply) {
        if let credential = reply.credential {
            stats.requestsByCredential[CredentialFingerprint.of(credential), default: 0] += 1
        }
        if let reason = reply.rejection {
            stats.rejected += 1
            stats.rejectedCalls.append(.init(method: request.method, path: request.path,
                                             status: reply.response.status, reason: reason))
            if stats.rejectedCalls.count > 100 { stats.rejectedCalls.removeFirst() }
        }
        switch reply.event {
        case .login?: stats.logins += 1
        case .logout?: stats.logouts += 1
        case .keyExchange?: stats.keyExchanges += 1
        case nil: break
        }
    }

    /// Replaces the fault settings.
    func setFaults(_ new: FaultSettings) {
        faults = new
        errorTurn = 0
    }

    /// `Basic sha256:…` for a scheme + secret, `sha256:…` otherwise.
    static func mask(_ value: String) -> String {
        let parts = value.split(separator: " ", maxSplits: 1)
        if parts.count == 2 { return "\(parts[0]) \(CredentialFingerprint.of(String(parts[1])))" }
        return CredentialFingerprint.of(value)
    }
}
