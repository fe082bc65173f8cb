import Testing
@testable import Simulators

@Test func moduleIsLinked() {
    #expect(SimulatorsModule.name == "Simulators")
}
