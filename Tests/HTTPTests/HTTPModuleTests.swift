import Testing
@testable import HTTP

@Test func moduleIsLinked() {
    #expect(HTTPModule.name == "HTTP")
}
