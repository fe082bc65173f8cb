import Testing
@testable import OpenAPI

@Test func moduleIsLinked() {
    #expect(OpenAPIModule.name == "OpenAPI")
}
