#!/usr/bin/env python3
"""Generates specs/upkeep.yaml from the operation table below and the vendor doc.

Usage: python3 scripts/gen-upkeep-spec.py [DOC] [OUT]
  DOC defaults to ../shared/upstream-docs/upkeep.txt (relative to the repository root),
  OUT to specs/upkeep.yaml.

The operation table (OPS) is written by hand from the doc, one entry per documented
operation in doc order. Request/response examples are taken from the doc mechanically
(upkeep_doc.py), with the repairs its broken JSON needs recorded as x-doc-note on the
example. The generator checks that every table entry lines up with the doc block at the
same position (method and path), so a misaligned table fails loudly.
"""
import json
import os
import re
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import upkeep_doc  # noqa: E402
from upkeep_schemas import (R, S, MS, arr, schemas, ACCOUNT_TYPES, WO_STATUS)  # noqa: E402

ROOT = os.path.dirname(HERE)
DOC = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, '..', 'shared', 'upstream-docs', 'upkeep.txt')
OUT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, 'specs', 'upkeep.yaml')

API = '/api/v2'

# ---------------------------------------------------------------- parameters


def pp(name, desc):
    return {'name': name, 'in': 'path', 'required': True, 'description': desc, 'schema': {'type': 'string'}}


def qs(name, desc, schema=None):
    return {'name': name, 'in': 'query', 'required': False, 'description': desc, 'schema': schema or {'type': 'string'}}


def pref(name):
    return {'$ref': '#/components/parameters/' + name}


def order_by(fields, name='orderBy'):
    alt = '|'.join(fields)
    return {'name': name, 'in': 'query', 'required': False,
            'description': 'Sorting for pagination: "<field> <direction>". Fields: %s. Direction: ASC or DESC.'
                           % ', '.join(fields),
            'schema': {'type': 'string', 'default': 'createdAt DESC',
                       'pattern': '^(%s)( +(ASC|DESC))?$' % alt},
            'examples': {'default': {'value': 'createdAt DESC'}}}


DATE_OPS = ['GreaterThan', 'LessThan', 'GreaterThanOrEqualTo', 'LessThanOrEqualTo']


def date_filters(prefixes):
    out = []
    for p in prefixes:
        for op in DATE_OPS:
            out.append(pref(p + op))
    return out


def paging():
    return [pref('offset'), pref('limit')]


def includes(names, note=None):
    """The `includes` expansion in its three documented forms (see README)."""
    names = list(dict.fromkeys(names))
    alt = '|'.join(names)
    item = {'type': 'string', 'pattern': '^(%s)( *, *(%s))*$' % (alt, alt),
            'description': 'One expandable name, or several separated by commas.'}
    desc = ('Expand these fields into objects. Expandable: %s. Accepted as a repeated parameter '
            '(`includes=a&includes=b`), as a comma-separated list (`includes=a,b`), or as `includes[]` '
            '(see the next parameter).' % ', '.join(names))
    p1 = {'name': 'includes', 'in': 'query', 'required': False, 'description': desc, 'style': 'form', 'explode': True,
          'schema': {'type': 'array', 'items': item}, 'x-expandable': names,
          'x-doc-note': 'The doc types includes as "Array or String". Modelled as an exploded form array whose items '
                        'may themselves be comma-separated lists, so `includes=a&includes=b`, `includes=a,b` and '
                        'mixtures validate; `includes[]=a` is the separate `includes[]` parameter.'}
    two = names[:2]
    p1['examples'] = {
        'repeated': {'summary': 'includes=%s' % '&includes='.join(two), 'value': two},
        'commaSeparated': {'summary': 'includes=%s' % ','.join(two), 'value': [','.join(two)]}}
    p2 = {'name': 'includes[]', 'in': 'query', 'required': False, 'style': 'form', 'explode': True,
          'description': 'Bracket form of `includes` (`includes[]=a&includes[]=b`); same values.',
          'schema': {'type': 'array', 'items': item}, 'x-expandable': names, 'x-alias-of': 'includes',
          'examples': {'brackets': {'summary': 'includes[]=%s' % '&includes[]='.join(two), 'value': two}}}
    if note:
        p1['x-doc-note'] += ' ' + note
    return [p1, p2]


def custom_field_object_filter(name, desc, example, note=None):
    p = {'name': name, 'in': 'query', 'required': False, 'style': 'deepObject', 'explode': True,
         'description': desc + ' Example: `%s`.' % example,
         'schema': {'type': 'object', 'additionalProperties': False,
                    'properties': {'name': {'type': 'string'}, 'value': {'type': 'string'}, 'unit': {'type': 'string'}}}}
    if note:
        p['x-doc-note'] = note
    return p


ASSET_CUSTOM_FIELDS_FILTER = {
    'name': 'customFields', 'in': 'query', 'required': False, 'style': 'deepObject', 'explode': True,
    'description': 'Filter by custom asset fields: `customFields[<index>][type]=<type>&customFields[<index>][id]=<id>&'
                   'customFields[<index>][value|minValue|maxValue]=...`. type is text, number, currency, date or '
                   'dropdown; minValue/maxValue (numbers, or dates for type date) are required for number, currency '
                   'and date; value (a substring) for text and dropdown. Example: '
                   '`customFields[0][type]=currency&customFields[0][id]=xYzAbc&customFields[0][minValue]=12.23&'
                   'customFields[0][maxValue]=20.00`.',
    'schema': {'type': 'object', 'description': 'Index -> filter object.',
               'additionalProperties': {
                   'type': 'object', 'required': ['id', 'type'], 'additionalProperties': False,
                   'properties': {'id': {'type': 'string'},
                                  'type': {'type': 'string', 'enum': ['text', 'number', 'currency', 'date', 'dropdown']},
                                  'value': {'type': 'string'}, 'minValue': {'type': ['number', 'string']},
                                  'maxValue': {'type': ['number', 'string']}}}},
    'x-doc-note': 'The doc calls this an "Array" of objects but encodes it with explicit indices '
                  '(customFields[0][id]=...), i.e. a nested deepObject keyed by index. OpenAPI has no standard '
                  'serialization for nested deepObject; a gateway must parse the bracketed keys itself.'}


def f(name, desc, schema=None):
    return qs(name, 'If set, the result will only include ' + desc, schema)


USER_F = [f('email', 'users with that email.'),
          f('accountType', 'users with that account type.', {'type': 'string', 'enum': ACCOUNT_TYPES})]

# ---------------------------------------------------------------- operation table
# Each entry: (method, path, operationId, tag, options). Order = doc order.

T_AUTH, T_USERS, T_CUST, T_VEND, T_TEAMS = 'Authentication', 'Users', 'Customers', 'Vendors', 'Teams'
T_FORM, T_FILES, T_ASSETS, T_ADS, T_ACF = 'Form Template', 'Files', 'Assets', 'Asset Downtime Statuses', 'Asset Custom Fields'
T_LOC, T_PARTS, T_REQ, T_WO, T_WOCC = 'Locations', 'Parts', 'Requests', 'Work Orders', 'WorkOrder Cost Category'
T_PM = 'Preventive Maintenance Triggers (PM Triggers)'
T_LEG = 'Legacy Recurring Work Orders (SUNSET AS OF VERSION 2022-09-14)'
T_SCHED = 'Work Order Schedule (SUNSET AS OF VERSION 2022-09-14)'
T_METERS, T_PO, T_POC, T_HOOKS = 'Meters', 'Purchase Orders', 'Purchase Order Category', 'Webhooks'

CU = ['createdAt', 'updatedAt']


def crud_list(filters, includes_names=None, order=('createdAt', 'updatedAt'), dates=CU, extra=None, inc_note=None):
    params = list(filters) + paging() + [order_by(order)]
    if includes_names:
        params += includes(includes_names, inc_note)
    params += date_filters(dates)
    if extra:
        params += extra
    return params


OPS = []


def op(method, path, opid, tag, **kw):
    OPS.append(dict(method=method, path=API + path, opid=opid, tag=tag, **kw))


def assign_ops(parent, parent_param, parent_label, tag, children):
    for child, label in children:
        cp = child + 'ID'
        op('POST', '/%s/{%s}/%ss/{%s}' % (parent, parent_param, child, cp), 'assign%sTo%s' % (label, parent_label), tag,
           params=[pp(parent_param, 'The ID of the %s.' % parent_label.lower()),
                   pp(cp, 'The ID of the %s to assign.' % child)], resp='message')
        op('DELETE', '/%s/{%s}/%ss/{%s}' % (parent, parent_param, child, cp), 'remove%sFrom%s' % (label, parent_label), tag,
           params=[pp(parent_param, 'The ID of the %s.' % parent_label.lower()),
                   pp(cp, 'The ID of the %s to remove.' % child)], resp='message')


# Authentication
op('POST', '/auth', 'createSession', T_AUTH, body='LoginRequest', form=True, resp=('result', 'Session'), security=[],
   description='Returns a session token for a valid email and password. Send the token as the `Session-Token` '
               'header on every other call.')
op('DELETE', '/auth', 'deleteSession', T_AUTH, resp='message', security=[{'sessionToken': []}],
   description='Invalidates the session given in the `Session-Token` header.')
# Users
op('POST', '/users', 'createUser', T_USERS, body='UserCreate', form=True, resp=('result', 'User'))
op('GET', '/users', 'listUsers', T_USERS, params=crud_list(USER_F), resp=('results', 'User'))
ID_USER = pp('ID', 'The ID of the user.')
op('GET', '/users/{ID}', 'getUser', T_USERS, params=[ID_USER], resp=('result', 'User'))
op('PATCH', '/users/{ID}', 'updateUser', T_USERS, params=[ID_USER], body='UserUpdate', form=True, resp=('result', 'User'))
op('PUT', '/users/{ID}/locations', 'addUserLocationAccess', T_USERS, params=[ID_USER], body='UserLocations', form=True,
   resp=('results', 'UserLocationAccess'),
   form_example_override={'locationIds': ['xyzabc123']},
   notes=['The doc\'s curl sends `-d locationIds=["xyzabc123"]` (a JSON array inside a form field); its text gives the '
          'JSON body {"locationIds": [...]}. Both media types are declared.'])
# Customers
op('POST', '/customers', 'createCustomer', T_CUST, body='CustomerCreate', form=True, resp=('result', 'Customer'))
op('GET', '/customers', 'listCustomers', T_CUST, params=crud_list([f('name', 'customers with that name.')]),
   resp=('results', 'Customer'))
ID_CUST = pp('ID', 'The ID of the customer.')
op('GET', '/customers/{ID}', 'getCustomer', T_CUST, params=[ID_CUST], resp=('result', 'Customer'))
op('PATCH', '/customers/{ID}', 'updateCustomer', T_CUST, params=[ID_CUST], body='CustomerUpdate', form=True,
   resp=('result', 'Customer'),
   notes=['The curl example uses /api/v2/customer/<ID> (singular); the HTTP Request line and all other customer '
          'endpoints use /customers/. The plural path is used.'])
# Vendors
op('POST', '/vendors', 'createVendor', T_VEND, body='VendorCreate', form=True, resp=('result', 'Vendor'))
op('GET', '/vendors', 'listVendors', T_VEND, params=crud_list([f('businessName', 'vendors with that business name.')]),
   resp=('results', 'Vendor'))
ID_VEND = pp('ID', 'The ID of the vendor.')
op('GET', '/vendors/{ID}', 'getVendor', T_VEND, params=[ID_VEND], resp=('result', 'Vendor'))
op('PATCH', '/vendors/{ID}', 'updateVendor', T_VEND, params=[ID_VEND], body='VendorUpdate', form=True,
   resp=('result', 'Vendor'))
# Teams
op('POST', '/teams', 'createTeam', T_TEAMS, body='TeamCreate', form=True, resp=('result', 'Team'))
op('GET', '/teams', 'listTeams', T_TEAMS, params=crud_list([f('name', 'teams with that name.')]), resp=('results', 'Team'))
ID_TEAM = pp('ID', 'The ID of the team.')
op('GET', '/teams/{ID}', 'getTeam', T_TEAMS, params=[ID_TEAM], resp=('result', 'Team'))
op('PATCH', '/teams/{ID}', 'updateTeam', T_TEAMS, params=[ID_TEAM], body='TeamUpdate', form=True, resp=('result', 'Team'))
op('DELETE', '/teams/{ID}', 'deleteTeam', T_TEAMS, params=[ID_TEAM], resp='message')
op('GET', '/teams/{teamID}/users', 'listTeamUsers', T_TEAMS, params=[pp('teamID', 'The ID of the team.')],
   resp=('results', 'User'))
TU = [pp('teamID', 'The ID of the team.'), pp('userID', 'The ID of the user.')]
op('POST', '/teams/{teamID}/users/{userID}', 'addUserToTeam', T_TEAMS, params=TU, resp='message')
op('DELETE', '/teams/{teamID}/users/{userID}', 'removeUserFromTeam', T_TEAMS, params=TU, resp='message',
   doc_method='POST',
   notes=['The HTTP Request line says POST (a copy of "Add User"); the curl example uses -X DELETE. DELETE is used: '
          'POST on the same path is already the add operation.'])
# Form templates
SORT_CU = order_by(['createdAt', 'updatedAt'], name='sort')
SORT_CU['x-doc-note'] = 'This endpoint documents `sort` where the others use `orderBy`.'
op('GET', '/form-templates', 'listFormTemplates', T_FORM, params=[SORT_CU] + paging(), resp=('results', 'FormTemplate'))
op('GET', '/form-templates/{templateId}', 'getFormTemplate', T_FORM,
   params=[pp('templateId', 'ID of the form template.')], resp=('result', 'FormTemplate'))
# Files
op('POST', '/files', 'uploadFile', T_FILES, body='FileUpload', multipart=True, resp=('data', 'File'),
   description='Uploads the file and creates a file record (multipart/form-data with `file` and `filename`).',
   notes=['This endpoint answers with `data` instead of the usual `result`.'])
op('GET', '/files', 'listFiles', T_FILES, params=[SORT_CU] + paging(), resp=('results', 'File'))
op('GET', '/files/{fileId}', 'getFile', T_FILES, params=[pp('fileId', 'ID of the file.')], resp=('result', 'File'))
# Assets
ASSET_F = [f('name', 'assets with that name.'), f('serial', 'assets with given barcode number.'),
           f('serialNumber', 'assets with given serial number.'),
           f('location', 'assets assigned to this location (location ID).'), f('status', 'assets with this status.'),
           f('category', 'assets with this category.'), f('assignedToUser', 'assets assigned to this user (user ID).'),
           f('createdByUser', 'assets created by this user (user ID).'),
           f('downtimeStatus', 'assets with this asset downtime status (status ID).'), ASSET_CUSTOM_FIELDS_FILTER]
op('POST', '/assets', 'createAsset', T_ASSETS, body='AssetCreate', resp=('result', 'Asset'))
op('GET', '/assets', 'listAssets', T_ASSETS,
   params=crud_list(ASSET_F, ['location', 'parentAsset', 'createdByUser', 'assignedToUser']), resp=('results', 'Asset'))
ID_ASSET = pp('ID', 'The ID of the asset.')
op('GET', '/assets/{ID}', 'getAsset', T_ASSETS,
   params=[ID_ASSET] + includes(['assignedUsers', 'assignedTeams', 'assignedCustomers', 'assignedVendors', 'formItems',
                                 'files', 'parts', 'subAssets', 'location', 'parentAsset', 'createdByUser',
                                 'assignedToUser']), resp=('result', 'Asset'))
op('PATCH', '/assets/{ID}', 'updateAsset', T_ASSETS, params=[ID_ASSET], body='AssetUpdate', resp=('result', 'Asset'))
op('DELETE', '/assets/{ID}', 'deleteAsset', T_ASSETS, params=[ID_ASSET], resp='message')
op('POST', '/assets/downtime', 'recordAssetDowntimeEvents', T_ASSETS, body='DowntimeEvents',
   resp=('results', 'DowntimeEventResult'),
   description='Bulk-records downtime status changes. `success` is true only when every event was recorded; '
               'otherwise it is false and the failed rows carry `errors` (still HTTP 200 in the doc).')
ACF = [pp('assetID', 'The ID of the asset.'), pp('fieldID', 'The ID of the custom field.')]
op('GET', '/assets/{assetID}/custom-fields/{fieldID}', 'getAssetLegacyCustomField', T_ASSETS, params=ACF,
   resp=('result', 'AssetLegacyCustomField'), deprecated='DEPRECATED')
op('PATCH', '/assets/{assetID}/custom-fields/{fieldID}', 'updateAssetLegacyCustomField', T_ASSETS, params=ACF,
   body='LegacyCustomFieldUpdate', resp=('result', 'AssetLegacyCustomField'), deprecated='SUNSET')
op('DELETE', '/assets/{assetID}/custom-fields/{fieldID}', 'deleteAssetLegacyCustomField', T_ASSETS, params=ACF,
   resp='message', deprecated='DEPRECATED')
assign_ops('assets', 'assetID', 'Asset', T_ASSETS,
           [('user', 'User'), ('team', 'Team'), ('customer', 'Customer'), ('vendor', 'Vendor'), ('part', 'Part')])
# Asset downtime statuses
op('POST', '/asset-downtime-statuses', 'createAssetDowntimeStatus', T_ADS, body='AssetDowntimeStatusCreate',
   resp=('result', 'AssetDowntimeStatus'))
op('GET', '/asset-downtime-statuses', 'listAssetDowntimeStatuses', T_ADS,
   params=crud_list([f('name', 'asset downtime statuses with that name.')]), resp=('results', 'AssetDowntimeStatus'))
ID_ADS = pp('ID', 'The ID of the asset downtime status.')
op('GET', '/asset-downtime-statuses/{ID}', 'getAssetDowntimeStatus', T_ADS, params=[ID_ADS],
   resp=('result', 'AssetDowntimeStatus'))
op('PATCH', '/asset-downtime-statuses/{ID}', 'updateAssetDowntimeStatus', T_ADS, params=[ID_ADS],
   body='AssetDowntimeStatusUpdate', resp=('result', 'AssetDowntimeStatus'))
op('DELETE', '/asset-downtime-statuses/{ID}', 'deleteAssetDowntimeStatus', T_ADS, params=[ID_ADS], resp='message')
# Asset custom fields
op('POST', '/custom-fields/assets', 'createAssetCustomField', T_ACF, body='AssetCustomFieldCreate',
   resp=('result', 'AssetCustomFieldDefinition'))
op('GET', '/custom-fields/assets', 'listAssetCustomFields', T_ACF, resp=('results', 'AssetCustomFieldDefinition'),
   notes=['The doc lists no query parameters (no paging) for this endpoint.'])
ID_ACF = pp('ID', 'The ID of the custom field.')
op('GET', '/custom-fields/assets/{ID}', 'getAssetCustomField', T_ACF, params=[ID_ACF],
   resp=('result', 'AssetCustomFieldDefinition'))
op('PATCH', '/custom-fields/assets/{ID}', 'updateAssetCustomField', T_ACF, params=[ID_ACF],
   body='AssetCustomFieldUpdate', resp=('result', 'AssetCustomFieldDefinition'), curl_method='POST',
   notes=['The curl example uses -X POST; the HTTP Request line says PATCH. PATCH is used.'])
op('DELETE', '/custom-fields/assets/{ID}', 'deleteAssetCustomField', T_ACF, params=[ID_ACF],
   resp=('result', 'AssetCustomFieldDefinition'),
   notes=['Unlike other deletes, the doc shows the deleted field as `result` rather than a message.'])
# Locations
LOC_F = [f('name', 'locations with that name.'), f('createdByUser', 'locations created by this user.'),
         f('parentLocation', 'sub locations of this parent location.'),
         custom_field_object_filter('customFieldsLocation',
                                    'If set, the result will only include locations with matching custom field name, '
                                    'value, and unit.', 'customFieldsLocation[name]=Country&customFieldsLocation[value]=UK'),
         custom_field_object_filter('customFieldsLocations', 'Spelling used by the doc\'s example for '
                                    '`customFieldsLocation`.', 'customFieldsLocations[name]=Country&customFieldsLocations[value]=UK',
                                    note='The parameter table names it customFieldsLocation; the doc\'s example URL uses '
                                         'customFieldsLocations[name]=...; both spellings are declared.')]
op('POST', '/locations', 'createLocation', T_LOC, body='LocationCreate', resp=('result', 'Location'))
op('GET', '/locations', 'listLocations', T_LOC, params=crud_list(LOC_F, ['createdByUser', 'parentLocation']),
   resp=('results', 'Location'))
ID_LOC = pp('ID', 'The ID of the location.')
op('GET', '/locations/{ID}', 'getLocation', T_LOC,
   params=[ID_LOC] + includes(['createdByUser', 'assignedUsers', 'assignedTeams', 'assignedCustomers', 'assignedVendors',
                               'files', 'parentLocation', 'subLocations']), resp=('result', 'Location'))
op('PATCH', '/locations/{ID}', 'updateLocation', T_LOC, params=[ID_LOC], body='LocationUpdate',
   resp=('result_or_array', 'Location'),
   notes=['The doc\'s example returns `result` as a one-element array, unlike every other update; both an object and '
          'an array of locations are accepted.'])
op('DELETE', '/locations/{ID}', 'deleteLocation', T_LOC, params=[ID_LOC], resp='message')
LCF = [pp('locationID', 'The ID of the location.'), pp('fieldID', 'The ID of the custom field.')]
op('GET', '/locations/{locationID}/custom-fields/{fieldID}', 'getLocationCustomField', T_LOC, params=LCF,
   resp=('result', 'LocationCustomField'))
op('PATCH', '/locations/{locationID}/custom-fields/{fieldID}', 'updateLocationCustomField', T_LOC, params=LCF,
   body='LegacyCustomFieldUpdate', resp=('result', 'LocationCustomField'))
op('DELETE', '/locations/{locationID}/custom-fields/{fieldID}', 'deleteLocationCustomField', T_LOC, params=LCF,
   resp='message')
assign_ops('locations', 'locationID', 'Location', T_LOC,
           [('user', 'User'), ('team', 'Team'), ('customer', 'Customer'), ('vendor', 'Vendor')])
# Parts
PART_F = [f('name', 'parts with that name.'), f('category', 'parts with that category.'),
          f('location', 'parts assigned to this location (location ID).'), qs('partId', 'ID of the parent part.'),
          qs('partNumber', 'Number of the parent part.'), f('createdByUser', 'parts created by this user (user ID).'),
          custom_field_object_filter('customFieldsPart', 'If set, the result will only include parts with matching '
                                     'custom field name, value, and unit.',
                                     'customFieldsPart[name]=inventor&customFieldsPart[value]=Dr. Emmett Brown')]
op('POST', '/parts', 'createPart', T_PARTS, body='PartCreate', resp=('result', 'Part'))
op('GET', '/parts', 'listParts', T_PARTS,
   params=crud_list(PART_F, ['location', 'createdByUser', 'files'],
                    inc_note='The table lists location and createdByUser for this list; files is added because the '
                             'doc\'s own "Expanding Responses" examples call GET /parts?includes=...files.'),
   resp=('results', 'Part'))
ID_PART = pp('ID', 'The ID of the part.')
op('GET', '/parts/{ID}', 'getPart', T_PARTS, params=[ID_PART] + includes(['location', 'createdByUser', 'files']),
   resp=('result', 'Part'))
op('PATCH', '/parts/{ID}', 'updatePart', T_PARTS, params=[ID_PART], body='PartUpdate', resp=('result', 'Part'))
op('DELETE', '/parts/{ID}', 'deletePart', T_PARTS, params=[ID_PART], resp='message')
PCF = [pp('ID', 'The ID of the part.'), pp('fieldID', 'The ID of the custom field.')]
PCF_NOTE = ('The curl example and the URL parameter table call the part parameter partID; the HTTP Request line '
            'uses <ID>. The HTTP Request line\'s name is used (names do not affect matching).')
op('GET', '/parts/{ID}/custom-fields/{fieldID}', 'getPartCustomField', T_PARTS, params=PCF,
   resp=('result', 'PartCustomField'), notes=[PCF_NOTE])
op('PATCH', '/parts/{ID}/custom-fields/{fieldID}', 'updatePartCustomField', T_PARTS, params=PCF,
   body='LegacyCustomFieldUpdate', resp=('result', 'PartCustomField'), notes=[PCF_NOTE])
op('DELETE', '/parts/{ID}/custom-fields/{fieldID}', 'deletePartCustomField', T_PARTS, params=PCF, resp='message',
   notes=[PCF_NOTE])
PT = [pp('partID', 'The ID of the part.'), pp('teamID', 'The ID of the team.')]
op('POST', '/parts/{partID}/teams/{teamID}', 'assignTeamToPart', T_PARTS, params=PT, resp='message')
op('DELETE', '/parts/{partID}/teams/{teamID}', 'removeTeamFromPart', T_PARTS, params=PT, resp='message')
# Requests
REQ_F = [f('title', 'requests with this title.'), f('location', 'requests assigned to this location (location ID).'),
         f('asset', 'requests assigned to this asset (asset ID).'), f('team', 'requests assigned to this team (team ID).'),
         f('assignedToUser', 'requests assigned to this user (user ID).'), f('category', 'requests with this category.'),
         qs('requestedByUser', 'The ID of the user who created the request.'),
         qs('publicRequesterEmail', 'The email of the requester (request portal / email). A request has either '
                                    'requestedByUser or publicRequesterEmail.')]
op('POST', '/requests', 'createRequest', T_REQ, body='RequestCreate', form=True, resp=('result', 'Request'),
   description='Creates a request. On 200: Zapier "new request" trigger (if enabled) and "New Request" emails to admins.')
op('GET', '/requests', 'listRequests', T_REQ,
   params=crud_list(REQ_F, ['asset', 'location', 'team', 'assignedToUser', 'assignedByUser', 'cancelledByUser'],
                    order=('createdAt', 'updatedAt', 'dueDate', 'endDueDate'),
                    dates=['dueDate', 'endDueDate', 'createdAt', 'updatedAt']), resp=('results', 'Request'))
ID_REQ = pp('ID', 'The ID of the request.')
op('GET', '/requests/{ID}', 'getRequest', T_REQ,
   params=[ID_REQ] + includes(['asset', 'location', 'team', 'assignedToUser', 'assignedByUser', 'cancelledByUser',
                               'files', 'formItems', 'parts', 'arrayOfUpdateItems']), resp=('result', 'Request'))
op('DELETE', '/requests/{ID}/cancel', 'cancelRequest', T_REQ, params=[ID_REQ], resp='message',
   description='Cancels a request; the requester is emailed about the cancellation.')
op('DELETE', '/requests/{ID}', 'deleteRequest', T_REQ, params=[ID_REQ], resp='message')
# Work orders
WO_F = [f('title', 'work orders with this title.'),
        qs('isComplete', '"0": only work orders not completed; "1": only completed ones.',
           {'type': 'string', 'enum': ['0', '1']}),
        f('status', 'this status.', {'type': 'string', 'enum': WO_STATUS}),
        qs('archivedStatus', 'If set to "1", only archived work orders.'),
        f('priority', 'work orders with this priority.'),
        f('location', 'work orders assigned to this location (location ID).'),
        f('asset', 'work orders for this asset (asset ID).'),
        f('assignedToUser', 'work orders assigned to this user (user ID).'),
        f('assignedByUser', 'work orders assigned by this user (user ID).'),
        f('category', 'work orders with this category.'),
        f('publicRequesterEmail', 'work orders created by this email on the public request portal.'),
        f('customWOStatusId', 'work orders linked with this custom work order status.')]
WO_ORDER = ('createdAt', 'updatedAt', 'dueDate', 'endDueDate', 'dateCompleted')
WO_DATES = ['dueDate', 'endDueDate', 'dateCompleted', 'createdAt', 'updatedAt']
WO_LIST_INC = ['asset', 'location', 'assignedToUser', 'assignedByUser', 'requestedByUser', 'completedByUser', 'team']
WO_GET_INC = ['asset', 'location', 'assignedToUser', 'assignedByUser', 'completedByUser', 'team', 'formItems', 'parts',
              'arrayOfUpdateItems', 'additionalUsers', 'files']
op('POST', '/work-orders', 'createWorkOrder', T_WO, body='WorkOrderCreate', resp=('result', 'WorkOrder'),
   description='Creates a work order. On 200: Zapier "new work order" trigger (if enabled); the assignee (or, if '
               'unassigned, the admins) is emailed.')
op('GET', '/work-orders', 'listWorkOrders', T_WO,
   params=crud_list(WO_F, WO_LIST_INC, order=WO_ORDER, dates=WO_DATES), resp=('results', 'WorkOrder'))
ID_WO = pp('ID', 'The ID of the work order.')
op('GET', '/work-orders/{ID}', 'getWorkOrder', T_WO, params=[ID_WO] + includes(WO_GET_INC), resp=('result', 'WorkOrder'),
   description='`responseTime` is the time in hours between creation and the first status update.')
op('PATCH', '/work-orders/{ID}', 'updateWorkOrder', T_WO, params=[ID_WO], body='WorkOrderUpdate',
   resp=('result', 'WorkOrder'))
op('POST', '/work-orders/{ID}/update-messages', 'createWorkOrderUpdateMessage', T_WO, params=[ID_WO],
   body='UpdateMessage', form=True, resp='message', summary='Update Work Order messages')
op('DELETE', '/work-orders/{ID}', 'deleteWorkOrder', T_WO, params=[ID_WO], resp='message')
WU = [pp('ID', 'The ID of the work order.'), pp('userID', 'The ID of the user.')]
WT = [pp('ID', 'The ID of the work order.'), pp('teamID', 'The ID of the team.')]
op('POST', '/work-orders/{ID}/users/{userID}', 'assignUserToWorkOrder', T_WO, params=WU, resp='message')
op('DELETE', '/work-orders/{ID}/users/{userID}', 'removeUserFromWorkOrder', T_WO, params=WU, resp='message')
op('POST', '/work-orders/{ID}/teams/{teamID}', 'assignTeamToWorkOrder', T_WO, params=WT, resp='message')
op('DELETE', '/work-orders/{ID}/teams/{teamID}', 'removeTeamFromWorkOrder', T_WO, params=WT, resp='message')
op('GET', '/work-order-cost-categories', 'listWorkOrderCostCategories', T_WOCC,
   resp=('results', 'WorkOrderCostCategory'), no_http_line=True,
   notes=['This section has a curl example and a response but no "HTTP Request" line and no parameter table; the '
          'path is taken from the curl example. Entries use `objectId` instead of `id`.'])
# PM triggers
ID_PM = pp('ID', 'The ID of the PM trigger.')
op('POST', '/preventive-maintenance', 'createPreventiveMaintenanceTrigger', T_PM, body='PMTriggerCreate',
   resp=('result', 'PMTriggerWithWorkOrder'))
op('GET', '/preventive-maintenance', 'listPreventiveMaintenanceTriggers', T_PM,
   params=paging() + [order_by(['createdAt', 'updatedAt'])], resp=('results', 'PMTriggerWithWorkOrder'),
   description='Lists PM triggers (not the work orders they create).')
op('GET', '/preventive-maintenance/{ID}', 'getPreventiveMaintenanceTrigger', T_PM, params=[ID_PM],
   resp=('result', 'PMTriggerWithWorkOrder'))
op('PATCH', '/preventive-maintenance/{ID}', 'updatePreventiveMaintenanceTrigger', T_PM, params=[ID_PM],
   body='PMTriggerUpdate', resp=('result', 'PMTriggerWithWorkOrder'),
   notes=['The doc gives no URL parameter table here; ID is the path segment as in the HTTP Request line.'])
op('DELETE', '/preventive-maintenance/{ID}', 'deletePreventiveMaintenanceTrigger', T_PM, params=[ID_PM],
   resp=('data_message', 'PMTriggerDeleted'))
# Legacy recurring work orders (sunset)
LEG_F = [qs('title', 'If set, only work orders with this title will be included.'),
         qs('status', 'If set, only work orders with this status will be included.', {'type': 'string', 'enum': WO_STATUS}),
         qs('archivedStatus', 'If set to "1", only archived work orders will be included.'),
         qs('priority', 'If set, only work orders with this priority will be included.'),
         qs('category', 'If set, only work orders with this category will be included.'),
         qs('asset', 'The ID of the asset.'), qs('location', 'The ID of the location.'),
         qs('recurringSchedule', 'If set, only work orders with this repeating schedule will be included.'),
         qs('rescheduledBasedOnCompletion', "Send 'true' or 'false'.", {'type': 'string', 'enum': ['true', 'false']}),
         qs('assignedToUser', 'The ID of the user the work orders are assigned to.'),
         qs('assignedByUser', 'The ID of the user who assigned the work orders.')]
ID_LEG = pp('ID', 'The ID of the preventative maintenance work order.')
op('POST', '/preventative-maintenance', 'createLegacyRecurringWorkOrder', T_LEG, body='LegacyRecurringWorkOrderCreate',
   form=True, resp=('result', 'LegacyRecurringWorkOrder'), deprecated='SUNSET')
op('GET', '/preventative-maintenance', 'listLegacyRecurringWorkOrders', T_LEG,
   params=crud_list(LEG_F, WO_LIST_INC, order=WO_ORDER, dates=WO_DATES), resp=('results', 'LegacyRecurringWorkOrder'),
   deprecated='SUNSET', description='Lists the root recurring work orders (templates), not their generated children.')
op('GET', '/preventative-maintenance/{ID}', 'getLegacyRecurringWorkOrder', T_LEG,
   params=[ID_LEG] + includes(WO_GET_INC), resp=('result', 'LegacyRecurringWorkOrder'), deprecated='SUNSET')
op('PATCH', '/preventative-maintenance/{ID}', 'updateLegacyRecurringWorkOrder', T_LEG, params=[ID_LEG],
   body='LegacyRecurringWorkOrderUpdate', form=True, resp=('result', 'LegacyRecurringWorkOrder'), deprecated='SUNSET',
   curl_method='POST',
   notes=['The curl example posts to /preventative-maintenance/ (the create call); the HTTP Request line says '
          'PATCH /preventative-maintenance/<ID>. The HTTP Request line is used.'])
op('DELETE', '/preventative-maintenance/{ID}', 'deleteLegacyRecurringWorkOrder', T_LEG, params=[ID_LEG],
   resp='message', deprecated='SUNSET')
SCHED_P = [qs('utcOffset', 'Difference between UTC and your time-zone in minutes.', {'type': 'integer', 'default': 0})]
SCHED_P += [p for p in LEG_F if p['name'] not in ('status', 'archivedStatus', 'priority')]
op('GET', '/work-order-schedule', 'listWorkOrderSchedule', T_SCHED,
   params=crud_list(SCHED_P, WO_LIST_INC, order=WO_ORDER, dates=WO_DATES), resp=('results', 'WorkOrderScheduleItem'),
   deprecated='SUNSET',
   description='The schedule (generated children) of the legacy recurring work orders. Paging counts root work orders: '
               'with limit=n the response may hold more than n items.')
# Meters
ID_METER = pp('ID', 'The ID of the meter.')
MID = pp('meterID', 'The ID of the meter.')
op('POST', '/meters', 'createMeter', T_METERS, body='MeterCreate', form=True, resp=('result', 'Meter'))
op('GET', '/meters', 'listMeters', T_METERS,
   params=crud_list([f('name', 'meters with that name.'), f('asset', 'meters assigned to this asset (asset ID).'),
                     f('location', 'meters assigned to this location (location ID).')],
                    ['asset', 'location', 'createdByUser']), resp=('results', 'Meter'))
op('GET', '/meters/{ID}', 'getMeter', T_METERS,
   params=[ID_METER] + includes(['asset', 'location', 'createdByUser', 'lastReading']), resp=('result', 'Meter'))
op('PATCH', '/meters/{ID}', 'updateMeter', T_METERS, params=[ID_METER], body='MeterUpdate', form=True,
   resp=('result', 'Meter'), description='Updating a meter does not update past readings.')
op('DELETE', '/meters/{ID}', 'deleteMeter', T_METERS, params=[ID_METER], resp='message')
op('POST', '/meters/{meterID}/readings', 'createMeterReading', T_METERS, params=[MID], body='MeterReadingCreate',
   form=True, resp=('result', 'MeterReading'),
   description='Adds a reading. On 200, a work order trigger set via a meter notification creates its work order if '
               'the conditions are met.')
RD = [MID, pp('readingId', 'The ID of the meter reading.')]
RD_NOTE = 'The URL parameter table calls it readingID; the path uses <readingId>. The path\'s spelling is used.'
op('PATCH', '/meters/{meterID}/readings/{readingId}', 'updateMeterReading', T_METERS, params=RD,
   body='MeterReadingUpdate', form=True, resp=('result', 'MeterReading'), notes=[RD_NOTE])
op('DELETE', '/meters/{meterID}/readings/{readingId}', 'deleteMeterReading', T_METERS, params=RD, resp='message',
   notes=[RD_NOTE])
op('GET', '/meters/{meterID}/readings', 'listMeterReadings', T_METERS,
   params=[MID] + crud_list([], ['createdByUser', 'meter'], dates=['date', 'createdAt', 'updatedAt']),
   resp=('results', 'MeterReading'))
op('POST', '/meters/{meterID}/notifications', 'createMeterNotification', T_METERS, params=[MID],
   body='MeterNotificationCreate', form=True, resp=('result', 'MeterNotification'))
op('GET', '/meters/{meterID}/notifications', 'listMeterNotifications', T_METERS,
   params=[MID] + crud_list([], ['assignedToUser', 'createdByUser']), resp=('results', 'MeterNotification'))
MN = [MID, pp('ID', 'The ID of the meter notification.')]
op('GET', '/meters/{meterID}/notifications/{ID}', 'getMeterNotification', T_METERS,
   params=MN + includes(['assignedToUser', 'createdByUser']), resp=('result', 'MeterNotification'))
op('PATCH', '/meters/{meterID}/notifications/{ID}', 'updateMeterNotification', T_METERS, params=MN,
   body='MeterNotificationUpdate', form=True, resp=('result', 'MeterNotification'))
op('DELETE', '/meters/{meterID}/notifications/{ID}', 'deleteMeterNotification', T_METERS, params=MN, resp='message')
# Purchase orders
PO_F = [f('title', 'purchase orders with that title.'), f('status', 'purchase orders with that status.'),
        f('vendor', 'purchase orders with that vendor.'), f('category', 'purchase orders with that category.'),
        qs('createdByUser', 'The ID of the user. If set, the result will only include purchase orders created by '
                            'this user.'),
        custom_field_object_filter('customFieldsPO', 'If set, the result will only include purchase orders with '
                                   'matching custom field name, value, and unit.',
                                   'customFieldsPO[name]=SAPPONumber&customFieldsPO[value]=110-235')]
ID_PO = pp('ID', 'The ID of the purchase order.')
op('POST', '/purchase-orders', 'createPurchaseOrder', T_PO, body='PurchaseOrderCreate', resp=('result', 'PurchaseOrder'))
op('GET', '/purchase-orders', 'listPurchaseOrders', T_PO,
   params=crud_list(PO_F, ['vendor', 'createdByUser', 'approvedByUser', 'fulfilledByUser', 'declinedByUser'],
                    order=('createdAt', 'updatedAt', 'dueDate', 'poDate', 'fulfilledAt', 'approvedAt', 'declinedAt'),
                    dates=['dueDate', 'poDate', 'fulfilledAt', 'approvedAt', 'declinedAt', 'createdAt', 'updatedAt']),
   resp=('results', 'PurchaseOrder'))
op('GET', '/purchase-orders/{ID}', 'getPurchaseOrder', T_PO,
   params=[ID_PO] + includes(['vendor', 'parts', 'createdByUser', 'approvedByUser', 'fulfilledByUser', 'declinedByUser',
                              'arrayOfUpdateItems']), resp=('result', 'PurchaseOrder'))
op('PATCH', '/purchase-orders/{ID}', 'updatePurchaseOrder', T_PO, params=[ID_PO],
   body=['PurchaseOrderUpdate', 'PurchaseOrderPartialFulfill'], resp=('result', 'PurchaseOrder'),
   description='Updates a purchase order, or partially fulfills it when the body is {"statusAction": '
               '"partially-fulfilled", "partsReceived": {partId: quantity}} (only when the order is approved or '
               'partially-fulfilled; this changes partsPendingQuantities and partialFulfillHistory). To update parts, '
               'send all part objects with quantities, as in create.',
   notes=['The doc documents "Update a Specific Purchase Order" and "Partially Fulfill a Purchase Order" as two '
          'entries on the same method and path (PATCH /purchase-orders/<ID>); OpenAPI allows one operation per '
          'method and path, so they are one operation whose body is oneOf the two shapes.'])
OPS.append({'merge': True, 'title': 'Partially Fulfill a Purchase Order'})
op('DELETE', '/purchase-orders/{ID}', 'deletePurchaseOrder', T_PO, params=[ID_PO], resp='message')
op('POST', '/purchase-orders/{ID}/update-messages', 'createPurchaseOrderUpdateMessage', T_PO, params=[ID_PO],
   body='UpdateMessage', resp='message')
POCF = [pp('purchaseOrderID', 'The ID of the purchase order.'), pp('fieldID', 'The ID of the custom field.')]
op('GET', '/purchase-orders/{purchaseOrderID}/custom-fields/{fieldID}', 'getPurchaseOrderCustomField', T_PO,
   params=POCF, resp=('result', 'PurchaseOrderCustomField'),
   notes=['The doc\'s response examples for purchase order custom fields are copies of the location ones (they '
          'carry `location`); the schema allows either owner key.'])
op('PATCH', '/purchase-orders/{purchaseOrderID}/custom-fields/{fieldID}', 'updatePurchaseOrderCustomField', T_PO,
   params=POCF, body='LegacyCustomFieldUpdate', resp=('result', 'PurchaseOrderCustomField'))
op('DELETE', '/purchase-orders/{purchaseOrderID}/custom-fields/{fieldID}', 'deletePurchaseOrderCustomField', T_PO,
   params=POCF, resp='message')
# Purchase order categories
ID_POC = pp('ID', 'The ID of the purchase order category.')
op('POST', '/purchase-order-categories', 'createPurchaseOrderCategory', T_POC, body='PurchaseOrderCategoryCreate',
   form=True, resp=('result', 'PurchaseOrderCategory'))
op('GET', '/purchase-order-categories', 'listPurchaseOrderCategories', T_POC,
   params=crud_list([f('name', 'purchase order categories with that name.')]), resp=('results', 'PurchaseOrderCategory'))
op('GET', '/purchase-order-categories/{ID}', 'getPurchaseOrderCategory', T_POC, params=[ID_POC],
   resp=('result', 'PurchaseOrderCategory'))
op('PATCH', '/purchase-order-categories/{ID}', 'updatePurchaseOrderCategory', T_POC, params=[ID_POC],
   body='PurchaseOrderCategoryUpdate', form=True, resp=('result', 'PurchaseOrderCategory'),
   notes=['The HTTP Request line reads /purchase-order-categoriess/<ID> (double s); the curl example and the sibling '
          'endpoints use /purchase-order-categories/. The latter is used.'])
op('DELETE', '/purchase-order-categories/{ID}', 'deletePurchaseOrderCategory', T_POC, params=[ID_POC], resp='message')
# Webhooks
ID_HOOK = pp('ID', 'The ID of the webhook.')
op('POST', '/webhooks', 'createWebhook', T_HOOKS, body='WebhookCreate', resp=('result', 'Webhook'))
op('GET', '/webhooks', 'listWebhooks', T_HOOKS, resp=('results', 'Webhook'),
   notes=['The doc lists no query parameters (no paging) for this endpoint.'])
HOOK_NOTE = ('The HTTP Request line reads /api/v2/webhook/<ID> (singular); the curl example and the create/list/delete '
             'endpoints use /webhooks/. The plural path is used.')
op('GET', '/webhooks/{ID}', 'getWebhook', T_HOOKS, params=[ID_HOOK], resp=('result', 'Webhook'), notes=[HOOK_NOTE])
op('PATCH', '/webhooks/{ID}', 'updateWebhook', T_HOOKS, params=[ID_HOOK], body='WebhookUpdate', resp=('result', 'Webhook'),
   notes=[HOOK_NOTE])
op('DELETE', '/webhooks/{ID}', 'deleteWebhook', T_HOOKS, params=[ID_HOOK], resp='message')

# ---------------------------------------------------------------- assembly

PATH_TYPOS = [('/purchase-order-categoriess/', '/purchase-order-categories/'), ('/api/v2/webhook/', '/api/v2/webhooks/')]


def doc_path(url):
    """Doc URL -> spec path: host and trailing slash dropped, <X> -> {X}, known typos fixed."""
    p = url.replace('https://api.onupkeep.com', '')
    for bad, good in PATH_TYPOS:
        p = p.replace(bad, good)
    p = re.sub(r'<([^>]+)>', r'{\1}', p)
    return p.rstrip('/') or '/'


def coerce_form(body_schema, sc, pairs):
    """Form pairs from a curl example -> an object typed like the schema (as the server reads it)."""
    props = body_schema.get('properties', {})
    out = {}
    for k, raw in pairs:
        v = raw
        if len(v) >= 2 and v[0] == v[-1] and v[0] in '"\'':
            v = v[1:-1]
        t = props.get(k, {}).get('type', 'string')
        types = t if isinstance(t, list) else [t]
        if 'array' in types:
            v = json.loads(v)
        elif 'integer' in types and re.fullmatch(r'-?\d+', v):
            v = int(v)
        elif 'number' in types and re.fullmatch(r'-?\d+(\.\d+)?', v):
            v = float(v) if '.' in v else int(v)
        elif 'boolean' in types and v in ('true', 'false'):
            v = v == 'true'
        out[k] = v
    return out


def example(value, summary, repairs=None, extra_note=None):
    ex = {'summary': summary, 'value': value}
    notes = sorted(set(repairs or []))
    if extra_note:
        notes.append(extra_note)
    if notes:
        ex['x-doc-note'] = 'Repaired from the doc\'s example: ' + '; '.join(notes) + '.'
    return ex


def envelope(kind, name):
    if kind == 'message':
        return R('MessageResponse')
    key = {'result': 'result', 'results': 'results', 'data': 'data', 'result_or_array': 'result',
           'data_message': 'data'}[kind]
    if kind in ('results', 'data_message'):
        inner = arr(R(name))
    elif kind == 'result_or_array':
        inner = {'anyOf': [R(name), arr(R(name))]}
    else:
        inner = R(name)
    env = {'type': 'object', 'required': ['success', key], 'properties': {'success': R('SuccessFlag'), key: inner}}
    if kind == 'data_message':
        env['required'].append('message')
        env['properties']['message'] = S
    return env


ENVELOPE_NAMES = {'result': '{}Response', 'results': '{}ListResponse', 'data': '{}DataResponse',
                  'result_or_array': '{}ResultOrArrayResponse', 'data_message': '{}Response'}

ERROR_RESPONSES = {
    'BadRequest': ('400', 'Bad Request -- see the accompanying message.', 'ErrorWithMessage', {
        'notNull': {'summary': '{field} cannot be null: the field in your POST or PATCH request must contain a value.',
                    'value': {'success': False, 'message': '{field} cannot be null'}},
        'invalidFilter': {'summary': 'invalid filter key: {field}: the field in your GET request does not exist.',
                          'value': {'success': False, 'message': 'invalid filter key: {field}'}},
        'notInSchema': {'summary': '{field} not in schema: the field in your POST request does not exist.',
                        'value': {'success': False, 'message': '{field} not in schema'}},
        'notAllowed': {'summary': '{field} is not allowed to be set!: the field in your PATCH request cannot be edited.',
                       'value': {'success': False, 'message': '{field} is not allowed to be set!'}}}),
    'Unauthorized': ('401', 'Unauthorized -- your session token (the doc says "API key") is wrong.', 'Error', None),
    'Forbidden': ('403', 'Forbidden -- the object requested is hidden for administrators only.', 'Error', None),
    'NotFound': ('404', 'Not Found -- the specified object could not be found.', 'Error', None),
    'MethodNotAllowed': ('405', 'Method Not Allowed -- you tried to access an object with an invalid method.', 'Error', None),
    'NotAcceptable': ('406', 'Not Acceptable -- you requested a format that isn\'t json.', 'Error', None),
    'TooManyRequests': ('429', 'Too Many Requests -- you\'re requesting too many objects! Slow down!', 'Error', None),
    'InternalServerError': ('500', 'Internal Server Error -- we had a problem with our server. Try again later.',
                            'ErrorWithMessage', None),
    'ServiceUnavailable': ('503', 'Service Unavailable -- temporarily offline for maintenance. Try again later.',
                           'Error', None),
}

DATE_PREFIXES = ['createdAt', 'updatedAt', 'dueDate', 'endDueDate', 'dateCompleted', 'date', 'poDate', 'fulfilledAt',
                 'approvedAt', 'declinedAt']

INFO_DESCRIPTION = """\
OpenAPI description of the UpKeep REST API v2, written from the vendor's public documentation
(upstream-docs/upkeep.txt, "current version of the UpKeep API is 2022-09-14").

**Availability.** The API is enabled only for accounts on the Business Plus Plan.

**Authentication.** `POST /api/v2/auth` with a user's email and password (form or JSON) returns a
`sessionToken`; send it as the `Session-Token` header on every other call. Session tokens can be generated with
the credentials of any user of the account, and the data a call sees is that user's account (and what the user's
account type and location access allow: 403 "hidden for administrators only"). `DELETE /api/v2/auth` ends the
session.

**Envelope.** Successful responses are `{"success": true, "result": {...}}` for one object,
`{"success": true, "results": [...]}` for lists and `{"success": true, "message": "..."}` for deletes and
assignments (file upload answers `data`). Errors: 400/500 bodies carry a `message` (e.g. "{field} cannot be
null", "invalid filter key: {field}", "{field} not in schema", "{field} is not allowed to be set!"); other codes
used: 401, 403, 404, 405, 406, 429, 500, 503.

**Pagination and filters.** Lists take `offset` and `limit` (no documented default or maximum) and `orderBy`
("<field> ASC|DESC", default "createdAt DESC"; form templates and files use `sort`). Date filters
`<field>GreaterThan`, `LessThan`, `GreaterThanOrEqualTo`, `LessThanOrEqualTo` take Unix time in milliseconds.
Unknown filter keys are rejected with 400 "invalid filter key".

**Includes.** `includes` expands ID fields into objects; the list of expandable names is per endpoint. The API
accepts it repeated (`includes=a&includes=b`), with brackets (`includes[]=a&includes[]=b`) or comma-separated
(`includes=a,b`).

**Rate limits.** The doc documents only the 429 status ("You're requesting too many objects! Slow down!");
no limits, windows or headers are published.

**Versioning.** Requests use the account's default API version unless the `upkeep-version` header names
another (e.g. `2021-11-23`). Sections sunset as of version 2022-09-14 are marked `deprecated: true`.

**Paths.** The doc writes some collection paths with a trailing slash (e.g. `/api/v2/users/`) and others
without (its own curl examples mix both for the same endpoint); paths here have no trailing slash, and
`x-doc-path` on each operation records the path exactly as the doc's "HTTP Request" line gives it.
"""


def build():
    doc_blocks = upkeep_doc.blocks(DOC)
    if len(doc_blocks) != len(OPS):
        raise SystemExit('doc has %d operation blocks, table has %d entries' % (len(doc_blocks), len(OPS)))
    sc = schemas()
    sc['UserLocationAccess'] = {'type': 'object', 'required': ['locationId'], 'properties': {'locationId': S}}
    sc['PMTriggerDeleted'] = {'type': 'object', 'description': 'A deleted trigger with its work order template.',
                              'properties': {'trigger': R('PMTrigger'), 'workOrder': R('PMTriggerWorkOrder')}}
    paths = {}
    last = None
    for entry, blk in zip(OPS, doc_blocks):
        resp_value, resp_repairs = upkeep_doc.repair_json(blk['response_text'])
        curl = blk['curl']
        if entry.get('merge'):
            if blk['title'] != entry['title']:
                raise SystemExit('merge entry %r does not match doc block %r' % (entry['title'], blk['title']))
            add_block_examples(last, blk, resp_value, resp_repairs, sc, merged=True)
            continue
        # alignment check
        if entry.get('no_http_line'):
            if blk['http'] is not None:
                raise SystemExit('%s: expected no HTTP Request line' % entry['opid'])
            dmethod, dpath = curl['method'], doc_path(curl['url'])
        else:
            dmethod, dpath = blk['http'][0], doc_path(blk['http'][1])
        want_method = entry.get('doc_method', entry['method'])
        if dmethod != want_method or dpath != entry['path']:
            raise SystemExit('%s (%s %s) does not match doc block %r: %s %s'
                             % (entry['opid'], entry['method'], entry['path'], blk['title'], dmethod, dpath))
        if curl['method'] != entry.get('curl_method', entry['method']):
            raise SystemExit('%s: curl method %s unexpected' % (entry['opid'], curl['method']))
        o = {'operationId': entry['opid'], 'tags': [entry['tag']], 'summary': entry.get('summary', blk['title'])}
        desc = entry.get('description')
        if entry.get('deprecated'):
            o['deprecated'] = True
            sunset = ('Marked %s in the doc%s.' % (entry['deprecated'],
                      ' (section sunset as of API version 2022-09-14)' if 'SUNSET AS OF' in entry['tag'] else ''))
            desc = sunset + (' ' + desc if desc else '')
        if desc:
            o['description'] = desc
        if 'security' in entry:
            o['security'] = entry['security']
        o['x-doc-path'] = ('%s %s' % (blk['http'][0], blk['http'][1].replace('https://api.onupkeep.com', ''))
                           if blk['http'] else None)
        if o['x-doc-path'] is None:
            o['x-doc-path'] = 'none (curl example: %s %s)' % (curl['method'], curl['url'].replace('https://api.onupkeep.com', ''))
        o['x-doc-line'] = blk['curl_line']
        if entry.get('notes'):
            o['x-doc-note'] = ' '.join(entry['notes'])
        o['parameters'] = list(entry.get('params', [])) + [pref('UpkeepVersion')]
        # request body
        body = entry.get('body')
        if body:
            if isinstance(body, list):
                schema = {'oneOf': [R(b) for b in body]}
            else:
                schema = R(body)
            content = {}
            if entry.get('multipart'):
                content['multipart/form-data'] = {'schema': schema,
                                                  'encoding': {'file': {'contentType': 'application/octet-stream'}}}
            else:
                content['application/json'] = {'schema': schema}
                if entry.get('form'):
                    content['application/x-www-form-urlencoded'] = {'schema': schema}
            o['requestBody'] = {'required': True, 'content': content}
        # responses
        kind, name = (entry['resp'], None) if isinstance(entry['resp'], str) else entry['resp']
        if kind == 'message':
            env_ref = R('MessageResponse')
        else:
            env_name = ENVELOPE_NAMES[kind].format(name)
            sc.setdefault(env_name, envelope(kind, name))
            env_ref = R(env_name)
        o['responses'] = {'200': {'description': 'Success.', 'content': {'application/json': {'schema': env_ref}}}}
        for rname, (code, _, _, _) in ERROR_RESPONSES.items():
            if code in ('405', '406'):
                continue
            if code == '404' and '{' not in entry['path']:
                continue
            o['responses'][code] = {'$ref': '#/components/responses/' + rname}
        add_block_examples(o, blk, resp_value, resp_repairs, sc, entry=entry)
        paths.setdefault(entry['path'], {})[entry['method'].lower()] = o
        last = o
    return paths, sc


def add_block_examples(o, blk, resp_value, resp_repairs, sc, entry=None, merged=False):
    key = 'partiallyFulfill' if merged else 'doc'
    media = o['responses']['200']['content']['application/json']
    media.setdefault('examples', {})[key] = example(resp_value, blk['title'], resp_repairs)
    curl = blk['curl']
    rb = o.get('requestBody')
    if rb is None:
        return
    content = rb['content']
    if curl['json_text']:
        v, rep = upkeep_doc.repair_json(curl['json_text'])
        content['application/json'].setdefault('examples', {})[key] = example(v, blk['title'] + ' (request)', rep)
    elif curl['form']:
        ref_name = (entry or {}).get('body')
        body_schema = sc[ref_name] if isinstance(ref_name, str) else {}
        override = (entry or {}).get('form_example_override')
        v = dict(override) if override else coerce_form(body_schema, sc, curl['form'])
        for mt in content:
            content[mt].setdefault('examples', {})[key] = example(
                v, blk['title'] + ' (request; the doc\'s curl sends it form-encoded)')
    # extra JSON blocks after the HTTP line (the partial-fulfill 400 examples)
    lines = blk['lines']
    start = blk['http_line'] or blk['body_lines'][0]
    extras = upkeep_doc.extra_json_blocks(lines, start, blk['body_lines'][1])
    if extras:
        exs = {}
        for n, text in enumerate(extras, 1):
            v, rep = upkeep_doc.repair_json(text)
            exs['docError%d' % n] = example(v, v.get('message', 'error'), rep)
        o['responses']['400'] = {'description': ERROR_RESPONSES['BadRequest'][1],
                                 'content': {'application/json': {'schema': R('ErrorWithMessage'), 'examples': exs}}}


def components(sc):
    params = {
        'offset': {'name': 'offset', 'in': 'query', 'required': False, 'description': 'Offset for pagination.',
                   'schema': {'type': 'integer', 'minimum': 0}},
        'limit': {'name': 'limit', 'in': 'query', 'required': False,
                  'description': 'Limit for pagination. The doc gives no default and no maximum.',
                  'schema': {'type': 'integer', 'minimum': 0},
                  'x-doc-note': 'The doc types offset and limit "Number" with default "undefined" and no bounds; '
                                'integer >= 0 is our reading.'},
        'UpkeepVersion': {'name': 'upkeep-version', 'in': 'header', 'required': False,
                          'description': 'API version for this request (default: the account\'s setting). '
                                         'Current version: 2022-09-14; the doc\'s example is \'2021-11-23\'.',
                          'schema': {'type': 'string', 'pattern': "^'?[0-9]{4}-[0-9]{2}-[0-9]{2}'?$"},
                          'x-doc-note': 'The doc writes the header as `upkeep-version: \'2021-11-23\'` (with quotes); '
                                        'the pattern accepts the date with or without the quotes.'},
    }
    for p in DATE_PREFIXES:
        for op_ in DATE_OPS:
            params[p + op_] = {'name': p + op_, 'in': 'query', 'required': False,
                               'description': '%s %s (Unix time in milliseconds).' % (
                                   p, re.sub(r'([A-Z])', r' \1', op_).strip().lower()),
                               'schema': dict(MS)}
    responses = {}
    for rname, (code, desc, schema_name, exs) in ERROR_RESPONSES.items():
        media = {'schema': R(schema_name)}
        if exs:
            media['examples'] = exs
        responses[rname] = {'description': desc, 'content': {'application/json': media}}
    return {'schemas': sc, 'responses': responses, 'parameters': params,
            'securitySchemes': {'sessionToken': {
                'type': 'apiKey', 'in': 'header', 'name': 'Session-Token',
                'description': 'Session token returned by POST /api/v2/auth (result.sessionToken).'}}}


TAG_DESCRIPTIONS = {
    T_LEG: 'Legacy recurring (preventative maintenance) work orders. SUNSET as of API version 2022-09-14; '
           'use Preventive Maintenance Triggers.',
    T_SCHED: 'Schedule of legacy recurring work orders. SUNSET as of API version 2022-09-14.',
    T_PM: 'A PM trigger creates recurring work orders from its frequency settings.',
    T_HOOKS: 'Webhooks push account events to your endpoint in real time; manage them here or on '
                                 'the Settings page.',
}


class NoAliasDumper(yaml.SafeDumper):
    def ignore_aliases(self, data):
        return True


def str_presenter(dumper, data):
    if '\n' in data:
        return dumper.represent_scalar('tag:yaml.org,2002:str', data, style='|')
    return dumper.represent_scalar('tag:yaml.org,2002:str', data)


NoAliasDumper.add_representer(str, str_presenter)


def main():
    paths, sc = build()
    tags = []
    for e in OPS:
        if e.get('tag') and e['tag'] not in [t['name'] for t in tags]:
            t = {'name': e['tag']}
            if e['tag'] in TAG_DESCRIPTIONS:
                t['description'] = TAG_DESCRIPTIONS[e['tag']]
            tags.append(t)
    spec = {
        'openapi': '3.1.0',
        'info': {'title': 'UpKeep API', 'version': '2022-09-14', 'description': INFO_DESCRIPTION,
                 'contact': {'email': 'info@onupkeep.com'},
                 'x-source': 'upstream-docs/upkeep.txt (UpKeep API documentation, API version 2022-09-14)'},
        'servers': [{'url': 'https://api.onupkeep.com', 'description': 'Production (paths start with /api/v2).'}],
        'security': [{'sessionToken': []}],
        'tags': tags,
        'paths': paths,
        'components': components(sc),
    }
    text = yaml.dump(spec, Dumper=NoAliasDumper, sort_keys=False, allow_unicode=True, width=120)
    header = ('# UpKeep API v2 (version 2022-09-14), from upstream-docs/upkeep.txt.\n'
              '# Generated by scripts/gen-upkeep-spec.py; see specs/README.md (section UpKeep) for counts and doc notes.\n')
    with open(OUT, 'w', encoding='utf-8') as fh:
        fh.write(header + text)
    n = sum(len(v) for v in paths.values())
    print('wrote %s: %d paths, %d operations' % (OUT, len(paths), n))


if __name__ == '__main__':
    main()
