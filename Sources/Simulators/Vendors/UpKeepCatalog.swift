import Document

/// The UpKeep resources the simulator implements, with the query filters, `includes` names and
/// writable fields of `specs/upkeep.yaml`.
struct UpKeepResource: Sendable {
    let path: String
    /// Equality filters (reference filters compare ids).
    let filters: [String]
    /// Fields with `<field>GreaterThan`… filters (Unix milliseconds).
    let dateFilters: [String]
    /// Accepted but not applied (`customFields…` deepObject filters).
    let ignoredFilters: [String]
    let listIncludes: [String]
    let detailIncludes: [String]
    let createFields: [String]
    let createRequired: [String]
    let updateFields: [String]
    let deletable: Bool

    static let referenceTargets: [String: String] = [
        "asset": "assets", "parentAsset": "assets", "location": "locations", "parentLocation": "locations",
        "assignedToUser": "users", "assignedByUser": "users", "requestedByUser": "users", "completedByUser": "users",
        "createdByUser": "users", "additionalUsers": "users", "assignedUsers": "users", "subLocations": "locations",
        "subAssets": "assets", "parts": "parts",
    ]

    static let all: [UpKeepResource] = [
        UpKeepResource(path: "users", filters: ["email", "accountType"], dateFilters: ["createdAt", "updatedAt"], ignoredFilters: [],
                       listIncludes: [], detailIncludes: [],
                       createFields: ["email", "accountType", "password", "firstName", "lastName", "phoneNumber", "jobTitle"],
                       createRequired: ["email", "accountType", "password"],
                       updateFields: ["email", "accountType", "firstName", "lastName", "phoneNumber", "isLocationBased"], deletable: false),
        UpKeepResource(path: "locations", filters: ["name", "createdByUser", "parentLocation"], dateFilters: ["createdAt", "updatedAt"],
                       ignoredFilters: ["customFieldsLocation", "customFieldsLocations"],
                       listIncludes: ["createdByUser", "parentLocation"],
                       detailIncludes: ["createdByUser", "assignedUsers", "assignedTeams", "assignedCustomers", "assignedVendors", "files", "parentLocation", "subLocations"],
                       createFields: ["name", "address", "longitude", "latitude", "hideMap", "parentLocation", "customFieldsLocation"],
                       createRequired: ["name"],
                       updateFields: ["name", "address", "longitude", "latitude", "hideMap", "parentLocation", "customFieldsLocation"], deletable: true),
        UpKeepResource(path: "assets", filters: ["name", "serial", "serialNumber", "location", "status", "category", "assignedToUser", "createdByUser", "downtimeStatus"],
                       dateFilters: ["createdAt", "updatedAt"], ignoredFilters: ["customFields"],
                       listIncludes: ["location", "parentAsset", "createdByUser", "assignedToUser"],
                       detailIncludes: ["assignedUsers", "assignedTeams", "assignedCustomers", "assignedVendors", "formItems", "files", "parts", "subAssets",
                                        "location", "parentAsset", "createdByUser", "assignedToUser"],
                       createFields: assetFields, createRequired: ["name"], updateFields: assetFields, deletable: true),
        UpKeepResource(path: "parts", filters: ["name", "category", "location", "partId", "partNumber", "createdByUser"],
                       dateFilters: ["createdAt", "updatedAt"], ignoredFilters: ["customFieldsPart"],
                       listIncludes: ["location", "createdByUser", "files"], detailIncludes: ["location", "createdByUser", "files"],
                       createFields: partFields, createRequired: ["name"], updateFields: partFields, deletable: true),
        UpKeepResource(path: "work-orders", filters: ["title", "isComplete", "status", "archivedStatus", "priority", "location", "asset", "assignedToUser",
                                                      "assignedByUser", "category", "publicRequesterEmail", "customWOStatusId"],
                       dateFilters: ["dueDate", "endDueDate", "dateCompleted", "createdAt", "updatedAt"], ignoredFilters: [],
                       listIncludes: ["asset", "location", "assignedToUser", "assignedByUser", "requestedByUser", "completedByUser", "team"],
                       detailIncludes: ["asset", "location", "assignedToUser", "assignedByUser", "completedByUser", "team", "formItems", "parts",
                                        "arrayOfUpdateItems", "additionalUsers", "files"],
                       createFields: ["title", "description", "priority", "category", "startDate", "dueDate", "asset", "location", "image", "image2",
                                      "image3", "image4", "image5", "signatureImage", "files", "formTemplate", "formItems", "assignedToUser",
                                      "estimatedDurationInHours", "parts", "respectivePartQuantityUsed", "decreaseInventory", "time", "cost",
                                      "additionalUsers", "customWOStatusId"],
                       createRequired: ["title"],
                       updateFields: ["title", "description", "status", "priority", "category", "startDate", "dueDate", "asset", "location", "image",
                                      "image2", "image3", "image4", "image5", "signatureImage", "files", "formTemplate", "formItems", "assignedToUser",
                                      "estimatedDurationInHours", "parts", "respectivePartQuantityUsed", "decreaseInventory", "archivedStatus", "time",
                                      "cost", "additionalUsers", "customWOStatusId", "additionalCosts"], deletable: true),
    ]

    static let assetFields = ["serial", "additionalInformation", "purchaseDate", "placedInServiceDate", "warrantyExpiration", "purchasePrice",
                              "residualValue", "usefulLife", "model", "name", "notes", "serialNumber", "manufacturerVendor", "parentAsset",
                              "location", "image", "purchaseReceipt", "warrantyFile", "files", "area", "status", "downtimeStatus", "description",
                              "category", "checkInProcedure", "checkOutProcedure", "availabilityStatus", "availabilityTrackingOn",
                              "assignedToUser", "customFields"]
    static let partFields = ["name", "description", "cost", "quantity", "minimumQuantity", "serial", "area", "details", "category", "location",
                             "partId", "partNumber", "partName", "customFieldsPart"]
    /// Fields given as Unix milliseconds on writes and stored as ISO 8601 text.
    static let dateFields: Set<String> = ["startDate", "dueDate", "purchaseDate", "placedInServiceDate", "warrantyExpiration"]
}
