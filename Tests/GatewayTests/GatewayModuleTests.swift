import Testing
@testable import Gateway

@Test func moduleIsLinked() {
    #expect(GatewayModule.name == "Gateway")
}
