/// A loopback port that refuses connections: bound but never listening, and held for the rest of
/// the test process. (Starting and stopping a server to get a "closed" port races with tests running
/// in parallel: the OS may hand the same port to another test's server, which then answers.)
public func refusingLoopbackPort() -> Int {
    LoopbackSocket.makeBound(listenBacklog: nil).port  // the socket is deliberately never closed (see above)
}
