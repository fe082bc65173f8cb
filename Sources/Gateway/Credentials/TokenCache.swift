/// A token obtained by logging in or exchanging a key, with how long it may be used.
public struct IssuedToken: Sendable {
    /// The token (never logged).
    public var value: String
    /// How long to use it before fetching a new one (the upstream's lifetime minus a margin).
    public var lifetime: Duration

    /// Creates a token.
    public init(value: String, lifetime: Duration) {
        self.value = value
        self.lifetime = lifetime
    }

    /// `text` if it can travel in a header field as a token: non-empty, no control characters.
    static func headerSafe(_ text: String?) -> String? {
        guard let text, !text.isEmpty, !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) else { return nil }
        return text
    }
}

/// A strategy whose token lives in a `TokenCache` (session login, key exchange): a 401 drops the
/// token the request carried, and health reports the last fetch's failure.
public protocol TokenCachingCredential: UpstreamCredential {
    /// The token cache (single flight).
    var cache: TokenCache { get }
}

extension TokenCachingCredential {
    /// Drops the rejected grant's token so the next `grant()` fetches a fresh one.
    public func rejected(_ grant: CredentialGrant) async -> Bool {
        guard let generation = grant.generation else { return false }
        await cache.invalidate(generation: generation)
        return true
    }

    /// `.failing` with the last fetch's failure, else `.ready`.
    public func health() async -> CredentialHealth {
        if let failure = await cache.lastFailure { return .failing(failure.description) }
        return .ready
    }
}

/// Caches one upstream credential's token and fetches a new one **once** for all concurrent
/// callers (single flight): callers that arrive while a fetch runs wait for that fetch.
public actor TokenCache {
    /// A cached token and its generation (bumped on each successful fetch).
    public struct Entry: Sendable {
        /// The token.
        public let value: String
        /// Which fetch produced it.
        public let generation: Int
        /// When it should no longer be used.
        let refreshAt: ContinuousClock.Instant
    }

    private let fetch: @Sendable () async throws(CredentialFailure) -> IssuedToken
    private var entry: Entry?
    private var inFlight: Task<Result<Entry, CredentialFailure>, Never>?
    private var generation = 0
    /// The last fetch's failure, cleared by a success (for `/readyz`).
    public private(set) var lastFailure: CredentialFailure?
    /// How many fetches were started (tests assert single flight with it).
    public private(set) var fetchCount = 0

    /// A cache that calls `fetch` when it has no valid token.
    public init(fetch: @escaping @Sendable () async throws(CredentialFailure) -> IssuedToken) {
        self.fetch = fetch
    }

    /// A valid token: the cached one, or one fetched now (shared with every concurrent caller).
    public func token() async throws(CredentialFailure) -> Entry {
        if let entry, ContinuousClock.now < entry.refreshAt { return entry }
        let task: Task<Result<Entry, CredentialFailure>, Never>
        if let inFlight {
            task = inFlight
        } else {
            fetchCount += 1
            task = Task { await self.runFetch() }
            inFlight = task
        }
        return try await task.value.get()
    }

    /// Runs one fetch and stores its outcome (the only writer of `entry` besides invalidation).
    private func runFetch() async -> Result<Entry, CredentialFailure> {
        let result: Result<IssuedToken, CredentialFailure>
        do throws(CredentialFailure) { result = .success(try await fetch()) } catch { result = .failure(error) }
        inFlight = nil
        switch result {
        case .success(let token):
            generation += 1
            lastFailure = nil
            let fresh = Entry(value: token.value, generation: generation, refreshAt: .now + token.lifetime)
            entry = fresh
            return .success(fresh)
        case .failure(let failure):
            lastFailure = failure
            return .failure(failure)
        }
    }

    /// Drops the token of `generation` (the upstream rejected it); a newer token is kept.
    public func invalidate(generation: Int) {
        if entry?.generation == generation { entry = nil }
    }

    /// The cached token if still valid, without fetching.
    public func cached() -> Entry? {
        guard let entry, ContinuousClock.now < entry.refreshAt else { return nil }
        return entry
    }

    /// Forgets the token (after logging it out).
    public func clear() { entry = nil }
}
