import Document
import Testing
@testable import OpenAPI

/// Builds a validator for one operation `GET|POST path` with the given parameters (and body).
func validator(_ method: String = "get", path: String = "/items", parameters: [JSONValue] = [],
               requestBody: JSONValue? = nil, components: JSONValue = [:], servers: JSONValue? = nil,
               options: ValidatorOptions = .init()) throws -> RequestValidator {
    var op: JSONObject = ["responses": okResponses, "operationId": "op", "parameters": .array(parameters)]
    if let requestBody { op["requestBody"] = requestBody }
    var extra: [(String, JSONValue)] = []
    if let servers { extra.append(("servers", servers)) }
    let spec = spec31(paths: [path: .object([method: .object(op)])], components: components, extra: extra)
    let doc = try load(["/spec.json": spec]).get()
    return try RequestValidator(document: doc, compiler: MiniSchemaCompiler(), options: options)
}

func param(_ name: String, _ location: String, _ schema: JSONValue, required: Bool = false,
           style: String? = nil, explode: Bool? = nil, extra: JSONObject = [:]) -> JSONValue {
    var o: JSONObject = ["name": .string(name), "in": .string(location), "schema": schema]
    if required || location == "path" { o["required"] = true }
    if let style { o["style"] = .string(style) }
    if let explode { o["explode"] = .bool(explode) }
    for (k, v) in extra { o[k] = v }
    return .object(o)
}

func get(_ v: RequestValidator, _ target: String, headers: [(name: String, value: String)] = []) -> ValidationResult {
    v.validate(ValidationRequest(method: .get, target: target, headers: headers))
}

let intArray: JSONValue = ["type": "array", "items": ["type": "integer"]]
let roleObject: JSONValue = ["type": "object", "properties": ["role": ["type": "string"], "level": ["type": "integer"]]]

@Suite struct ParameterValidationTests {
    @Test func coercesScalarsToSchemaTypes() throws {
        let v = try validator(parameters: [param("limit", "query", ["type": "integer", "maximum": 100]),
                                           param("ratio", "query", ["type": "number"]),
                                           param("flag", "query", ["type": "boolean"])])
        let r = get(v, "/items?limit=20&ratio=0.5&flag=true")
        #expect(r.isValid)
        #expect(r.parameters[.query] == ["limit": 20, "ratio": .number(JSONNumber(text: "0.5")!), "flag": true])
        let bad = get(v, "/items?limit=abc&flag=yes&ratio=1e3")
        #expect(bad.status == 400)
        #expect(bad.violations.map(\.description) == ["query limit: 'abc' is not an integer",
                                                      "query flag: 'yes' is not a boolean (true or false)"])
    }

    @Test func queryArraysInEveryStyle() throws {
        let v = try validator(parameters: [
            param("a", "query", intArray),
            param("b", "query", intArray, explode: false),
            param("c", "query", intArray, style: "spaceDelimited", explode: false),
            param("d", "query", intArray, style: "pipeDelimited", explode: false)])
        let r = get(v, "/items?a=1&a=2&b=3,4&c=5%206+7&d=8|9")
        #expect(r.violations.isEmpty)
        #expect(r.parameters[.query] == ["a": [1, 2], "b": [3, 4], "c": [5, 6, 7], "d": [8, 9]])
        let bad = get(v, "/items?b=1,x")
        #expect(bad.violations.map(\.description) == ["query b /1: 'x' is not an integer"])
    }

    @Test func formExplodedObjectTakesPropertiesAsParameters() throws {
        let v = try validator(parameters: [param("limit", "query", ["type": "integer"]), param("filter", "query", roleObject)])
        let r = get(v, "/items?role=admin&level=3&limit=5")
        #expect(r.violations.isEmpty)
        #expect(r.parameters[.query]?["filter"] == ["role": "admin", "level": 3])
        #expect(r.parameters[.query]?["limit"] == 5)
    }

    @Test func formObjectNotExploded() throws {
        let v = try validator(parameters: [param("filter", "query", roleObject, explode: false)])
        #expect(get(v, "/items?filter=role,admin,level,2").parameters[.query]?["filter"] == ["role": "admin", "level": 2])
        #expect(get(v, "/items?filter=role,admin,level").violations.map(\.message)
                == ["query parameter 'filter' expects name,value pairs"])
    }

    @Test func deepObjectQueryParsesNestedObject() throws {
        let schema: JSONValue = ["type": "object", "properties": [
            "status": ["type": "string"],
            "created": ["type": "object", "properties": ["gte": ["type": "integer"], "lte": ["type": "integer"]]],
            "tags": ["type": "array", "items": ["type": "string"]]]]
        let v = try validator(parameters: [param("filter", "query", schema, style: "deepObject", explode: true)])
        let r = get(v, "/items?filter%5Bstatus%5D=open&filter[created][gte]=10&filter[created][lte]=20&filter[tags][]=a&filter[tags][]=b")
        #expect(r.violations.isEmpty)
        #expect(r.parameters[.query]?["filter"] == ["status": "open", "created": ["gte": 10, "lte": 20], "tags": ["a", "b"]])
        #expect(get(v, "/items?filter[created][gte]=x").violations.map(\.description) == ["query filter /created/gte: 'x' is not an integer"])
        #expect(get(v, "/items?filter[oops=1").violations.map(\.message) == ["query parameter 'filter' has a malformed deepObject key 'filter[oops'"])
    }

    @Test func bracketNamesAreTakenLiterally() throws {
        let v = try validator(parameters: [param("includes[]", "query", ["type": "array", "items": ["type": "string", "enum": ["a", "b"]]])])
        let r = get(v, "/items?includes[]=a&includes%5B%5D=b")
        #expect(r.violations.isEmpty)
        #expect(r.parameters[.query]?["includes[]"] == ["a", "b"])
        #expect(get(v, "/items?includes=a").violations.map(\.message) == ["query parameter 'includes' is not declared by op"])
    }

    @Test func rejectsUndeclaredQueryParametersUnlessAllowed() throws {
        let strict = try validator(parameters: [param("q", "query", ["type": "string"])])
        #expect(get(strict, "/items?q=1&x=2&x=3").violations.map(\.message) == ["query parameter 'x' is not declared by op"])
        let lax = try validator(parameters: [param("q", "query", ["type": "string"])],
                                options: ValidatorOptions(allowUndeclaredQueryParameters: true))
        #expect(get(lax, "/items?q=1&x=2").isValid)
    }

    @Test func requiredAndEmptyValues() throws {
        let v = try validator(parameters: [param("q", "query", ["type": "string"], required: true),
                                           param("n", "query", ["type": "integer"], extra: ["allowEmptyValue": true])])
        #expect(get(v, "/items").violations.map(\.message) == ["required query parameter 'q' is missing"])
        #expect(get(v, "/items?q=").violations.map(\.message) == ["query parameter 'q' has an empty value (allowEmptyValue is not set)"])
        #expect(get(v, "/items?q=x&n=").isValid)
        #expect(get(v, "/items?q=x&n=1&n=2").violations.map(\.message) == ["query parameter 'n' is given 2 times but is not an array"])
    }

    @Test func pathParametersInSimpleLabelAndMatrixStyles() throws {
        let v = try validator(path: "/p/{a}/{b}/{c}/{d}/{e}/{f}", parameters: [
            param("a", "path", ["type": "integer"]),
            param("b", "path", intArray, style: "label"),
            param("c", "path", intArray, style: "label", explode: true),
            param("d", "path", intArray, style: "matrix", explode: true),
            param("e", "path", roleObject, style: "matrix"),
            param("f", "path", roleObject, explode: true)])
        let r = get(v, "/p/7/.1,2/.3.4/;d=5;d=6/;e=role,x%20y,level,1/role=z,level=2")
        #expect(r.violations.isEmpty)
        #expect(r.parameters[.path] == ["a": 7, "b": [1, 2], "c": [3, 4], "d": [5, 6],
                                        "e": ["role": "x y", "level": 1], "f": ["role": "z", "level": 2]])
        let bad = get(v, "/p/x/1,2/.3/;e=5/;e=role/role")
        #expect(bad.violations.map(\.description) == [
            "path a: 'x' is not an integer",
            "path b: path parameter 'b' label-style value must start with '.'",
            "path d: path parameter 'd' expects ;d=value items",
            "path e: path parameter 'e' expects name,value pairs",
            "path f: path parameter 'f' expects name=value pairs"])
    }

    @Test func headerAndCookieParameters() throws {
        let v = try validator(parameters: [param("X-Page", "header", ["type": "integer"], required: true),
                                           param("X-Ids", "header", intArray),
                                           param("session", "cookie", ["type": "string", "maxLength": 5]),
                                           param("prefs", "cookie", intArray, explode: false)])
        let r = get(v, "/items", headers: [("x-page", "2"), ("X-Ids", "1, 2"), ("X-Ids", "3"), ("Cookie", "session=abc; prefs=4,5")])
        #expect(r.violations.isEmpty)
        #expect(r.parameters[.header] == ["X-Page": 2, "X-Ids": [1, 2, 3]])
        #expect(r.parameters[.cookie] == ["session": "abc", "prefs": [4, 5]])
        let bad = get(v, "/items", headers: [("Cookie", "session=toolong")])
        #expect(bad.violations.map(\.description) == ["header X-Page: required header parameter 'X-Page' is missing",
                                                      "cookie session: must be at most 5 characters"])
        #expect(bad.violations.last?.schemaLocation == "file:///spec.json#/paths/~1items/get/parameters/2/schema/maxLength")
    }

    @Test func contentEncodedParameterIsParsedAsJSON() throws {
        let schema: JSONValue = ["type": "object", "required": ["lat"], "properties": ["lat": ["type": "number"]]]
        let p: JSONValue = ["name": "where", "in": "query", "content": ["application/json": ["schema": schema]]]
        let v = try validator(parameters: [p])
        #expect(get(v, "/items?where=%7B%22lat%22%3A1.5%7D").parameters[.query]?["where"] == ["lat": .number(JSONNumber(text: "1.5")!)])
        #expect(get(v, "/items?where=%7B%7D").violations.map(\.message) == ["'lat' is required"])
        #expect(get(v, "/items?where=%7B").violations.first?.message.hasPrefix("query parameter 'where' is not valid JSON") == true)
    }

    @Test func collectsEveryViolation() throws {
        let v = try validator(path: "/items/{id}", parameters: [
            param("id", "path", ["type": "integer", "minimum": 1]),
            param("limit", "query", ["type": "integer", "maximum": 10], required: true),
            param("tags", "query", ["type": "array", "items": ["type": "string", "enum": ["a"]]]),
            param("X-Mode", "header", ["type": "string", "enum": ["fast"]], required: true)])
        let r = get(v, "/items/0?limit=11&tags=a&tags=b&extra=1", headers: [])
        #expect(r.status == 400)
        #expect(r.violations.map(\.description) == [
            "path id: must be >= 1",
            "query limit: must be <= 10",
            "query tags /1: must be one of 1 values",
            "header X-Mode: required header parameter 'X-Mode' is missing",
            "query extra: query parameter 'extra' is not declared by op"])
    }

    @Test func reportsRouteFailuresWithStatus() throws {
        let v = try validator(parameters: [], servers: [["url": "https://api.example.com/v1"]])
        #expect(get(v, "/v1/items").isValid)
        #expect(get(v, "/items").status == 404)
        let r = v.validate(ValidationRequest(method: .delete, target: "/v1/items"))
        #expect(r.status == 405)
        #expect(r.allowedMethods == [.get])
    }
}

@Suite struct ParameterEdgeCaseTests {
    @Test func deepObjectNestingIsBounded() throws {
        let v = try validator(parameters: [param("f", "query", ["type": "object"], style: "deepObject", explode: true)])
        let deep = "/items?f" + String(repeating: "[a]", count: 17) + "=1"
        #expect(get(v, deep).violations.map(\.message) == ["query parameter 'f' nests deeper than 16 levels"])
        #expect(get(v, "/items?f" + String(repeating: "[a]", count: 16) + "=1").isValid)
    }

    @Test func contentTypeAcceptAndAuthorizationHeaderParametersAreIgnored() throws {
        let v = try validator(parameters: [param("Accept", "header", ["type": "string", "enum": ["x"]], required: true),
                                           param("Authorization", "header", ["type": "integer"], required: true)])
        #expect(get(v, "/items", headers: [("Accept", "text/html"), ("Authorization", "Bearer x")]).isValid)
    }

    @Test func malformedQueryEscapesAreReported() throws {
        let v = try validator(parameters: [param("q", "query", ["type": "string"])])
        #expect(get(v, "/items?q=%zz").violations.map(\.message) == ["query parameter 'q' has an invalid percent-encoding"])
        #expect(get(v, "/items?q=%C3%28").status == 400)
        #expect(get(v, "/items?q=a%2Bb+c").parameters[.query]?["q"] == "a+b c")
    }

    @Test func parametersAndBodyViolationsAreReportedTogether() throws {
        let v = try validator("post", parameters: [param("dryRun", "query", ["type": "boolean"], required: true)],
                              requestBody: ["required": true, "content": ["application/json": ["schema": petSchema]]])
        let r = post(v, "/items?dryRun=maybe", contentType: "application/json", #"{"age":"x"}"#)
        #expect(r.status == 400)
        #expect(Set(r.violations.map(\.description)) == ["query dryRun: 'maybe' is not a boolean (true or false)",
                                                         "body: 'name' is required", "body /age: expected integer, found string"])
    }

    @Test func headDoesNotFallBackToGet() throws {
        let v = try validator()
        let r = v.validate(ValidationRequest(method: .head, target: "/items"))
        #expect(r.status == 405)
        #expect(r.allowedMethods == [.get])
    }
}

@Suite struct ViolationOutputTests {
    @Test func violationsBecomeProblemErrorsEntries() throws {
        let v = try validator(parameters: [param("limit", "query", ["type": "integer", "maximum": 10])])
        let r = get(v, "/items?limit=11&x=1")
        #expect(r.title == "Request validation failed")
        #expect(r.errorsJSON == [
            ["in": "query", "name": "limit", "pointer": "",
             "schemaLocation": "file:///spec.json#/paths/~1items/get/parameters/0/schema/maximum", "message": "must be <= 10"],
            ["in": "query", "name": "x", "pointer": "", "message": "query parameter 'x' is not declared by op"]])
    }
}

@Suite struct CoercionShapeTests {
    @Test func unionTypesFromOneOfAndTypeLists() throws {
        let v = try validator(parameters: [
            param("limit", "query", ["oneOf": [["type": "integer"], ["type": "string", "enum": ["all"]]]]),
            param("n", "query", ["type": ["integer", "null"]]),
            param("ref", "query", ["$ref": "#/components/schemas/Count"]),
            param("f", "query", ["allOf": [["$ref": "#/components/schemas/Flag"]]])],
                              components: ["schemas": ["Count": ["type": "integer"], "Flag": ["type": "boolean"]]])
        #expect(get(v, "/items?limit=5&n=null&ref=7&f=false").parameters[.query] == ["limit": 5, "n": nil, "ref": 7, "f": false])
        #expect(get(v, "/items?limit=all&n=3").parameters[.query] == ["limit": "all", "n": 3])
        #expect(get(v, "/items?n=x").violations.map(\.message) == ["'x' is not an integer or null"])
    }

    @Test func arrayItemShapesComeThroughReferences() throws {
        let v = try validator(parameters: [param("ids", "query", ["type": "array", "items": ["$ref": "#/components/schemas/Id"]],
                                                 explode: false)],
                              components: ["schemas": ["Id": ["type": "integer", "minimum": 1]]])
        #expect(get(v, "/items?ids=1,2,3").parameters[.query]?["ids"] == [1, 2, 3])
    }
}

@Suite struct RecursiveShapeTests {
    @Test func wideRecursiveSchemasBuildInLinearTime() throws {
        // Six recursive properties: reading shapes without sharing would take 6^depth steps.
        var props = JSONObject()
        for name in ["a", "b", "c", "d", "e", "f"] { props[name] = ["$ref": "#/components/schemas/Node"] }
        props["n"] = ["type": "integer"]
        let node: JSONValue = ["type": "object", "properties": .object(props)]
        let v = try validator(parameters: [param("q", "query", ["$ref": "#/components/schemas/Node"], style: "deepObject", explode: true)],
                              components: ["schemas": ["Node": node]])
        #expect(get(v, "/items?q[n]=1&q[a][n]=2").parameters[.query]?["q"] == ["n": 1, "a": ["n": 2]])
    }
}

@Suite struct RecursiveShapeClosureTests {
    @Test func forwardReferencesKeepClosedObjectsClosed() throws {
        let node: JSONValue = ["type": "object", "additionalProperties": false,
                               "properties": ["n": ["type": "integer"], "next": ["$ref": "#/components/schemas/Node"]]]
        let v = try validator(parameters: [param("q", "query", ["$ref": "#/components/schemas/Node"], style: "deepObject", explode: true)],
                              components: ["schemas": ["Node": node]])
        #expect(get(v, "/items?q[next][next][n]=3").parameters[.query]?["q"] == ["next": ["next": ["n": 3]]])
        let shape = try #require(v.compiled.first?.parameters.first?.shape)
        #expect(shape.property("next")?.property("next")?.isOpen == false)
        #expect(shape.property("next")?.property("zzz") == nil)
    }
}
