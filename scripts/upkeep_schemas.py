"""Component schemas for specs/upkeep.yaml (written from upstream-docs/upkeep.txt).

Conventions (see specs/README.md, section UpKeep):
- Response objects allow extra properties and `null` for every field except `id`: the doc
  says PATCH accepts null "to erase the value", so any stored field can come back null.
- Fields that `includes` can expand (an ID that becomes an object) are `ref(...)`:
  a string ID, the expanded object, or null.
- Request bodies are closed (`additionalProperties: false`): the doc's errors
  "{field} not in schema" (POST) and "{field} is not allowed to be set!" (PATCH).
"""

S = {'type': 'string'}
N = {'type': 'number'}
I = {'type': 'integer'}
B = {'type': 'boolean'}
MS = {'type': 'integer', 'format': 'int64', 'minimum': 0, 'description': 'Unix time in milliseconds.'}
NUMSTR = {'type': ['number', 'string'], 'description': 'A number; the doc\'s examples return it as a JSON string (e.g. "88.00").'}


def R(name):
    return {'$ref': '#/components/schemas/' + name}


def arr(items):
    return {'type': 'array', 'items': items}


def nullable(s):
    """Adds null to a schema."""
    s = dict(s)
    if '$ref' in s or 'anyOf' in s or 'oneOf' in s or 'allOf' in s:
        if 'anyOf' in s and {'type': 'null'} in s['anyOf']:
            return s
        return {'anyOf': [s, {'type': 'null'}]}
    t = s.get('type')
    if t is None:
        return s
    if isinstance(t, list):
        if 'null' not in t:
            s['type'] = t + ['null']
    elif t != 'null':
        s['type'] = [t, 'null']
    if 'enum' in s and None not in s['enum']:
        s['enum'] = list(s['enum']) + [None]
    return s


def ref(name, desc=None):
    """An ID that `includes` may expand into the named object."""
    s = {'anyOf': [{'type': 'string', 'description': 'ID'}, R(name), {'type': 'null'}]}
    if desc:
        s['description'] = desc
    return s


def ref_list(name, desc=None):
    s = {'type': ['array', 'null'], 'items': {'anyOf': [{'type': 'string', 'description': 'ID'}, R(name)]}}
    if desc:
        s['description'] = desc
    return s


def resp_obj(props, required=('id',), desc=None, extra=None):
    """A response object: every non-required property nullable, extra properties allowed."""
    out = {'type': 'object', 'properties': {}}
    for k, v in props.items():
        out['properties'][k] = v if k in required else nullable(v)
    if required:
        out['required'] = list(required)
    if desc:
        out['description'] = desc
    if extra:
        out.update(extra)
    return out


def req_obj(props, required=(), patch=False, desc=None):
    """A closed request body object; PATCH bodies accept null for every field."""
    out = {'type': 'object', 'additionalProperties': False, 'properties': {}}
    for k, v in props.items():
        out['properties'][k] = nullable(v) if patch and k not in required else v
    if required:
        out['required'] = list(required)
    if desc:
        out['description'] = desc
    return out


TS = {'type': 'string', 'description': 'Timestamp (ISO 8601).'}

ACCOUNT_TYPES = ['ADMIN', 'TECH', 'VIEW_ONLY', 'REQUESTER', 'LIMITED_TECH']
WO_STATUS = ['open', 'onHold', 'inProgress', 'complete']
FORM_ITEM_TYPES = ['TASK', 'TEXT', 'NUMBER', 'CHECKLIST', 'MULTIPLE_CHOICE', 'METER', 'METER_READING']
SCHEDULE_TYPES = ['EVERY_N_DAYS', 'EVERY_N_WEEKS', 'EVERY_N_WEEKS_BY_DAY_OF_THE_WEEK', 'EVERY_N_MONTHS',
                  'EVERY_N_MONTHS_ON_NTH_WEEKDAY', 'EVERY_N_MONTHS_ON_NTH_DAY_FROM_BEGINNING_OR_END', 'EVERY_N_YEARS']
RRFREQ = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY']
WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA']
TRIGGER_FREQ = ['ONE_TIME_IS_GREATER_THAN', 'ONE_TIME_IS_LESS_THAN', 'EVERY_TIME_IS_LESS_THAN',
                'EVERY_TIME_IS_GREATER_THAN', 'EVERY_TIME_IS_EQUAL_TO', 'EVERY_TIME_REACHES']
PO_STATUS = ['awaiting', 'approved', 'declined', 'fulfilled']
WEBHOOK_EVENTS = ['WORK_ORDER_CREATED', 'WORK_ORDER_UPDATED', 'WORK_ORDER_STATUS_UPDATED', 'WORK_ORDER_DELETED',
                  'PM_WORK_ORDER_CREATED', 'PM_WORK_ORDER_UPDATED', 'PM_WORK_ORDER_DELETED',
                  'WORK_ORDER_SCHEDULE_CREATED', 'WORK_ORDER_SCHEDULE_UPDATED', 'WORK_ORDER_SCHEDULE_STATUS_UPDATED',
                  'WORK_ORDER_SCHEDULE_DELETED', 'PURCHASE_ORDER_UPDATED', 'PURCHASE_ORDER_CREATED',
                  'PURCHASE_ORDER_DELETED', 'PURCHASE_ORDER_APPROVED', 'PURCHASE_ORDER_DECLINED',
                  'REQUEST_CREATED', 'REQUEST_UPDATED', 'REQUEST_APPROVED', 'REQUEST_REJECTED']
CUSTOM_FIELD_TYPES = ['singleLineText', 'multiLineText', 'dropdown', 'date', 'number', 'currency']


def legacy_custom_field(owner_key, desc, also=()):
    props = {'id': S, 'name': S, 'value': S, 'unit': S, owner_key: S}
    for k in also:
        props[k] = S
    props.update({'user': S, 'createdByUser': S, 'updatedByUser': S, 'createdAt': TS, 'updatedAt': TS})
    return resp_obj(props, desc=desc)


CUSTOM_FIELD_INPUT = {'type': 'object', 'additionalProperties': False,
                      'description': 'A name/value custom field; child attributes are name, value and unit.',
                      'properties': {'name': S, 'value': S, 'unit': S}}

USER_PROPS = {'id': S, 'accountType': S, 'email': S, 'firstName': S, 'lastName': S, 'phoneNumber': S,
              'userStatus': S, 'jobTitle': S, 'isLocationBased': B, 'dateOfLastLogin': TS,
              'createdAt': TS, 'updatedAt': TS}

ASSET_FIELD_VALUE = resp_obj({'singleLineTextValue': S, 'multiLineTextValue': S, 'numberValue': N,
                              'dateValue': S, 'currencyValue': N, 'dropdownValue': S, 'createdBy': S,
                              'createdAt': TS, 'updatedAt': TS}, required=())

FIELD_VALUE_INPUT = {
    'type': 'object', 'additionalProperties': False,
    'description': 'Exactly one property, matching the custom field type.',
    'minProperties': 1, 'maxProperties': 1,
    'properties': {'singleLineTextValue': S, 'multiLineTextValue': S, 'numberValue': N,
                   'dateValue': {'type': 'string', 'description': 'ISO 8601 timestamp.'},
                   'currencyValue': N, 'dropdownValue': S}}

USEFUL_LIFE = {'type': 'object', 'additionalProperties': False, 'required': ['quantity', 'units'],
               'description': 'The depreciation lifespan.',
               'properties': {'quantity': {'type': 'integer', 'minimum': 0, 'description': 'A non-negative integer.'},
                              'units': {'type': 'string', 'enum': ['days', 'weeks', 'months', 'years']}}}

ASSET_INPUT_PROPS = {
    'serial': {'type': 'string', 'description': "The asset's barcode number."},
    'additionalInformation': S,
    'purchaseDate': {'type': 'string', 'description': 'The date (GMT) of purchase.'},
    'placedInServiceDate': {'type': 'string', 'description': 'The start date (GMT) of service.'},
    'warrantyExpiration': {'type': 'string', 'description': 'The date (GMT) of warranty expiration.'},
    'purchasePrice': {'type': 'number', 'description': 'The purchase price.'},
    'residualValue': {'type': 'number', 'description': 'The value at the end of the depreciation lifespan.'},
    'usefulLife': USEFUL_LIFE,
    'model': S, 'name': S, 'notes': S,
    'serialNumber': {'type': 'string', 'description': "The asset's serial number."},
    'manufacturerVendor': {'type': 'string', 'description': 'The ID of the vendor.'},
    'parentAsset': {'type': 'string', 'description': 'The ID of parent Asset.'},
    'location': {'type': 'string', 'description': 'The ID of the location.'},
    'image': {'type': 'string', 'description': 'The ID of the file (jpg, png) representing the image.'},
    'purchaseReceipt': {'type': 'string', 'description': 'The ID of the file (jpg, png) representing the purchase receipt.'},
    'warrantyFile': {'type': 'string', 'description': 'The ID of the file (jpg, png, pdf) representing the warranty.'},
    'files': {'type': 'array', 'items': S, 'description': 'A list of file IDs.'},
    'area': S,
    'status': {'type': 'string', 'enum': ['active', 'inactive']},
    'downtimeStatus': {'type': 'string', 'description': 'available or not-available, or the ID of a custom asset downtime status.'},
    'description': S,
    'category': {'type': 'string', 'description': 'Must be one of the configured categories for assets.'},
    'checkInProcedure': S, 'checkOutProcedure': S, 'availabilityStatus': S, 'availabilityTrackingOn': B,
    'assignedToUser': {'type': 'string', 'description': 'The ID of the user.'},
    'customFields': {'type': 'array', 'description': 'A list of custom fields of the asset.',
                     'items': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'fieldValue'],
                               'properties': {'id': {'type': 'string', 'description': 'The ID of the custom field.'},
                                              'fieldValue': FIELD_VALUE_INPUT}}},
}

LOCATION_INPUT_PROPS = {
    'name': {'type': 'string', 'description': 'The name of the location.'},
    'address': {'type': 'string', 'description': 'The address of the location.'},
    'longitude': {'type': 'number', 'description': 'Map coordinates.'},
    'latitude': {'type': 'number', 'description': 'Map coordinates.'},
    'hideMap': {'type': 'string', 'enum': ['0', '1'], 'description': 'Enables map view. Boolean as a string: "0" or "1".'},
    'parentLocation': {'type': 'string', 'description': 'The ID of the parent location.'},
    'customFieldsLocation': {'type': 'array', 'items': CUSTOM_FIELD_INPUT},
}

PART_INPUT_PROPS = {
    'name': {'type': 'string', 'description': 'The name of the part.'},
    'description': S,
    'cost': {'type': 'number', 'description': 'Cost per unit for the part.'},
    'quantity': {'type': 'number', 'description': 'The quantity on hand.'},
    'minimumQuantity': {'type': 'number', 'description': 'UpKeep notifies you if the quantity on hand drops below this value.'},
    'serial': {'type': 'string', 'description': 'Synonymous with barcode.'},
    'area': {'type': 'string', 'description': 'Specific area within an assigned location.'},
    'details': S,
    'category': {'type': 'string', 'description': 'Must be one of the configured categories for parts.'},
    'location': {'type': 'string', 'description': 'The ID of the location.'},
    'partId': {'type': 'string', 'description': 'ID of the parent part.'},
    'partNumber': {'type': 'string', 'description': 'Number of the parent part.'},
    'partName': {'type': 'string', 'x-doc-note': 'Not in the doc\'s parameter table; the doc\'s own create example sends it and every response returns it.'},
    'customFieldsPart': {'type': 'array', 'items': CUSTOM_FIELD_INPUT},
}

FORM_ITEM_INPUT = {
    'type': 'object', 'required': ['name', 'type'], 'additionalProperties': False,
    'description': 'A form item (task). METER types carry `meter`, MULTIPLE_CHOICE carries `options`; any type may carry `value` '
                   '(TASK: OPEN, ON_HOLD, IN_PROGRESS, COMPLETE; CHECKLIST: PASS, FLAG, FAIL; MULTIPLE_CHOICE: one of options).',
    'x-doc-note': 'The parameter table lists type METER; the doc\'s examples use METER_READING. Both are accepted.',
    'properties': {'id': S, 'name': S, 'type': {'type': 'string', 'enum': FORM_ITEM_TYPES},
                   'meter': S, 'options': arr(S), 'value': {'type': ['string', 'number', 'boolean', 'null']}}}

ADDITIONAL_COST_INPUT = {
    'type': 'object', 'additionalProperties': False,
    'description': 'Without `id` creates a cost item; with `id` modifies it; with `id` and deleteAdditionalCostItem=true deletes it.',
    'x-doc-note': 'amount, info, category and assignedToUser are marked required in the doc, but a delete item needs only id and '
                  'deleteAdditionalCostItem; the requirement is therefore applied only to items without an id.',
    'properties': {'id': S, 'amount': N, 'info': S,
                   'category': {'type': 'string', 'description': 'Name of a cost category, e.g. Tax, Labor Cost.'},
                   'assignedToUser': S,
                   'date': {'type': ['string', 'integer'], 'description': 'ISO string or unix timestamp; defaults to now.'},
                   'includedInTotalCost': B, 'deleteAdditionalCostItem': B},
    'if': {'not': {'required': ['id']}},
    'then': {'required': ['amount', 'info', 'category', 'assignedToUser']}}

WO_INPUT_PROPS = {
    'title': S, 'description': S,
    'status': {'type': 'string', 'enum': WO_STATUS},
    'priority': {'type': 'integer', 'enum': [0, 1, 2, 3], 'description': '0 being lowest.'},
    'category': {'type': 'string', 'description': 'One of the Work Order categories on your account, including the default ones.'},
    'startDate': MS, 'dueDate': MS,
    'asset': {'type': 'string', 'description': 'ID of asset'},
    'location': {'type': 'string', 'description': 'ID of location'},
    'image': {'type': 'string', 'description': 'The ID of the file'},
    'image2': {'type': 'string', 'description': 'The ID of the file'},
    'image3': {'type': 'string', 'description': 'The ID of the file'},
    'image4': {'type': 'string', 'description': 'The ID of the file'},
    'image5': {'type': 'string', 'description': 'The ID of the file'},
    'signatureImage': {'type': 'string', 'description': 'The ID of the file'},
    'files': {'type': 'array', 'items': S, 'description': 'A list of file IDs'},
    'formTemplate': {'type': 'string', 'description': 'ID of a form template (checklist)'},
    'formItems': arr(FORM_ITEM_INPUT),
    'assignedToUser': {'type': 'string', 'description': 'ID of the user the Work Order is assigned to'},
    'estimatedDurationInHours': N,
    'parts': {'type': 'array', 'items': S, 'description': 'Part IDs to include with the work order.'},
    'respectivePartQuantityUsed': {'type': 'array', 'items': N, 'description': 'Quantities of each part in `parts`.'},
    'decreaseInventory': {'type': 'string', 'enum': ['auto', 'manual'], 'default': 'auto'},
    'archivedStatus': {'type': 'string', 'enum': ['0', '1'], 'description': '0 (Unarchive), 1 (Archive).'},
    'time': {'type': 'number', 'description': 'The total time spent on the work order.'},
    'cost': {'type': 'number', 'description': 'The additional cost assigned to the work order.'},
    'additionalUsers': {'type': 'array', 'items': S, 'description': 'User IDs of additional workers.'},
    'customWOStatusId': {'type': 'string', 'description': 'ID of the linked Custom Work Order Status.'},
    'additionalCosts': arr(ADDITIONAL_COST_INPUT),
}

PM_TRIGGER_INPUT_PROPS = {
    'name': {'type': 'string', 'description': 'Name of the trigger'},
    'createFirstWO': {'type': 'boolean', 'default': False},
    'scheduleType': {'type': 'string', 'enum': SCHEDULE_TYPES},
    'rrfreq': {'type': 'string', 'enum': RRFREQ},
    'rrdtstart': {'type': 'string', 'description': 'Start of the first WorkOrder creation, e.g. 2021-03-24T04:26:55.000Z.'},
    'rruntil': {'type': 'string', 'description': 'End date for trigger, e.g. 2023-01-09T14:27:06.'},
    'rrinterval': {'type': 'integer', 'description': 'E.g. 2 for every 2 weeks when rrfreq is WEEKLY.'},
    'rrbyweekday': {'type': 'array', 'items': {'type': 'string', 'enum': WEEKDAYS},
                    'x-doc-note': 'The create table types this "String"; its example and the update table send an array '
                                  '(e.g. ["SU", "TH"]). Array is used.'},
    'rrbymonthday': {'type': 'array', 'items': {'type': 'integer', 'minimum': 1, 'maximum': 31},
                     'x-doc-note': 'The create table types this "String"; its example ([1, 15]) and the update table '
                                   'use an array of integers. Array is used.'},
    'rrbysetpos': {'type': 'array', 'items': I},
    'rrtzid': {'type': 'string', 'description': 'Time zone, e.g. Asia/Kolkata.'},
    'isNextOccurrenceBasedOnCompletion': B,
    'cadenceType': {'type': 'string', 'description': 'Creation cadence for work orders.',
                    'x-doc-note': 'The doc lists the scheduleType values as allowed, but its own examples send and '
                                  'return "manual"; no enum is enforced.'},
    'cadenceInterval': I,
    'cadenceFreq': {'type': 'string', 'enum': RRFREQ},
    'meter': S, 'meterCondition': S, 'meterConditionValue': S, 'meterDueInterval': I, 'meterDueFrequency': S,
}

PM_WO_INPUT_PROPS = {
    'title': S, 'priority': I, 'asset': S, 'location': S, 'category': S, 'assignedToUser': S,
    'additionalUsers': arr(S), 'parts': arr(S), 'respectivePartQuantityUsed': arr(I),
    'duration': {'type': 'integer', 'description': 'Duration of work order in hours.'},
}

PO_INPUT_PROPS = {
    'title': S,
    'purchaseOrderNumber': {'type': 'number', 'description': 'Custom purchase order number; defaults from settings.'},
    'parts': {'type': 'array', 'items': {'type': 'object', 'additionalProperties': False, 'properties': {'id': S, 'quantity': N}}},
    'vendor': {'type': 'string', 'description': 'The ID of the vendor.'},
    'description': S,
    'category': {'type': 'string', 'description': 'Must be one of the configured categories for purchase orders.'},
    'dueDate': S, 'poDate': {'type': 'string', 'description': 'Date of purchase order.'},
    'tax': N, 'shippingCost': N, 'otherCost': N, 'requisitioner': S, 'shippingMethod': S,
    'fobPoint': {'type': 'string', 'description': 'Free on board shipping point.'},
    'terms': S, 'notes': S, 'companyName': S, 'companySlogan': S, 'companyStreet': S, 'companyCity': S,
    'companyState': S, 'companyZip': S, 'companyPhone': S, 'companyFax': S, 'shippingName': S,
    'shippingCompany': S, 'shippingStreet': S, 'shippingCity': S, 'shippingState': S, 'shippingZip': S,
    'shippingPhone': S, 'shippingFax': S,
    'customFieldsPO': {'type': 'array', 'items': CUSTOM_FIELD_INPUT},
}

WEBHOOK_EVENTS_INPUT = {'type': 'array', 'items': {'type': 'string', 'enum': ['*'] + WEBHOOK_EVENTS},
                        'description': '`["*"]` enables all events.'}

LEGACY_RWO_INPUT_PROPS = {
    'title': S,
    'recurringSchedule': {'type': 'string', 'description': "daily, weekly, twoWeeks, monthly, twoMonths, threeMonths, sixMonths, yearly, "
                                                           "or comma-separated day codes Su, Mo, Tu, We, Th, Fr, Sa (e.g. \"Su,Th,Fr\").",
                          'pattern': '^(daily|weekly|twoWeeks|monthly|twoMonths|threeMonths|sixMonths|yearly|(Su|Mo|Tu|We|Th|Fr|Sa)(,(Su|Mo|Tu|We|Th|Fr|Sa))*)$'},
    'description': S,
    'dueDate': dict(MS, description='Unix ms; Preventative Work Orders start from this date.'),
    'endDueDate': dict(MS, description='Unix ms; Preventative Work Orders stop at this date.'),
    'asset': S, 'location': S, 'estimatedDurationInHours': N, 'assignedToUser': S,
    'rescheduledBasedOnCompletion': B,
    'priority': {'type': 'integer', 'x-doc-note': 'Not in the create table; the doc\'s create example sends priority=1.'},
}


def schemas():
    """Returns components/schemas."""
    sc = {}
    sc['SuccessFlag'] = {'type': 'boolean', 'description': 'true on success.'}
    sc['MessageResponse'] = {'type': 'object', 'required': ['success', 'message'],
                             'properties': {'success': B, 'message': S}}
    sc['Error'] = {'type': 'object', 'description': 'Error body. 400 and 500 responses carry `message`.',
                   'properties': {'success': {'type': 'boolean', 'const': False}, 'message': S}}
    sc['ErrorWithMessage'] = {'allOf': [R('Error')], 'required': ['message']}
    sc['Session'] = resp_obj({'sessionToken': S, 'expiresAt': TS}, required=('sessionToken', 'expiresAt'))
    sc['FileObject'] = resp_obj({'__type': S, 'name': S, 'url': S}, required=(),
                                desc='An embedded file (e.g. image, receipt).')
    sc['User'] = resp_obj(USER_PROPS)
    sc['CustomerCustomField'] = legacy_custom_field('customer', 'A name/value custom field of a customer.')
    sc['VendorCustomField'] = legacy_custom_field('vendor', 'A name/value custom field of a vendor.')
    sc['LocationCustomField'] = legacy_custom_field('location', 'A name/value custom field of a location.')
    sc['PartCustomField'] = legacy_custom_field('partInventory', 'A name/value custom field of a part.')
    sc['PurchaseOrderCustomField'] = legacy_custom_field(
        'purchaseOrder', 'A name/value custom field of a purchase order.', also=('location',))
    sc['PurchaseOrderCustomField']['x-doc-note'] = ('The doc\'s GET/PATCH examples for purchase order custom fields '
                                                    'are copies of the location ones and carry `location` instead of '
                                                    '`purchaseOrder`; both keys are declared.')
    sc['AssetLegacyCustomField'] = legacy_custom_field('asset', 'A legacy (deprecated) name/value custom field of an asset.')
    sc['Customer'] = resp_obj({'id': S, 'name': S, 'email': S, 'description': S, 'address': S, 'phoneNumber': S,
                               'website': S, 'type': S, 'billingName': S, 'billingAddressLine1': S,
                               'billingAddressLine2': S, 'billingAddressLine3': S,
                               'customFieldsCustomer': arr(R('CustomerCustomField')), 'createdAt': TS, 'updatedAt': TS})
    sc['Vendor'] = resp_obj({'id': S, 'businessName': S, 'email': S, 'description': S, 'businessAddress': S,
                             'phoneNumber': S, 'website': S, 'type': S, 'mainPointOfContact': S,
                             'customFieldsVendor': arr(R('VendorCustomField')), 'createdAt': TS, 'updatedAt': TS})
    sc['Team'] = resp_obj({'id': S, 'name': S, 'description': S, 'createdAt': TS, 'updatedAt': TS}, required=(),
                          extra={'x-doc-note': 'id is not required: the doc\'s create example returns a team without id.'})
    sc['FormItem'] = resp_obj({'id': S, 'name': S, 'type': S, 'meter': S, 'options': arr(S),
                               'value': {'type': ['string', 'number', 'boolean']}}, required=())
    sc['FormTemplate'] = resp_obj({'id': S, 'Name': S, 'userCreated': S, 'description': S,
                                   'formItems': arr(R('FormItem')), 'createdAt': TS, 'updatedAt': TS},
                                  extra={'x-doc-note': 'The doc spells the template name key `Name` (capital N).'})
    sc['File'] = resp_obj({'id': S, 'filename': S, 'url': S, 'mimeType': S, 'createdAt': TS})
    sc['AssetFieldValue'] = ASSET_FIELD_VALUE
    sc['AssetCustomFieldDefinition'] = resp_obj({
        'id': S, 'name': S, 'type': {'type': 'string', 'enum': CUSTOM_FIELD_TYPES},
        'options': arr(S), 'decimalPrecision': {'type': 'integer', 'minimum': 0, 'maximum': 5},
        'createdByUser': S, 'createdAt': TS, 'updatedAt': TS, 'subAssets': arr(S)})
    sc['AssetCustomField'] = {'allOf': [R('AssetCustomFieldDefinition')],
                              'properties': {'fieldValue': nullable(R('AssetFieldValue'))},
                              'description': 'A custom field definition with this asset\'s value.'}
    sc['UsefulLife'] = resp_obj({'quantity': I, 'units': S}, required=())
    sc['Asset'] = resp_obj({
        'id': S, 'serial': S, 'serialNumber': S, 'additionalInformation': S, 'purchaseDate': S,
        'placedInServiceDate': S, 'warrantyExpiration': S, 'purchasePrice': N, 'residualValue': N,
        'usefulLife': R('UsefulLife'), 'model': S, 'name': S, 'notes': S, 'numberOfIncompleteWorkOrders': I,
        'barcode': S, 'location': ref('Location'), 'image': R('FileObject'), 'purchaseReceipt': R('FileObject'),
        'warrantyFile': R('FileObject'), 'files': ref_list('File'), 'status': S, 'description': S, 'category': S,
        'manufacturerVendor': ref('Vendor'), 'parentAsset': ref('Asset'), 'assignedToUsername': S,
        'assignedToUser': ref('User'), 'createdByUsername': S, 'createdByUser': ref('User'),
        'checkInProcedure': S, 'checkOutProcedure': S, 'availabilityStatus': S, 'downtimeStatus': S,
        'availabilityTrackingOn': B, 'subAssets': ref_list('Asset'), 'parts': ref_list('Part'),
        'formItems': ref_list('FormItem'), 'assignedUsers': ref_list('User'), 'assignedTeams': ref_list('Team'),
        'assignedCustomers': ref_list('Customer'), 'assignedVendors': ref_list('Vendor'),
        'customFields': arr(R('AssetCustomField')), 'area': S, 'createdAt': TS, 'updatedAt': TS})
    sc['AssetDowntimeStatus'] = resp_obj({'id': S, 'name': S, 'createdAt': TS, 'updatedAt': TS})
    sc['DowntimeEvent'] = {'type': 'object', 'additionalProperties': False, 'required': ['assetId', 'status', 'recordedOn'],
                           'properties': {
                               'assetId': {'type': 'string', 'description': "The asset's ID"},
                               'status': {'type': 'string', 'enum': ['available', 'not-available']},
                               'recordedOn': {'type': ['string', 'integer'],
                                              'description': 'ISO 8601 timestamp or Unix time in milliseconds.'},
                               'statusCategory': {'type': 'string', 'description': 'ID of a custom downtime status category.'},
                               'userId': {'type': 'string', 'description': 'ID of a user associated with the change.'}}}
    sc['DowntimeEventResult'] = resp_obj({
        'assetId': S, 'status': S, 'recordedOn': {'type': ['string', 'integer']}, 'row': I,
        'statusMessage': S, 'statusSlug': S, 'newAssetActivityUpdateId': S,
        'errors': arr(resp_obj({'message': S, 'slug': S, 'value': {}}, required=()))}, required=())
    sc['Location'] = resp_obj({
        'id': S, 'createdByUser': ref('User'), 'createdByUsername': S, 'name': S, 'address': S,
        'longitude': N, 'latitude': N, 'hideMap': S, 'parentLocation': ref('Location'),
        'subLocations': ref_list('Location'), 'files': ref_list('File'),
        'assignedUsers': ref_list('User'), 'assignedTeams': ref_list('Team'),
        'assignedCustomers': ref_list('Customer'), 'assignedVendors': ref_list('Vendor'),
        'customFieldsLocation': arr(R('LocationCustomField')), 'createdAt': TS, 'updatedAt': TS})
    sc['Part'] = resp_obj({
        'id': S, 'image': R('FileObject'), 'name': S, 'description': S, 'cost': NUMSTR, 'quantity': NUMSTR,
        'minimumQuantity': NUMSTR, 'serial': S, 'area': S, 'details': S, 'category': S, 'location': ref('Location'),
        'partId': S, 'partName': S, 'partNumber': S, 'createdByUser': ref('User'), 'files': ref_list('File'),
        'customFieldsPart': arr(R('PartCustomField')), 'createdAt': TS, 'updatedAt': TS})
    sc['Request'] = resp_obj({
        'id': S, 'title': S, 'description': S, 'image': R('FileObject'), 'location': ref('Location'),
        'asset': ref('Asset'), 'team': ref('Team'), 'category': S, 'assignedToUser': ref('User'),
        'assignedToUsername': S, 'assignedByUser': ref('User'), 'cancelledByUser': ref('User'), 'status': S,
        'priority': {'type': ['integer', 'string']}, 'requestedByUser': ref('User'), 'publicRequesterEmail': S,
        'dueDate': TS, 'endDueDate': TS, 'files': ref_list('File'), 'formItems': ref_list('FormItem'),
        'parts': ref_list('Part'), 'arrayOfUpdateItems': ref_list('UpdateItem'), 'createdAt': TS, 'updatedAt': TS})
    sc['UpdateItem'] = resp_obj({'id': S}, required=(), desc='An update message item (shape not documented).')
    sc['CustomWOStatus'] = resp_obj({'id': S, 'name': S, 'type': S, 'createdBy': S, 'deletedBy': S})
    sc['TimeLogEntry'] = resp_obj({
        'duration': N, 'category': resp_obj({'name': S, 'id': S}, required=()), 'assignedToUser': S,
        'timers': arr(resp_obj({'duration': N, 'status': S, 'hourlyCost': N, 'createdByUser': S, 'createdAt': TS},
                               required=()))}, required=())
    sc['AdditionalCost'] = resp_obj({'id': S, 'amount': N, 'info': S, 'category': S, 'assignedToUser': S,
                                     'date': S, 'includedInTotalCost': B}, required=())
    sc['LinkedWorkOrders'] = resp_obj({'linkType': S, 'linkTo': arr(S), 'createdAt': TS, 'createdBy': S}, required=())
    sc['WorkOrder'] = resp_obj({
        'id': S, 'workOrderNo': S, 'title': S, 'description': S,
        'status': {'type': 'string', 'description': 'open, onHold, inProgress or complete.'},
        'category': S, 'startDate': TS, 'dueDate': TS, 'endDueDate': TS, 'dateCompleted': TS,
        'assignedToUser': ref('User'), 'assignedToUsername': S, 'completedByUser': ref('User'),
        'requestedByUser': ref('User'), 'asset': ref('Asset'), 'location': ref('Location'), 'team': ref('Team'),
        'image': R('FileObject'), 'image2': R('FileObject'), 'image3': R('FileObject'), 'image4': R('FileObject'),
        'image5': R('FileObject'), 'signatureImage': R('FileObject'), 'files': ref_list('File'),
        'requiresSignature': {'type': ['integer', 'boolean']},
        'formItems': ref_list('FormItem', 'Form item IDs, or form item objects (as in the doc\'s create/get examples).'),
        'assignedByUser': ref('User'), 'assignedByUsername': S, 'estimatedDurationInHours': N,
        'priority': {'type': ['integer', 'string'], 'description': '0..3; the doc\'s list example returns it as a string.'},
        'parts': ref_list('Part'), 'respectivePartQuantityUsed': arr(N), 'additionalUsers': ref_list('User'),
        'time': NUMSTR, 'cost': NUMSTR, 'additionalCosts': arr(R('AdditionalCost')), 'responseTime': N,
        'timeLog': arr(R('TimeLogEntry')), 'archivedStatus': S, 'publicRequesterEmail': S,
        'arrayOfUpdateItems': ref_list('UpdateItem'), 'arrayOfLinkedWorkOrders': arr(R('LinkedWorkOrders')),
        'customWOStatus': R('CustomWOStatus'), 'createdAt': TS, 'updatedAt': TS},
        extra={'x-doc-note': 'The doc\'s examples repeat the keys `category` and `formItems` within one object '
                             '(formItems once as objects, once as IDs) and use `{...}` placeholders; examples here keep '
                             'the last occurrence and drop the placeholders.'})
    sc['WorkOrderCostCategory'] = resp_obj({'objectId': S, 'name': S}, required=('objectId',))
    sc['PMTrigger'] = resp_obj({
        'id': S, 'name': S, 'createFirstWO': {'type': ['integer', 'boolean']}, 'scheduleType': S,
        'isNextOccurrenceBasedOnCompletion': B, 'rrfreq': S, 'rrdtstart': TS, 'rruntil': TS, 'rrinterval': I,
        'rrtzid': S, 'rrbyweekday': arr(S), 'rrbymonthday': arr(I), 'rrbysetpos': arr(I),
        'cadenceInterval': I, 'cadenceFreq': S, 'cadenceType': S, 'nextTriggerDate': TS, 'rdates': arr(S),
        'exdates': arr(S), 'scheduleHasEnded': B, 'createdBy': S, 'createdAt': TS, 'updatedAt': TS,
        'isPaused': B, 'isArchived': B, 'archivedAt': TS, 'archivedBy': S})
    sc['PMTriggerWorkOrder'] = resp_obj({
        'title': S, 'priority': I, 'category': S, 'asset': S, 'location': S, 'assignedToUser': S,
        'additionalUsers': arr(S), 'parts': arr(S), 'respectivePartQuantityUsed': arr(I), 'duration': I,
        'lastDueDate': TS, 'nextDueDate': TS}, required=())
    sc['PMTriggerWithWorkOrder'] = {'type': 'object', 'required': ['trigger', 'workOrder'],
                                    'properties': {'trigger': R('PMTrigger'), 'workOrder': R('PMTriggerWorkOrder')}}
    sc['LegacyRecurringWorkOrder'] = resp_obj({
        'id': S, 'title': S, 'status': S, 'dueDate': TS, 'endDueDate': TS, 'recurringSchedule': S,
        'assignedToUser': ref('User'), 'assignedToUsername': S, 'asset': ref('Asset'), 'location': ref('Location'),
        'assignedByUser': ref('User'), 'assignedByUsername': S, 'rescheduledBasedOnCompletion': B,
        'priority': {'type': ['integer', 'string']}, 'description': S, 'category': S, 'time': NUMSTR, 'cost': NUMSTR,
        'estimatedDurationInHours': N, 'createdAt': TS, 'updatedAt': TS})
    sc['WorkOrderScheduleItem'] = resp_obj({
        'id': S, 'title': S, 'status': S, 'dueDate': TS, 'assignedToUser': ref('User'), 'assignedToUsername': S,
        'asset': ref('Asset'), 'location': ref('Location'), 'time': NUMSTR, 'cost': NUMSTR,
        'assignedByUser': ref('User'), 'assignedByUsername': S, 'priority': {'type': ['integer', 'string']},
        'description': S, 'createdAt': TS, 'updatedAt': TS}, required=(),
        desc='A scheduled (child) occurrence of a legacy recurring work order; the doc shows no id.')
    sc['Meter'] = resp_obj({'id': S, 'name': S, 'units': S, 'frequency': N, 'createdByUser': ref('User'),
                            'location': ref('Location'), 'asset': ref('Asset'), 'lastReading': ref('MeterReading'),
                            'createdAt': TS, 'updatedAt': TS})
    sc['MeterReading'] = resp_obj({'id': S, 'date': TS, 'meter': ref('Meter'), 'value': N,
                                   'createdByUser': ref('User'), 'createdAt': TS, 'updatedAt': TS})
    sc['MeterNotification'] = resp_obj({'id': S, 'title': S, 'triggerFrequency': S, 'description': S,
                                        'triggerValue': N, 'lastValueForWorkOrder': N, 'assignedToUser': ref('User'),
                                        'createdByUser': ref('User'), 'createdAt': TS, 'updatedAt': TS})
    sc['PartialFulfillment'] = resp_obj({'timestamp': TS, 'user': S,
                                         'received': {'type': 'object', 'additionalProperties': N}}, required=())
    po = {'id': S, 'createdByUser': ref('User'), 'title': S, 'description': S, 'status': S,
          'poDate': TS, 'dueDate': TS, 'vendor': ref('Vendor'), 'parts': ref_list('Part'), 'partQuantities': arr(N),
          'partsPendingQuantities': {'type': 'object', 'additionalProperties': N,
                                     'description': 'Part ID -> quantity still pending.'},
          'partialFulfillHistory': arr(R('PartialFulfillment')), 'totalQuantity': N, 'totalCost': N,
          'fulfilledAt': TS, 'fulfilledByUser': ref('User'), 'approvedAt': TS, 'approvedByUser': ref('User'),
          'declinedAt': TS, 'declinedByUser': ref('User'), 'purchaseOrderNumber': N, 'category': S,
          'arrayOfUpdateItems': ref_list('UpdateItem'),
          'customFieldsPO': arr(R('PurchaseOrderCustomField')), 'createdAt': TS, 'updatedAt': TS}
    for k in PO_INPUT_PROPS:
        if k not in po and k not in ('customFieldsPO',):
            po[k] = PO_INPUT_PROPS[k] if k not in ('parts',) else po.get(k)
    sc['PurchaseOrder'] = resp_obj(po)
    sc['PurchaseOrderCategory'] = resp_obj({'id': S, 'name': S, 'createdAt': TS, 'updatedAt': TS})
    sc['Webhook'] = resp_obj({'id': S, 'endpoint': S, 'events': arr(S), 'title': S, 'enabled': B})

    # ---- request bodies
    sc['LoginRequest'] = req_obj({'email': S, 'password': S}, required=('email', 'password'))
    sc['UserCreate'] = req_obj({'email': S, 'accountType': {'type': 'string', 'enum': ACCOUNT_TYPES}, 'password': S,
                                'firstName': S, 'lastName': S, 'phoneNumber': S, 'jobTitle': S},
                               required=('email', 'accountType', 'password'))
    sc['UserUpdate'] = req_obj({'email': S, 'accountType': {'type': 'string', 'enum': ACCOUNT_TYPES},
                                'firstName': S, 'lastName': S, 'phoneNumber': S, 'isLocationBased': B}, patch=True)
    sc['UserLocations'] = req_obj({'locationIds': {'type': 'array', 'items': S, 'minItems': 1,
                                                   'description': 'Only parent location IDs are allowed.'}},
                                  required=('locationIds',))
    customer = {'name': S, 'email': S, 'description': S, 'address': S, 'phoneNumber': S, 'website': S, 'type': S,
                'billingName': S, 'billingAddressLine1': S, 'billingAddressLine2': S, 'billingAddressLine3': S}
    sc['CustomerCreate'] = req_obj(customer, required=('name',))
    sc['CustomerUpdate'] = req_obj(customer, patch=True)
    vendor = {'businessName': S, 'email': S, 'description': S, 'businessAddress': S, 'phoneNumber': S,
              'website': S, 'type': S, 'mainPointOfContact': S}
    sc['VendorCreate'] = req_obj(vendor, required=('businessName',))
    sc['VendorUpdate'] = req_obj(vendor, patch=True)
    sc['TeamCreate'] = req_obj({'name': S, 'description': S}, required=('name',))
    sc['TeamUpdate'] = req_obj({'name': S, 'description': S}, patch=True)
    sc['TeamUpdate']['x-doc-note'] = ('The doc\'s table marks name and description required (true), but the text says '
                                      '"Provide any of the below fields" and its own example sends only name; both optional here.')
    sc['FileUpload'] = {'type': 'object', 'required': ['file', 'filename'], 'additionalProperties': False,
                        'properties': {'file': {'type': 'string', 'contentMediaType': 'application/octet-stream',
                                                'description': 'The file content.'},
                                       'filename': S}}
    sc['AssetCreate'] = req_obj(ASSET_INPUT_PROPS, required=('name',))
    sc['AssetUpdate'] = req_obj(ASSET_INPUT_PROPS, patch=True)
    sc['AssetUpdate']['x-doc-note'] = ('The update table copies the create table including "name ... true"; the text says '
                                       '"Provide any of the below fields", so nothing is required here.')
    sc['LegacyCustomFieldUpdate'] = req_obj({'name': {'type': 'string', 'description': 'The name of the custom field.'},
                                             'value': {'type': 'string', 'description': 'The value of the custom field.'},
                                             'unit': {'type': 'string', 'description': 'The unit of measurement.'}},
                                            patch=True)
    sc['AssetDowntimeStatusCreate'] = req_obj({'name': S}, required=('name',))
    sc['AssetDowntimeStatusUpdate'] = req_obj({'name': S}, patch=True)
    sc['DowntimeEvents'] = {'type': 'array', 'minItems': 1, 'items': R('DowntimeEvent')}
    sc['AssetCustomFieldCreate'] = {
        **req_obj({'name': S, 'type': {'type': 'string', 'enum': CUSTOM_FIELD_TYPES}, 'options': arr(S),
                   'decimalPrecision': {'type': 'integer', 'minimum': 0, 'maximum': 5,
                                        'description': 'Digits after the decimal point.'}},
                  required=('name', 'type')),
        'allOf': [
            {'if': {'properties': {'type': {'const': 'dropdown'}}}, 'then': {'required': ['options']}},
            {'if': {'properties': {'type': {'enum': ['number', 'currency']}}}, 'then': {'required': ['decimalPrecision']}}]}
    sc['AssetCustomFieldUpdate'] = req_obj({'name': S, 'options': arr(S)})
    sc['AssetCustomFieldUpdate']['x-doc-note'] = ('The table marks name "true" but the text says "Provide any of the below '
                                                  'optional properties"; name is optional here.')
    sc['LocationCreate'] = req_obj(LOCATION_INPUT_PROPS, required=('name',))
    sc['LocationUpdate'] = req_obj(LOCATION_INPUT_PROPS, patch=True)
    sc['LocationUpdate']['x-doc-note'] = 'The update table marks name "true" (copied from create); optional here.'
    sc['PartCreate'] = req_obj(PART_INPUT_PROPS, required=('name',))
    sc['PartUpdate'] = req_obj(PART_INPUT_PROPS, patch=True)
    sc['PartUpdate']['x-doc-note'] = 'The update table marks name "true" (copied from create); optional here.'
    sc['RequestCreate'] = req_obj({
        'title': S, 'description': S, 'priority': {'type': 'integer', 'enum': [0, 1, 2, 3], 'description': '0 being lowest.'},
        'location': S, 'asset': S, 'team': S, 'assignedToUser': S, 'dueDate': MS,
        'category': {'type': 'string', 'description': 'Must be one of the allowed request categories.'}},
        required=('title',))
    wo_create = {k: v for k, v in WO_INPUT_PROPS.items() if k not in ('status', 'archivedStatus', 'additionalCosts')}
    sc['WorkOrderCreate'] = req_obj(wo_create, required=('title',))
    sc['WorkOrderUpdate'] = req_obj(WO_INPUT_PROPS, patch=True)
    sc['UpdateMessage'] = req_obj({'text': {'type': 'string', 'description': 'A short update message.'}}, required=('text',))
    sc['PMTriggerCreate'] = req_obj({
        'trigger': req_obj(PM_TRIGGER_INPUT_PROPS, required=('name', 'scheduleType', 'rrfreq', 'rrdtstart', 'rrinterval', 'rrtzid')),
        'workOrder': req_obj(PM_WO_INPUT_PROPS, required=('title',))}, required=('trigger', 'workOrder'))
    sc['PMTriggerUpdate'] = req_obj({'trigger': req_obj(PM_TRIGGER_INPUT_PROPS), 'workOrder': req_obj(PM_WO_INPUT_PROPS)})
    sc['LegacyRecurringWorkOrderCreate'] = req_obj(LEGACY_RWO_INPUT_PROPS, required=('title', 'recurringSchedule'))
    sc['LegacyRecurringWorkOrderUpdate'] = req_obj(
        dict({k: LEGACY_RWO_INPUT_PROPS[k] for k in ('title', 'description', 'estimatedDurationInHours', 'asset',
                                                      'location', 'assignedToUser')}, priority=I, category=S),
        patch=True)
    sc['MeterCreate'] = req_obj({'name': S, 'units': S, 'frequency': N, 'asset': S, 'location': S},
                                required=('name', 'units', 'frequency'))
    sc['MeterUpdate'] = req_obj({'name': S, 'units': S, 'frequency': N, 'asset': S, 'location': S}, patch=True)
    sc['MeterUpdate']['x-doc-note'] = ('The update table marks name, units and frequency "true" (copied from create); the '
                                       'doc\'s own example sends only frequency, so all are optional here.')
    reading_date = {'type': ['string', 'integer'], 'description': 'ISO 8601 timestamp or Unix time in milliseconds.'}
    sc['MeterReadingCreate'] = req_obj({'value': N, 'date': reading_date}, required=('value',))
    sc['MeterReadingUpdate'] = req_obj({'value': N, 'date': reading_date})
    notif = {'title': {'type': 'string', 'description': 'Title of Work Order to create on trigger.'},
             'triggerValue': {'type': 'number', 'description': 'Value to be compared for trigger.'},
             'triggerFrequency': {'type': 'string', 'enum': TRIGGER_FREQ},
             'lastValueForWorkOrder': {'type': 'number', 'description': 'The baseline value for the meter trigger.'},
             'description': S, 'assignedToUser': S}
    sc['MeterNotificationCreate'] = req_obj(notif, required=('title', 'triggerValue', 'triggerFrequency'))
    sc['MeterNotificationUpdate'] = req_obj(notif, patch=True)
    sc['PurchaseOrderCreate'] = req_obj(PO_INPUT_PROPS, required=('title',))
    po_update = dict(PO_INPUT_PROPS)
    po_update['status'] = {'type': 'string', 'enum': PO_STATUS}
    del po_update['purchaseOrderNumber']
    sc['PurchaseOrderUpdate'] = req_obj(po_update, patch=True)
    sc['PurchaseOrderUpdate']['x-doc-note'] = ('The update table gives title the description "true" (the Required column '
                                               'shifted); title is optional in an update.')
    sc['PurchaseOrderPartialFulfill'] = req_obj({
        'statusAction': {'type': 'string', 'const': 'partially-fulfilled'},
        'partsReceived': {'type': 'object', 'minProperties': 1,
                          'additionalProperties': {'type': 'integer', 'minimum': 1},
                          'description': 'Part ID -> fulfilled quantity (positive integer).'}},
        required=('statusAction', 'partsReceived'))
    sc['PurchaseOrderCategoryCreate'] = req_obj({'name': S}, required=('name',))
    sc['PurchaseOrderCategoryUpdate'] = req_obj({'name': S}, patch=True)
    sc['WebhookCreate'] = req_obj({'title': S, 'endpoint': S, 'events': WEBHOOK_EVENTS_INPUT},
                                  required=('title', 'endpoint'))
    sc['WebhookUpdate'] = req_obj({'title': S, 'endpoint': S, 'events': WEBHOOK_EVENTS_INPUT, 'enabled': B}, patch=True)
    return sc
